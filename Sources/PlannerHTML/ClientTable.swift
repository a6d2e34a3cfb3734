import PlannerDomain
import Plot

/// Every plan entry: one row per known client or group of identical expected clients,
/// sortable by any column.
enum ClientTable {
  static func section(_ plan: Plan) -> HTMLNode {
    let rows = plan.clients.map { entry in
      [
        DataTable.Cell(ReportText.client(entry), sortKey: sortKey(entry.reference)),
        DataTable.Cell(entry.route),
        DataTable.Cell(entry.profile ?? "–"),
        DataTable.Cell(entry.languages.isEmpty ? "–" : entry.languages.joined(separator: ", ")),
        DataTable.Cell(ReportText.month(entry.available), sortKey: entry.available.description),
        DataTable.Cell(entry.specialist ?? "none"),
        DataTable.Cell(ReportText.month(entry.intake, none: "no intake"), sortKey: entry.intake?.description ?? "9999"),
        DataTable.Cell(
          ReportText.month(entry.exit, none: entry.intake == nil ? "–" : "after the period"),
          sortKey: entry.exit?.description ?? "9999"),
        DataTable.Cell(entry.wait),
        DataTable.Cell(steps(entry.steps), sortKey: steps(entry.steps)),
      ]
    }
    return .div(
      .paragraph(
        "One row per client; expected clients who are not known yet appear as a group with their number. "
          + "Select a column heading to sort by it."),
      DataTable.table(
        caption: "Clients",
        columns: [
          .init("Client"), .init("Route"), .init("Profile"), .init("Languages"),
          .init("Available"), .init("Case manager"), .init("Intake"), .init("Leaves the caseload"),
          .init("Waiting months", numeric: true), .init("Steps"),
        ], rows: rows, sortable: true, classes: "clients"))
  }

  private static func sortKey(_ reference: ClientReference) -> String {
    switch reference {
    case .known(let id): return "0 " + id
    case .inflow(let index):
      let digits = String(index)
      return "1 " + String(repeating: "0", count: max(0, 6 - digits.count)) + digits
    }
  }

  static func steps(_ steps: [PlannedStep]) -> String {
    guard !steps.isEmpty else { return "all steps done" }
    return steps.map { step in
      switch step.outcome {
      case .started(let programme, let group, _, let start, let wait):
        return "\(step.step): \(programme) class \(group), \(ReportText.month(start))"
          + (wait > 0 ? " (waited \(ReportText.count(wait, "month")))" : "")
      case .unstarted(let ready, _):
        return "\(step.step): not started" + (ready.map { " (ready \(ReportText.month($0)))" } ?? "")
      case .beyondHorizon:
        return "\(step.step): after the period"
      }
    }.joined(separator: "; ")
  }
}

import PlannerDomain
import Plot

/// What the plan assumes, from the scenario: period, caps, languages, routes, programmes and
/// case managers.
enum Assumptions {
  static func section(_ scenario: Scenario, plan: Plan) -> HTMLNode {
    let end = scenario.start.adding(max(scenario.horizon - 1, 0))
    let facts: [(String, String)] = [
      (
        "Period",
        "\(ReportText.month(scenario.start)) to \(ReportText.month(end)) "
          + "(\(ReportText.count(scenario.horizon, "month")))"
      ),
      ("Caseload cap", "\(scenario.caseload.cap) clients per full-time case manager"),
      ("Counted", ReportText.basis(scenario.caseload.basis)),
      ("Language of the case manager", ReportText.languageMatch(scenario.languageMatch)),
      (
        "Clients",
        "\(ReportText.count(scenario.clients.count, "known client")) and "
          + "\(ReportText.count(scenario.inflow.reduce(0) { $0 + $1.count }, "expected client")) "
          + "in \(ReportText.count(scenario.inflow.count, "inflow group"))"
      ),
    ]
    return .div(
      .tag(
        "dl",
        [.classes("facts")]
          + facts.flatMap { name, value in [.tag("dt", [.safeText(name)]), .tag("dd", [.safeText(value)])] }),
      routes(scenario),
      programmes(scenario),
      specialists(scenario, plan: plan))
  }

  private static func routes(_ scenario: Scenario) -> HTMLNode {
    let rows = scenario.routes.map { route in
      [
        DataTable.Cell(route.name), DataTable.Cell(route.steps.joined(separator: " → ")),
        DataTable.Cell(route.intakeMonths), DataTable.Cell(route.intakeWithin), DataTable.Cell(route.aftercare),
      ]
    }
    return DataTable.table(
      caption: "Routes: the steps a client takes after the intake",
      columns: [
        .init("Route"), .init("Steps in order"), .init("Intake takes (months)", numeric: true),
        .init("Intake target (months)", numeric: true), .init("Aftercare (months)", numeric: true),
      ], rows: rows, sortable: false)
  }

  private static func programmes(_ scenario: Scenario) -> HTMLNode {
    let rows = scenario.programmes.map { programme in
      [
        DataTable.Cell(programme.id), DataTable.Cell(programme.provider), DataTable.Cell(programme.step),
        DataTable.Cell(programme.routes?.joined(separator: ", ") ?? "all"),
        DataTable.Cell(programme.profiles?.joined(separator: ", ") ?? "all"),
        DataTable.Cell(ReportText.duration(programme.duration), sortKey: String(programme.duration.months)),
        DataTable.Cell(programme.seats), DataTable.Cell(programme.minSize), DataTable.Cell(programme.groups),
        DataTable.Cell(ReportText.starts(programme.starts)),
      ]
    }
    return DataTable.table(
      caption: "Programmes: classes the providers run",
      columns: [
        .init("Programme"), .init("Provider"), .init("Step"), .init("Routes"), .init("Profiles"), .init("Duration"),
        .init("Seats", numeric: true), .init("Minimum size", numeric: true),
        .init("Classes per start", numeric: true), .init("May start in"),
      ], rows: rows, sortable: false)
  }

  private static func specialists(_ scenario: Scenario, plan: Plan) -> HTMLNode {
    let caps = Dictionary(plan.specialists.map { ($0.id, $0.cap) }) { first, _ in first }
    let unit = scenario.caseload.basis == .annual ? "a year" : "a month"
    let rows = scenario.specialists.map { specialist in
      [
        DataTable.Cell(specialist.id), DataTable.Cell(specialist.fte.description),
        DataTable.Cell(specialist.languages.isEmpty ? "–" : specialist.languages.joined(separator: ", ")),
        DataTable.Cell(ReportText.month(specialist.from, none: "start")),
        DataTable.Cell(ReportText.month(specialist.until, none: "end")),
        DataTable.Cell(specialist.cap.map { "\($0) per FTE (personal)" } ?? "\(scenario.caseload.cap) per FTE"),
        DataTable.Cell(caps[specialist.id].map { "\($0) \(unit)" } ?? "–"),
      ]
    }
    return DataTable.table(
      caption: "Case managers",
      columns: [
        .init("Case manager"), .init("FTE", numeric: true), .init("Languages"), .init("From"), .init("Until"),
        .init("Cap"), .init("Cap in this plan"),
      ], rows: rows, sortable: false)
  }
}

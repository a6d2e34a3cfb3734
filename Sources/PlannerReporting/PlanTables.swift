import Foundation
import PlannerDomain

/// The CSV tables written next to plan.json, for spreadsheets (RFC 4180, `,`, CRLF-free).
public enum PlanTables {
  /// One row per plan entry and step.
  public static func clients(_ plan: Plan) -> String {
    var rows: [[String]] = [
      [
        "id", "inflow", "count", "specialist", "intake", "exit", "wait", "step", "programme", "group", "ready", "start",
        "step_wait", "state",
      ]
    ]
    for entry in plan.clients {
      let identity: [String]
      switch entry.reference {
      case .known(let id): identity = [id, "", "1"]
      case .inflow(let index): identity = ["", String(index), String(entry.count)]
      }
      let common =
        identity + [
          entry.specialist ?? "", entry.intake?.description ?? "", entry.exit?.description ?? "", String(entry.wait),
        ]
      if entry.steps.isEmpty { rows.append(common + ["", "", "", "", "", "", ""]) }
      for step in entry.steps {
        switch step.outcome {
        case .started(let programme, let group, let ready, let start, let wait):
          rows.append(
            common + [
              step.step, programme, String(group), ready?.description ?? "", start.description, String(wait), "started",
            ])
        case .unstarted(let ready, let wait):
          rows.append(
            common + [step.step, "", "", ready?.description ?? "", "", ready == nil ? "" : String(wait), "unstarted"])
        case .beyondHorizon(let ready):
          rows.append(common + [step.step, "", "", ready?.description ?? "", "", "", "beyond-horizon"])
        }
      }
    }
    return csv(rows)
  }

  public static func cohorts(_ plan: Plan) -> String {
    var rows: [[String]] = [["programme", "provider", "start", "group", "size", "seats", "min_size"]]
    for cohort in plan.cohorts {
      rows.append([
        cohort.programme, cohort.provider, cohort.start.description, String(cohort.group), String(cohort.size),
        String(cohort.seats), String(cohort.minSize),
      ])
    }
    return csv(rows)
  }

  public static func caseload(_ plan: Plan) -> String {
    var rows: [[String]] = [["specialist", "month", "clients", "cap"]]
    for load in plan.specialists {
      for (offset, clients) in load.caseload.enumerated() {
        rows.append([load.id, plan.start.adding(offset).description, String(clients), String(load.cap)])
      }
    }
    return csv(rows)
  }

  public static func csv(_ rows: [[String]]) -> String {
    rows.map { $0.map(field).joined(separator: ",") }.joined(separator: "\n") + "\n"
  }

  /// Quotes a field when it holds a separator, quote or line break; neutralises leading
  /// formula characters so a spreadsheet shows names as text.
  static func field(_ value: String) -> String {
    var text = value
    if let first = text.first, "=+-@".contains(first), Double(text) == nil { text = "'" + text }
    guard text.contains(where: { ",\"\n\r".contains($0) }) else { return text }
    return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
  }
}

import PlannerDomain
import PlannerReporting
import Plot

/// How the plan was made: solver status, bound and gap, and the reproducibility record.
enum Record {
  static func section(_ plan: Plan, record: ReproducibilityRecord) -> HTMLNode {
    let facts: [(String, String)] = [
      ("Status", "\(plan.status.rawValue): \(ReportText.status(plan))"),
      ("Waiting months", String(plan.waitingMonths)),
      ("Best bound", plan.bound.map(ReportText.number) ?? "unknown"),
      ("Gap", plan.gap.map(ReportText.percent) ?? "unknown"),
      ("Planned by", ReportText.strategy(plan.strategy)),
      ("Scenario file", record.scenarioFile),
      ("Scenario fingerprint (SHA-256)", record.scenarioDigest),
      ("cohortplan version", record.toolVersion),
      ("GLPK version", record.solverVersion),
      ("Flags", record.flags.isEmpty ? "none" : record.flags.joined(separator: " ")),
    ]
    var nodes: [HTMLNode] = [
      .paragraph(
        "The same scenario file (same fingerprint), the same versions and the same flags give the same plan. "
          + "The gap is how far the plan may be from the best possible one: 0% means proven best."),
      .tag(
        "dl",
        [.classes("facts", "record")]
          + facts.flatMap { name, value in [.tag("dt", [.safeText(name)]), .tag("dd", [.safeText(value)])] }),
    ]
    nodes += record.notes.map { .paragraph($0, classes: "note") }
    return .div(.group(nodes))
  }
}

import Foundation
import PlanChecker
import PlannerDomain
import Testing

/// A scenario small enough to plan by hand, and its hand-written optimal plan.
///
/// Grid: 2020-01 is month 0, H = 8 (2020-01 … 2020-08). Route `b1`: voortraject, language;
/// intake 1 month, aftercare 1 month. Programmes: `vt` (voortraject, 1 month, monthly, seats 3,
/// min 2, 2 groups), `taal` (language, 8 weeks = ⌈96 / 52⌉ = 2 months, starts in March and May,
/// seats 4, min 2, profile A only) and `taal-open` (language, 3 months, any profile).
/// Specialists: s1 (1 FTE, Arabic), s2 (0.5 FTE, personal cap 8, Tigrinya, until 2020-10).
/// Annual basis with cap 4; language match required.
enum Tiny {
  static func scenario(_ edit: (inout Scenario) -> Void = { _ in }) -> Scenario {
    var scenario = Scenario(
      name: "tiny", start: month("2020-01"), horizon: 8,
      caseload: CaseloadPolicy(cap: ExactDecimal(4), basis: .annual), languageMatch: .required,
      routes: [Route(name: "b1", steps: ["voortraject", "language"], intakeMonths: 1, aftercare: 1)],
      programmes: [
        Programme(
          id: "vt", provider: "gemeente", step: "voortraject", duration: .months(1), seats: 3, minSize: 2, groups: 2),
        Programme(
          id: "taal", provider: "roc", step: "language", profiles: ["A"], duration: .weeks(8),
          starts: .months([3, 5]), seats: 4, minSize: 2),
        Programme(id: "taal-open", provider: "roc", step: "language", duration: .months(3), seats: 5),
      ],
      specialists: [
        Specialist(id: "s1", languages: ["ar"]),
        Specialist(
          id: "s2", fte: ExactDecimal(scaled: 5_000), languages: ["ti"], until: month("2020-10"),
          cap: ExactDecimal(8)),
      ],
      clients: [
        Client(id: "C1", available: month("2020-01"), route: "b1", profile: "A", languages: ["ar"]),
        Client(
          id: "C2", available: month("2020-02"), route: "b1", profile: "A", languages: ["ti"],
          pins: ClientPins(steps: ["language": StepPin(programme: "taal", start: month("2020-05"))])),
        Client(id: "C3", available: month("2020-03"), route: "b1", languages: ["ar"]),
        Client(id: "C4", available: month("2020-06"), route: "b1", profile: "A", languages: ["ti"]),
        Client(id: "C5", available: month("2020-08"), route: "b1", profile: "A"),
        Client(
          id: "C6", available: month("2019-09"), route: "b1", profile: "A", languages: ["ar"], done: ["voortraject"],
          pins: ClientPins(
            specialist: "s1", intake: month("2019-10"), exit: month("2020-02"),
            steps: ["language": StepPin(programme: "taal", start: month("2019-11"))])),
      ],
      inflow: [InflowGroup(month: month("2020-02"), count: 2, route: "b1", profile: "A")]
    )
    edit(&scenario)
    return scenario
  }

  // Waiting months, by hand (i = intake, r = ready, s = start; offsets from 2020-01):
  // C1      available 0, intake 1: 1. vt r 2 s 2: 0. taal r 3 s 4 (May): 1.       = 2
  //         exit = taal end 4 + 2 + aftercare 1 = 7 (2020-08).
  // C2      available 1, intake 1: 0. vt 0, taal 1 (same as C1).                   = 1
  // inflow  2 × (intake 0 + vt 0 + taal 1)                                         = 2
  // C3      no intake: H − available = 8 − 2.                                      = 6
  // C4      available 5, intake 5: 0. vt ready 6, unstarted: H − 6 = 2.             = 2
  // C5      available 7, intake 7: 0. vt ready 8 = H: beyond the horizon.           = 0
  // C6      history: pinned intake 2019-10 and taal start 2019-11 (outside the calendar,
  //         cohort of 1 below the minimum: both exempt as history); end 0, exit 0 + 1 = 1.
  //                                                                          total = 13
  // Caseloads: s1 = C6 [0, 1) + C1 [1, 7) + 2 inflow [1, 7) → 1, 3, 3, 3, 3, 3, 3, 0;
  // distinct in 2020: 4 ≤ ⌊4 × 1 × 12 / 12⌋ = 4. s2 = C2 [1, 7) + C4 [5, 8) + C5 [7, 8) →
  // 0, 1, 1, 1, 1, 2, 2, 2; distinct 3 ≤ ⌊8 × 0.5 × 10 / 12⌋ = 3 (available January–October).
  static let waitingMonths = 13

  /// One client entry per line, so that tests can edit one entry by its first words.
  static let plan = """
    {
      "format": "cohortplan.plan/1", "scenario": "tiny", "start": "2020-01", "horizon": 8,
      "status": "optimal", "gap": 0.0, "bound": 13,
      "objective": {"waitingMonths": 13},
      "clients": [
        {"id": "C1", "specialist": "s1", "intake": "2020-02", "exit": "2020-08", "wait": 2, "steps": [{"step": "voortraject", "programme": "vt", "group": 1, "ready": "2020-03", "start": "2020-03", "wait": 0}, {"step": "language", "programme": "taal", "group": 1, "ready": "2020-04", "start": "2020-05", "wait": 1}]},
        {"id": "C2", "specialist": "s2", "intake": "2020-02", "exit": "2020-08", "wait": 1, "steps": [{"step": "voortraject", "programme": "vt", "group": 1, "ready": "2020-03", "start": "2020-03", "wait": 0}, {"step": "language", "programme": "taal", "group": 1, "ready": "2020-04", "start": "2020-05", "wait": 1}]},
        {"inflow": 0, "count": 2, "specialist": "s1", "intake": "2020-02", "exit": "2020-08", "wait": 1, "steps": [{"step": "voortraject", "programme": "vt", "group": 2, "ready": "2020-03", "start": "2020-03", "wait": 0}, {"step": "language", "programme": "taal", "group": 1, "ready": "2020-04", "start": "2020-05", "wait": 1}]},
        {"id": "C3", "specialist": null, "intake": null, "exit": null, "wait": 6, "steps": [{"step": "voortraject", "unstarted": true}, {"step": "language", "unstarted": true}]},
        {"id": "C4", "specialist": "s2", "intake": "2020-06", "exit": null, "wait": 2, "steps": [{"step": "voortraject", "unstarted": true, "ready": "2020-07", "wait": 2}, {"step": "language", "unstarted": true}]},
        {"id": "C5", "specialist": "s2", "intake": "2020-08", "exit": null, "wait": 0, "steps": [{"step": "voortraject", "beyondHorizon": true, "ready": "2020-09"}, {"step": "language", "beyondHorizon": true}]},
        {"id": "C6", "specialist": "s1", "intake": "2019-10", "exit": "2020-02", "wait": 0, "steps": [{"step": "language", "programme": "taal", "group": 1, "ready": "2020-01", "start": "2019-11", "wait": 0}]}
      ],
      "cohorts": [
        {"programme": "taal", "provider": "roc", "start": "2019-11", "group": 1, "size": 1},
        {"programme": "vt", "provider": "gemeente", "start": "2020-03", "group": 1, "size": 2},
        {"programme": "vt", "provider": "gemeente", "start": "2020-03", "group": 2, "size": 2},
        {"programme": "taal", "provider": "roc", "start": "2020-05", "group": 1, "size": 4}
      ],
      "specialists": [
        {"id": "s1", "cap": 4, "caseload": [{"month": "2020-01", "clients": 1}, {"month": "2020-02", "clients": 3}, {"month": "2020-03", "clients": 3}, {"month": "2020-04", "clients": 3}, {"month": "2020-05", "clients": 3}, {"month": "2020-06", "clients": 3}, {"month": "2020-07", "clients": 3}, {"month": "2020-08", "clients": 0}], "years": [{"year": 2020, "clients": 4, "cap": 4}]},
        {"id": "s2", "cap": 4, "caseload": [{"month": "2020-01", "clients": 0}, {"month": "2020-02", "clients": 1}, {"month": "2020-03", "clients": 1}, {"month": "2020-04", "clients": 1}, {"month": "2020-05", "clients": 1}, {"month": "2020-06", "clients": 2}, {"month": "2020-07", "clients": 2}, {"month": "2020-08", "clients": 2}], "years": [{"year": 2020, "clients": 3, "cap": 3}]}
      ]
    }
    """

  /// The plan with `old` replaced by `new` on the one line that contains `line`; both must be
  /// unique, so a test cannot silently edit nothing.
  static func plan(_ edits: (line: String, old: String, new: String)...) throws -> String {
    var lines = plan.components(separatedBy: "\n")
    for edit in edits {
      let matches = lines.indices.filter { lines[$0].contains(edit.line) }
      let index = try #require(matches.count == 1 ? matches.first : nil, "line \(edit.line) is not unique")
      let occurrences = lines[index].components(separatedBy: edit.old).count - 1
      try #require(occurrences == 1, "\(edit.old) occurs \(occurrences) times on line \(edit.line)")
      lines[index] = lines[index].replacingOccurrences(of: edit.old, with: edit.new)
    }
    return lines.joined(separator: "\n")
  }

  /// The plan without the one line that contains `marker` (a client or cohort that is not last).
  static func plan(removingLineWith marker: String) throws -> String {
    var lines = plan.components(separatedBy: "\n")
    let matches = lines.indices.filter { lines[$0].contains(marker) }
    let index = try #require(matches.count == 1 ? matches.first : nil, "line \(marker) is not unique")
    lines.remove(at: index)
    return lines.joined(separator: "\n")
  }

  /// The plan with the one line that contains `marker` written twice.
  static func plan(duplicatingLineWith marker: String) throws -> String {
    var lines = plan.components(separatedBy: "\n")
    let matches = lines.indices.filter { lines[$0].contains(marker) }
    let index = try #require(matches.count == 1 ? matches.first : nil, "line \(marker) is not unique")
    lines.insert(lines[index], at: index)
    return lines.joined(separator: "\n")
  }

  static func check(_ plan: String, _ scenario: Scenario = scenario()) -> PlanCheckReport {
    PlanChecker.check(planJSON: Data(plan.utf8), scenario: scenario)
  }

  static func month(_ text: String) -> Month {
    guard let month = Month(parsing: text) else { fatalError("bad month in fixture: \(text)") }
    return month
  }
}

extension Scenario {
  /// Edits the known client `id` in place.
  mutating func client(_ id: String, _ edit: (inout Client) -> Void) {
    guard let index = clients.firstIndex(where: { $0.id == id }) else { fatalError("no client \(id)") }
    edit(&clients[index])
  }
}

extension PlanCheckReport {
  /// The distinct rule names reported, for assertions.
  var rules: Set<String> { Set(violations.map(\.rule)) }

  func reports(_ rule: PlanRule) -> Bool { violations.contains { $0.rule == rule.rawValue } }
}

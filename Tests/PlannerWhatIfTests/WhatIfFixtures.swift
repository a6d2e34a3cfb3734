import Foundation
import GLPK
import PlannerDomain
import PlannerFormulation
import PlannerWhatIf
import ScenarioIO
import Testing

/// Small scenarios whose optima are derived by hand in the tests, on a monthly grid from
/// 2025-01.
enum Small {
  static let start = Month(year: 2025, month: 1)

  /// Cap 1 per month, no steps, 2 months on the caseload from intake: with one specialist the
  /// second of two clients available in month 0 waits 2 months for the first to leave.
  static func crowdedSpecialist() -> Scenario {
    Scenario(
      name: "crowded", start: start, horizon: 6, caseload: CaseloadPolicy(cap: ExactDecimal(1), basis: .monthly),
      languageMatch: .none, routes: [Route(name: "r", steps: [], intakeMonths: 2)], programmes: [],
      specialists: [Specialist(id: "S1", languages: ["nl"])],
      clients: [
        Client(id: "A", available: start, route: "r"), Client(id: "B", available: start, route: "r"),
      ])
  }

  /// A course that starts only in April; A (available January) is ready in February and waits
  /// 2 months; B (available May) is ready in June and, with no April left in the horizon,
  /// never starts: 12 − 5 = 7 months. Total 9. A second start in October serves B in
  /// October: 4 months, total 6.
  static let calendarYAML = """
    version: 1
    name: calendar
    start: "2025-01"
    horizon: 12
    caseload: {cap: 100, basis: monthly}
    language_match: none
    routes:
      r: {steps: [course], intake_months: 1}
    programmes:
      - id: course
        provider: school
        step: course
        duration_months: 1
        starts: [4]
        seats: 10
    specialists:
      - {id: S1, languages: [nl, ar]}
    clients:
      - {id: A, available: "2025-01", route: r}
      - {id: B, available: "2025-05", route: r}
    """

  static func load(_ yaml: String = calendarYAML, overrides: [String] = []) throws -> LoadedScenario {
    try ScenarioLoader.load(
      yaml: yaml, fileName: "calendar.yaml", baseDirectory: nil,
      overrides: overrides.map { try ScenarioOverride(parsing: $0) })
  }

  /// The load error for `overrides`, or nil when the scenario loads.
  static func loadError(_ overrides: [String], yaml: String = calendarYAML) -> ScenarioLoadError? {
    do {
      _ = try load(yaml, overrides: overrides)
      return nil
    } catch let error as ScenarioLoadError {
      return error
    } catch {
      Issue.record("unexpected error \(error)")
      return nil
    }
  }

  static let options = WhatIfOptions(planning: PlanningOptions(timeLimit: 30), threads: 2)
}

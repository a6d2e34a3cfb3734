import Foundation
import PlanChecker
import ScenarioIO
import Testing

@Suite("A scenario read from its file")
struct LoadedScenarioTests {
  /// The tiny scenario of `TinyScenario.swift`, written as a scenario file.
  static let yaml = """
    version: 1
    name: tiny
    start: "2020-01"
    horizon: 8
    caseload: {cap: 4, basis: annual}
    language_match: required
    routes:
      b1: {steps: [voortraject, language], intake_months: 1, aftercare: 1}
    programmes:
      - {id: vt, provider: gemeente, step: voortraject, duration_months: 1, starts: monthly, seats: 3, min_size: 2, groups: 2}
      - {id: taal, provider: roc, step: language, profiles: [A], duration_weeks: 8, starts: [3, 5], seats: 4, min_size: 2}
      - {id: taal-open, provider: roc, step: language, duration_months: 3, starts: monthly, seats: 5}
    specialists:
      - {id: s1, languages: [ar]}
      - {id: s2, fte: 0.5, languages: [ti], until: "2020-10", cap: 8}
    clients:
      - {id: C1, available: "2020-01", route: b1, profile: A, languages: [ar]}
      - {id: C2, available: "2020-02", route: b1, profile: A, languages: [ti], steps: {language: {programme: taal, start: "2020-05"}}}
      - {id: C3, available: "2020-03", route: b1, languages: [ar]}
      - {id: C4, available: "2020-06", route: b1, profile: A, languages: [ti]}
      - {id: C5, available: "2020-08", route: b1, profile: A}
      - {id: C6, available: "2019-09", route: b1, profile: A, languages: [ar], done: [voortraject], specialist: s1, intake: "2019-10", exit: "2020-02", steps: {language: {programme: taal, start: "2019-11"}}}
    inflow:
      - {month: "2020-02", count: 2, route: b1, profile: A}
    """

  @Test("the hand-written plan passes against the scenario as the loader reads it")
  func checkAgainstLoadedScenario() throws {
    let loaded = try ScenarioLoader.load(yaml: Self.yaml, fileName: "tiny.yaml", baseDirectory: nil)
    let report = PlanChecker.check(planJSON: Data(Tiny.plan.utf8), scenario: loaded.scenario)
    #expect(report.violations == [])
    #expect(report.recomputedWaitingMonths == Tiny.waitingMonths)
  }
}

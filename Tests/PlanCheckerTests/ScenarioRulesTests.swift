import Foundation
import PlannerDomain
import Testing

@testable import PlanChecker

@Suite("The checker's own arithmetic on the scenario")
struct ScenarioRulesTests {
  @Test(
    "weeks become ⌈weeks × 12 / 52⌉ months",
    arguments: [(0, 0), (1, 1), (4, 1), (5, 2), (12, 3), (16, 4), (20, 5), (26, 6), (40, 10), (52, 12)])
  func weeksToMonths(weeks: Int, months: Int) {
    #expect(ScenarioRules.months(of: .weeks(weeks)) == months)
  }

  @Test("caps are exact: ⌊100 × 0.9⌋ = 90 and ⌊100 × 0.9 × 5 / 12⌋ = 37")
  func exactCaps() throws {
    let specialist = Specialist(
      id: "s", fte: try #require(ExactDecimal(parsing: "0.9")), from: Tiny.month("2020-08"))
    let rules = ScenarioRules(Tiny.scenario { $0.caseload.cap = ExactDecimal(100) })
    #expect(rules.monthlyCap(specialist) == 90)
    #expect(rules.availableMonths(specialist, in: 2020) == 5)
    #expect(rules.yearlyCap(specialist, in: 2020) == 37)
    #expect(rules.availableMonths(specialist, in: 2021) == 12)
    #expect(rules.yearlyCap(specialist, in: 2021) == 90)
    // ⌊0.3 × 10⌋ = 3, where binary floating point gives 2.
    let third = Specialist(id: "t", fte: try #require(ExactDecimal(parsing: "0.3")))
    let tenPerFTE = ScenarioRules(Tiny.scenario { $0.caseload.cap = ExactDecimal(10) })
    #expect(tenPerFTE.monthlyCap(third) == 3)
  }

  @Test("eligibility: step, routes, profiles; no profile joins only programmes without profiles")
  func eligibility() {
    let programme = Programme(
      id: "p", provider: "x", step: "taal", routes: ["b1"], profiles: ["A"], duration: .months(1), seats: 1)
    #expect(ScenarioRules.ineligibility(of: programme, step: "taal", route: "b1", profile: "A") == nil)
    #expect(ScenarioRules.ineligibility(of: programme, step: "werk", route: "b1", profile: "A") != nil)
    #expect(ScenarioRules.ineligibility(of: programme, step: "taal", route: "z", profile: "A") != nil)
    #expect(ScenarioRules.ineligibility(of: programme, step: "taal", route: "b1", profile: "B") != nil)
    #expect(ScenarioRules.ineligibility(of: programme, step: "taal", route: "b1", profile: nil) != nil)
    var open = programme
    open.profiles = nil
    open.routes = nil
    #expect(ScenarioRules.ineligibility(of: open, step: "taal", route: "z", profile: nil) == nil)
  }

  @Test("languages match when the lists share one, or either is empty")
  func languages() {
    #expect(ScenarioRules.languagesShared(["ar", "fa"], ["fa"]))
    #expect(ScenarioRules.languagesShared([], ["fa"]))
    #expect(ScenarioRules.languagesShared(["ti"], []))
    #expect(!ScenarioRules.languagesShared(["ti"], ["ar"]))
  }

  @Test("a scenario that cannot be checked against is reported, not trusted")
  func unsoundScenario() {
    let negative = Tiny.check(Tiny.plan, Tiny.scenario { $0.horizon = -1 })
    #expect(negative.rules == ["scenario"])
    let farMonth = Tiny.check(
      Tiny.plan, Tiny.scenario { $0.client("C1") { $0.available = Month(year: 1 << 60, month: 1) } })
    #expect(farMonth.rules == ["scenario"])
    let route = Tiny.check(Tiny.plan, Tiny.scenario { $0.client("C1") { $0.route = "nowhere" } })
    #expect(route.rules == ["scenario"])
  }
}

import Foundation
import PlanChecker
import PlannerDomain
import Testing

/// The annual basis across a year boundary: 2020-11 … 2021-02 (H = 4), one specialist with a
/// cap of 2 per FTE, three clients whose only step is done (exit = intake + 1).
@Suite("Annual caps per calendar year")
struct YearBoundaryTests {
  static func scenario(from: Month? = nil) -> Scenario {
    Scenario(
      name: "years", start: Tiny.month("2020-11"), horizon: 4,
      caseload: CaseloadPolicy(cap: ExactDecimal(2), basis: .annual),
      routes: [Route(name: "z", steps: ["taal"], intakeMonths: 1, aftercare: 0)],
      programmes: [Programme(id: "taal", provider: "roc", step: "taal", duration: .months(3), seats: 5)],
      specialists: [Specialist(id: "s1", from: from)],
      clients: ["A", "B", "C"].map {
        Client(id: $0, available: Tiny.month("2020-11"), route: "z", done: ["taal"])
      })
  }

  // A: intake 2020-11, wait 0, counts 2020-11. B: intake 2020-12, wait 1, counts 2020-12.
  // C: intake 2021-01, wait 2, counts 2021-01. Total 3. Distinct: 2020 → 2, 2021 → 1; the
  // yearly cap is ⌊2 × 1 × 12 / 12⌋ = 2 in both years (no from/until: a = 12 whatever H).
  static let plan = """
    {"format": "cohortplan.plan/1", "scenario": "years", "start": "2020-11", "horizon": 4,
     "status": "feasible", "gap": 0.25, "bound": 2.25, "objective": {"waitingMonths": 3},
     "clients": [
       {"id": "A", "specialist": "s1", "intake": "2020-11", "exit": "2020-12", "wait": 0, "steps": []},
       {"id": "B", "specialist": "s1", "intake": "2020-12", "exit": "2021-01", "wait": 1, "steps": []},
       {"id": "C", "specialist": "s1", "intake": "2021-01", "exit": "2021-02", "wait": 2, "steps": []}
     ],
     "cohorts": [],
     "specialists": [{"id": "s1", "cap": 2,
       "caseload": [{"month": "2020-11", "clients": 1}, {"month": "2020-12", "clients": 1},
                    {"month": "2021-01", "clients": 1}, {"month": "2021-02", "clients": 0}],
       "years": [{"year": 2020, "clients": 2, "cap": 2}, {"year": 2021, "clients": 1, "cap": 2}]}]}
    """

  @Test("each year overlapping the horizon is counted and capped on its own")
  func validAcrossYears() {
    let report = PlanChecker.check(planJSON: Data(Self.plan.utf8), scenario: Self.scenario())
    #expect(report.violations == [])
    #expect(report.recomputedWaitingMonths == 3)
  }

  @Test("a specialist available from July has a = 6 in 2020: ⌊2 × 6 / 12⌋ = 1 < 2")
  func partialYear() {
    let report = PlanChecker.check(planJSON: Data(Self.plan.utf8), scenario: Self.scenario(from: Tiny.month("2020-07")))
    #expect(report.reports(.annualCap))
    #expect(
      report.violations.contains { $0.rule == "annual-cap" && $0.message.contains("in 2020, above the yearly cap 1") })
    #expect(!report.violations.contains { $0.rule == "annual-cap" && $0.message.contains("2021") })
  }

  @Test("a missing or wrong year entry is reported")
  func yearsListed() {
    let wrong = Self.plan.replacingOccurrences(
      of: #"{"year": 2021, "clients": 1, "cap": 2}"#, with: #"{"year": 2021, "clients": 2, "cap": 2}"#)
    #expect(PlanChecker.check(planJSON: Data(wrong.utf8), scenario: Self.scenario()).rules == ["caseload"])
    let missing = Self.plan.replacingOccurrences(of: #", {"year": 2021, "clients": 1, "cap": 2}"#, with: "")
    #expect(PlanChecker.check(planJSON: Data(missing.utf8), scenario: Self.scenario()).rules == ["caseload"])
  }
}

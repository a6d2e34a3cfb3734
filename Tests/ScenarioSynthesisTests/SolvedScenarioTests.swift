import Foundation
import GLPK
import PlanChecker
import PlannerDomain
import PlannerFormulation
import PlannerReporting
import Testing

@testable import ScenarioSynthesis

/// A small generated scenario is plannable: the pins hold, and the independent checker
/// accepts the plan the optimiser finds.
@Test func aSmallGeneratedScenarioIsPlannedAndChecked() throws {
  let spec = SyntheticScenarioSpec(clients: 60, specialists: 1, providers: 2, horizon: 12, seed: 11)
  let scenario = SyntheticScenario.make(spec)
  #expect(scenario.clients.contains { !$0.pins.isEmpty })
  let result = try OptimalPlanner.plan(scenario, solver: GLPKSolver(), options: PlanningOptions(timeLimit: 30))
  #expect(result.hasPlan, "\(result.explanations)")
  guard result.hasPlan else { return }
  let report = PlanChecker.check(planJSON: Data(PlanJSON.text(result.plan).utf8), scenario: scenario)
  #expect(report.isValid, "\(report.violations.prefix(10))")
}

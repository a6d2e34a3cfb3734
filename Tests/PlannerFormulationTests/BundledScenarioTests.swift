import Foundation
import GLPK
import PlanChecker
import PlannerDomain
import PlannerFormulation
import PlannerReporting
import ScenarioIO
import Testing

/// The optimiser on the bundled scenarios: every plan must pass the independent checker,
/// whose recomputed objective must equal the plan's.
@Suite struct BundledScenarioTests {
  static let scenarios = ["tutorial.yaml", "meerinzicht.yaml", "eindhoven-2020.yaml"]

  @Test(arguments: scenarios)
  func optimalPlanPassesTheChecker(file: String) throws {
    let scenario = try loadBundled(file)
    let result = try OptimalPlanner.plan(scenario, solver: GLPKSolver(), options: PlanningOptions(timeLimit: 60))
    #expect(result.plan.status == .optimal)
    let report = PlanChecker.check(planJSON: Data(PlanJSON.text(result.plan).utf8), scenario: scenario)
    #expect(report.violations.isEmpty, "\(report.violations.prefix(10))")
    #expect(report.recomputedWaitingMonths == result.plan.waitingMonths)
  }
}

func loadBundled(_ file: String) throws -> Scenario {
  let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()
  return try ScenarioLoader.load(path: root.appendingPathComponent("scenarios/\(file)").path).scenario
}

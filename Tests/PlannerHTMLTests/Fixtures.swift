import Foundation
import GLPK
import PlannerDomain
import PlannerFormulation
import PlannerHTML
import ScenarioIO
import Testing

/// The repository root, for the bundled scenarios and scripts.
let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
  .deletingLastPathComponent()

func loadBundled(_ file: String) throws -> LoadedScenario {
  try ScenarioLoader.load(path: repositoryRoot.appendingPathComponent("scenarios/\(file)").path)
}

/// The optimal plan of a scenario, as `cohortplan plan` makes it.
func optimalPlan(_ scenario: Scenario, sourceLocation: SourceLocation = #_sourceLocation) throws -> Plan {
  let result = try OptimalPlanner.plan(scenario, solver: GLPKSolver(), options: PlanningOptions(timeLimit: 60))
  #expect(result.hasPlan, sourceLocation: sourceLocation)
  return result.plan
}

func record(_ loaded: LoadedScenario, file: String) -> ReproducibilityRecord {
  ReproducibilityRecord(
    scenarioDigest: loaded.sourceDigest, scenarioFile: "scenarios/\(file)", toolVersion: "0.1.0",
    solverVersion: GLPKSolver.version, flags: ["--strategy", "optimal"])
}

/// Occurrences of `needle` in `text`.
func occurrences(of needle: String, in text: String) -> Int {
  text.components(separatedBy: needle).count - 1
}

/// A fresh temporary folder, removed by the caller.
func temporaryFolder() throws -> URL {
  let url = FileManager.default.temporaryDirectory.appendingPathComponent("planner-html-\(UUID().uuidString)")
  try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
  return url
}

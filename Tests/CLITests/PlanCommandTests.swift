import Foundation
import Testing

/// `cohortplan` as a new user meets it: help, validate, plan, check, exit codes and files.
@Suite struct PlanCommandTests {
  @Test func helpExplainsTheTool() throws {
    let output = try CommandRunner.run(["--help"])
    #expect(output.status == 0)
    for word in ["waiting", "plan", "validate", "check"] { #expect(output.stdout.contains(word)) }
  }

  @Test func planWritesAVerifiedPlanThatCheckAccepts() throws {
    let folder = try CommandRunner.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let plan = try CommandRunner.run(["plan", "scenarios/tutorial.yaml", "--out", folder.path])
    #expect(plan.status == 0, "\(plan.stderr)")
    #expect(plan.stdout.contains("waiting months"))
    #expect(plan.stdout.contains("optimal plan, proven"))
    #expect(plan.stdout.contains("vs first come"))
    for file in ["plan.json", "clients.csv", "cohorts.csv", "caseload.csv"] {
      #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent(file).path), "\(file)")
    }
    let check = try CommandRunner.run([
      "check", "scenarios/tutorial.yaml", folder.appendingPathComponent("plan.json").path,
    ])
    #expect(check.status == 0, "\(check.stdout)\(check.stderr)")
    #expect(check.stdout.contains("plan OK"))
  }

  @Test func sameScenarioAndFlagsGiveByteIdenticalFiles() throws {
    let first = try CommandRunner.temporaryFolder()
    let second = try CommandRunner.temporaryFolder()
    defer {
      try? FileManager.default.removeItem(at: first)
      try? FileManager.default.removeItem(at: second)
    }
    for folder in [first, second] {
      let output = try CommandRunner.run([
        "plan", "scenarios/meerinzicht.yaml", "--out", folder.path, "--html",
        folder.appendingPathComponent("report.html").path, "--quiet",
      ])
      #expect(output.status == 0, "\(output.stderr)")
    }
    for file in ["plan.json", "clients.csv", "cohorts.csv", "caseload.csv", "report.html"] {
      let a = try Data(contentsOf: first.appendingPathComponent(file))
      let b = try Data(contentsOf: second.appendingPathComponent(file))
      #expect(a == b, "\(file) differs between two runs")
    }
  }

  @Test func jsonFormatPrintsOnlyThePlan() throws {
    let output = try CommandRunner.run(["plan", "scenarios/tutorial.yaml", "--format", "json", "--quiet"])
    #expect(output.status == 0)
    let object = try JSONSerialization.jsonObject(with: Data(output.stdout.utf8)) as? [String: Any]
    #expect(object?["format"] as? String == "cohortplan.plan/1")
    #expect(object?["status"] as? String == "optimal")
  }

  @Test func firstComeFirstServedIsNeverBetterThanTheOptimum() throws {
    let optimal = try CommandRunner.run(["plan", "scenarios/tutorial.yaml", "--format", "json", "--quiet"])
    let fcfs = try CommandRunner.run(["plan", "scenarios/tutorial.yaml", "--strategy", "fcfs", "--format", "json"])
    #expect(optimal.status == 0 && fcfs.status == 0)
    func waits(_ text: String) throws -> Int {
      let object = try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any]
      return (object?["objective"] as? [String: Any])?["waitingMonths"] as? Int ?? -1
    }
    #expect(try waits(optimal.stdout) <= waits(fcfs.stdout))
    #expect(try waits(fcfs.stdout) >= 0)
  }

  /// The baseline does not search, so its summary claims no gap and no bound.
  @Test func firstComeFirstServedSaysItIsNotOptimised() throws {
    let fcfs = try CommandRunner.run(["plan", "scenarios/tutorial.yaml", "--strategy", "fcfs"])
    #expect(fcfs.status == 0)
    #expect(fcfs.stdout.contains("feasible plan, not optimised"), "\(fcfs.stdout)")
    #expect(fcfs.stdout.contains("no bound: the baseline does not search"), "\(fcfs.stdout)")
    #expect(!fcfs.stdout.contains("requested gap"), "\(fcfs.stdout)")
  }

  @Test func invalidAndMissingScenariosHaveTheirExitCodes() throws {
    let folder = try CommandRunner.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let tutorial = try String(
      contentsOf: CommandRunner.repository.appendingPathComponent("scenarios/tutorial.yaml"), encoding: .utf8)
    let broken = folder.appendingPathComponent("broken.yaml")
    try tutorial.replacingOccurrences(of: "horizon: 12", with: "horizon: 0").write(
      to: broken, atomically: true, encoding: .utf8)
    let invalid = try CommandRunner.run(["plan", broken.path])
    #expect(invalid.status == 1)
    #expect(invalid.stderr.contains("broken.yaml:"))
    #expect(invalid.stderr.contains("horizon"))
    let missing = try CommandRunner.run(["plan", folder.appendingPathComponent("nope.yaml").path])
    #expect(missing.status == 2)
  }

  @Test func anInputFileIsNeverOverwritten() throws {
    let folder = try CommandRunner.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let scenario = folder.appendingPathComponent("plan.json")
    try FileManager.default.copyItem(
      at: CommandRunner.repository.appendingPathComponent("scenarios/tutorial.yaml"), to: scenario)
    let before = try Data(contentsOf: scenario)
    let output = try CommandRunner.run(["plan", scenario.path, "--out", folder.path, "--quiet"])
    #expect(output.status == 2)
    #expect(output.stderr.contains("never overwritten"))
    #expect(try Data(contentsOf: scenario) == before)
  }
}

import Foundation
import Testing

/// Real signals sent to a real solve, and a run killed while it writes: outputs are either
/// complete and valid or untouched.
@Suite(.serialized) struct InterruptAndAtomicWriteTests {
  /// A scenario whose solve runs for several seconds after its first progress line: 12,000
  /// clients and too few case managers, so the caps bind and the whole model is solved after
  /// the parts (9.5 s in a debug build; with 134 case managers the parts alone proved it
  /// optimal in 1.3 s, too soon for a second Ctrl-C).
  static func largeScenario(in folder: URL) throws -> URL {
    let file = folder.appendingPathComponent("large.yaml")
    let output = try CommandRunner.run([
      "generate", "--clients", "12000", "--specialists", "80", "--providers", "5", "--horizon", "36", "--seed", "7",
      "--out", file.path,
    ])
    try #require(output.status == 0, "\(output.stderr)")
    return file
  }

  @Test func ctrlCDuringASolveWritesTheBestPlanAsInterrupted() throws {
    let folder = try CommandRunner.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let scenario = try Self.largeScenario(in: folder)
    let out = folder.appendingPathComponent("out")
    let running = try CommandRunner.start(["plan", scenario.path, "--out", out.path, "--time-limit", "600"])
    // Progress appears once the search has run for a second: interrupt it then.
    try running.waitForStderr(containing: "solving:", timeout: 300)
    running.signal(SIGINT)
    let result = running.finish()
    #expect(result.status == 130, "\(result.stderr)")
    #expect(result.stderr.contains("interrupting"))
    let plan = try Data(contentsOf: out.appendingPathComponent("plan.json"))
    let object = try JSONSerialization.jsonObject(with: plan) as? [String: Any]
    #expect(object?["status"] as? String == "interrupted")
    #expect(object?.keys.contains("gap") == true)
    let check = try CommandRunner.run(["check", scenario.path, out.appendingPathComponent("plan.json").path])
    #expect(check.status == 0, "\(check.stdout)")
  }

  @Test func aSecondCtrlCQuitsAtOnceAndWritesNothing() throws {
    let folder = try CommandRunner.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let scenario = try Self.largeScenario(in: folder)
    let out = folder.appendingPathComponent("out")
    let running = try CommandRunner.start(["plan", scenario.path, "--out", out.path, "--time-limit", "600"])
    try running.waitForStderr(containing: "solving:", timeout: 300)
    running.signal(SIGINT)
    // Signals sent back to back merge into one; send the second once the first was seen.
    try running.waitForStderr(containing: "interrupting", timeout: 60)
    running.signal(SIGINT)
    let result = running.finish()
    #expect(result.status == 130)
    #expect(result.stderr.contains("stopped at once"))
    #expect(!FileManager.default.fileExists(atPath: out.appendingPathComponent("plan.json").path))
  }

  /// A run killed with SIGKILL at any moment leaves plan.json as it was (here: the tutorial's
  /// plan from an earlier run) or complete; never half written.
  @Test func aKilledRunNeverLeavesAHalfWrittenPlan() throws {
    let folder = try CommandRunner.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let scenario = try Self.largeScenario(in: folder)
    let out = folder.appendingPathComponent("out")
    let first = try CommandRunner.run(["plan", "scenarios/tutorial.yaml", "--out", out.path, "--quiet"])
    try #require(first.status == 0)
    for delay in [0.2, 1.0, 3.0, 6.0, 10.0] {
      let running = try CommandRunner.start(["plan", scenario.path, "--out", out.path, "--time-limit", "5", "--quiet"])
      Thread.sleep(forTimeInterval: delay)
      running.signal(SIGKILL)
      _ = running.finish()
      let data = try Data(contentsOf: out.appendingPathComponent("plan.json"))
      let object = try JSONSerialization.jsonObject(with: data) as? [String: Any]
      let name = object?["scenario"] as? String
      #expect(name == "tutorial" || name?.hasPrefix("synthetic-12000") == true, "after a kill at \(delay) s")
    }
  }
}

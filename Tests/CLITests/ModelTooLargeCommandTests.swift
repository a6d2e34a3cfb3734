import Foundation
import Testing

/// `cohortplan plan` on a scenario whose model would not fit the machine: refused at once,
/// with exit code 6 and the estimated size.
@Suite struct ModelTooLargeCommandTests {
  @Test func planRefusesAnOversizeScenarioWithExitCodeSix() throws {
    let folder = try CommandRunner.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let scenario = folder.appendingPathComponent("oversize.yaml")
    try Self.oversizeYAML().write(to: scenario, atomically: true, encoding: .utf8)
    let clock = ContinuousClock()
    let started = clock.now
    let output = try CommandRunner.run(["plan", scenario.path, "--quiet"])
    #expect(clock.now - started < .seconds(30))
    #expect(output.status == 6, "\(output.stderr)")
    #expect(output.stderr.contains("too large for this machine"), "\(output.stderr)")
    #expect(output.stderr.contains("million variables"), "\(output.stderr)")
    #expect(output.stdout.isEmpty)
  }

  @Test func helpDocumentsExitCodeSix() throws {
    let output = try CommandRunner.run(["plan", "--help"])
    #expect(output.stdout.contains("6    the model would be too large for this machine"), "\(output.stdout)")
  }

  /// 500 clients with a language each of their own, matched as required, over 120 months: three
  /// steps with four monthly programmes each, five specialists who join in different months.
  static func oversizeYAML() -> String {
    var lines = [
      "version: 1", "name: oversize", "start: \"2025-01\"", "horizon: 120", "caseload: {cap: 100}",
      "language_match: required",
      "routes:", "  integration: {steps: [orientation, language, work]}", "programmes:",
    ]
    for step in ["orientation", "language", "work"] {
      for number in 1...4 {
        lines.append(
          "  - {id: \(step)-\(number), provider: p\(number), step: \(step), duration_months: 3, "
            + "starts: monthly, seats: 12}")
      }
    }
    lines.append("specialists:")
    for index in 0..<5 { lines.append("  - {id: s\(index), from: \"2025-0\(index + 1)\"}") }
    lines.append("clients:")
    for index in 0..<500 {
      let month = String(format: "2025-%02d", index % 12 + 1)
      lines.append("  - {id: c\(index), available: \"\(month)\", route: integration, languages: [l\(index)]}")
    }
    return lines.joined(separator: "\n") + "\n"
  }
}

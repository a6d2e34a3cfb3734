import Foundation
import FuzzHarness
import Testing

/// The repository root, found from this file's path (Tests/ScenarioIOTests/…).
private let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
  .deletingLastPathComponent()

/// Inputs kept from fuzzing (Fuzz/README.md): every input that once made the fuzz target trap,
/// and a sample of the minimised corpus. Each goes through the fuzz target's own path
/// (``ScenarioFuzzing/run(_:csvFolder:planning:)``, or ``ScenarioFuzzing/runGenerated(_:)``
/// for inputs of the generated format) and must end in a located diagnostic, a valid scenario,
/// or a plan the checker accepts.
@Suite struct FuzzRegressionTests {
  static let folder = root.appendingPathComponent("Fuzz/corpus-regressions")
  static let generatedFolder = root.appendingPathComponent("Fuzz/corpus-regressions-generated")

  static func files(in folder: URL) -> [String] {
    ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? [])
      .filter { !$0.hasPrefix(".") && $0 != "README.md" }.sorted()
  }

  static var inputs: [String] { files(in: folder) }
  static var generatedInputs: [String] { files(in: generatedFolder) }

  @Test func theFoldersHoldInputs() {
    #expect(Self.inputs.count >= 20, "expected the kept fuzz inputs in \(Self.folder.path)")
    #expect(Self.generatedInputs.count >= 20, "expected the kept fuzz inputs in \(Self.generatedFolder.path)")
  }

  @Test(arguments: generatedInputs)
  func keptGeneratedInputEndsWellDefined(name: String) throws {
    let input = try [UInt8](Data(contentsOf: Self.generatedFolder.appendingPathComponent(name)))
    if case .defect(let problem) = ScenarioFuzzing.runGenerated(input) { Issue.record("\(name): \(problem)") }
  }

  @Test(arguments: inputs)
  func keptInputEndsWellDefined(name: String) throws {
    let input = try [UInt8](Data(contentsOf: Self.folder.appendingPathComponent(name)))
    let csvFolder = FileManager.default.temporaryDirectory.appendingPathComponent("fuzz-regression-\(UUID())")
    try FileManager.default.createDirectory(at: csvFolder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: csvFolder) }
    switch ScenarioFuzzing.run(input, csvFolder: csvFolder.path) {
    case .defect(let problem): Issue.record("\(name): \(problem)")
    case .rejected(let diagnostics):
      #expect(diagnostics.contains { $0.severity == .error && ($0.line != nil || !$0.path.isEmpty) })
    case .notUTF8, .loaded, .noPlan, .checkedPlan: break
    }
  }

  /// The first finding: a control character was reported without its line.
  @Test func aControlCharacterIsReportedWithItsLine() throws {
    let text = "version: 1\nname: x\u{1}y\n"
    guard case .rejected(let diagnostics) = ScenarioFuzzing.run(Array(text.utf8), csvFolder: nil) else {
      Issue.record("a control character must be refused")
      return
    }
    let error = try #require(diagnostics.first)
    #expect(error.line == 2 && error.column == 8, "\(error)")
    #expect(error.message.contains("U+1"), "\(error)")
  }
}

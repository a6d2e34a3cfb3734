import Foundation
import Testing

/// `compare --html` writes one self-contained report with every variant side by side.
@Suite struct CompareReportCommandTests {
  @Test func comparisonReportShowsEveryVariant() throws {
    let folder = try CommandRunner.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let html = folder.appendingPathComponent("compare.html")
    let output = try CommandRunner.run([
      "compare", "scenarios/tutorial.yaml", "--variant", "monthly language class", "--set",
      "programmes[taalklas].starts=monthly", "--html", html.path, "--quiet",
    ])
    #expect(output.status == 0, "\(output.stderr)")
    let text = try String(contentsOf: html, encoding: .utf8)
    #expect(text.contains("monthly language class"))
    #expect(text.contains("base"))
    #expect(!text.contains("<script src"), "no external scripts")
    let series = text.components(separatedBy: "caseload-series").count - 1
    #expect(series >= 4, "two specialists in each of two variants: \(series)")
  }
}

import Foundation
import PlannerDomain
import PlannerHTML
import Testing

/// The tutorial's report in a real browser: Debian's headless Chromium renders it to a PNG and
/// dumps the DOM it built, in which the charts' marks are counted.
@Suite(.serialized) struct BrowserTests {
  @Test func tutorialReportRendersInChromium() throws {
    let browser = try Chromium.locate()
    let loaded = try loadBundled("tutorial.yaml")
    let plan = try optimalPlan(loaded.scenario)
    let html = HTMLReport.plan(plan, scenario: loaded.scenario, record: record(loaded, file: "tutorial.yaml"))
    let folder = try temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let page = folder.appendingPathComponent("report.html")
    try Data(html.utf8).write(to: page)

    let screenshot = folder.appendingPathComponent("report.png")
    _ = try browser.run(
      ["--screenshot=\(screenshot.path)", "--window-size=1280,4000", page.absoluteString], in: folder)
    let png = try Data(contentsOf: screenshot)
    #expect(png.starts(with: [0x89, 0x50, 0x4E, 0x47]))
    let size = Chromium.pngSize(png)
    #expect(size?.width == 1280 && size?.height == 4000)
    #expect(png.count > 50_000, "a blank page compresses to a few kilobytes")

    let dom = try browser.run(["--dump-dom", page.absoluteString], in: folder)
    #expect(dom.contains("Plan for tutorial"))
    // One bar per cohort in the Gantt.
    #expect(occurrences(of: "class=\"cohort-bar ", in: dom) == plan.cohorts.count)
    // One series per specialist in the caseload chart, each with its cap line (monthly basis).
    #expect(occurrences(of: "class=\"caseload-series", in: dom) == plan.specialists.count)
    #expect(occurrences(of: "class=\"cap-line\"", in: dom) == plan.specialists.count)
    #expect(occurrences(of: "class=\"caseload-bar", in: dom) == plan.specialists.count * plan.horizon)
    for load in plan.specialists {
      #expect(dom.contains("data-specialist=\"\(load.id)\""))
      #expect(dom.contains("data-cap=\"\(load.cap)\""))
    }
    // The histogram has a bar per waiting month up to the longest wait.
    #expect(occurrences(of: "class=\"wait-bar\"", in: dom) == (plan.clients.map(\.wait).max() ?? 0) + 1)
    // The sorter ran without breaking the page: the tables are still there, every row of them.
    #expect(occurrences(of: "<button type=\"button\" class=\"sort\"", in: dom) > 10)
    #expect(occurrences(of: "<tr>", in: dom) >= plan.clients.count)
  }
}

/// Debian's `chromium`, installed when missing (the tests run as root in CI, as
/// scripts/setup.sh does), run headless with a profile folder of its own.
struct Chromium {
  let executable: String

  static func locate() throws -> Chromium {
    if let found = find() { return Chromium(executable: found) }
    guard getuid() == 0 else {
      throw Failure("chromium is missing: run `bash scripts/setup.sh` (it installs Debian's chromium)")
    }
    _ = try shell("/usr/bin/apt-get", ["update", "-qq"])
    _ = try shell("/usr/bin/apt-get", ["install", "-y", "-qq", "chromium"])
    guard let found = find() else { throw Failure("chromium did not install") }
    return Chromium(executable: found)
  }

  private static func find() -> String? {
    ["/usr/bin/chromium", "/usr/bin/chromium-browser"].first { FileManager.default.isExecutableFile(atPath: $0) }
  }

  /// Runs headless Chromium with `arguments`; returns stdout. Stops it after 60 seconds.
  func run(_ arguments: [String], in folder: URL) throws -> String {
    let profile = folder.appendingPathComponent("profile-\(UUID().uuidString)")
    return try Self.shell(
      executable,
      [
        "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--no-first-run",
        "--user-data-dir=\(profile.path)",
      ] + arguments)
  }

  static func shell(_ executable: String, _ arguments: [String]) throws -> String {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: executable)
    process.arguments = arguments
    var environment = ProcessInfo.processInfo.environment
    environment["DEBIAN_FRONTEND"] = "noninteractive"
    process.environment = environment
    let output = FileManager.default.temporaryDirectory.appendingPathComponent("chromium-\(UUID().uuidString).out")
    guard FileManager.default.createFile(atPath: output.path, contents: nil) else {
      throw Failure("cannot create \(output.path)")
    }
    defer { try? FileManager.default.removeItem(at: output) }
    let handle = try FileHandle(forWritingTo: output)
    process.standardOutput = handle
    process.standardError = FileHandle.nullDevice
    try process.run()
    let deadline = Date().addingTimeInterval(executable.hasSuffix("apt-get") ? 600 : 60)
    while process.isRunning && Date() < deadline { usleep(50_000) }
    if process.isRunning {
      process.terminate()
      process.waitUntilExit()
      throw Failure("\(executable) did not finish in time")
    }
    try handle.close()
    guard process.terminationStatus == 0 else {
      throw Failure("\(executable) \(arguments.joined(separator: " ")) exited with \(process.terminationStatus)")
    }
    return String(decoding: try Data(contentsOf: output), as: UTF8.self)
  }

  /// Width and height from a PNG's IHDR chunk.
  static func pngSize(_ data: Data) -> (width: Int, height: Int)? {
    guard data.count >= 24 else { return nil }
    let bytes = [UInt8](data.prefix(24))
    func integer(_ offset: Int) -> Int { bytes[offset..<offset + 4].reduce(0) { $0 << 8 | Int($1) } }
    return (integer(16), integer(20))
  }

  struct Failure: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
  }
}

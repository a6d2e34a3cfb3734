import Foundation
import Testing

/// `cohortplan compare` and `cohortplan staff` as a user runs them.
@Suite struct CompareStaffCommandTests {
  @Test func compareHelpDocumentsOverridesAndExitCodes() throws {
    let output = try CommandRunner.run(["compare", "--help"])
    #expect(output.status == 0)
    for text in ["PATH=VALUE", "PATH+=VALUE", "PATH-=NAME", "--variant", "--variants", "--add-specialist", "130"] {
      #expect(output.stdout.contains(text), "\(text)")
    }
  }

  @Test func compareShowsEachVariantAgainstTheBase() throws {
    let output = try CommandRunner.run([
      "compare", "scenarios/tutorial.yaml", "--variant", "cap 10", "--set", "caseload.cap=10", "--variant", "extra",
      "--add-specialist", "kim", "--quiet",
    ])
    #expect(output.status == 0, "\(output.stderr)")
    let header = output.stdout.split(separator: "\n").first { $0.hasPrefix("key figure") }
    #expect(header?.contains("base") == true && header?.contains("cap 10") == true && header?.contains("extra") == true)
    for row in ["waiting months", "late intakes", "peak caseload", "solver status", "route b1", "provider"] {
      #expect(output.stdout.contains(row), "\(row)")
    }
  }

  /// The same comparison on one thread and on two prints the same bytes and writes the same report.
  @Test func threadCountDoesNotChangeTheOutput() throws {
    let folder = try CommandRunner.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    var outputs: [String] = []
    for threads in ["1", "2"] {
      let output = try CommandRunner.run([
        "compare", "scenarios/tutorial.yaml", "--variant", "a", "--set", "caseload.cap=10", "--variant", "b",
        "--set", "programmes[taalklas].starts=monthly", "--variant", "c", "--set", "programmes[taalklas].min_size=1",
        "--format", "json", "--threads", threads, "--quiet", "--html",
        folder.appendingPathComponent("threads-\(threads).html").path,
      ])
      #expect(output.status == 0, "\(output.stderr)")
      outputs.append(output.stdout)
    }
    #expect(outputs[0] == outputs[1])
    let reports = try ["1", "2"].map { try Data(contentsOf: folder.appendingPathComponent("threads-\($0).html")) }
    #expect(!reports[0].isEmpty && reports[0] == reports[1], "the HTML reports differ between 1 and 2 threads")
    let object = try JSONSerialization.jsonObject(with: Data(outputs[0].utf8)) as? [String: Any]
    #expect(object?["format"] as? String == "cohortplan.comparison/1")
    #expect((object?["variants"] as? [Any])?.count == 4)
  }

  @Test func badOverrideNamesItselfAndExitsOne() throws {
    let output = try CommandRunner.run([
      "compare", "scenarios/tutorial.yaml", "--variant", "x", "--set", "programmes[nope].seats=3",
    ])
    #expect(output.status == 1)
    #expect(output.stderr.contains("override 'programmes[nope].seats=3'"))
    #expect(output.stderr.contains("'nope'"))
    #expect(output.stderr.contains("scenarios/tutorial.yaml:"))
    let unreadable = try CommandRunner.run(["compare", "scenarios/tutorial.yaml", "--set", "caseload.cap"])
    #expect(unreadable.status == 1)
    #expect(unreadable.stderr.contains("expected PATH=VALUE"))
  }

  @Test func outWritesTheComparisonAndEveryPlan() throws {
    let folder = try CommandRunner.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let variants = folder.appendingPathComponent("variants.yaml")
    try "cap 10: {caseload.cap: 10}\nrolling:\n  programmes[taalklas].starts: monthly\n".write(
      to: variants, atomically: true, encoding: .utf8)
    let output = try CommandRunner.run([
      "compare", "scenarios/tutorial.yaml", "--variants", variants.path, "--out", folder.path, "--format", "csv",
      "--quiet",
    ])
    #expect(output.status == 0, "\(output.stderr)")
    #expect(output.stdout.hasPrefix("key,label,base,cap 10,cap 10 - base,rolling,rolling - base\n"))
    for file in ["comparison.json", "comparison.csv", "base/plan.json", "cap-10/plan.json", "rolling/plan.json"] {
      #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent(file).path), "\(file)")
    }
    // The base variant is the scenario as written, so its plan passes the checker on that file.
    let base = try CommandRunner.run([
      "check", "scenarios/tutorial.yaml", folder.appendingPathComponent("base/plan.json").path,
    ])
    #expect(base.status == 0, "\(base.stdout)\(base.stderr)")
  }

  @Test func severalScenarioFilesAreVariants() throws {
    let output = try CommandRunner.run([
      "compare", "scenarios/tutorial.yaml", "scenarios/meerinzicht.yaml", "--format", "json", "--quiet",
    ])
    #expect(output.status == 0, "\(output.stderr)")
    let object = try JSONSerialization.jsonObject(with: Data(output.stdout.utf8)) as? [String: Any]
    let labels = (object?["variants"] as? [[String: Any]])?.compactMap { $0["label"] as? String }
    #expect(labels == ["tutorial", "meerinzicht"])
  }

  @Test func compareNeedsVariantsForOneScenario() throws {
    let output = try CommandRunner.run(["compare", "scenarios/tutorial.yaml"])
    #expect(output.status == 64)
    #expect(output.stderr.contains("needs variants"))
  }

  /// Seed 000's question on the bundled Eindhoven scenario: at cap 100 the team needs 7 FTE to
  /// give every client the intake within two months, as the yearly sum 639 > 6 × 100 says.
  @Test func staffAnswersTheEindhovenQuestionAtCap100() throws {
    let output = try CommandRunner.run([
      "staff", "scenarios/eindhoven-2020.yaml", "--caps", "100", "--fte", "5...8", "--format", "json", "--quiet",
    ])
    #expect(output.status == 0, "\(output.stderr)")
    let object = try JSONSerialization.jsonObject(with: Data(output.stdout.utf8)) as? [String: Any]
    let year = object?["firstYear"] as? [String: Any]
    #expect(year?["clients"] as? Int == 639)
    #expect(year?["carriedOver"] as? Int == 479)
    let cap = (object?["caps"] as? [[String: Any]])?.first
    #expect(cap?["smallestFTE"] as? Int == 7)
    #expect(cap?["arithmeticFTE"] as? Int == 7)
    let points = cap?["points"] as? [[String: Any]] ?? []
    #expect(points.compactMap { $0["slots"] as? Int } == [500, 600, 700, 800])
    let waits = points.compactMap { $0["waitingMonths"] as? Int }
    #expect(waits.count == 4 && zip(waits, waits.dropFirst()).allSatisfy { $0 >= $1 })
  }

  /// A mean wait of at most one month is met by a smaller team than timely intakes for all,
  /// and the text relates both to the yearly sum.
  @Test func staffTextRelatesTheAnswerToTheCaseloadSum() throws {
    let output = try CommandRunner.run([
      "staff", "scenarios/eindhoven-2020.yaml", "--caps", "100,90", "--fte", "6...8", "--target", "mean-wait<=1",
      "--share-caseload", "--quiet",
    ])
    #expect(output.status == 0, "\(output.stderr)")
    #expect(output.stdout.contains("639 clients counted in 2020"))
    #expect(output.stdout.contains("639 / 100 = 6.39 FTE"))
    #expect(output.stdout.contains("6 FTE: 600 slots < 639, 106.5 per FTE"))
    #expect(output.stdout.contains("7 FTE: 630 slots < 639, 91.3 per FTE"))
    #expect(output.stdout.contains("smallest team meeting the target: 6 FTE"))
    #expect(output.stdout.contains("smallest team meeting the target: 7 FTE"))
  }

  @Test func staffRefusesABadTarget() throws {
    let output = try CommandRunner.run(["staff", "scenarios/tutorial.yaml", "--target", "speed<=1"])
    #expect(output.status == 64)
    #expect(output.stderr.contains("unknown measure 'speed'"))
  }
}

import ArgumentParser
import Foundation
import PlannerDomain
import ScenarioIO

extension CohortPlan {
  /// `cohortplan validate SCENARIO`: checks a scenario file and summarises it.
  struct Validate: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Check a scenario file and summarise it.",
      discussion: """
        Reports every problem at once, each with file, line, column and key path \
        (e.g. `tutorial.yaml:12:5: error: programmes[2].seats: must be at least 1 (found 0)`). \
        A valid scenario gets a short summary on stdout, followed by its warnings; problems go \
        to stderr. With --format json everything goes to stdout as one JSON object.

        Exit codes:
          0  the scenario is valid (warnings allowed)
          1  the scenario is invalid
          2  the scenario file cannot be read (missing, a directory, not UTF-8)
        """
    )

    enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
      case text
      case json
    }

    @Argument(help: "The scenario file (YAML, format version 1).")
    var scenario: String

    @Option(help: "Output format.")
    var format: OutputFormat = .text

    func run() throws {
      let loaded: LoadedScenario
      do {
        loaded = try ScenarioLoader.load(path: scenario)
      } catch {
        let code: Int32 = error.isUnreadable ? 2 : 1
        switch format {
        case .text:
          var text = error.diagnostics.map(\.description).joined(separator: "\n")
          text += "\n" + Self.counts(errors: error.errors.count, warnings: error.warnings.count) + "\n"
          FileHandle.standardError.write(Data(text.utf8))
        case .json:
          print(Self.json(file: scenario, summary: nil, digest: nil, diagnostics: error.diagnostics))
        }
        throw ExitCode(code)
      }
      let summary = ScenarioSummary(loaded.scenario)
      switch format {
      case .text:
        print(Self.text(file: scenario, summary: summary))
        if !loaded.warnings.isEmpty {
          print("")
          for warning in loaded.warnings { print(warning.description) }
          print(Self.counts(errors: 0, warnings: loaded.warnings.count))
        }
      case .json:
        print(Self.json(file: scenario, summary: summary, digest: loaded.sourceDigest, diagnostics: loaded.warnings))
      }
    }

    static func plural(_ count: Int, _ word: String) -> String { "\(count) \(word)\(count == 1 ? "" : "s")" }

    static func counts(errors: Int, warnings: Int) -> String {
      plural(errors, "error") + ", " + plural(warnings, "warning")
    }

    static func text(file: String, summary: ScenarioSummary) -> String {
      let rows: [(String, String)] = [
        ("name", summary.name),
        ("horizon", "\(summary.horizon) months (\(summary.firstMonth) to \(summary.lastMonth))"),
        ("clients", "\(summary.clients)"),
        ("inflow", "\(plural(summary.inflowGroups, "group")), \(plural(summary.inflowClients, "client"))"),
        ("specialists", "\(summary.specialists), \(summary.totalFTE) FTE"),
        ("programmes", "\(summary.programmes), from \(summary.providers) providers"),
        ("cohorts", "\(summary.possibleCohorts) possible (start months in the horizon × groups)"),
      ]
      let width = rows.map(\.0.count).max() ?? 0
      let body = rows.map { "  " + $0.0.padding(toLength: width, withPad: " ", startingAt: 0) + "  " + $0.1 }
      return (["\(file): valid"] + body).joined(separator: "\n")
    }

    static func json(file: String, summary: ScenarioSummary?, digest: String?, diagnostics: [Diagnostic]) -> String {
      var object: [String: Any] = [
        "file": file,
        "valid": summary != nil,
        "diagnostics": diagnostics.map { diagnostic -> [String: Any] in
          [
            "severity": diagnostic.severity.rawValue, "file": diagnostic.file, "path": diagnostic.path,
            "line": diagnostic.line.map { $0 as Any } ?? NSNull(),
            "column": diagnostic.column.map { $0 as Any } ?? NSNull(), "message": diagnostic.message,
            "hint": diagnostic.hint.map { $0 as Any } ?? NSNull(),
          ]
        },
      ]
      if let summary {
        object["summary"] =
          [
            "name": summary.name, "horizon": summary.horizon, "firstMonth": summary.firstMonth.description,
            "lastMonth": summary.lastMonth.description, "clients": summary.clients,
            "inflowGroups": summary.inflowGroups, "inflowClients": summary.inflowClients,
            "specialists": summary.specialists, "fte": summary.totalFTE.description,
            "programmes": summary.programmes, "providers": summary.providers,
            "possibleCohorts": summary.possibleCohorts,
          ] as [String: Any]
        object["sourceDigest"] = digest
      } else {
        object["summary"] = NSNull()
      }
      guard
        let data = try? JSONSerialization.data(
          withJSONObject: object, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]),
        let text = String(data: data, encoding: .utf8)
      else { return "{}" }
      return text
    }
  }
}

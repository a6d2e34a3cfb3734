import ArgumentParser
import Foundation
import GLPK
import PlannerDomain
import PlannerHTML
import PlannerReporting
import ScenarioIO

extension CohortPlan {
  /// `cohortplan report SCENARIO PLAN --out FILE`: a self-contained HTML report of a plan file.
  struct Report: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Write a self-contained HTML report of a plan, with charts.",
      discussion: """
        Reads a scenario and a plan file made from it (plan.json, docs/plan-format.md) and writes \
        one HTML file that opens offline in any browser and prints well: the key figures, each \
        case manager's caseload per month against the cap, the classes per provider with their \
        fill, the waits per client and per group, every client, the scenario's assumptions and how \
        the plan was made. `cohortplan plan SCENARIO --html FILE` writes the same report directly.

        Exit codes:
          0  the report was written
          1  the scenario is invalid, or the plan was made from another scenario
          2  an input cannot be read or the report cannot be written
        """
    )

    @Argument(help: "The scenario file the plan was made from (YAML, format version 1).")
    var scenario: String

    @Argument(help: "The plan file (JSON, format cohortplan.plan/1).")
    var plan: String

    @Option(name: .long, help: "The HTML file to write.")
    var out: String

    @Flag(name: .long, help: "Replace client and specialist ids by pseudonyms, for a report that leaves the office.")
    var redact = false

    func run() throws {
      let loaded: LoadedScenario
      do {
        loaded = try ScenarioLoader.load(path: scenario)
      } catch {
        Self.error(error.diagnostics.map(\.description).joined(separator: "\n"))
        Self.error("the scenario cannot be used for a report; `cohortplan validate` lists its problems too")
        throw ExitCode(error.isUnreadable ? 2 : 1)
      }
      guard let data = FileManager.default.contents(atPath: plan) else {
        Self.error("\(plan): cannot read the plan file")
        throw ExitCode(2)
      }
      let decoded: PlannerDomain.Plan
      do {
        decoded = try PlanJSON.decode(data, scenario: loaded.scenario)
      } catch {
        Self.error("\(plan): \(error)")
        throw ExitCode(2)
      }
      guard decoded.scenarioName == loaded.scenario.name else {
        Self.error(
          "\(plan): the plan was made for scenario '\(decoded.scenarioName)', not '\(loaded.scenario.name)'")
        throw ExitCode(1)
      }
      let record = Self.record(
        loaded, file: scenario, flags: decoded.strategy.isEmpty ? [] : ["--strategy", decoded.strategy],
        notes: [
          "Made by `cohortplan report` from \(plan). A plan file does not keep the time limit or gap it was "
            + "solved with."
        ])
      let shown = redact ? Redaction.redact(decoded, scenario: loaded.scenario) : (decoded, loaded.scenario)
      try Self.write(shown.0, scenario: shown.1, record: record, to: out, protecting: [scenario, plan])
      print("written: \(out)")
    }

    /// The reproducibility record of a report: scenario fingerprint, versions and flags.
    static func record(_ loaded: LoadedScenario, file: String, flags: [String], notes: [String] = [])
      -> ReproducibilityRecord
    {
      ReproducibilityRecord(
        scenarioDigest: loaded.sourceDigest, scenarioFile: file,
        toolVersion: CohortPlan.configuration.version, solverVersion: GLPKSolver.version, flags: flags, notes: notes)
    }

    /// Renders the report and writes it atomically; exit code 2 when it cannot be written.
    static func write(
      _ plan: PlannerDomain.Plan, scenario: Scenario, record: ReproducibilityRecord, to path: String,
      protecting inputs: [String]
    ) throws {
      do {
        try OutputFile.write(
          HTMLReport.plan(plan, scenario: scenario, record: record), to: path, protecting: inputs)
      } catch {
        Self.error("error: \(error)")
        throw ExitCode(2)
      }
    }

    /// A diagnostic line on stderr.
    private static func error(_ text: String) {
      FileHandle.standardError.write(Data((text.hasSuffix("\n") ? text : text + "\n").utf8))
    }
  }
}

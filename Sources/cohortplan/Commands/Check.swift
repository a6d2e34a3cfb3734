import ArgumentParser
import Foundation
import PlanChecker
import ScenarioIO

extension CohortPlan {
  /// `cohortplan check SCENARIO PLAN`: re-verifies a plan file against its scenario.
  struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Verify a plan file against its scenario, rule by rule.",
      discussion: """
        Re-verifies every rule of the planning model (intake windows, specialists, step order \
        and ready months, programme calendars and eligibility, cohort seats, minimum sizes and \
        groups, exits, caseload caps on the scenario's basis, pins, language match) and \
        recomputes the waiting months, with code that shares nothing with the planner. \
        Each violation is printed on stdout as `path: message [rule]`; scenario problems go \
        to stderr.

        Exit codes:
          0  the plan is valid (warnings allowed)
          1  the plan breaks at least one rule, or is not a plan file (rule `format`)
          2  the scenario or the plan cannot be read, or the scenario is invalid
        """
    )

    @Argument(help: "The scenario file the plan was made for (YAML, format version 1).")
    var scenario: String

    @Argument(help: "The plan file to check (JSON, format cohortplan.plan/1).")
    var plan: String

    func run() throws {
      let loaded: LoadedScenario
      do {
        loaded = try ScenarioLoader.load(path: scenario)
      } catch {
        let text = error.diagnostics.map(\.description).joined(separator: "\n")
        FileHandle.standardError.write(Data((text + "\nthe scenario cannot be used to check a plan\n").utf8))
        throw ExitCode(2)
      }
      guard let data = FileManager.default.contents(atPath: plan) else {
        FileHandle.standardError.write(Data("\(plan): cannot read the plan file\n".utf8))
        throw ExitCode(2)
      }
      let report = PlanChecker.check(planJSON: data, scenario: loaded.scenario)
      print(Self.text(report))
      if !report.isValid { throw ExitCode(1) }
    }

    /// The verdict line, then violations and warnings, one per line.
    static func text(_ report: PlanCheckReport) -> String {
      var lines: [String] = []
      if report.isValid {
        if report.checkedSchedule, let waiting = report.recomputedWaitingMonths {
          lines.append("plan OK: \(report.clientCount) clients, waiting months \(waiting) (recomputed)")
        } else {
          lines.append("plan OK: status \(report.status ?? "unknown"); no schedule was checked")
        }
      } else {
        let rules = Set(report.violations.map(\.rule)).sorted()
        lines.append(
          "plan INVALID: \(count(report.violations.count, "violation")) of "
            + "\(count(rules.count, "rule")) (\(rules.joined(separator: ", ")))")
        if let stated = report.statedWaitingMonths, let recomputed = report.recomputedWaitingMonths {
          lines.append("waiting months: stated \(stated), recomputed \(recomputed)")
        }
        lines += report.violations.map(\.description)
      }
      lines += report.warnings.map { "warning: \($0.description)" }
      return lines.joined(separator: "\n")
    }

    private static func count(_ number: Int, _ word: String) -> String { "\(number) \(word)\(number == 1 ? "" : "s")" }
  }
}

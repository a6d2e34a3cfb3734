import ArgumentParser
import Foundation
import PlannerDomain
import PlannerReporting

extension CohortPlan {
  /// `cohortplan diff OLD NEW`: what changed between two plans.
  struct Diff: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Tell what changed between two plans, client by client, cohort by cohort.",
      discussion: """
        Compares two plan files (e.g. last month's plan and this month's re-plan) in calendar \
        months: per client the intake, specialist and starts that moved and the change in waiting \
        months; per cohort whether it opens, no longer runs or changes size; per specialist the \
        peak caseload; and the total waiting months.

        Exit codes: 0 compared (changes or not), 1 a file is not a plan, 2 a file cannot be read.
        """
    )

    @Argument(help: "The older plan (plan.json).")
    var old: String

    @Argument(help: "The newer plan (plan.json).")
    var new: String

    func run() throws {
      let diff = PlanDiff(old: try read(old), new: try read(new))
      print(diff.text, terminator: "")
    }

    private func read(_ path: String) throws -> PlannerDomain.Plan {
      guard let data = FileManager.default.contents(atPath: path) else {
        Terminal.error("error: cannot read \(path)")
        throw ExitCode(2)
      }
      do {
        return try PlanJSON.decode(data)
      } catch {
        Terminal.error("error: \(path): \(error)")
        throw ExitCode(1)
      }
    }
  }
}

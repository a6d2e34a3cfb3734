import ArgumentParser
import Foundation
import GLPK
import PlanChecker
import PlannerDomain
import PlannerFormulation
import PlannerReporting
import ScenarioIO

extension CohortPlan {
  /// `cohortplan replan SCENARIO --previous PLAN --as-of MONTH`: the monthly re-plan.
  struct Replan: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Plan again from a later month, keeping what already happened.",
      discussion: """
        Everything the previous plan did before the --as-of month is history and stays: intakes \
        with the specialist each client already has, cohorts that started, and their members. \
        Expected inflow that arrived before that month becomes known clients, named \
        `arrived-<month>-<route>-<n>`. The rest is planned again, to the same last month of the horizon.

        --stability W makes moving a cohort that the previous plan announced (a start month from \
        --as-of on) cost W waiting months, so start dates already told to schools and clients \
        only move when that saves more than W months.

        --out DIR receives scenario.yaml (the state as of that month, ready for the next replan), \
        plan.json, the CSV tables and diff.txt (what changed against the previous plan). The \
        summary and the changes are printed. Exit codes as for `plan`; 1 also when the previous \
        plan does not belong to the scenario or the month is outside the horizon.

        A year of monthly re-plans: run replan on the previous month's scenario.yaml and plan.json.
        """
    )

    @Argument(help: "The scenario the previous plan was made for.")
    var scenario: String

    @Option(name: .long, help: "The previous plan (plan.json).")
    var previous: String

    @Option(name: .customLong("as-of"), help: "The first month to plan again (YYYY-MM).")
    var asOf: String

    @Option(name: .long, help: "Waiting months that moving one announced cohort is worth (default 0: ignore).")
    var stability: Double = 0

    @Option(name: .long, help: "Write scenario.yaml, plan.json, the CSV tables and diff.txt into this folder.")
    var out: String

    @OptionGroup var solve: SolveFlags

    func validate() throws {
      guard Month(parsing: asOf) != nil else { throw ValidationError("--as-of must be a month written YYYY-MM") }
      guard stability.isFinite, stability >= 0 else { throw ValidationError("--stability must be 0 or more") }
    }

    func run() throws {
      let loaded = try ScenarioInput.load(scenario)
      let previousPlan = try readPlan(scenario: loaded.scenario)
      let month = Month(parsing: asOf) ?? loaded.scenario.start
      let rolled: Scenario
      do {
        rolled = try RollingHorizon.scenario(loaded.scenario, previous: previousPlan, asOf: month)
      } catch {
        Terminal.error("error: \(error)")
        throw ExitCode(1)
      }
      let interrupts = InterruptHandling()
      let progress = ProgressReporter(enabled: !solve.quiet, label: "re-planning")
      var options = solve.planningOptions(progress: progress, interruption: interrupts.interruption)
      options.announcedCohorts = RollingHorizon.announcedCohorts(previousPlan, asOf: month)
      options.stabilityWeight = stability
      let result: PlanningResult
      do {
        result = try OptimalPlanner.plan(rolled, solver: GLPKSolver(), options: options)
      } catch {
        progress.finish()
        Terminal.error("error: \(error)")
        throw ExitCode(5)
      }
      progress.finish()
      guard result.hasPlan else {
        Terminal.error("\(rolled.name): \(PlanSummary.statusSentence(result.plan))")
        for reason in result.explanations { Terminal.error("  " + reason) }
        throw ExitCode(result.plan.status == .infeasible ? 3 : result.plan.status == .interrupted ? 130 : 4)
      }
      let plan = result.plan
      let planText = PlanJSON.text(plan)
      let report = PlanChecker.check(planJSON: Data(planText.utf8), scenario: rolled)
      guard report.isValid else {
        Terminal.error("error: the re-plan failed the independent check:")
        for violation in report.violations.prefix(20) { Terminal.error("  \(violation)") }
        throw ExitCode(5)
      }
      let diff = PlanDiff(old: previousPlan, new: plan)
      let moved = options.announcedCohorts.filter { announced in
        !plan.cohorts.contains { $0.programme == announced.programme && $0.start == announced.start }
      }
      let files = [
        ("scenario.yaml", ScenarioWriter.yaml(rolled)), ("plan.json", planText),
        ("clients.csv", PlanTables.clients(plan)),
        ("cohorts.csv", PlanTables.cohorts(plan)), ("caseload.csv", PlanTables.caseload(plan)), ("diff.txt", diff.text),
      ]
      do {
        for (name, text) in files {
          try OutputFile.write(text, to: out + "/" + name, protecting: [scenario, previous])
        }
      } catch {
        Terminal.error("error: \(error)")
        throw ExitCode(2)
      }
      let kpis = PlanKPIs(plan: plan, scenario: rolled)
      let context = PlanSummary.Context(
        solver: result.statistics.solver, seconds: result.statistics.solveSeconds, explanations: result.explanations)
      print(PlanSummary.text(plan, kpis: kpis, context: context), terminator: "")
      print(
        "announced cohorts kept: \(options.announcedCohorts.count - moved.count) of \(options.announcedCohorts.count)")
      for cohort in moved { print("  moved: \(cohort.programme) \(cohort.start)") }
      print("changes against the previous plan:")
      print(diff.text, terminator: "")
      print("written: \(out)/scenario.yaml, plan.json, clients.csv, cohorts.csv, caseload.csv, diff.txt")
      if plan.status == .interrupted || interrupts.interruption.isRaised { throw ExitCode(130) }
    }

    private func readPlan(scenario: Scenario) throws -> PlannerDomain.Plan {
      let data: Data
      do {
        data = try Data(contentsOf: URL(fileURLWithPath: previous))
      } catch {
        Terminal.error("error: cannot read the previous plan \(previous)")
        throw ExitCode(2)
      }
      do {
        return try PlanJSON.decode(data, scenario: scenario)
      } catch {
        Terminal.error("error: \(previous): \(error)")
        throw ExitCode(1)
      }
    }
  }
}

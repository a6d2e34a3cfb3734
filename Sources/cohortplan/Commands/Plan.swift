import ArgumentParser
import Foundation
import GLPK
import PlanChecker
import PlannerDomain
import PlannerFormulation
import PlannerReporting
import ScenarioIO

extension CohortPlan {
  /// `cohortplan plan SCENARIO`: computes, verifies and writes a plan.
  struct Plan: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Compute a plan with the fewest idle waiting months.",
      discussion: """
        Solves the scenario as a mixed-integer programme with GLPK, verifies the plan with the \
        independent checker (MODEL.md rules, objective recomputed) and prints a summary: waiting \
        months, waits per client, late intakes, cohorts and their fill, peak caseload against the \
        cap, unplanned work, and the saving against a first-come-first-served office.

        With --out DIR it writes plan.json (docs/plan-format.md), clients.csv, cohorts.csv and \
        caseload.csv there, each atomically. Ctrl-C stops the search and writes the best plan \
        found so far with status `interrupted`; a second Ctrl-C quits at once.

        Exit codes:
          0    a plan was written (optimal, within --gap, or the best before --time-limit)
          1    the scenario is invalid
          2    an input cannot be read or an output cannot be written
          3    the scenario is infeasible: its pins cannot all hold
          4    no plan was found before the time limit
          5    the checker rejected the plan (a defect: please report it with the scenario)
          6    the model would be too large for this machine (the message says what to reduce)
          130  interrupted (the best plan found so far was written, if any)
        """
    )

    enum Strategy: String, ExpressibleByArgument, CaseIterable {
      case optimal
      case fcfs
    }

    enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
      case text
      case json
      case csv
    }

    @Argument(help: "The scenario file (YAML, format version 1).")
    var scenario: String

    @Option(name: .long, help: "Write plan.json and the CSV tables into this folder.")
    var out: String?

    @Option(name: .long, help: "How to plan: the optimiser or first come, first served.")
    var strategy: Strategy = .optimal

    @Option(name: .long, help: "stdout: a summary, the plan as JSON, or the client table as CSV.")
    var format: OutputFormat = .text

    @Option(name: .long, help: "Also write a self-contained HTML report of the plan to this file.")
    var html: String?

    @Flag(name: .long, help: "Skip the first-come-first-served comparison in the summary.")
    var noBaseline = false

    @OptionGroup var solve: SolveFlags

    func run() throws {
      // Signals are caught from the start, so Ctrl-C while loading also ends in a written plan.
      let interrupts = InterruptHandling()
      let loaded = try ScenarioInput.load(scenario)
      let progress = ProgressReporter(enabled: !solve.quiet, label: "solving")
      let result: PlanningResult
      switch strategy {
      case .optimal:
        let options = solve.planningOptions(progress: progress, interruption: interrupts.interruption)
        do {
          result = try OptimalPlanner.plan(loaded.scenario, solver: GLPKSolver(), options: options)
        } catch let refusal as PlanningError {
          progress.finish()
          Terminal.error("error: \(loaded.scenario.name): \(refusal)")
          throw ExitCode(6)
        } catch {
          progress.finish()
          Terminal.error("error: \(error)")
          throw ExitCode(5)
        }
      case .fcfs:
        result = Baseline.plan(loaded.scenario)
      }
      progress.finish()
      let plan = result.plan
      guard result.hasPlan else {
        Terminal.error("\(plan.scenarioName): \(PlanSummary.statusSentence(plan))")
        for reason in result.explanations { Terminal.error("  " + reason) }
        throw ExitCode(plan.status == .infeasible ? 3 : plan.status == .interrupted ? 130 : 4)
      }
      let planText = PlanJSON.text(plan)
      try verify(planText, plan: plan, scenario: loaded.scenario)
      if let out { try write(plan, planText: planText, to: out) }
      if let html {
        let flags = ["--strategy", strategy.rawValue, "--time-limit", "\(solve.timeLimit)", "--gap", "\(solve.gap)"]
        let record = Report.record(loaded, file: scenario, flags: flags)
        try Report.write(plan, scenario: loaded.scenario, record: record, to: html, protecting: [scenario])
      }
      let kpis = PlanKPIs(plan: plan, scenario: loaded.scenario)
      switch format {
      case .text:
        let baseline =
          noBaseline || strategy == .fcfs
          ? nil : PlanKPIs(plan: Baseline.plan(loaded.scenario).plan, scenario: loaded.scenario)
        let context = PlanSummary.Context(
          solver: strategy == .fcfs ? "first come, first served" : result.statistics.solver,
          seconds: result.statistics.solveSeconds, baseline: baseline, explanations: result.explanations,
          segments: SegmentWaits.of(plan, scenario: loaded.scenario))
        let colour = TerminalColour.isWanted(
          isTerminal: isatty(STDOUT_FILENO) != 0, environment: ProcessInfo.processInfo.environment)
        print(PlanSummary.text(plan, kpis: kpis, context: context, colour: colour), terminator: "")
        print("checked: the plan meets every rule of MODEL.md; waiting months recomputed independently")
        if let out { print("written: \(out)/plan.json, clients.csv, cohorts.csv, caseload.csv") }
        if let html { print("report: \(html)") }
      case .json: print(planText, terminator: "")
      case .csv: print(PlanTables.clients(plan), terminator: "")
      }
      if plan.status == .interrupted || interrupts.interruption.isRaised { throw ExitCode(130) }
    }

    private func verify(_ planText: String, plan: PlannerDomain.Plan, scenario: Scenario) throws {
      let report = PlanChecker.check(planJSON: Data(planText.utf8), scenario: scenario)
      guard report.isValid else {
        Terminal.error("error: the plan failed the independent check:")
        for violation in report.violations.prefix(20) { Terminal.error("  \(violation)") }
        throw ExitCode(5)
      }
    }

    private func write(_ plan: PlannerDomain.Plan, planText: String, to folder: String) throws {
      let files = [
        ("plan.json", planText), ("clients.csv", PlanTables.clients(plan)), ("cohorts.csv", PlanTables.cohorts(plan)),
        ("caseload.csv", PlanTables.caseload(plan)),
      ]
      do {
        for (name, text) in files {
          try OutputFile.write(text, to: folder + "/" + name, protecting: [scenario])
        }
      } catch {
        Terminal.error("error: \(error)")
        throw ExitCode(2)
      }
    }
  }
}

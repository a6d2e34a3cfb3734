import ArgumentParser
import Foundation
import GLPK
import PlannerDomain
import PlannerInsight
import PlannerReporting

extension CohortPlan {
  /// `cohortplan explain SCENARIO [--client ID]`: why a client waits, and what would save months.
  struct Explain: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Explain why a client waits, and what would save months.",
      discussion: """
        With --client, solves the scenario optimally and explains each of the client's waiting \
        periods (for the intake, for each step, and an unstarted step to the horizon's end) by \
        the rule that binds, with every other client's schedule as planned: the start calendar, \
        the minimum size, seats full, specialist caps, language match (required), or a pin. When \
        the intake (or a step) was possible earlier but the next step could not have started \
        sooner anyway, the wait is explained by that next step's rule.

        It then tries the changes those rules suggest (a start date in the month the client was \
        ready, one more seat or cohort, a minimum size lowered by the shortfall, one more \
        specialist copied from one who speaks the client's language), solving the whole changed \
        scenario again for each, and reports the client's new wait and the new total. The \
        optimiser may re-arrange other clients, hence both figures.

        Known clients are named by id; an inflow group by its 0-based position in the scenario's \
        inflow list, as --client 'inflow[3]' (its clients are explained together).

        Without --client it summarises who gets no intake or leaves a step unstarted and why, and \
        for a scenario without a plan, which clients' pins cannot hold together.

        Exit codes:
          0    the explanation was written
          1    the scenario is invalid, or --client names no client
          2    an input cannot be read or the output cannot be written
          3    (with --client) the scenario is infeasible; run without --client for the pins
          4    no plan was found before the time limit
          5    a solve failed
          130  interrupted
        """
    )

    enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
      case text
      case json
    }

    @Argument(help: "The scenario file (YAML, format version 1).")
    var scenario: String

    @Option(name: .long, help: "The client: a known client's id, or inflow[N] for inflow group N (0-based).")
    var client: String?

    @Option(name: .long, help: "Seconds each re-solve of a changed scenario may take.")
    var whatIfTimeLimit: Double = 60

    @Option(name: .long, help: "At most this many changes are tried.")
    var maxChanges = 8

    @Option(name: .long, help: "Worker threads for the re-solves (default: the machine's cores).")
    var threads = ProcessInfo.processInfo.activeProcessorCount

    @Option(name: .long, help: "Output format.")
    var format: OutputFormat = .text

    @Option(name: .long, help: "Write the explanation to this file (atomically) instead of stdout.")
    var out: String?

    @OptionGroup var solve: SolveFlags

    func validate() throws {
      guard whatIfTimeLimit.isFinite, whatIfTimeLimit > 0 else {
        throw ValidationError("--what-if-time-limit must be a positive number of seconds")
      }
      guard maxChanges >= 0 else { throw ValidationError("--max-changes must be 0 or more") }
      guard threads >= 1 else { throw ValidationError("--threads must be at least 1") }
    }

    func run() throws {
      let loaded = try ScenarioInput.load(scenario)
      let interrupts = InterruptHandling()
      let progress = ProgressReporter(enabled: !solve.quiet, label: "solving")
      let options = ExplainOptions(
        planning: solve.planningOptions(progress: progress, interruption: interrupts.interruption),
        counterfactualTimeLimit: whatIfTimeLimit, threads: threads, maxCounterfactuals: maxChanges,
        interruption: interrupts.interruption)
      let text: String
      do {
        if let client {
          let selector = ClientSelector(parsing: client)
          if let problem = selector.problem(in: loaded.scenario) {
            Terminal.error("error: --client \(client): \(problem)")
            throw ExitCode(1)
          }
          let explanation = try WaitExplainer.explain(
            selector, in: loaded.scenario, solver: GLPKSolver(), options: options)
          text = format == .json ? explanation.json() : explanation.text()
        } else {
          let explanation = try WaitExplainer.summarise(
            loaded.scenario, solver: GLPKSolver(), options: options, feasibilityTimeLimit: whatIfTimeLimit)
          text = format == .json ? explanation.json() : explanation.text()
        }
      } catch let error as ExplainError {
        progress.finish()
        Terminal.error("error: \(error)")
        if case .noPlan(let status, _) = error {
          throw ExitCode(status == .infeasible ? 3 : status == .interrupted ? 130 : 4)
        }
        throw ExitCode(5)
      } catch let exit as ExitCode {
        throw exit
      } catch {
        progress.finish()
        Terminal.error("error: \(error)")
        throw ExitCode(5)
      }
      progress.finish()
      if interrupts.interruption.isRaised {
        Terminal.error("interrupted: the explanation may rest on plans that were not proven optimal")
      }
      guard let out else {
        print(text, terminator: "")
        if interrupts.interruption.isRaised { throw ExitCode(130) }
        return
      }
      do {
        try OutputFile.write(text, to: out, protecting: [scenario])
      } catch {
        Terminal.error("error: \(error)")
        throw ExitCode(2)
      }
      if !solve.quiet { Terminal.error("written: \(out)") }
      if interrupts.interruption.isRaised { throw ExitCode(130) }
    }
  }
}

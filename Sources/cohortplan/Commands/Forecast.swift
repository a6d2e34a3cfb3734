import ArgumentParser
import Foundation
import GLPK
import PlannerDomain
import PlannerFormulation
import PlannerInsight
import PlannerReporting

extension CohortPlan {
  /// `cohortplan forecast SCENARIO`: clients expected to start in each cohort, per provider.
  struct Forecast: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Forecast how many clients start in each cohort, per provider and month.",
      discussion: """
        Solves the scenario optimally and lists, for every provider and programme, each start \
        month its calendar allows inside the horizon: the clients starting then (expected), the \
        cohorts opened (groups/max), seats and minimum size, followed by the provider's total per \
        month. Cohorts that started before the scenario's start are left out.

        With --samples N the inflow nobody knows yet is drawn N times and each draw is solved \
        optimally (each solve with --sample-time-limit, on --threads worker threads). For each \
        inflow group, in scenario order:
          count  ~ Poisson(mean = the group's stated count); --counts fixed keeps the count
          delay  each client independently 0, 1, 2, ... months later than the group's month,
                 with the probabilities of --delays (default 0.6,0.3,0.1)
        Known clients are never changed. All draws come from SplitMix64: sample i gets the i-th \
        output of a SplitMix64 stream seeded with --seed, and its own stream seeded with that, so \
        the same seed gives the same output whatever the number of threads. Per cohort the \
        output adds P10/P50/P90 of the starters (nearest rank: the smallest number with at least \
        10%, 50%, 90% of the sampled plans at or below it) and P(min): the share of sampled plans \
        in which the start month reaches its minimum size, i.e. at least one cohort opens. \
        docs/forecast.md has the details.

        --format csv gives one row per provider, programme and month with the columns \
        provider, programme, month, expected, p10, p50, p90, p_min_reached.

        Exit codes:
          0    the forecast was written
          1    the scenario is invalid, or --provider names no provider
          2    an input cannot be read or the output cannot be written
          3    the scenario is infeasible: its pins cannot all hold
          4    no plan of the scenario as stated was found before the time limit
          5    a solve failed
          130  interrupted
        """
    )

    enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
      case text
      case csv
      case json
    }

    enum CountOption: String, ExpressibleByArgument, CaseIterable {
      case poisson
      case fixed
    }

    @Argument(help: "The scenario file (YAML, format version 1).")
    var scenario: String

    @Option(name: .long, help: "Inflow samples to draw and solve; 0 = only the plan of the scenario as stated.")
    var samples = 0

    @Option(name: .long, help: "Seed of the sampling; the same seed gives the same forecast.")
    var seed: UInt64 = 1

    @Option(name: .long, help: "How many clients an inflow group brings in a sample.")
    var counts: CountOption = .poisson

    @Option(
      name: .long, help: "Probabilities of a housing delay of 0, 1, 2, ... months, comma-separated, summing to 1.")
    var delays = "0.6,0.3,0.1"

    @Option(name: .long, help: "Seconds each sample's solve may take.")
    var sampleTimeLimit: Double = 30

    @Option(name: .long, help: "Worker threads for the samples (default: the machine's cores).")
    var threads = ProcessInfo.processInfo.activeProcessorCount

    @Option(name: .long, help: "Only this provider's rows.")
    var provider: String?

    @Option(name: .long, help: "Only start months in this calendar year, e.g. 2021.")
    var year: Int?

    @Option(name: .long, help: "Output format.")
    var format: OutputFormat = .text

    @Option(name: .long, help: "Write the forecast to this file (atomically) instead of stdout.")
    var out: String?

    @OptionGroup var solve: SolveFlags

    func validate() throws {
      guard samples >= 0 else { throw ValidationError("--samples must be 0 or more") }
      guard threads >= 1 else { throw ValidationError("--threads must be at least 1") }
      guard sampleTimeLimit.isFinite, sampleTimeLimit > 0 else {
        throw ValidationError("--sample-time-limit must be a positive number of seconds")
      }
      if let problem = try uncertainty().problem { throw ValidationError("--delays: \(problem)") }
    }

    private func uncertainty() throws -> InflowUncertainty {
      let parts = delays.split(separator: ",", omittingEmptySubsequences: false)
      let values = parts.map { Double($0.trimmingCharacters(in: .whitespaces)) }
      guard !values.isEmpty, values.allSatisfy({ $0 != nil }) else {
        throw ValidationError("--delays must be numbers separated by commas, e.g. 0.6,0.3,0.1")
      }
      return InflowUncertainty(
        countModel: counts == .poisson ? .poisson : .fixed, delayProbabilities: values.compactMap { $0 })
    }

    func run() throws {
      let loaded = try ScenarioInput.load(scenario)
      let providers = Set(loaded.scenario.programmes.map(\.provider))
      if let provider, !providers.contains(provider) {
        Terminal.error(
          "error: --provider \(provider): the scenario has no such provider; it has "
            + providers.sorted().joined(separator: ", "))
        throw ExitCode(1)
      }
      let interrupts = InterruptHandling()
      let progress = ProgressReporter(enabled: !solve.quiet, label: "solving the scenario as stated")
      let sampling = SampleProgress(enabled: !solve.quiet && samples > 0)
      let options = ForecastOptions(
        planning: solve.planningOptions(progress: progress, interruption: interrupts.interruption), samples: samples,
        seed: seed, uncertainty: try uncertainty(), threads: threads, sampleTimeLimit: sampleTimeLimit,
        sampleProgress: { sampling.report(finished: $0, of: $1) }, interruption: interrupts.interruption)
      let forecast: PlannerInsight.Forecast
      do {
        forecast = try CohortForecaster.forecast(loaded.scenario, solver: GLPKSolver(), options: options)
      } catch let error as ForecastError {
        progress.finish()
        sampling.finish()
        Terminal.error("error: \(error)")
        switch error {
        case .noPlan(let status, _): throw ExitCode(status == .infeasible ? 3 : status == .interrupted ? 130 : 4)
        case .interrupted: throw ExitCode(130)
        case .sampleFailed: throw ExitCode(5)
        }
      } catch {
        progress.finish()
        sampling.finish()
        Terminal.error("error: \(error)")
        throw ExitCode(5)
      }
      progress.finish()
      sampling.finish()
      let shown = forecast.filtered(provider: provider, year: year)
      let text: String
      switch format {
      case .text: text = shown.text()
      case .csv: text = shown.csv()
      case .json: text = shown.json()
      }
      guard let out else {
        print(text, terminator: "")
        return
      }
      do {
        try OutputFile.write(text, to: out, protecting: [scenario])
      } catch {
        Terminal.error("error: \(error)")
        throw ExitCode(2)
      }
      if !solve.quiet { Terminal.error("written: \(out)") }
    }
  }
}

/// Shows sampling progress on stderr: at most one line a second, from the second second on.
private final class SampleProgress: @unchecked Sendable {
  private let lock = NSLock()
  private let enabled: Bool
  private let started = ContinuousClock.now
  private var lastShown: Swift.Duration = .zero
  private var shownAny = false

  init(enabled: Bool) { self.enabled = enabled }

  func report(finished: Int, of total: Int) {
    guard enabled else { return }
    lock.withLock {
      let elapsed = ContinuousClock.now - started
      guard elapsed >= .seconds(1), elapsed - lastShown >= .seconds(1) || finished == total else { return }
      lastShown = elapsed
      shownAny = true
      let line = "sampling: \(finished) of \(total) inflow samples solved, \(Int(elapsed.components.seconds)) s"
      if Terminal.stderrIsTerminal {
        FileHandle.standardError.write(Data(("\r\u{1B}[2K" + line).utf8))
      } else {
        Terminal.error(line)
      }
    }
  }

  func finish() {
    lock.withLock {
      if shownAny && Terminal.stderrIsTerminal { FileHandle.standardError.write(Data("\n".utf8)) }
    }
  }
}

import ArgumentParser
import Foundation
import GLPK
import PlannerDomain
import PlannerWhatIf

extension CohortPlan {
  /// `cohortplan staff SCENARIO`: the smallest team that meets a service target, per cap.
  struct Staff: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Find the smallest team of specialists that meets a service target, per caseload cap.",
      discussion: """
        Plans the scenario with the team grown (or shrunk) one specialist at a time over the --fte \
        range, at each cap of --caps, and prints per cap the waiting months against team FTE, \
        the months each extra specialist saves, and the smallest team whose plan meets every \
        --target. Then it relates that answer to the caseload arithmetic of the first calendar \
        year: clients counted in that year (on a caseload at the start + becoming available in \
        it) against the team's yearly slots (FTE × cap).

        Team sizes: an added specialist is 1.0 FTE with the languages of the last specialist \
        listed, available all year, without a personal cap (ids continue the last id: SP5 → SP6). \
        A removed specialist is the last listed one without pinned clients; pinned clients keep \
        their specialists, so smaller teams may be out of reach (listed as not planned), and a cap \
        below what a specialist already carries is infeasible for every team. --share-caseload \
        drops the specialist pins of clients whose intake lies before the start, so the plan \
        shares the existing caseload across the team, as a team-level caseload sum assumes. \
        --caps sets caseload.cap; personal caps stay.

        Targets (all given must hold; default no-late-intakes):
          mean-wait<=X        mean waiting months per client at most X (to 2 decimals)
          p90-wait<=N         90th percentile of waiting months per client at most N
          max-wait<=N         longest wait of any client at most N months
          waiting-months<=N   total waiting months at most N
          late-intakes<=N     at most N intakes later than the route's intake_within
          no-late-intakes     every intake within the route's intake_within
          all-intakes         every client gets an intake inside the horizon

        The grid is solved in parallel (--threads), each plan on its own thread; the output does \
        not depend on the thread count when every solve finishes within its --time-limit. Every \
        plan is verified by the independent checker.

        Exit codes:
          0    every cap has a team in the range that meets the targets
          1    the scenario or an argument is invalid
          2    the scenario cannot be read
          3    for some cap no team in the range meets the targets (widen --fte)
          4    some team found no plan before the time limit (infeasible: too small)
          5    a team could not be solved, or a plan failed the independent check
          130  interrupted (the best plans found so far are shown)
        """
    )

    enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
      case text
      case json
      case csv
    }

    @Argument(help: "The scenario file (YAML, format version 1).")
    var scenario: String

    @Option(
      name: .long,
      help: ArgumentHelp(
        "A service target, e.g. no-late-intakes or mean-wait<=1 (repeatable; see below).", valueName: "target"))
    var target: [String] = []

    @Option(name: .long, help: "Caseload caps per FTE to compare, comma-separated.")
    var caps: String = "100,90"

    @Option(
      name: .long,
      help: ArgumentHelp(
        "Team FTE range as LOW...HIGH (default: 2 below to 4 above the scenario's team).", valueName: "low...high"))
    var fte: String?

    @Flag(name: .long, help: "Let clients already on a caseload at the start move to any specialist of the team.")
    var shareCaseload = false

    @Option(name: .long, help: "stdout: the analysis as text, JSON or CSV (one row per cap and team).")
    var format: OutputFormat = .text

    @Option(name: .long, help: ArgumentHelp("Solves at a time (default: the number of cores).", valueName: "n"))
    var threads: Int?

    @OptionGroup var solve: SolveFlags

    func validate() throws {
      if let threads, threads < 1 { throw ValidationError("--threads must be at least 1") }
      _ = try parsedTargets()
      _ = try parsedCaps()
      _ = try parsedRange()
    }

    func run() throws {
      let loaded = try ScenarioInput.load(scenario)
      let interrupts = InterruptHandling()
      let question = StaffingQuestion(
        caps: try parsedCaps(), fteRange: try parsedRange(), targets: try parsedTargets(), shareCaseload: shareCaseload)
      let quiet = solve.quiet
      let options = WhatIfOptions(
        planning: solve.planningOptions(
          progress: ProgressReporter(enabled: false, label: ""), interruption: interrupts.interruption),
        threads: threads ?? ParallelSolves.availableThreads,
        finished: { _, result in
          guard !quiet else { return }
          Terminal.error(
            "solved \(result.label): \(result.plan.status.rawValue), \(result.plan.waitingMonths) waiting months")
        })
      let clock = ContinuousClock()
      let started = clock.now
      let analysis = StaffingAnalysis.run(loaded.scenario, question: question, solver: GLPKSolver(), options: options)
      if !quiet {
        let count = analysis.series.reduce(0) { $0 + $1.points.count }
        let seconds = (clock.now - started) / .seconds(1)
        Terminal.error("\(count) plans in \(String(format: "%.1f", seconds)) s")
      }
      let results = analysis.series.flatMap { $0.points.map(\.result) }
      let verified = Compare.verify(Comparison(results: results))
      switch format {
      case .text: print(analysis.text(), terminator: "")
      case .json: print(analysis.json(), terminator: "")
      case .csv: print(analysis.csv(), terminator: "")
      }
      if interrupts.interruption.isRaised || results.contains(where: { $0.plan.status == .interrupted }) {
        throw ExitCode(130)
      }
      if !verified || results.contains(where: { $0.failure != nil }) { throw ExitCode(5) }
      if results.contains(where: { !$0.hasPlan && $0.plan.status != .infeasible }) { throw ExitCode(4) }
      if analysis.series.contains(where: { $0.smallest == nil }) { throw ExitCode(3) }
    }

    private func parsedTargets() throws -> [ServiceTarget] {
      let texts = target.isEmpty ? ["no-late-intakes"] : target
      do {
        return try texts.map { text throws(ServiceTargetError) in try ServiceTarget(parsing: text) }
      } catch {
        throw ValidationError("--target \(error)")
      }
    }

    private func parsedCaps() throws -> [ExactDecimal] {
      let parts = caps.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
      let values = parts.compactMap { ExactDecimal(parsing: $0) }
      guard !parts.isEmpty, values.count == parts.count, values.allSatisfy(\.isPositive) else {
        throw ValidationError("--caps takes positive numbers separated by commas, e.g. 100,90")
      }
      return values
    }

    private func parsedRange() throws -> ClosedRange<ExactDecimal>? {
      guard let fte else { return nil }
      let bounds = fte.replacingOccurrences(of: "...", with: "..").components(separatedBy: "..")
      guard bounds.count == 2, let low = ExactDecimal(parsing: bounds[0].trimmingCharacters(in: .whitespaces)),
        let high = ExactDecimal(parsing: bounds[1].trimmingCharacters(in: .whitespaces)), low <= high, high.isPositive
      else {
        throw ValidationError("--fte takes a range LOW...HIGH of team FTE, e.g. 3...12")
      }
      return low...high
    }
  }
}

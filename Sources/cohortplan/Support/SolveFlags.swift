import ArgumentParser
import OptimizationModel
import PlannerFormulation

/// Flags every solving command shares.
struct SolveFlags: ParsableArguments {
  @Option(
    name: .long,
    help: ArgumentHelp(
      "Stop the search after this many seconds and keep the best plan found.",
      discussion:
        "Reading the scenario, the checks and writing come on top, and GLPK may overrun the limit by a fraction of a second while it adds cuts at the start of a search."
    ))
  var timeLimit: Double = 60

  @Option(name: .long, help: "Accept a plan within this relative gap of the best bound (0.01 = 1%).")
  var gap: Double = 0

  @Flag(name: .long, help: "Print the solver's own log on stderr.")
  var solverLog = false

  @Flag(name: .long, help: "No progress lines on stderr.")
  var quiet = false

  func validate() throws {
    guard timeLimit.isFinite, timeLimit > 0 else {
      throw ValidationError("--time-limit must be a positive number of seconds")
    }
    guard gap.isFinite, gap >= 0, gap < 1 else { throw ValidationError("--gap must be between 0 and 1 (0.01 = 1%)") }
  }

  func planningOptions(progress: ProgressReporter, interruption: Interruption) -> PlanningOptions {
    var log: (@Sendable (String) -> Void)?
    if solverLog {
      log = { line in Terminal.error(line.hasSuffix("\n") ? String(line.dropLast()) : line) }
    }
    return PlanningOptions(
      timeLimit: timeLimit, relativeGap: gap, progress: { progress.report($0) }, interruption: interruption,
      solverLog: log)
  }
}

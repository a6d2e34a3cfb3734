import OptimizationModel
import PlannerDomain
import PlannerFormulation
import Synchronization

/// How to forecast: the solve of the scenario as stated, and optionally sampled inflow.
public struct ForecastOptions: Sendable {
  /// Options of the solve of the scenario as stated (its plan gives the `expected` figures).
  public var planning: PlanningOptions
  /// Sampled inflows to solve; 0 = the stated plan only.
  public var samples: Int
  public var seed: UInt64
  public var uncertainty: InflowUncertainty
  /// Worker threads for the samples (each solve runs on one thread from start to end).
  public var threads: Int
  /// Seconds each sample's solve may take; a sample stopped by it keeps its best plan.
  public var sampleTimeLimit: Double
  /// Called on a worker thread after each sample with (finished, total).
  public var sampleProgress: (@Sendable (Int, Int) -> Void)?
  /// Raised to stop: running samples stop, no new ones start, and the forecast throws.
  public var interruption: Interruption?

  public init(
    planning: PlanningOptions = PlanningOptions(), samples: Int = 0, seed: UInt64 = 1,
    uncertainty: InflowUncertainty = .standard, threads: Int = 1, sampleTimeLimit: Double = 30,
    sampleProgress: (@Sendable (Int, Int) -> Void)? = nil, interruption: Interruption? = nil
  ) {
    self.planning = planning
    self.samples = samples
    self.seed = seed
    self.uncertainty = uncertainty
    self.threads = threads
    self.sampleTimeLimit = sampleTimeLimit
    self.sampleProgress = sampleProgress
    self.interruption = interruption
  }
}

/// Why a forecast could not be made.
public enum ForecastError: Error, Hashable, Sendable, CustomStringConvertible {
  /// The scenario as stated has no plan (infeasible pins, or none found in time).
  case noPlan(status: PlanStatus, reasons: [String])
  /// Stopped by the interruption after `finished` of `total` samples.
  case interrupted(finished: Int, total: Int)
  /// A sample's solve failed (a solver or model error, not infeasibility).
  case sampleFailed(sample: Int, reason: String)

  public var description: String {
    switch self {
    case .noPlan(let status, let reasons):
      return "the scenario as stated has no plan (\(status.rawValue))"
        + (reasons.isEmpty ? "" : ": " + reasons.joined(separator: " "))
    case .interrupted(let finished, let total):
      return "interrupted after \(finished) of \(total) samples; nothing was reported"
    case .sampleFailed(let sample, let reason): return "sample \(sample + 1) could not be solved: \(reason)"
    }
  }
}

/// Forecasts starters per cohort: the optimal plan of the scenario as stated, and with
/// ``ForecastOptions/samples`` > 0 the spread over optimal plans of sampled inflows
/// (``InflowUncertainty``), solved in parallel on ``ForecastOptions/threads`` threads.
public enum CohortForecaster {
  public static func forecast(_ scenario: Scenario, solver: some LinearSolver, options: ForecastOptions) throws
    -> Forecast
  {
    let stated = try OptimalPlanner.plan(scenario, solver: solver, options: options.planning)
    guard stated.hasPlan else { throw ForecastError.noPlan(status: stated.plan.status, reasons: stated.explanations) }
    let expected = CohortStarters(stated.plan, scenario: scenario)
    guard options.samples > 0 else {
      return ForecastTable.build(scenario, plan: stated.plan, expected: expected, samples: nil)
    }
    let outcomes = try sampleOutcomes(scenario, solver: solver, options: options)
    var summary = SamplingSummary(
      samples: options.samples, seed: options.seed, uncertainty: options.uncertainty,
      sampleTimeLimit: options.sampleTimeLimit, proven: 0, unproven: 0, withoutPlan: 0)
    var planned: [CohortStarters] = []
    for outcome in outcomes {
      switch outcome.status {
      case .optimal: summary.proven += 1
      case nil: summary.withoutPlan += 1
      default: summary.unproven += 1
      }
      if outcome.status != nil { planned.append(outcome.starters) }
    }
    return ForecastTable.build(scenario, plan: stated.plan, expected: expected, samples: (summary, planned))
  }

  struct SampleOutcome: Sendable {
    /// Nil when the sample has no plan.
    var status: PlanStatus?
    var starters: CohortStarters
    var failure: String?
  }

  private static func sampleOutcomes(_ scenario: Scenario, solver: some LinearSolver, options: ForecastOptions) throws
    -> [SampleOutcome]
  {
    let seeds = InflowUncertainty.sampleSeeds(seed: options.seed, count: options.samples)
    let finished = Counter()
    let uncertainty = options.uncertainty
    let planning = PlanningOptions(timeLimit: options.sampleTimeLimit, interruption: options.interruption)
    let outcomes = SolveThreads.map(count: seeds.count, threads: options.threads) { index in
      let empty = CohortStarters(starters: [:], groups: [:])
      if options.interruption?.isRaised == true { return SampleOutcome(status: .interrupted, starters: empty) }
      let sampled = uncertainty.sample(scenario, seed: seeds[index])
      let outcome: SampleOutcome
      do {
        let result = try OptimalPlanner.plan(sampled, solver: solver, options: planning)
        outcome =
          result.hasPlan
          ? SampleOutcome(status: result.plan.status, starters: CohortStarters(result.plan, scenario: sampled))
          : SampleOutcome(status: nil, starters: empty)
      } catch {
        outcome = SampleOutcome(status: nil, starters: empty, failure: String(describing: error))
      }
      options.sampleProgress?(finished.increment(), seeds.count)
      return outcome
    }
    if let failed = outcomes.firstIndex(where: { $0.failure != nil }) {
      throw ForecastError.sampleFailed(sample: failed, reason: outcomes[failed].failure ?? "")
    }
    if options.interruption?.isRaised == true {
      throw ForecastError.interrupted(
        finished: outcomes.count { $0.status != nil && $0.status != .interrupted }, total: seeds.count)
    }
    return outcomes
  }

  private final class Counter: Sendable {
    private let value = Atomic<Int>(0)
    func increment() -> Int { value.add(1, ordering: .relaxed).newValue }
  }
}

/// Starters and opened groups per (programme, grid month) of one plan, inside the horizon.
struct CohortStarters: Hashable, Sendable {
  struct Key: Hashable, Comparable, Sendable {
    /// Index into the scenario's programmes.
    let programme: Int
    let month: Int
    static func < (lhs: Key, rhs: Key) -> Bool { (lhs.programme, lhs.month) < (rhs.programme, rhs.month) }
  }

  var starters: [Key: Int]
  var groups: [Key: Int]

  init(starters: [Key: Int], groups: [Key: Int]) {
    self.starters = starters
    self.groups = groups
  }

  init(_ plan: Plan, scenario: Scenario) {
    var index: [String: Int] = [:]
    for (position, programme) in scenario.programmes.enumerated() where index[programme.id] == nil {
      index[programme.id] = position
    }
    starters = [:]
    groups = [:]
    for cohort in plan.cohorts {
      let month = scenario.offset(of: cohort.start)
      guard let programme = index[cohort.programme], month >= 0, month < scenario.horizon, cohort.size > 0 else {
        continue
      }
      let key = Key(programme: programme, month: month)
      starters[key, default: 0] += cohort.size
      groups[key, default: 0] += 1
    }
  }
}

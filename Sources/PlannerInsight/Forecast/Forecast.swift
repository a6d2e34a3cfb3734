import PlannerDomain

/// Starters per cohort and per provider for the months of a plan: the optimal plan of the
/// scenario as stated and, with sampling, the spread over plans of sampled inflow.
public struct Forecast: Hashable, Sendable {
  public var scenarioName: String
  public var start: Month
  public var horizon: Int
  /// Status of the plan of the scenario as stated (the `expected` figures).
  public var status: PlanStatus
  /// Waiting months of that plan.
  public var waitingMonths: Int
  /// How the inflow was sampled; nil when the forecast is the stated plan only.
  public var sampling: SamplingSummary?
  /// One row per programme and start month: every month its calendar allows inside the
  /// horizon, and any other month in which a plan starts it (pins). Providers in order of
  /// their first programme in the scenario, programmes in scenario order, months ascending.
  public var cohorts: [CohortForecast]
  /// One row per provider and month of its cohort rows: all its programmes together.
  public var providerTotals: [ProviderMonthForecast]

  public init(
    scenarioName: String, start: Month, horizon: Int, status: PlanStatus, waitingMonths: Int,
    sampling: SamplingSummary?, cohorts: [CohortForecast], providerTotals: [ProviderMonthForecast]
  ) {
    self.scenarioName = scenarioName
    self.start = start
    self.horizon = horizon
    self.status = status
    self.waitingMonths = waitingMonths
    self.sampling = sampling
    self.cohorts = cohorts
    self.providerTotals = providerTotals
  }

  /// The providers in the order of the rows.
  public var providers: [String] {
    var seen: Set<String> = []
    return cohorts.map(\.provider).filter { seen.insert($0).inserted }
  }

  /// Only the rows of one provider and of start months in one calendar year (nil = all).
  public func filtered(provider: String?, year: Int?) -> Forecast {
    var copy = self
    copy.cohorts = cohorts.filter { row in
      (provider.map { row.provider == $0 } ?? true) && (year.map { row.month.year == $0 } ?? true)
    }
    copy.providerTotals = providerTotals.filter { row in
      (provider.map { row.provider == $0 } ?? true) && (year.map { row.month.year == $0 } ?? true)
    }
    return copy
  }
}

/// How many samples were drawn and how well they were solved.
public struct SamplingSummary: Hashable, Sendable {
  public var samples: Int
  public var seed: UInt64
  public var uncertainty: InflowUncertainty
  /// Seconds each sample's solve may take.
  public var sampleTimeLimit: Double
  /// Samples whose plan is proven optimal.
  public var proven: Int
  /// Samples with a plan that is not proven optimal (the time limit ran out first).
  public var unproven: Int
  /// Samples without any plan (none found in time, or infeasible); left out of the spread.
  public var withoutPlan: Int

  public init(
    samples: Int, seed: UInt64, uncertainty: InflowUncertainty, sampleTimeLimit: Double, proven: Int, unproven: Int,
    withoutPlan: Int
  ) {
    self.samples = samples
    self.seed = seed
    self.uncertainty = uncertainty
    self.sampleTimeLimit = sampleTimeLimit
    self.proven = proven
    self.unproven = unproven
    self.withoutPlan = withoutPlan
  }

  /// Samples that contribute to the spread.
  public var planned: Int { proven + unproven }
}

/// Starters over the sampled plans: nearest-rank percentiles and the mean.
public struct StarterSpread: Hashable, Sendable {
  public var p10: Int
  public var p50: Int
  public var p90: Int
  public var mean: Double

  public init(p10: Int, p50: Int, p90: Int, mean: Double) {
    self.p10 = p10
    self.p50 = p50
    self.p90 = p90
    self.mean = mean
  }

  /// The spread of `values` (at least one). The q-percentile is the smallest value with at
  /// least q·n of the n values at or below it: `sorted[⌈q·n⌉ − 1]`, i.e. F⁻¹(q) of the sample.
  public init(_ values: [Int]) {
    precondition(!values.isEmpty, "a spread needs at least one value")
    let sorted = values.sorted()
    p10 = Self.percentile(sorted, 10)
    p50 = Self.percentile(sorted, 50)
    p90 = Self.percentile(sorted, 90)
    mean = Double(values.reduce(0, +)) / Double(values.count)
  }

  /// Nearest rank with exact integer arithmetic: index ⌈percent·n/100⌉ − 1.
  public static func percentile(_ sorted: [Int], _ percent: Int) -> Int {
    let rank = (percent * sorted.count + 99) / 100
    return sorted[min(max(rank - 1, 0), sorted.count - 1)]
  }
}

/// One programme's start month.
public struct CohortForecast: Hashable, Sendable {
  public var provider: String
  public var programme: String
  public var month: Month
  public var seats: Int
  public var minSize: Int
  /// Parallel cohorts the programme may open per start month.
  public var maxGroups: Int
  /// Clients starting in the optimal plan of the scenario as stated.
  public var expected: Int
  /// Cohorts (groups) that plan opens in this month.
  public var groups: Int
  /// Starters over the sampled plans; nil without sampling.
  public var spread: StarterSpread?
  /// Share of sampled plans in which this start month reaches its minimum size, i.e. at least
  /// one cohort opens: starters ≥ `min_size` (a plan never runs a cohort under its minimum, so
  /// with several groups this is P(at least one cohort opens)). Nil without sampling.
  public var minimumReached: Double?

  public init(
    provider: String, programme: String, month: Month, seats: Int, minSize: Int, maxGroups: Int, expected: Int,
    groups: Int, spread: StarterSpread? = nil, minimumReached: Double? = nil
  ) {
    self.provider = provider
    self.programme = programme
    self.month = month
    self.seats = seats
    self.minSize = minSize
    self.maxGroups = maxGroups
    self.expected = expected
    self.groups = groups
    self.spread = spread
    self.minimumReached = minimumReached
  }
}

/// All of a provider's starters in one month.
public struct ProviderMonthForecast: Hashable, Sendable {
  public var provider: String
  public var month: Month
  public var expected: Int
  public var spread: StarterSpread?

  public init(provider: String, month: Month, expected: Int, spread: StarterSpread? = nil) {
    self.provider = provider
    self.month = month
    self.expected = expected
    self.spread = spread
  }
}

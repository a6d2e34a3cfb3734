import PlannerDomain

/// How a forecast draws the inflow nobody knows yet (docs/forecast.md, "The inflow model").
///
/// For each group of the scenario's `inflow`, in scenario order: the number of clients is
/// drawn (``CountModel``), then each client independently gets a housing delay of d months with
/// probability ``delayProbabilities``[d], and becomes available d months after the group's
/// month. Known clients (`clients`) are never changed. Every draw comes from one SplitMix64
/// stream per sample, so a sample depends only on its seed.
public struct InflowUncertainty: Hashable, Sendable {
  /// How many clients an inflow group brings.
  public enum CountModel: String, Hashable, Sendable, CaseIterable {
    /// Poisson with mean = the group's stated `count` (variance = mean).
    case poisson
    /// Exactly the stated `count`; only the delays vary.
    case fixed
  }

  public var countModel: CountModel
  /// Probability of a delay of 0, 1, 2, … months; non-negative, summing to 1.
  public var delayProbabilities: [Double]

  /// Poisson counts; delays 0, 1, 2 months with probabilities 0.6, 0.3, 0.1. The delays are an
  /// assumption: the 13-week housing limit is often exceeded (DOMAIN.md §5.1).
  public static let standard = InflowUncertainty(countModel: .poisson, delayProbabilities: [0.6, 0.3, 0.1])

  public init(countModel: CountModel, delayProbabilities: [Double]) {
    self.countModel = countModel
    self.delayProbabilities = delayProbabilities
  }

  /// Why these settings cannot be used, or nil when they can.
  public var problem: String? {
    if delayProbabilities.isEmpty { return "give at least one delay probability (for 0 months)" }
    if delayProbabilities.contains(where: { !$0.isFinite || $0 < 0 }) {
      return "delay probabilities must be numbers from 0 to 1"
    }
    let total = delayProbabilities.reduce(0, +)
    if abs(total - 1) > 1e-9 {
      return "delay probabilities must sum to 1 (they sum to \((total * 1_000_000).rounded() / 1_000_000))"
    }
    return nil
  }

  /// The scenario with its inflow replaced by one draw; programmes, specialists and known
  /// clients stay as they are. Groups keep their route, profile and languages; a group whose
  /// clients get different delays becomes one group per delay, in order of delay, and groups
  /// that draw no clients disappear.
  public func sample(_ scenario: Scenario, seed: UInt64) -> Scenario {
    var random = SplitMix64(seed: seed)
    let drawsDelays = delayProbabilities.count > 1
    var inflow: [InflowGroup] = []
    for group in scenario.inflow {
      let heads = countModel == .poisson ? random.poisson(mean: Double(max(group.count, 0))) : group.count
      var perDelay = Array(repeating: 0, count: delayProbabilities.count)
      for _ in 0..<max(heads, 0) {
        perDelay[drawsDelays ? random.index(probabilities: delayProbabilities) : 0] += 1
      }
      for (delay, count) in perDelay.enumerated() where count > 0 {
        var drawn = group
        drawn.month = group.month.adding(delay)
        drawn.count = count
        inflow.append(drawn)
      }
    }
    var sampled = scenario
    sampled.inflow = inflow
    return sampled
  }

  /// One seed per sample, drawn in order from a SplitMix64 stream seeded with `seed`, so
  /// sample i is the same whatever the number of samples after it or of threads.
  public static func sampleSeeds(seed: UInt64, count: Int) -> [UInt64] {
    var master = SplitMix64(seed: seed)
    return (0..<max(count, 0)).map { _ in master.next() }
  }
}

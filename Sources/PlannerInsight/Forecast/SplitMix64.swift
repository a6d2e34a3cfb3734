import Foundation

/// Steele, Lea and Flood's SplitMix64 generator (2014): 64 bits of state and a fixed output
/// function, so a seed gives the same sequence on every platform and toolchain.
///
/// It does not conform to `RandomNumberGenerator` on purpose: the standard library's
/// `random(in:using:)` may change its algorithm between Swift releases, and a forecast must
/// stay identical for its seed. Every draw goes through the methods below.
struct SplitMix64: Sendable {
  private var state: UInt64

  init(seed: UInt64) { state = seed }

  /// The next 64 random bits.
  mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var mixed = state
    mixed = (mixed ^ (mixed >> 30)) &* 0xBF58_476D_1CE4_E5B9
    mixed = (mixed ^ (mixed >> 27)) &* 0x94D0_49BB_1331_11EB
    return mixed ^ (mixed >> 31)
  }

  /// A uniform number in [0, 1) with 53 random bits: the top bits of ``next()`` times 2⁻⁵³.
  mutating func unit() -> Double { Double(next() >> 11) * 0x1.0p-53 }
}

extension SplitMix64 {
  /// A Poisson-distributed count with mean `mean` ≥ 0, by inversion: the smallest k with
  /// u < P(X ≤ k) for one uniform u. Means above 256 are split into parts of at most 256
  /// (a sum of independent Poisson counts is Poisson), so e^−mean never underflows.
  mutating func poisson(mean: Double) -> Int {
    precondition(mean.isFinite && mean >= 0, "a Poisson mean must be finite and non-negative")
    var remaining = mean
    var total = 0
    while remaining > 256 {
      total += poissonByInversion(mean: 256)
      remaining -= 256
    }
    return total + poissonByInversion(mean: remaining)
  }

  private mutating func poissonByInversion(mean: Double) -> Int {
    guard mean > 0 else { return 0 }
    let draw = unit()
    var count = 0
    var probability = exp(-mean)
    var cumulative = probability
    while draw >= cumulative {
      count += 1
      probability *= mean / Double(count)
      cumulative += probability
      // Rounding can leave the sum a hair under 1; past the mean the tail is then exhausted.
      if probability == 0 && Double(count) > mean { break }
    }
    return count
  }

  /// An index drawn with the given probabilities (non-negative, summing to 1): the first index
  /// whose cumulative probability exceeds one uniform draw.
  mutating func index(probabilities: [Double]) -> Int {
    let draw = unit()
    var cumulative = 0.0
    for (index, probability) in probabilities.enumerated() {
      cumulative += probability
      if draw < cumulative { return index }
    }
    return probabilities.lastIndex { $0 > 0 } ?? 0
  }
}

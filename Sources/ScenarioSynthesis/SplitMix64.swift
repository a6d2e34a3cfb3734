/// Steele, Lea and Flood's SplitMix64 generator: 64 bits of state, a fixed output function,
/// the same sequence for a seed on every platform and toolchain.
///
/// It deliberately does not conform to `RandomNumberGenerator`: the standard library's
/// `random(in:using:)` and `shuffled(using:)` may change their algorithms between Swift
/// releases, and a synthetic scenario must stay identical for its seed. Every draw goes
/// through the methods below instead.
public struct SplitMix64: Sendable {
  private var state: UInt64

  public init(seed: UInt64) { state = seed }

  /// The next 64 random bits.
  public mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var mixed = state
    mixed = (mixed ^ (mixed >> 30)) &* 0xBF58_476D_1CE4_E5B9
    mixed = (mixed ^ (mixed >> 27)) &* 0x94D0_49BB_1331_11EB
    return mixed ^ (mixed >> 31)
  }

  /// A uniform integer in `0 ..< bound` (bound ≥ 1), without modulo bias: draws that fall in
  /// the incomplete last block of `UInt64` are rejected.
  public mutating func int(below bound: Int) -> Int {
    precondition(bound >= 1, "bound must be at least 1")
    let limit = UInt64(bound)
    let threshold = (0 &- limit) % limit  // 2^64 mod bound
    while true {
      let draw = next()
      if draw >= threshold { return Int(draw % limit) }
    }
  }

  /// A uniform integer in `range`.
  public mutating func int(in range: ClosedRange<Int>) -> Int {
    range.lowerBound + int(below: range.upperBound - range.lowerBound + 1)
  }

  /// True with probability `percent` / 100.
  public mutating func chance(percent: Int) -> Bool { int(below: 100) < percent }

  /// An index into `weights`, drawn with probability proportional to its weight.
  public mutating func index(weights: [Int]) -> Int {
    let total = weights.reduce(0, +)
    precondition(total > 0, "weights must not all be zero")
    var draw = int(below: total)
    for (index, weight) in weights.enumerated() {
      if draw < weight { return index }
      draw -= weight
    }
    return weights.count - 1
  }

  /// A uniformly chosen element; nil for an empty array.
  public mutating func element<Element>(of items: [Element]) -> Element? {
    items.isEmpty ? nil : items[int(below: items.count)]
  }

  /// The items in a uniformly random order (Fisher–Yates).
  public mutating func shuffled<Element>(_ items: [Element]) -> [Element] {
    var result = items
    var index = result.count - 1
    while index > 0 {
      result.swapAt(index, int(in: 0...index))
      index -= 1
    }
    return result
  }
}

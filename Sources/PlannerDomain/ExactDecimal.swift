/// A non-negative decimal with at most four fractional digits, held exactly.
///
/// MODEL.md requires exact arithmetic on caps and FTE: ⌊cap × fte⌋ must not suffer from
/// binary floating point (0.9 × 100 is 89.999… in `Double`).
public struct ExactDecimal: Hashable, Comparable, Sendable, CustomStringConvertible {
  public static let scale = 10_000
  /// The value times ``scale``.
  public let scaled: Int

  public init(scaled: Int) { self.scaled = scaled }
  public init(_ whole: Int) { self.scaled = whole * Self.scale }

  /// Parses `12`, `0.8` or `1.25`; nil for anything else, including more than four decimals.
  public init?(parsing text: String) {
    let parts = text.split(separator: ".", omittingEmptySubsequences: false)
    guard (1...2).contains(parts.count), !parts[0].isEmpty, parts[0].allSatisfy(\.isASCII),
      let whole = Int(parts[0]), whole >= 0, whole < 1_000_000_000
    else { return nil }
    var fraction = 0
    if parts.count == 2 {
      let digits = parts[1]
      guard (1...4).contains(digits.count), digits.allSatisfy({ $0.isASCII && $0.isNumber }),
        let value = Int(digits)
      else { return nil }
      fraction = value * [1000, 100, 10, 1][digits.count - 1]
    }
    self.scaled = whole * Self.scale + fraction
  }

  public var isPositive: Bool { scaled > 0 }

  /// ⌊self × other × numerator / denominator⌋, computed exactly.
  public func flooredProduct(_ other: ExactDecimal, times numerator: Int = 1, over denominator: Int = 1)
    -> Int
  {
    let product = scaled * other.scaled * numerator
    return product / (Self.scale * Self.scale * denominator)
  }

  public var description: String {
    let whole = scaled / Self.scale
    var fraction = scaled % Self.scale
    guard fraction != 0 else { return String(whole) }
    var digits = 4
    while fraction % 10 == 0 {
      fraction /= 10
      digits -= 1
    }
    let text = String(fraction)
    return String(whole) + "." + String(repeating: "0", count: digits - text.count) + text
  }

  public static func < (lhs: ExactDecimal, rhs: ExactDecimal) -> Bool { lhs.scaled < rhs.scaled }
}

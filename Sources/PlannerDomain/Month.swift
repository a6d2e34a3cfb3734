/// A calendar month, written `YYYY-MM` in every file.
///
/// Plans run on a monthly grid; a scenario's `start` is month 0 and every other month is an
/// offset from it (negative offsets are history).
public struct Month: Hashable, Comparable, Sendable, CustomStringConvertible {
  public let year: Int
  /// 1 = January … 12 = December.
  public let month: Int

  public init(year: Int, month: Int) {
    precondition((1...12).contains(month), "month must be 1...12")
    self.year = year
    self.month = month
  }

  /// Parses `YYYY-MM` strictly: four digits, a dash, two digits, month 01–12.
  public init?(parsing text: String) {
    let parts = text.split(separator: "-", omittingEmptySubsequences: false)
    guard parts.count == 2, parts[0].count == 4, parts[1].count == 2,
      parts[0].allSatisfy({ $0.isASCII && $0.isNumber }), parts[1].allSatisfy({ $0.isASCII && $0.isNumber }),
      let year = Int(parts[0]), let month = Int(parts[1]), (1...12).contains(month)
    else { return nil }
    self.init(year: year, month: month)
  }

  /// Months since the start of year 0, for arithmetic on the grid.
  public var ordinal: Int { year * 12 + (month - 1) }

  public init(ordinal: Int) {
    let year = ordinal >= 0 ? ordinal / 12 : (ordinal - 11) / 12
    self.init(year: year, month: ordinal - year * 12 + 1)
  }

  /// The month `offset` months after this one.
  public func adding(_ offset: Int) -> Month { Month(ordinal: ordinal + offset) }

  /// How many months `self` lies after `origin` (negative when before).
  public func offset(from origin: Month) -> Int { ordinal - origin.ordinal }

  public var description: String {
    let yearText = String(year)
    let padded = String(repeating: "0", count: max(0, 4 - yearText.count)) + yearText
    return padded + "-" + (month < 10 ? "0" : "") + String(month)
  }

  public static func < (lhs: Month, rhs: Month) -> Bool { lhs.ordinal < rhs.ordinal }
}

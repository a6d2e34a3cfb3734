import PlannerDomain

/// A specialist's capacity on the grid (MODEL.md "Caseload"), computed exactly.
public struct GridSpecialist: Sendable {
  public let index: Int
  public let specialist: Specialist
  /// ⌊cap × fte⌋ with the personal cap if any.
  public let monthlyCap: Int
  /// `available[m]` for grid months 0…H−1.
  public let available: [Bool]
  /// Calendar years overlapping the horizon, with ⌊cap × fte × a / 12⌋.
  public let yearlyCaps: [(year: Int, cap: Int)]

  init(_ specialist: Specialist, index: Int, scenario: Scenario) {
    self.index = index
    self.specialist = specialist
    let cap = specialist.cap ?? scenario.caseload.cap
    monthlyCap = cap.flooredProduct(specialist.fte)
    available = (0..<max(scenario.horizon, 0)).map { specialist.isAvailable(in: scenario.month(at: $0)) }
    var caps: [(year: Int, cap: Int)] = []
    for year in Self.years(of: scenario) {
      let months = (1...12).count { specialist.isAvailable(in: Month(year: year, month: $0)) }
      caps.append((year, cap.flooredProduct(specialist.fte, times: months, over: 12)))
    }
    yearlyCaps = caps
  }

  /// Calendar years with at least one horizon month, in order.
  public static func years(of scenario: Scenario) -> [Int] {
    guard scenario.horizon > 0 else { return [] }
    return Array(scenario.start.year...scenario.month(at: scenario.horizon - 1).year)
  }

  /// Whether the specialist's availability changes inside the horizon's years.
  public var hasWindow: Bool { specialist.from != nil || specialist.until != nil }
}

/// The grid months [first, last] of a calendar year clipped to the horizon.
public func gridMonths(ofYear year: Int, in scenario: Scenario) -> ClosedRange<Int>? {
  let first = max(Month(year: year, month: 1).offset(from: scenario.start), 0)
  let last = min(Month(year: year, month: 12).offset(from: scenario.start), scenario.horizon - 1)
  return first <= last ? first...last : nil
}

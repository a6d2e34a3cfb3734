import PlannerDomain

extension Generator {
  /// Specialists (klantmanagers) at 1.0 FTE, about one in five at 0.8 (assumption; Eindhoven
  /// gives only team totals, 5 FTE in 2019–20, seed 000, L1321–1322). All speak Dutch; of
  /// every five, one also speaks Arabic and one Tigrinya, as in Eindhoven's team
  /// (seed 000, L670–671). A lone specialist speaks all three.
  mutating func makeSpecialists() -> [Specialist] {
    let width = max(3, String(spec.specialists).count)
    // Where in the cycle of five the team starts, so that seeds differ in who speaks what.
    let offset = random.int(below: 5)
    return (0..<spec.specialists).map { index in
      let fte = random.chance(percent: 20) ? ExactDecimal(scaled: 8_000) : ExactDecimal(1)
      let languages: [String]
      if spec.specialists == 1 {
        languages = ["ar", "nl", "ti"]
      } else {
        switch (index + offset) % 5 {
        case 0: languages = ["ar", "nl"]
        case 1: languages = ["nl", "ti"]
        default: languages = ["nl"]
        }
      }
      return Specialist(id: "KM" + padded(index + 1, width: width), fte: fte, languages: languages)
    }
  }
}

/// Caseload already taken by pinned clients, per specialist and per year (annual basis) or
/// month (monthly basis), so that pins never exceed a share of any cap.
struct CaseloadBook {
  /// Pins may fill this share of a cap, in percent (assumption: room stays for new intakes).
  static let pinnedPercent = 70

  let basis: CaseloadBasis
  let horizon: Int
  /// Calendar year of each grid month.
  let yearOfMonth: [Int]
  let firstYear: Int
  /// Room per specialist and period (year index or month).
  private var room: [[Int]]

  init(spec: SyntheticScenarioSpec, specialists: [Specialist]) {
    basis = spec.caseloadBasis
    horizon = spec.horizon
    yearOfMonth = (0..<spec.horizon).map { spec.start.adding($0).year }
    firstYear = spec.start.year
    let periods = basis == .annual ? (yearOfMonth.last ?? firstYear) - firstYear + 1 : spec.horizon
    room = specialists.map { specialist in
      // ⌊cap × fte⌋; without from/until the yearly cap is the same (a = 12, MODEL.md 5).
      let cap = (specialist.cap ?? spec.cap).flooredProduct(specialist.fte)
      return Array(repeating: cap * Self.pinnedPercent / 100, count: periods)
    }
  }

  /// Periods in which a client on the caseload in grid months `months` counts.
  private func periods(_ months: Range<Int>) -> [Int] {
    let clamped = max(0, months.lowerBound)..<min(horizon, max(max(0, months.lowerBound), months.upperBound))
    guard !clamped.isEmpty else { return [] }
    switch basis {
    case .monthly: return Array(clamped)
    case .annual:
      guard let first = clamped.first, let last = clamped.last else { return [] }
      return Array((yearOfMonth[first] - firstYear)...(yearOfMonth[last] - firstYear))
    }
  }

  func fits(_ specialist: Int, months: Range<Int>) -> Bool {
    periods(months).allSatisfy { room[specialist][$0] > 0 }
  }

  mutating func take(_ specialist: Int, months: Range<Int>) {
    for period in periods(months) { room[specialist][period] -= 1 }
  }
}

/// Clients already placed in cohorts that started before the plan, per programme and start
/// month: history cohorts still respect seats × groups (MODEL.md "Fine points").
struct HistoryCohorts {
  private let limits: [String: Int]
  private var taken: [String: [Int: Int]] = [:]

  init(programmes: [Programme]) {
    limits = Dictionary(uniqueKeysWithValues: programmes.map { ($0.id, $0.seats * $0.groups) })
  }

  func hasRoom(_ programme: String, start: Int) -> Bool {
    taken[programme, default: [:]][start, default: 0] < limits[programme, default: 0]
  }

  mutating func take(_ programme: String, start: Int) {
    taken[programme, default: [:]][start, default: 0] += 1
  }
}

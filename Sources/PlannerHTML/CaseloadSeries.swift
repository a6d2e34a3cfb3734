import PlannerDomain

/// One case manager's caseload over the horizon, with what the charts need to show the cap.
struct CaseloadSeries {
  struct Year {
    let year: Int
    let clients: Int
    let cap: Int
    var isOver: Bool { clients > cap }
  }

  let id: String
  let fte: String
  /// The plan's cap: ⌊cap × fte⌋ per month (monthly basis) or per full year (annual basis).
  let cap: Int
  let basis: CaseloadBasis
  /// Clients on the caseload per horizon month.
  let monthly: [Int]
  /// Annual basis: distinct clients counted so far in the month's calendar year, per month.
  let yearSoFar: [Int]
  /// Annual basis: the cap of each horizon month's calendar year.
  let yearCapByMonth: [Int]
  let years: [Year]
  /// Horizon months in which the specialist is not available (`from` / `until`).
  let unavailable: [Int]

  /// Horizon months (offsets) over the cap: the month's count on monthly basis, the year's
  /// count so far on annual basis.
  var overMonths: [Int] {
    monthly.indices.filter { offset in
      basis == .monthly ? monthly[offset] > cap : yearSoFar[offset] > yearCapByMonth[offset]
    }
  }

  var overYears: [Year] { years.filter(\.isOver) }
  var isOver: Bool { !overMonths.isEmpty || !overYears.isEmpty }

  /// When the case manager is exactly at the cap, in words: the years (annual basis) or the
  /// months (monthly basis); empty when never.
  func fullWhen(start: Month) -> String {
    if basis == .annual {
      return ReportText.list(years.filter { $0.clients == $0.cap }.map { String($0.year) })
    }
    return ReportText.monthRanges(monthly.indices.filter { monthly[$0] == cap }.map { start.adding($0) })
  }

  /// The value the chart's vertical scale must reach.
  var highest: Int { (monthly + yearSoFar + yearCapByMonth + [cap]).max() ?? 0 }

  static func of(_ plan: Plan, scenario: Scenario) -> [CaseloadSeries] {
    let basis = plan.specialists.contains { $0.years != nil } ? CaseloadBasis.annual : scenario.caseload.basis
    return plan.specialists.map { load in
      let specialist = scenario.specialist(id: load.id)
      let monthly = (0..<plan.horizon).map { $0 < load.caseload.count ? load.caseload[$0] : 0 }
      let years = (load.years ?? []).map { Year(year: $0.year, clients: $0.clients, cap: $0.cap) }
      var soFar = Array(repeating: 0, count: plan.horizon)
      var capByMonth = Array(repeating: 0, count: plan.horizon)
      if basis == .annual {
        soFar = yearSoFar(of: load.id, in: plan)
        capByMonth = (0..<plan.horizon).map { offset in
          let year = plan.start.adding(offset).year
          return years.first { $0.year == year }?.cap ?? load.cap
        }
      }
      let unavailable = (0..<plan.horizon).filter { specialist?.isAvailable(in: plan.start.adding($0)) == false }
      return CaseloadSeries(
        id: load.id, fte: specialist?.fte.description ?? "", cap: load.cap, basis: basis, monthly: monthly,
        yearSoFar: soFar, yearCapByMonth: capByMonth, years: years, unavailable: unavailable)
    }
  }

  /// For each horizon month, the distinct clients the specialist has counted in that month's
  /// calendar year up to and including it (MODEL.md "Caseload": counted while intake ≤ month <
  /// exit, inside the horizon; without exit to the horizon's end).
  static func yearSoFar(of specialist: String, in plan: Plan) -> [Int] {
    var firstCounted = Array(repeating: 0, count: plan.horizon + 1)
    for entry in plan.clients where entry.specialist == specialist {
      guard let intake = entry.intake else { continue }
      let first = max(intake.offset(from: plan.start), 0)
      let end = min(entry.exit.map { $0.offset(from: plan.start) } ?? plan.horizon, plan.horizon)
      var month = first
      while month < end {
        firstCounted[month] += entry.count
        let calendar = plan.start.adding(month)
        month += 13 - calendar.month
      }
    }
    var result: [Int] = []
    var running = 0
    for offset in 0..<plan.horizon {
      if offset > 0 && plan.start.adding(offset).month == 1 { running = 0 }
      running += firstCounted[offset]
      result.append(running)
    }
    return result
  }
}

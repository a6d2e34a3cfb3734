import PlannerDomain

/// Every specialist's caseload so far (MODEL.md "Caseload"): clients per grid month, and on the
/// annual basis distinct clients per calendar year. Filled client by client in the
/// first-come-first-served pass, and from a finished plan by ``EarlyIntakes``.
///
/// A client occupies the months its ``ClientTimeline/counted`` range names; checking or booking
/// one client costs O(months counted + years overlapped).
struct CaseloadLedger {
  let specialists: [GridSpecialist]
  let basis: CaseloadBasis
  /// `load[specialist][month]`: clients on the caseload in grid month `month`.
  private(set) var load: [[Int]]
  /// `distinct[specialist][year]`: clients counted in at least one month of the year, by the
  /// year's position in ``GridSpecialist/years(of:)``.
  private(set) var distinct: [[Int]]
  /// Position of each grid month's calendar year.
  private let yearOfMonth: [Int]
  /// `unavailableBefore[specialist][m]`: months before `m` outside the specialist's `from`/`until`.
  private let unavailableBefore: [[Int]]

  init(instance: PlanningInstance) {
    specialists = instance.specialists
    basis = instance.scenario.caseload.basis
    let horizon = instance.horizon
    let firstYear = instance.scenario.start.year
    yearOfMonth = (0..<horizon).map { instance.scenario.month(at: $0).year - firstYear }
    let years = GridSpecialist.years(of: instance.scenario).count
    load = specialists.map { _ in Array(repeating: 0, count: horizon) }
    distinct = specialists.map { _ in Array(repeating: 0, count: years) }
    unavailableBefore = specialists.map { specialist in
      var prefix = [0]
      for available in specialist.available { prefix.append((prefix.last ?? 0) + (available ? 0 : 1)) }
      return prefix
    }
  }

  /// Whether a client counted in `month` alone could still join the specialist: a necessary
  /// condition for any client whose counted months start in `month`.
  func hasRoom(_ specialist: Int, in month: Int) -> Bool {
    let grid = specialists[specialist]
    guard grid.available[month] else { return false }
    switch basis {
    case .monthly: return load[specialist][month] < grid.monthlyCap
    case .annual:
      let year = yearOfMonth[month]
      return distinct[specialist][year] < grid.yearlyCaps[year].cap
    }
  }

  /// Whether the specialist can take one more client counted in `months` without passing the cap
  /// in any month (monthly basis) or any calendar year (annual basis), and is available in all of them.
  func fits(_ specialist: Int, months: Range<Int>) -> Bool {
    guard let first = months.first, let last = months.last else { return true }
    let unavailable = unavailableBefore[specialist]
    guard unavailable[months.upperBound] == unavailable[months.lowerBound] else { return false }
    let grid = specialists[specialist]
    switch basis {
    case .monthly:
      return months.allSatisfy { load[specialist][$0] < grid.monthlyCap }
    case .annual:
      return (yearOfMonth[first]...yearOfMonth[last]).allSatisfy {
        distinct[specialist][$0] < grid.yearlyCaps[$0].cap
      }
    }
  }

  mutating func book(_ specialist: Int, months: Range<Int>) {
    change(specialist, months: months, by: 1)
  }

  /// Takes back a ``book(_:months:)`` of the same months.
  mutating func release(_ specialist: Int, months: Range<Int>) {
    change(specialist, months: months, by: -1)
  }

  private mutating func change(_ specialist: Int, months: Range<Int>, by clients: Int) {
    guard let first = months.first, let last = months.last else { return }
    for month in months { load[specialist][month] += clients }
    for year in yearOfMonth[first]...yearOfMonth[last] { distinct[specialist][year] += clients }
  }

  /// The candidate with the fewest clients in `month` (month 0 for a history intake; ties in
  /// the candidates' order) who ``fits(_:months:)``, or nil when none does.
  ///
  /// - Complexity: O(candidates) plus one ``fits(_:months:)`` when the least-loaded fits, which
  ///   is the usual case; O(candidates × log candidates) plus one check each otherwise.
  func leastLoaded(among candidates: [Int], in month: Int, fitting months: Range<Int>) -> Int? {
    let column = max(month, 0)
    func clients(_ specialist: Int) -> Int { column < load[specialist].count ? load[specialist][column] : 0 }
    var best: Int?
    for candidate in candidates where best.map({ clients(candidate) < clients($0) }) ?? true { best = candidate }
    guard let best else { return nil }
    if fits(best, months: months) { return best }
    let ordered = candidates.enumerated().sorted { (clients($0.element), $0.offset) < (clients($1.element), $1.offset) }
    return ordered.lazy.map(\.element).first { $0 != best && fits($0, months: months) }
  }
}

import PlannerDomain

/// The scenario's rules, recomputed by the checker from the raw fields of ``Scenario``.
///
/// Nothing here calls the domain's rule helpers (`Programme.admits`, `Duration.months`,
/// `StartCalendar.allows`, `ExactDecimal.flooredProduct`, `languagesMatch`): the checker must
/// agree with MODEL.md, not with the code that builds the model.
struct ScenarioRules {
  let scenario: Scenario
  /// H: months on the grid, offsets 0 ..< H.
  let horizon: Int
  let startOrdinal: Int
  /// First definition wins when the scenario repeats a name; the loader rejects repeats.
  let routes: [String: Route]
  let programmes: [String: Programme]
  let specialists: [String: Specialist]
  let clients: [String: Client]

  init(_ scenario: Scenario) {
    self.scenario = scenario
    horizon = scenario.horizon
    startOrdinal = scenario.start.ordinal
    routes = Dictionary(scenario.routes.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
    programmes = Dictionary(scenario.programmes.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
    specialists = Dictionary(scenario.specialists.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
    clients = Dictionary(scenario.clients.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
  }

  // MARK: Time

  /// The grid offset of a calendar month (0 = `start`, negative = history).
  func offset(_ month: Month) -> Int { month.ordinal - startOrdinal }

  /// `YYYY-MM` of a grid offset.
  func text(_ offset: Int) -> String { Month(ordinal: startOrdinal + offset).description }

  /// The calendar month (1–12) of a grid offset.
  func calendarMonth(_ offset: Int) -> Int {
    let ordinal = startOrdinal + offset
    return ((ordinal % 12) + 12) % 12 + 1
  }

  /// Whole months a programme occupies: months as given, weeks as ⌈weeks × 12 / 52⌉.
  static func months(of duration: Duration) -> Int {
    switch duration {
    case .months(let months):
      return months
    case .weeks(let weeks):
      let twelfths = weeks * 12
      return twelfths / 52 + (twelfths % 52 > 0 ? 1 : 0)
    }
  }

  // MARK: Programmes

  /// Whether a cohort of `programme` may start in the month at `offset` (MODEL.md `starts`).
  func calendarAllows(_ programme: Programme, at offset: Int) -> Bool {
    switch programme.starts {
    case .monthly: return true
    case .months(let months): return months.contains(calendarMonth(offset))
    }
  }

  /// Why `programme` cannot take a client at `step` with this route and profile, or nil when it
  /// can. A client without a profile joins only programmes without `profiles`.
  static func ineligibility(of programme: Programme, step: String, route: String, profile: String?) -> String? {
    if programme.step != step {
      return "programme \(programme.id) serves step \(programme.step), not \(step)"
    }
    if let routes = programme.routes, !routes.contains(route) {
      return "programme \(programme.id) admits routes \(routes.joined(separator: ", ")), not route \(route)"
    }
    if let profiles = programme.profiles {
      guard let profile else {
        return "programme \(programme.id) admits only profiles \(profiles.joined(separator: ", ")) "
          + "and the client has no profile"
      }
      if !profiles.contains(profile) {
        return "programme \(programme.id) admits profiles \(profiles.joined(separator: ", ")), not profile \(profile)"
      }
    }
    return nil
  }

  // MARK: Specialists

  /// Languages match when the lists share one; an empty list on either side matches anyone.
  static func languagesShared(_ client: [String], _ specialist: [String]) -> Bool {
    if client.isEmpty || specialist.isEmpty { return true }
    return client.contains { language in specialist.contains(language) }
  }

  /// Whether the specialist may have clients in the month at `offset` (`from`/`until` inclusive).
  func isAvailable(_ specialist: Specialist, at offset: Int) -> Bool {
    let ordinal = startOrdinal + offset
    if let from = specialist.from, ordinal < from.ordinal { return false }
    if let until = specialist.until, ordinal > until.ordinal { return false }
    return true
  }

  /// Clients per FTE for this specialist: the personal cap, else the scenario's.
  func capPerFTE(_ specialist: Specialist) -> ExactDecimal { specialist.cap ?? scenario.caseload.cap }

  /// ⌊cap × fte⌋, exactly from the scaled integers; nil if the product does not fit an `Int`.
  func monthlyCap(_ specialist: Specialist) -> Int? {
    Self.floored(capPerFTE(specialist).scaled, specialist.fte.scaled, times: 1, over: 1)
  }

  /// Months of calendar year `year` in which the specialist is available (12 without
  /// `from`/`until`, whatever the horizon).
  func availableMonths(_ specialist: Specialist, in year: Int) -> Int {
    (1...12).filter { month in
      let ordinal = year * 12 + month - 1
      if let from = specialist.from, ordinal < from.ordinal { return false }
      if let until = specialist.until, ordinal > until.ordinal { return false }
      return true
    }.count
  }

  /// ⌊cap × fte × a / 12⌋ for calendar year `year`, a = ``availableMonths(_:in:)``.
  func yearlyCap(_ specialist: Specialist, in year: Int) -> Int? {
    Self.floored(
      capPerFTE(specialist).scaled, specialist.fte.scaled, times: availableMonths(specialist, in: year), over: 12)
  }

  /// ⌊(a / 10⁴) × (b / 10⁴) × numerator / denominator⌋ for non-negative scaled a and b.
  private static func floored(_ first: Int, _ second: Int, times numerator: Int, over denominator: Int) -> Int? {
    let scale = ExactDecimal.scale
    let (product, overflow1) = first.multipliedReportingOverflow(by: second)
    let (numeratorProduct, overflow2) = product.multipliedReportingOverflow(by: numerator)
    let (divisor, overflow3) = (scale * scale).multipliedReportingOverflow(by: denominator)
    guard !overflow1, !overflow2, !overflow3, numeratorProduct >= 0, divisor > 0 else { return nil }
    return numeratorProduct / divisor
  }
}

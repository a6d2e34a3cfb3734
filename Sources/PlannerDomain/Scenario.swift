/// Everything a plan is computed from (MODEL.md "Scenario keys"), free of file formats.
///
/// Months are kept as calendar ``Month`` values; ``start`` is month 0 of the planning grid and
/// ``horizon`` the number of months H planned, so the grid is `start … start + H − 1`.
public struct Scenario: Hashable, Sendable {
  public var name: String
  public var start: Month
  public var horizon: Int
  public var caseload: CaseloadPolicy
  public var languageMatch: LanguageMatch
  /// Routes in the order the scenario lists them.
  public var routes: [Route]
  public var programmes: [Programme]
  public var specialists: [Specialist]
  public var clients: [Client]
  public var inflow: [InflowGroup]

  public init(
    name: String, start: Month, horizon: Int, caseload: CaseloadPolicy = CaseloadPolicy(),
    languageMatch: LanguageMatch = .preferred, routes: [Route], programmes: [Programme],
    specialists: [Specialist], clients: [Client] = [], inflow: [InflowGroup] = []
  ) {
    self.name = name
    self.start = start
    self.horizon = horizon
    self.caseload = caseload
    self.languageMatch = languageMatch
    self.routes = routes
    self.programmes = programmes
    self.specialists = specialists
    self.clients = clients
    self.inflow = inflow
  }

  public func route(named name: String) -> Route? { routes.first { $0.name == name } }
  public func programme(id: String) -> Programme? { programmes.first { $0.id == id } }
  public func specialist(id: String) -> Specialist? { specialists.first { $0.id == id } }

  /// The grid offset of a calendar month (0 = ``start``).
  public func offset(of month: Month) -> Int { month.offset(from: start) }
  /// The calendar month of a grid offset.
  public func month(at offset: Int) -> Month { start.adding(offset) }
}

/// How caseload is capped (MODEL.md "Caseload").
public struct CaseloadPolicy: Hashable, Sendable {
  /// Clients per FTE; 100 today, 90 as the ideal under the 2021 law (DOMAIN.md §4).
  public var cap: ExactDecimal
  public var basis: CaseloadBasis

  public init(cap: ExactDecimal = ExactDecimal(100), basis: CaseloadBasis = .annual) {
    self.cap = cap
    self.basis = basis
  }
}

public enum CaseloadBasis: String, Hashable, Sendable, CaseIterable {
  /// Distinct clients counted in a calendar year (carried over + new), the norm in practice.
  case annual
  /// Clients on the caseload in each month.
  case monthly
}

public enum LanguageMatch: String, Hashable, Sendable, CaseIterable {
  case none
  case preferred
  case required
}

/// A route (leerroute): the ordered steps a client takes after intake.
public struct Route: Hashable, Sendable {
  public var name: String
  public var steps: [String]
  /// Months the intake itself takes before the first step is ready.
  public var intakeMonths: Int
  /// Target months from availability to intake; reported, never enforced.
  public var intakeWithin: Int
  /// Months on the caseload after the last step.
  public var aftercare: Int

  public init(name: String, steps: [String], intakeMonths: Int = 1, intakeWithin: Int = 2, aftercare: Int = 0) {
    self.name = name
    self.steps = steps
    self.intakeMonths = intakeMonths
    self.intakeWithin = intakeWithin
    self.aftercare = aftercare
  }
}

/// A programme's length as the scenario states it.
public enum Duration: Hashable, Sendable {
  case months(Int)
  case weeks(Int)

  /// Whole months on the grid: weeks become ⌈weeks × 12 / 52⌉ (12 → 3, 16 → 4, 20 → 5, 40 → 10).
  public var months: Int {
    switch self {
    case .months(let months): return months
    case .weeks(let weeks): return (weeks * 12 + 51) / 52
    }
  }
}

/// The calendar months in which a programme may start a cohort.
public enum StartCalendar: Hashable, Sendable {
  case monthly
  /// Calendar months 1–12.
  case months(Set<Int>)

  public func allows(_ month: Month) -> Bool {
    switch self {
    case .monthly: return true
    case .months(let months): return months.contains(month.month)
    }
  }
}

/// A programme that serves one step, run by a provider in cohorts.
public struct Programme: Hashable, Sendable {
  public var id: String
  public var provider: String
  public var step: String
  /// Eligible routes; nil means every route.
  public var routes: [String]?
  /// Eligible profiles; nil means every client, including those without a profile.
  public var profiles: [String]?
  public var duration: Duration
  public var starts: StartCalendar
  /// Maximum clients per cohort.
  public var seats: Int
  /// Minimum clients in a cohort that has any client.
  public var minSize: Int
  /// Parallel cohorts per start month.
  public var groups: Int

  public init(
    id: String, provider: String, step: String, routes: [String]? = nil, profiles: [String]? = nil,
    duration: Duration, starts: StartCalendar = .monthly, seats: Int, minSize: Int = 1, groups: Int = 1
  ) {
    self.id = id
    self.provider = provider
    self.step = step
    self.routes = routes
    self.profiles = profiles
    self.duration = duration
    self.starts = starts
    self.seats = seats
    self.minSize = minSize
    self.groups = groups
  }

  /// Whether a client of this route and profile may join (MODEL.md: a client without a
  /// profile joins only programmes without `profiles`).
  public func admits(route: String, profile: String?) -> Bool {
    if let routes, !routes.contains(route) { return false }
    if let profiles {
      guard let profile, profiles.contains(profile) else { return false }
    }
    return true
  }
}

/// A case manager (klantmanager, specialist arbeidsparticipatie).
public struct Specialist: Hashable, Sendable {
  public var id: String
  public var fte: ExactDecimal
  public var languages: [String]
  /// First month available (inclusive); nil = always.
  public var from: Month?
  /// Last month available (inclusive); nil = always.
  public var until: Month?
  /// Personal clients per FTE, replacing the scenario's cap.
  public var cap: ExactDecimal?

  public init(
    id: String, fte: ExactDecimal = ExactDecimal(1), languages: [String] = [], from: Month? = nil,
    until: Month? = nil, cap: ExactDecimal? = nil
  ) {
    self.id = id
    self.fte = fte
    self.languages = languages
    self.from = from
    self.until = until
    self.cap = cap
  }

  public func isAvailable(in month: Month) -> Bool {
    if let from, month < from { return false }
    if let until, month > until { return false }
    return true
  }
}

/// Languages match when the two lists share one; an empty list matches anyone.
public func languagesMatch(_ first: [String], _ second: [String]) -> Bool {
  first.isEmpty || second.isEmpty || first.contains { second.contains($0) }
}

/// A known client (statushouder) with a residence permit, linked to the municipality.
public struct Client: Hashable, Sendable {
  public var id: String
  /// Month housed or linked; may lie before the scenario start.
  public var available: Month
  public var route: String
  public var profile: String?
  public var languages: [String]
  /// Steps already completed, skipped in the plan.
  public var done: [String]
  public var pins: ClientPins

  public init(
    id: String, available: Month, route: String, profile: String? = nil, languages: [String] = [],
    done: [String] = [], pins: ClientPins = ClientPins()
  ) {
    self.id = id
    self.available = available
    self.route = route
    self.profile = profile
    self.languages = languages
    self.done = done
    self.pins = pins
  }
}

/// Decisions already taken (or announced) that the plan must hold exactly.
public struct ClientPins: Hashable, Sendable {
  public var specialist: String?
  public var intake: Month?
  public var exit: Month?
  /// Step name → pinned programme and start month.
  public var steps: [String: StepPin]

  public init(specialist: String? = nil, intake: Month? = nil, exit: Month? = nil, steps: [String: StepPin] = [:]) {
    self.specialist = specialist
    self.intake = intake
    self.exit = exit
    self.steps = steps
  }

  public var isEmpty: Bool { specialist == nil && intake == nil && exit == nil && steps.isEmpty }
}

public struct StepPin: Hashable, Sendable {
  public var programme: String
  public var start: Month

  public init(programme: String, start: Month) {
    self.programme = programme
    self.start = start
  }
}

/// `count` identical clients, not yet known, expected to become available in `month`.
public struct InflowGroup: Hashable, Sendable {
  public var month: Month
  public var count: Int
  public var route: String
  public var profile: String?
  public var languages: [String]

  public init(month: Month, count: Int, route: String, profile: String? = nil, languages: [String] = []) {
    self.month = month
    self.count = count
    self.route = route
    self.profile = profile
    self.languages = languages
  }
}

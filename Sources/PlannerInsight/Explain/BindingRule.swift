import PlannerDomain

/// A rule of the planning model (MODEL.md) that keeps a client from an earlier intake or start
/// in a month, as the plan stands (every other client's schedule fixed).
public enum BindingRule: Hashable, Sendable {
  /// None of these eligible programmes starts a cohort in the month (`starts`).
  case startCalendar(programmes: [String])
  /// The programme may start in the month and has seats, but a new cohort would stay under
  /// its `min_size`: only `ready` eligible clients (the client included) were waiting.
  case minimumSize(programme: String, minimum: Int, ready: Int)
  /// Every one of the programme's `groups` cohorts of the month has all its `seats` taken.
  case seatsFull(programme: String, groups: Int, seats: Int)
  /// The client's own later cohort would fall under its minimum without the client.
  case cohortNeedsClient(programme: String, start: Month, minimum: Int)
  /// Every specialist who may take the client is at the cap in the month (or its year).
  case specialistCaps(specialists: [String], basis: CaseloadBasis)
  /// `language_match: required`: no specialist sharing a language with the client has room
  /// (`matching` lists those who share one; empty when nobody does).
  case languageMatch(languages: [String], matching: [String])
  /// No specialist is available in the month (`from` / `until`).
  case noSpecialistAvailable
  case pinnedIntake(Month)
  case pinnedStart(programme: String, start: Month)
  /// The client is pinned to this specialist, who has no room or is not available.
  case pinnedSpecialist(String)
  /// No programme serves the step for the client's route and profile.
  case noEligibleProgramme(step: String)
  /// Nothing found: moving this client alone earlier looks possible, so the wait comes from
  /// how several clients were arranged together (an equally good plan may differ).
  case noSingleRule

  /// A stable name for files, e.g. `start-calendar`.
  public var name: String {
    switch self {
    case .startCalendar: return "start-calendar"
    case .minimumSize: return "minimum-size"
    case .seatsFull: return "seats-full"
    case .cohortNeedsClient: return "minimum-size-of-own-cohort"
    case .specialistCaps: return "specialist-caps"
    case .languageMatch: return "language-match"
    case .noSpecialistAvailable: return "no-specialist-available"
    case .pinnedIntake, .pinnedStart, .pinnedSpecialist: return "pin"
    case .noEligibleProgramme: return "no-eligible-programme"
    case .noSingleRule: return "no-single-rule"
    }
  }

  /// The rule in a domain sentence fragment; `scenario` supplies calendars and caps.
  public func sentence(in scenario: Scenario) -> String {
    switch self {
    case .startCalendar(let programmes):
      let calendars = programmes.map { id in
        "\(id) starts " + (scenario.programme(id: id).map { Self.calendarText($0.starts) } ?? "never")
      }
      return "start calendar: no eligible programme starts then (" + calendars.joined(separator: "; ") + ")"
    case .minimumSize(let programme, let minimum, let ready):
      return "minimum size: \(programme) could start a cohort then, but it would be under its minimum of "
        + "\(minimum) (only \(ready) eligible \(ready == 1 ? "client was" : "clients were") ready)"
    case .seatsFull(let programme, let groups, let seats):
      return "seats full: " + (groups == 1 ? "the cohort" : "all \(groups) cohorts")
        + " of \(programme) starting then \(groups == 1 ? "has" : "have") all \(seats) seats taken"
    case .cohortNeedsClient(let programme, let start, let minimum):
      return "minimum size: the client's own cohort of \(programme) in \(start) needs the client to reach its "
        + "minimum of \(minimum)"
    case .specialistCaps(let specialists, let basis):
      let cap = basis == .annual ? "annual cap (distinct clients in the year)" : "monthly cap"
      return "specialist caps: every specialist who may take the client (" + Self.list(specialists)
        + ") is at the \(cap)"
    case .languageMatch(let languages, let matching):
      let spoken = languages.joined(separator: "/")
      return matching.isEmpty
        ? "language match (required): no available specialist speaks \(spoken)"
        : "language match (required): every specialist who speaks \(spoken) (" + Self.list(matching)
          + ") is at the cap, and others may not take the client"
    case .noSpecialistAvailable: return "no specialist is available then (from/until)"
    case .pinnedIntake(let month): return "pin: the intake is pinned to \(month)"
    case .pinnedStart(let programme, let start): return "pin: the step is pinned to \(programme) in \(start)"
    case .pinnedSpecialist(let id): return "pin: the client is pinned to \(id), who has no room or is not available"
    case .noEligibleProgramme(let step):
      return "no programme serves \(step) for the client's route and profile"
    case .noSingleRule:
      return "no single rule binds: moving this client alone earlier looks possible, so the wait comes from how the "
        + "optimiser arranged several clients together (the total is minimal, not each client's wait)"
    }
  }

  static func calendarText(_ calendar: StartCalendar) -> String {
    switch calendar {
    case .monthly: return "every month"
    case .months(let months):
      return "in " + list(months.sorted().map { monthNames[$0 - 1] }, conjunction: "and")
    }
  }

  static let monthNames = [
    "January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November",
    "December",
  ]

  static func list(_ items: [String], conjunction: String = "and") -> String {
    guard items.count > 1 else { return items.first ?? "" }
    let shown = items.count > 6 ? Array(items.prefix(5)) + ["\(items.count - 5) more"] : items
    return shown.dropLast().joined(separator: ", ") + " \(conjunction) " + (shown.last ?? "")
  }
}

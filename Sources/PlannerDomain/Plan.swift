/// A computed plan: who starts what, when, with whom (MODEL.md "Minimum plan file").
///
/// Months are calendar months; the grid is the scenario's `start` plus `horizon` months.
public struct Plan: Hashable, Sendable {
  public var scenarioName: String
  public var start: Month
  public var horizon: Int
  /// How the plan was made, e.g. `optimal` or `fcfs`.
  public var strategy: String
  public var status: PlanStatus
  /// Relative gap between the plan's waiting months and the best bound; nil when unknown.
  public var gap: Double?
  /// Best proven lower bound on waiting months; nil when unknown.
  public var bound: Double?
  /// The primary objective: idle waiting months inside the horizon.
  public var waitingMonths: Int
  public var clients: [PlannedClient]
  public var cohorts: [PlannedCohort]
  public var specialists: [SpecialistCaseload]

  public init(
    scenarioName: String, start: Month, horizon: Int, strategy: String, status: PlanStatus, gap: Double?,
    bound: Double?, waitingMonths: Int, clients: [PlannedClient], cohorts: [PlannedCohort],
    specialists: [SpecialistCaseload]
  ) {
    self.scenarioName = scenarioName
    self.start = start
    self.horizon = horizon
    self.strategy = strategy
    self.status = status
    self.gap = gap
    self.bound = bound
    self.waitingMonths = waitingMonths
    self.clients = clients
    self.cohorts = cohorts
    self.specialists = specialists
  }
}

public enum PlanStatus: String, Hashable, Sendable, CaseIterable {
  case optimal
  case feasible
  case timeLimit = "time-limit"
  case interrupted
  case infeasible
}

/// Which client (or how many identical expected clients) an entry describes.
public enum ClientReference: Hashable, Sendable, Comparable {
  case known(id: String)
  /// 0-based index into the scenario's `inflow` list.
  case inflow(index: Int)
}

/// One known client, or `count` identical inflow clients with an identical schedule.
public struct PlannedClient: Hashable, Sendable {
  public var reference: ClientReference
  public var count: Int
  /// When the client became available (for waits and reports).
  public var available: Month
  public var route: String
  public var profile: String?
  public var languages: [String]
  public var specialist: String?
  public var intake: Month?
  /// The first month no longer on the caseload; nil without intake, or when a step is
  /// unstarted or lies beyond the horizon (unless pinned).
  public var exit: Month?
  public var steps: [PlannedStep]
  /// Waiting months of one such client inside the horizon (intake wait + step waits).
  public var wait: Int
  /// Months from availability to intake (clamped to the horizon), for the intake target.
  public var intakeWait: Int

  public init(
    reference: ClientReference, count: Int, available: Month, route: String, profile: String?, languages: [String],
    specialist: String?, intake: Month?, exit: Month?, steps: [PlannedStep], wait: Int, intakeWait: Int
  ) {
    self.reference = reference
    self.count = count
    self.available = available
    self.route = route
    self.profile = profile
    self.languages = languages
    self.specialist = specialist
    self.intake = intake
    self.exit = exit
    self.steps = steps
    self.wait = wait
    self.intakeWait = intakeWait
  }
}

public struct PlannedStep: Hashable, Sendable {
  public enum Outcome: Hashable, Sendable {
    /// Started in `programme`'s cohort `group` (1-based) in `start`, ready since `ready`.
    /// `ready` is nil for a start before month 0 (history).
    case started(programme: String, group: Int, ready: Month?, start: Month, wait: Int)
    /// Ready inside the horizon but not started; costs `wait` = months from ready to the horizon.
    /// `ready` is nil for steps after an unstarted step or of a client without intake.
    case unstarted(ready: Month?, wait: Int)
    /// Ready at or after the end of the horizon: neither planned nor counted.
    case beyondHorizon(ready: Month?)
  }

  public var step: String
  public var outcome: Outcome

  public init(step: String, outcome: Outcome) {
    self.step = step
    self.outcome = outcome
  }
}

/// A cohort: (programme, start month, group) with its size.
public struct PlannedCohort: Hashable, Sendable {
  public var programme: String
  public var provider: String
  public var start: Month
  /// 1-based.
  public var group: Int
  public var size: Int
  public var seats: Int
  public var minSize: Int

  public init(programme: String, provider: String, start: Month, group: Int, size: Int, seats: Int, minSize: Int) {
    self.programme = programme
    self.provider = provider
    self.start = start
    self.group = group
    self.size = size
    self.seats = seats
    self.minSize = minSize
  }
}

/// A specialist's caseload over the horizon against the cap.
public struct SpecialistCaseload: Hashable, Sendable {
  public struct Year: Hashable, Sendable {
    public var year: Int
    public var clients: Int
    public var cap: Int
    public init(year: Int, clients: Int, cap: Int) {
      self.year = year
      self.clients = clients
      self.cap = cap
    }
  }

  public var id: String
  /// ⌊cap × fte⌋ clients (per month on monthly basis, per full year on annual basis).
  public var cap: Int
  /// Clients on the caseload in each horizon month.
  public var caseload: [Int]
  /// Distinct clients per calendar year with the yearly cap (annual basis only).
  public var years: [Year]?

  public init(id: String, cap: Int, caseload: [Int], years: [Year]?) {
    self.id = id
    self.cap = cap
    self.caseload = caseload
    self.years = years
  }
}

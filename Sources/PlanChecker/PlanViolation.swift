/// One broken rule of MODEL.md, located in the plan and said in domain words.
///
/// `rule` is a stable name from ``PlanRule`` (for example `seats` or `annual-cap`), `path`
/// points into the plan file (`clients[12] (C13).steps[1] (language)`), and `message` explains
/// what is wrong with the months, counts and limits involved.
public struct PlanViolation: Sendable, Hashable, CustomStringConvertible {
  public let rule: String
  public let path: String
  public let message: String

  public init(rule: String, path: String, message: String) {
    self.rule = rule
    self.path = path
    self.message = message
  }

  init(_ rule: PlanRule, _ path: String, _ message: String) {
    self.init(rule: rule.rawValue, path: path, message: message)
  }

  /// `path: message [rule]`, one line.
  public var description: String { "\(path): \(message) [\(rule)]" }
}

/// The rules the checker verifies, in the order of MODEL.md; the raw value is the stable name
/// that appears in ``PlanViolation/rule``.
public enum PlanRule: String, Sendable, CaseIterable {
  /// The file is JSON with the keys, types and `YYYY-MM` months of `cohortplan.plan/1`.
  case format
  /// The plan names the scenario it was checked against: `scenario`, `start`, `horizon`;
  /// also used when the scenario itself cannot be checked against (an unknown route).
  case scenario
  /// `status` is one of the five statuses; `gap` is not negative.
  case status
  /// Every known client exactly once, no unknown ids, inflow counts summing to each group.
  case coverage
  /// Rule 1: max(available, 0) ≤ intake < H, unless a pinned intake before `start`.
  case intake
  /// Rule 1: exactly one known specialist for a client with an intake, none without.
  case specialist
  /// Rule 5: a specialist has no clients in months outside `from`/`until`.
  case availability
  /// Rule 6: under `language_match: required` every client's specialist matches.
  case language
  /// Rule 2: one entry per route step not done, in order, marked started, unstarted or
  /// beyond the horizon as the months require.
  case steps
  /// Rule 2: the stated ready month is the recomputed one.
  case ready
  /// Rule 2: ready ≤ start < H; a start before month 0 exists only as a pin.
  case start
  /// Rule 2: the start month is one of the programme's `starts`.
  case calendar
  /// Rule 2: the programme serves the step and admits the client's route and profile.
  case eligibility
  /// Rule 4: exit from the last step, the intake or the pin.
  case exit
  /// Rule 6 and "Fine points": pins hold exactly, and a pinned client is planned.
  case pins
  /// The cohort list matches the membership the client steps imply.
  case cohorts
  /// A cohort's provider is its programme's provider.
  case provider
  /// Rule 3: a cohort has at most `seats` clients.
  case seats
  /// Rule 3: a cohort with any client has at least `min_size`, unless it is history.
  case minSize = "min-size"
  /// Rule 3: the group number lies in 1 … `groups`.
  case groups
  /// The specialists' listed caps, monthly caseloads and yearly counts are the recomputed ones.
  case caseload
  /// Rule 5, monthly basis: at most ⌊cap × fte⌋ clients in every month.
  case monthlyCap = "monthly-cap"
  /// Rule 5, annual basis: at most ⌊cap × fte × a / 12⌋ distinct clients in a calendar year.
  case annualCap = "annual-cap"
  /// The waiting months stated per client entry and per step are the recomputed ones.
  case wait
  /// `objective.waitingMonths` is the recomputed total.
  case objective
}

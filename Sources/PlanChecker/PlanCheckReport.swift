/// What the checker found in one plan.
///
/// A plan is valid when it breaks no rule; warnings never make it invalid (a gap left null
/// on an unproven status, a pin on a step that is done, a schedule not checked because the
/// plan reports the scenario infeasible).
public struct PlanCheckReport: Sendable {
  /// Broken rules, in the order of the plan file and MODEL.md.
  public let violations: [PlanViolation]
  /// Remarks that do not invalidate the plan.
  public let warnings: [PlanViolation]
  /// Σ over entries of count × recomputed waiting months; nil when the schedule was not
  /// checked or an entry could not be evaluated.
  public let recomputedWaitingMonths: Int?
  /// `objective.waitingMonths` as the plan states it.
  public let statedWaitingMonths: Int?
  /// Heads in the plan's client entries (known clients plus inflow counts).
  public let clientCount: Int
  /// The plan's `status`, when it is one of the five statuses.
  public let status: String?
  /// False when nothing beyond the top-level keys was checked (an `infeasible` plan, or a file
  /// that is not a plan).
  public let checkedSchedule: Bool

  public init(
    violations: [PlanViolation], warnings: [PlanViolation] = [], recomputedWaitingMonths: Int?,
    statedWaitingMonths: Int?, clientCount: Int = 0, status: String? = nil, checkedSchedule: Bool = true
  ) {
    self.violations = violations
    self.warnings = warnings
    self.recomputedWaitingMonths = recomputedWaitingMonths
    self.statedWaitingMonths = statedWaitingMonths
    self.clientCount = clientCount
    self.status = status
    self.checkedSchedule = checkedSchedule
  }

  public var isValid: Bool { violations.isEmpty }

  /// Violations of one rule (a ``PlanRule`` raw value).
  public func violations(of rule: PlanRule) -> [PlanViolation] { violations.filter { $0.rule == rule.rawValue } }
}

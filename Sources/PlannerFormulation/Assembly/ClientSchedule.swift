import PlannerDomain

/// One head's decisions: intake, specialist and cohort starts. Everything else in a plan
/// (ready months, waits, exit, caseloads, cohort sizes) follows from these by MODEL.md's rules.
public struct ClientSchedule: Hashable, Sendable {
  /// Index into ``PlanningInstance/members``.
  public var member: Int
  /// Index into ``PlanningInstance/specialists``.
  public var specialist: Int?
  /// Grid month of the intake; negative for a pinned intake before the start (history).
  public var intake: Int?
  /// One per open step of the member.
  public var steps: [ScheduledStep]

  public init(member: Int, specialist: Int?, intake: Int?, steps: [ScheduledStep]) {
    self.member = member
    self.specialist = specialist
    self.intake = intake
    self.steps = steps
  }
}

public enum ScheduledStep: Hashable, Sendable {
  /// Start `programme` (index) in grid `month`; the group is assigned afterwards.
  case started(programme: Int, month: Int)
  case notStarted
}

/// What a schedule means on the grid (MODEL.md "A feasible plan" 2, 4, 5 and the objective).
public struct ClientTimeline: Hashable, Sendable {
  public enum StepState: Hashable, Sendable {
    case started(programme: Int, month: Int, ready: Int?, wait: Int)
    case unstarted(ready: Int?, wait: Int)
    case beyondHorizon(ready: Int?)
  }

  public var intakeWait: Int
  public var steps: [StepState]
  /// Raw grid month of the exit; nil without intake or with an unstarted or beyond-horizon step.
  public var exit: Int?
  /// Grid months on the caseload: [max(intake, 0), min(exit ?? H, H)).
  public var counted: Range<Int>
  public var wait: Int { intakeWait + steps.reduce(0) { $0 + $1.wait } }

  public init(_ schedule: ClientSchedule, in instance: PlanningInstance) {
    let member = instance.members[schedule.member]
    let horizon = instance.horizon
    let route = instance.route(of: member)
    let available = member.earliestIntake
    guard let intake = schedule.intake else {
      intakeWait = available < horizon ? horizon - available : 0
      steps = member.openSteps.map { _ in .unstarted(ready: nil, wait: 0) }
      exit = nil
      counted = 0..<0
      return
    }
    intakeWait = intake < 0 ? 0 : max(0, intake - available)
    var raw = intake + route.intakeMonths
    var states: [StepState] = []
    // After an unstarted or beyond-horizon step, later steps repeat that state without a month.
    var closedBy: StepState?
    for scheduled in schedule.steps {
      if let closedBy {
        states.append(closedBy)
        continue
      }
      if case .started(let programme, let month) = scheduled, month < 0 {
        states.append(.started(programme: programme, month: month, ready: nil, wait: 0))
        raw = month + instance.programmes[programme].durationMonths
        continue
      }
      let ready = max(0, raw)
      if ready >= horizon {
        states.append(.beyondHorizon(ready: ready))
        closedBy = .beyondHorizon(ready: nil)
      } else if case .started(let programme, let month) = scheduled {
        states.append(.started(programme: programme, month: month, ready: ready, wait: month - ready))
        raw = month + instance.programmes[programme].durationMonths
      } else {
        states.append(.unstarted(ready: ready, wait: horizon - ready))
        closedBy = .unstarted(ready: nil, wait: 0)
      }
    }
    steps = states
    if let pinned = member.pins?.exit {
      exit = pinned
    } else {
      exit = closedBy == nil ? raw + route.aftercare : nil
    }
    let first = max(intake, 0)
    let last = min(exit ?? horizon, horizon)
    counted = first < last ? first..<last : first..<first
  }
}

extension ClientTimeline.StepState {
  var wait: Int {
    switch self {
    case .started(_, _, _, let wait), .unstarted(_, let wait): return wait
    case .beyondHorizon: return 0
    }
  }
}

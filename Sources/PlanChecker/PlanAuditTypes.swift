import PlannerDomain

// The values the checks hand to each other: who is planned, how their steps end, what each
// client entry contributes to cohorts, caseloads and the objective.

/// A planned client as the checker sees it: a known client, or one head of an inflow group.
struct Subject {
  /// `C13`, or `inflow 0` for a group.
  let label: String
  let available: Month
  let route: Route
  let profile: String?
  let languages: [String]
  let done: [String]
  let pins: ClientPins
}

/// A cohort: (programme, start month, group), the start as a grid offset.
struct CohortKey: Hashable, Comparable {
  let programme: String
  let start: Int
  let group: Int

  static func < (lhs: CohortKey, rhs: CohortKey) -> Bool {
    (lhs.programme, lhs.start, lhs.group) < (rhs.programme, rhs.start, rhs.group)
  }
}

/// How a step entry is marked in the plan.
enum StepKind: Equatable {
  case started
  case unstarted
  case beyondHorizon
}

/// One step entry after reading: what the pins are compared with.
struct StepRecord {
  let name: String
  let kind: StepKind
  let programme: String?
  let start: Int?
}

/// How a client's planned journey ends (MODEL.md rule 4).
enum StepEnding: Equatable {
  /// No intake: no journey at all.
  case noIntake
  /// Every step started; the exit the steps imply, aftercare included.
  case finished(exit: Int)
  /// A step stays unstarted: on the caseload to the end of the horizon.
  case unstarted
  /// A step is ready at or after H: the exit lies after the horizon.
  case beyondHorizon
  /// The steps could not be read or aligned with the route; the exit cannot be recomputed.
  case unknown
}

/// The result of walking a client's steps.
struct StepWalk {
  /// Waiting months per head in the steps (MODEL.md objective, second sum).
  var wait = 0
  var ending = StepEnding.unknown
  /// Nil when the step list does not align with the route.
  var records: [StepRecord]?
  var memberships: [CohortKey] = []
}

/// One client entry after checking: what the cohort, caseload and objective checks need.
struct EntryOutcome {
  let path: String
  /// Heads in the entry: 1 for a known client.
  let count: Int
  /// The entry's specialist, when it names one of the scenario.
  let specialist: Specialist?
  /// Grid months in which each head counts on the caseload: intake ≤ m < exit, 0 ≤ m < H.
  let caseload: Range<Int>
  /// Recomputed waiting months per head; nil when the entry could not be evaluated.
  let wait: Int?
  /// Cohorts each head joins.
  let memberships: [CohortKey]
}

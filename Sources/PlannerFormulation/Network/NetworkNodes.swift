import OptimizationModel

/// Where a unit of flow stands: waiting for intake, or ready for an open step with a type of
/// specialist, in a grid month.
///
/// `intake` is set only for clients with a step that started before the plan (history): a step
/// after history is ready when the history ends, which may come before the intake, and an exit
/// at or before the intake leaves the client off every caseload. So the nodes of those clients
/// remember the intake month.
///
/// `newcomers` and `arrival` hold a month's newcomers apart (see ``FlowNetwork/newcomerMonths``):
/// the clients who became available in `arrival`, taken on in that month, stay on nodes of their
/// own for their first ``FlowNetwork/newcomerWindow`` months at their step, then join the others.
enum NodeKey: Hashable {
  case awaitingIntake(commodity: Int, month: Int)
  /// The clients who became available in `month` and have not waited for an intake yet.
  case newcomers(commodity: Int, month: Int)
  case readyForStep(commodity: Int, type: Int, step: Int, month: Int, intake: Int?, arrival: Int? = nil)
}

/// Where an arc leads.
enum Destination: Hashable {
  case node(NodeKey)
  /// No intake inside the horizon.
  case noIntake
  /// The step stays unstarted to the end of the horizon.
  case unstarted(type: Int, step: Int)
  /// The next step would be ready only at or after the horizon.
  case beyondHorizon(type: Int, step: Int)
  /// Every open step done at raw month `month` (may be negative for history).
  case finished(type: Int, month: Int)
}

enum ArcKind: Hashable {
  case waitForIntake
  /// Intake in `month` (negative: history) with a specialist of `type`.
  case intake(type: Int, month: Int)
  case waitForStep
  /// Start a cohort of `programme` in `month` for open step `step`.
  case start(programme: Int, month: Int, step: Int)
}

struct Arc {
  let variable: Variable
  let commodity: Int
  let kind: ArcKind
  let origin: NodeKey
  let destination: Destination
}

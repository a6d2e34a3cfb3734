import PlannerDomain

/// Newcomers held apart: a stronger formulation where a class's monthly inflow is small.
///
/// A class of clients shares one chain of nodes, so a cohort's opening row sees only the whole
/// class (x ≤ heads · g, or not at all when the class holds more heads than seats). When only a
/// few clients become available each month, fewer than a cohort's minimum, the relaxation then
/// opens a sliver of a cohort every month and sees hardly any waiting (one synthetic
/// municipality: 2 waiting months against an optimum of 37), and branch and bound has to find
/// the waits itself. Holding each month's newcomers on nodes of their own lets the opening row
/// bind the month's few heads: a cohort that takes any of them opens, and then needs its
/// minimum from clients who became available by then. That is the textbook strong formulation
/// of lot sizing (each demand tied to the period it is met in), kept to the first
/// ``newcomerWindow`` months, where it matters, so the model grows by a few nodes per month
/// rather than a chain to the end of the horizon (BENCHMARKS.md, "Newcomers held apart").
///
/// Any plan of the class's chain is a plan here and the other way round: newcomers may also join
/// the queue (and then the class's chain), and after the window they join it anyway.
extension FlowNetwork {
  /// Months a month's newcomers stay apart at their step.
  static let newcomerWindow = 3

  /// The availability months whose newcomers are held apart: for a class without pins with one
  /// step to plan and inflow in more than one month, each month with fewer newcomers than the
  /// seats of an eligible programme that has a minimum size (else the opening row does not bind
  /// them), whose newcomers are ready inside the horizon.
  static func newcomerMonths(of commodity: Commodity, instance: PlanningInstance) -> Set<Int> {
    guard commodity.pins == nil, commodity.openSteps.count == 1, !commodity.allowedTypes.isEmpty,
      commodity.supply.count > 1
    else { return [] }
    let seats = commodity.eligible[0].map { instance.programmes[$0] }.filter { $0.minSize > 1 }.map(\.seats).max()
    guard let seats else { return [] }
    let horizon = instance.horizon
    return Set(
      commodity.supply.compactMap { month, heads in
        month >= 0 && month + commodity.route.intakeMonths < horizon && heads < seats ? month : nil
      })
  }
}

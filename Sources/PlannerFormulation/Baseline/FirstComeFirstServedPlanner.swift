import OptimizationModel
import PlannerDomain

/// The plan an office makes by hand: first come, first served.
///
/// Pinned clients keep their pins and are booked first (those with a pinned specialist before
/// the others, as that specialist is their only choice). Then, in order of availability (ties
/// in scenario order, inflow after the known clients of the same month), each client takes the
/// earliest intake month from which every step can start in the earliest month with a free
/// seat (among eligible programmes, the first in scenario order) and the least-loaded
/// specialist (clients in the intake month, ties in scenario order; under `language_match:
/// required` only one who speaks a language of the client) stays under the cap for the whole
/// time the client is on the caseload. A step without a seat inside the horizon stays unstarted.
///
/// Minimum sizes: after a full pass, a start slot (programme, month) whose clients cannot form
/// cohorts of `min_size` to `seats` (at most `groups` of them) loses seats, down to the largest
/// size that can run (usually 0: the slot closes), and the whole pass runs again, until every
/// slot can run. Per round only the earliest such slot among programmes that share clients
/// loses seats, since the clients it turns away may fill a later one. A slot held by pins never
/// drops below its pinned starts; if only such slots are short, the latest earlier slot of the
/// same step closes to send its clients on, and with none left the pins cannot hold. Each round
/// takes at least one seat away, so the rounds end.
///
/// ```swift
/// let result = FirstComeFirstServedPlanner.plan(scenario)
/// print(result.plan.waitingMonths)
/// ```
///
/// - Complexity: one pass is O(heads × H × (H × programmes + specialists × H)) at worst and
///   never scans other heads; usually far less, since an intake month without room is skipped
///   after O(specialists) and the heads of an inflow group stop at the first without an intake.
public enum FirstComeFirstServedPlanner {
  public static func plan(_ scenario: Scenario) -> PlanningResult {
    let clock = ContinuousClock()
    let began = clock.now
    let instance = PlanningInstance(scenario)
    let roster = BaselineRoster(instance)
    let pinned = CohortSlots.pinnedStarts(of: instance)
    var capacity = CohortSlots.fullCapacity(of: instance)
    var statistics = ModelStatistics(
      clientClasses: instance.members.count { $0.pins == nil }, pinnedClients: roster.pinned.count,
      specialistTeams: 0, variables: 0, integerVariables: 0, constraints: 0, nonzeros: 0, solveSeconds: 0, nodes: 0,
      solver: "fcfs")
    while true {
      var pass = FirstComeFirstServedPass(instance: instance, roster: roster, capacity: capacity, pinned: pinned)
      pass.run()
      statistics.solveSeconds = (clock.now - began).inSeconds
      if !pass.conflicts.isEmpty {
        return infeasible(instance, statistics: statistics, reasons: pass.conflicts.map { "Pins cannot hold: \($0)." })
      }
      let undersized = pass.slots.undersized()
      guard !undersized.isEmpty else {
        let plan = PlanAssembler.assemble(
          pass.allSchedules, instance: instance, strategy: "fcfs", status: .feasible, gap: nil, bound: nil)
        return PlanningResult(plan: plan, statistics: statistics, explanations: UnplannedWork.explain(plan))
      }
      let reductions = firstReductions(undersized, slots: pass.slots, roster: roster)
      guard !reductions.isEmpty else {
        return infeasible(
          instance, statistics: statistics,
          reasons: undersized.map { describeUndersized($0, slots: pass.slots, instance: instance) })
      }
      for (slot, seats) in reductions { capacity[slot.programme][slot.month] = seats }
    }
  }

  /// In each group of programmes that share clients, the earliest undersized slot that can lose
  /// seats, with the seats it keeps. Slots of one group wait for the next round: clients leaving
  /// the earlier slot may fill them. Groups without a common client hardly affect each other.
  /// When only slots held by pins are short, an earlier slot that may feed one of them.
  private static func firstReductions(_ undersized: [CohortSlots.Slot], slots: CohortSlots, roster: BaselineRoster)
    -> [(CohortSlots.Slot, Int)]
  {
    var reduced: Set<Int> = []
    var reductions: [(CohortSlots.Slot, Int)] = []
    for slot in undersized where !reduced.contains(roster.component[slot.programme]) {
      guard let seats = slots.reducedCapacity(of: slot) else { continue }
      reduced.insert(roster.component[slot.programme])
      reductions.append((slot, seats))
    }
    guard reductions.isEmpty else { return reductions }
    // Only slots held by pins are short: turn away the clients of an earlier class of the same
    // step, who may then fill the pinned one.
    return undersized.lazy.compactMap { slots.feeder(of: $0) }.first.map { [($0.slot, $0.seats)] } ?? []
  }

  private static func describeUndersized(_ slot: CohortSlots.Slot, slots: CohortSlots, instance: PlanningInstance)
    -> String
  {
    let programme = instance.programmes[slot.programme]
    return
      "Pins cannot hold: \(slots.pinned[slot.programme][slot.month]) client(s) are pinned to \(programme.id) in "
      + "\(instance.scenario.month(at: slot.month)), but first come, first served gathers only "
      + "\(slots.taken[slot.programme][slot.month]) client(s) there, which cannot form cohorts of "
      + "\(programme.minSize) to \(programme.seats)."
  }

  private static func infeasible(_ instance: PlanningInstance, statistics: ModelStatistics, reasons: [String])
    -> PlanningResult
  {
    let plan = Plan(
      scenarioName: instance.scenario.name, start: instance.scenario.start, horizon: instance.horizon,
      strategy: "fcfs", status: .infeasible, gap: nil, bound: nil, waitingMonths: 0, clients: [], cohorts: [],
      specialists: [])
    return PlanningResult(plan: plan, statistics: statistics, explanations: reasons, hasPlan: false)
  }
}

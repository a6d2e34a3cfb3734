import PlannerDomain

/// Moves intakes forward where a client would otherwise wait for an intake and then wait for a
/// cohort anyway, and the specialist's caseload has room.
///
/// Such a move never changes the waiting months: the months waited for the intake become
/// months waited, already on the caseload, for the first step (MODEL.md "Objective"), and the
/// cohort starts stay as they are. Among plans with equal waits the solver may pick either; the
/// office expects the earlier intake, and the plan's "intakes later than the target" shows it.
/// Clients with pins keep their intake. Clients are taken in member order, each to the earliest
/// month the caps allow, so the result is deterministic.
enum EarlyIntakes {
  static func pull(_ schedules: inout [ClientSchedule], instance: PlanningInstance) {
    var ledger = CaseloadLedger(instance: instance)
    for schedule in schedules {
      guard let specialist = schedule.specialist else { continue }
      ledger.book(specialist, months: ClientTimeline(schedule, in: instance).counted)
    }
    for index in schedules.indices {
      let schedule = schedules[index]
      let member = instance.members[schedule.member]
      guard member.pins == nil, let intake = schedule.intake, let specialist = schedule.specialist,
        intake > member.earliestIntake
      else { continue }
      let before = ClientTimeline(schedule, in: instance)
      // The client's own months are free while the earlier ones are tried.
      ledger.release(specialist, months: before.counted)
      var kept = before.counted
      for earlier in member.earliestIntake..<intake {
        var moved = schedule
        moved.intake = earlier
        let after = ClientTimeline(moved, in: instance)
        guard after.wait == before.wait, ledger.fits(specialist, months: after.counted) else { continue }
        schedules[index] = moved
        kept = after.counted
        break
      }
      ledger.book(specialist, months: kept)
    }
  }
}

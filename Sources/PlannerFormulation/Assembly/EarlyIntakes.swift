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
    var ledger = Ledger(schedules, instance: instance)
    for index in schedules.indices {
      let schedule = schedules[index]
      let member = instance.members[schedule.member]
      guard member.pins == nil, let intake = schedule.intake, let specialist = schedule.specialist,
        intake > member.earliestIntake
      else { continue }
      let before = ClientTimeline(schedule, in: instance)
      for earlier in member.earliestIntake..<intake {
        var moved = schedule
        moved.intake = earlier
        let after = ClientTimeline(moved, in: instance)
        guard after.wait == before.wait, ledger.fits(after.counted, replacing: before.counted, of: specialist)
        else { continue }
        ledger.move(specialist, from: before.counted, to: after.counted)
        schedules[index] = moved
        break
      }
    }
  }

  /// Each specialist's clients per grid month and distinct clients per calendar year.
  private struct Ledger {
    let instance: PlanningInstance
    let annual: Bool
    /// Grid months of each calendar year of ``GridSpecialist/yearlyCaps``, in the same order.
    let years: [ClosedRange<Int>?]
    var monthly: [[Int]]
    var yearly: [[Int]]

    init(_ schedules: [ClientSchedule], instance: PlanningInstance) {
      self.instance = instance
      annual = instance.scenario.caseload.basis == .annual
      let scenario = instance.scenario
      years = GridSpecialist.years(of: scenario).map { gridMonths(ofYear: $0, in: scenario) }
      monthly = Array(repeating: Array(repeating: 0, count: instance.horizon), count: instance.specialists.count)
      yearly = Array(repeating: Array(repeating: 0, count: years.count), count: instance.specialists.count)
      for schedule in schedules {
        guard let specialist = schedule.specialist else { continue }
        add(ClientTimeline(schedule, in: instance).counted, to: specialist, sign: 1)
      }
    }

    func fits(_ counted: Range<Int>, replacing old: Range<Int>, of specialist: Int) -> Bool {
      let grid = instance.specialists[specialist]
      guard counted.allSatisfy({ grid.available[$0] }) else { return false }
      if annual {
        return years.indices.allSatisfy { position in
          guard let months = years[position], counted.overlaps(months), !old.overlaps(months) else { return true }
          return yearly[specialist][position] + 1 <= grid.yearlyCaps[position].cap
        }
      }
      return counted.allSatisfy { old.contains($0) || monthly[specialist][$0] + 1 <= grid.monthlyCap }
    }

    mutating func move(_ specialist: Int, from old: Range<Int>, to new: Range<Int>) {
      add(old, to: specialist, sign: -1)
      add(new, to: specialist, sign: 1)
    }

    private mutating func add(_ counted: Range<Int>, to specialist: Int, sign: Int) {
      for month in counted { monthly[specialist][month] += sign }
      for (position, months) in years.enumerated() where months.map(counted.overlaps) ?? false {
        yearly[specialist][position] += sign
      }
    }
  }
}

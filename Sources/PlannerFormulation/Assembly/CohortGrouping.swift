import PlannerDomain

/// Splits the clients starting a programme in a month into as few cohorts as the seats allow,
/// as evenly as possible: n clients in g = ⌈n / seats⌉ groups of ⌊n/g⌋ or ⌈n/g⌉. When some g'
/// with min·g' ≤ n ≤ seats·g' exists (the model guarantees it), g ≤ g' and so every group
/// also reaches the minimum size.
enum CohortGrouping {
  struct Seat: Hashable {
    let schedule: Int
    let step: Int
  }

  /// Group number (1-based) of every started step, keyed by schedule and step position.
  static func assign(_ schedules: [ClientSchedule], instance: PlanningInstance) -> [Seat: Int] {
    var starters: [CohortKey: [Seat]] = [:]
    for (index, schedule) in schedules.enumerated() {
      for (step, scheduled) in schedule.steps.enumerated() {
        if case .started(let programme, let month) = scheduled {
          starters[CohortKey(programme: programme, month: month), default: []].append(Seat(schedule: index, step: step))
        }
      }
    }
    var groups: [Seat: Int] = [:]
    for (key, seats) in starters {
      let programme = instance.programmes[key.programme]
      // Clients who share a language sit together where the split allows it.
      let ordered = seats.sorted { lhs, rhs in
        let left = languageKey(schedules[lhs.schedule], instance)
        let right = languageKey(schedules[rhs.schedule], instance)
        return left != right ? left < right : (lhs.schedule, lhs.step) < (rhs.schedule, rhs.step)
      }
      let count = ordered.count
      let groupCount = max(1, (count + programme.seats - 1) / programme.seats)
      var position = 0
      for group in 0..<groupCount {
        let size = count / groupCount + (group < count % groupCount ? 1 : 0)
        for seat in ordered[position..<position + size] { groups[seat] = group + 1 }
        position += size
      }
    }
    return groups
  }

  struct CohortKey: Hashable {
    let programme: Int
    let month: Int
  }

  private static func languageKey(_ schedule: ClientSchedule, _ instance: PlanningInstance) -> String {
    instance.members[schedule.member].languages.sorted().joined(separator: ",")
  }
}

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
    var groups: [Seat: Int] = [:]
    for (key, seats) in starters(schedules) {
      let ordered = ordered(seats, schedules: schedules, instance: instance)
      for (group, cohort) in split(ordered, seats: instance.programmes[key.programme].seats).enumerated() {
        for seat in cohort { groups[seat] = group + 1 }
      }
    }
    return groups
  }

  /// The started steps of each programme and start month, in schedule order.
  static func starters(_ schedules: [ClientSchedule]) -> [CohortKey: [Seat]] {
    var starters: [CohortKey: [Seat]] = [:]
    for (index, schedule) in schedules.enumerated() {
      for (step, scheduled) in schedule.steps.enumerated() {
        if case .started(let programme, let month) = scheduled {
          starters[CohortKey(programme: programme, month: month), default: []].append(Seat(schedule: index, step: step))
        }
      }
    }
    return starters
  }

  /// Clients who share a language first, so that they sit together where the split allows it.
  static func ordered(_ seats: [Seat], schedules: [ClientSchedule], instance: PlanningInstance) -> [Seat] {
    seats.sorted { lhs, rhs in
      let left = languageKey(schedules[lhs.schedule], instance)
      let right = languageKey(schedules[rhs.schedule], instance)
      return left != right ? left < right : (lhs.schedule, lhs.step) < (rhs.schedule, rhs.step)
    }
  }

  /// `ordered` in ⌈n / seats⌉ consecutive runs of ⌊n/g⌋ or ⌈n/g⌉, the longer ones first.
  static func split(_ ordered: [Seat], seats: Int) -> [ArraySlice<Seat>] {
    let count = ordered.count
    let groupCount = max(1, (count + seats - 1) / seats)
    var cohorts: [ArraySlice<Seat>] = []
    var position = 0
    for group in 0..<groupCount {
      let size = count / groupCount + (group < count % groupCount ? 1 : 0)
      cohorts.append(ordered[position..<position + size])
      position += size
    }
    return cohorts
  }

  struct CohortKey: Hashable {
    let programme: Int
    let month: Int
  }

  private static func languageKey(_ schedule: ClientSchedule, _ instance: PlanningInstance) -> String {
    instance.members[schedule.member].languages.sorted().joined(separator: ",")
  }
}

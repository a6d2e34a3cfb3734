import PlannerDomain

/// Splits a team's clients among its members without handovers.
///
/// Clients pinned to a member go to that member first. The others are taken in order of their
/// first counted month (or calendar year, on annual basis), each to a member who stays within
/// the cap in every month (year) the client is counted. With no pinned clients this greedy is
/// interval colouring and never fails while the team total stays within the sum of the caps,
/// which the model ensures (FORMULATION-NOTES.md): any month an earlier client still occupies
/// lies inside the new client's first month. Pinned clients make a member's spare capacity vary
/// over time and the greedy can then fail; ``assign(_:types:teams:instance:)`` reports that and
/// the planner solves again with pinned members as teams of their own.
///
/// Among members with room, one who speaks the client's language is preferred under
/// `language_match: preferred`, then the member with the fewest clients.
enum SpecialistSlots {
  /// Returns false when a client found no member with room (only possible with pins).
  static func assign(
    _ schedules: inout [ClientSchedule], types: [Int?], teams: [SpecialistType], instance: PlanningInstance
  ) -> Bool {
    let annual = instance.scenario.caseload.basis == .annual
    let preferLanguage = instance.scenario.languageMatch == .preferred
    let firstYear = instance.scenario.start.year
    let years = GridSpecialist.years(of: instance.scenario)
    let byTeam = Dictionary(grouping: schedules.indices.filter { types[$0] != nil }) { types[$0] ?? 0 }
    for team in teams {
      let members = byTeam[team.index] ?? []
      guard !members.isEmpty else { continue }
      if team.members.count == 1 {
        for index in members { schedules[index].specialist = team.members[0] }
        continue
      }
      // Per member of the team (by position in `staff`), per month or year: cap and clients.
      let staff = team.members
      let unitCount = annual ? years.count : instance.horizon
      let capacity = staff.map { specialist in
        let grid = instance.specialists[specialist]
        return annual
          ? grid.yearlyCaps.map(\.cap) : (0..<instance.horizon).map { grid.available[$0] ? grid.monthlyCap : 0 }
      }
      var load = Array(repeating: Array(repeating: 0, count: unitCount), count: staff.count)
      var assigned = Array(repeating: 0, count: staff.count)
      func units(_ index: Int) -> ClosedRange<Int>? {
        let counted = ClientTimeline(schedules[index], in: instance).counted
        guard !counted.isEmpty else { return nil }
        if annual {
          return
            (instance.scenario.month(at: counted.lowerBound).year - firstYear)...(instance.scenario.month(
              at: counted.upperBound - 1
            ).year - firstYear)
        }
        return counted.lowerBound...(counted.upperBound - 1)
      }
      func place(_ index: Int, with position: Int, over range: ClosedRange<Int>?) {
        if let range { for unit in range { load[position][unit] += 1 } }
        assigned[position] += 1
        schedules[index].specialist = staff[position]
      }
      var open: [(index: Int, range: ClosedRange<Int>?)] = []
      for index in members {
        let range = units(index)
        if let pinned = instance.members[schedules[index].member].pins?.specialist,
          let specialist = instance.specialistIndex(id: pinned), let position = staff.firstIndex(of: specialist)
        {
          place(index, with: position, over: range)
        } else {
          open.append((index, range))
        }
      }
      open.sort {
        ($0.range?.lowerBound ?? Int.min, $0.range?.upperBound ?? Int.min, $0.index)
          < ($1.range?.lowerBound ?? Int.min, $1.range?.upperBound ?? Int.min, $1.index)
      }
      for (index, range) in open {
        let languages = instance.members[schedules[index].member].languages
        var chosen: (position: Int, rank: (Int, Int, Int))?
        for position in staff.indices {
          if let range, !range.allSatisfy({ load[position][$0] < capacity[position][$0] }) { continue }
          let mismatch =
            preferLanguage && !languagesMatch(languages, instance.specialists[staff[position]].specialist.languages)
            ? 1 : 0
          let rank = (mismatch, assigned[position], staff[position])
          if chosen.map({ rank < $0.rank }) ?? true { chosen = (position, rank) }
        }
        guard let chosen else { return false }
        place(index, with: chosen.position, over: range)
      }
    }
    return true
  }
}

import PlannerDomain

/// Splits a team's clients among its members without handovers.
///
/// Each member has ⌊cap × fte⌋ slots. Taking clients in order of their first counted month
/// (or year, on annual basis) and giving each a free slot is interval colouring, which never
/// needs more slots than the largest overlap, which the model keeps within the team's total
/// (FORMULATION-NOTES.md). Among free slots, one of a member who speaks the client's language
/// is preferred under `language_match: preferred`, then the member with the fewest clients.
enum SpecialistSlots {
  static func assign(
    _ schedules: inout [ClientSchedule], types: [Int?], teams: [SpecialistType], instance: PlanningInstance
  ) {
    let annual = instance.scenario.caseload.basis == .annual
    let preferLanguage = instance.scenario.languageMatch == .preferred
    let firstYear = instance.scenario.start.year
    for team in teams {
      let members = schedules.indices.filter { types[$0] == team.index }
      guard !members.isEmpty else { continue }
      if team.members.count == 1 {
        for index in members { schedules[index].specialist = team.members[0] }
        continue
      }
      // (member specialist, last occupied unit) per slot; unit = month or calendar year.
      var slots: [(specialist: Int, lastUsed: Int)] = []
      for specialist in team.members {
        let count = instance.specialists[specialist].monthlyCap
        slots += Array(repeating: (specialist, Int.min), count: max(count, 0))
      }
      var assigned: [Int: Int] = [:]
      let intervals = members.map { index -> (index: Int, first: Int, last: Int) in
        let counted = ClientTimeline(schedules[index], in: instance).counted
        guard !counted.isEmpty else { return (index, Int.min, Int.min) }
        if annual {
          let firstUnit = instance.scenario.month(at: counted.lowerBound).year - firstYear
          let lastUnit = instance.scenario.month(at: counted.upperBound - 1).year - firstYear
          return (index, firstUnit, lastUnit)
        }
        return (index, counted.lowerBound, counted.upperBound - 1)
      }
      for interval in intervals.sorted(by: { ($0.first, $0.last, $0.index) < ($1.first, $1.last, $1.index) }) {
        let specialist: Int
        if interval.first == Int.min {
          specialist = team.members.min { (assigned[$0] ?? 0, $0) < (assigned[$1] ?? 0, $1) } ?? team.members[0]
        } else if let slot = slots.indices.filter({ slots[$0].lastUsed < interval.first }).min(by: {
          let languages = instance.members[schedules[interval.index].member].languages
          func mismatch(_ slot: Int) -> Int {
            guard preferLanguage else { return 0 }
            return languagesMatch(languages, instance.specialists[slots[slot].specialist].specialist.languages) ? 0 : 1
          }
          return (mismatch($0), assigned[slots[$0].specialist] ?? 0, $0)
            < (mismatch($1), assigned[slots[$1].specialist] ?? 0, $1)
        }) {
          slots[slot].lastUsed = interval.last
          specialist = slots[slot].specialist
        } else {
          // Only reachable if the model's team total was exceeded; keep the client with the
          // least-loaded member so the checker reports the breach instead of losing a client.
          specialist = team.members.min { (assigned[$0] ?? 0, $0) < (assigned[$1] ?? 0, $1) } ?? team.members[0]
        }
        assigned[specialist, default: 0] += 1
        schedules[interval.index].specialist = specialist
      }
    }
  }
}

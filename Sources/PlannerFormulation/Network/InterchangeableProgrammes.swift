import OptimizationModel
import PlannerDomain

extension FlowNetwork {
  /// Of two programmes that take the same clients in the same months for as long, one at least as
  /// roomy as the other (seats and groups no fewer, minimum no larger): any plan that opens only
  /// the other in a month can move those clients to the roomy one at no cost. So the other opens
  /// only in a month the roomy one opens too, which spares the search trying both. Not in a month
  /// a client is pinned to the other, and not with announced cohorts (moving one has a cost).
  mutating func addInterchangeableProgrammes(cohorts: [CohortKey: Variable]) {
    let programmes = instance.programmes
    func takesTheSameClients(_ a: GridProgramme, _ b: GridProgramme) -> Bool {
      a.step == b.step && a.durationMonths == b.durationMonths && a.startAllowed == b.startAllowed
        && commodities.allSatisfy { commodity in
          commodity.eligible.allSatisfy { $0.contains(a.index) == $0.contains(b.index) }
        }
    }
    // With twins (``TwinProgrammes``), a count opens the groups of all it stands for that month.
    func groups(_ programme: GridProgramme, _ month: Int) -> Int {
      twins.groups(of: programme.index, month: month, in: instance)
    }
    func isRoomier(_ a: GridProgramme, than b: GridProgramme, month: Int) -> Bool {
      let atLeast = a.seats >= b.seats && groups(a, month) >= groups(b, month) && a.minSize <= b.minSize
      let same = a.seats == b.seats && groups(a, month) == groups(b, month) && a.minSize == b.minSize
      return atLeast && (!same || a.index < b.index)
    }
    let pinned = Commodity.pinnedCohorts(commodities)
    for other in programmes {
      for roomy in programmes where roomy.index != other.index && takesTheSameClients(roomy, other) {
        for month in 0..<horizon where isRoomier(roomy, than: other, month: month) {
          let key = CohortKey(programme: other.index, month: month)
          guard let opened = cohorts[key], let roomyOpened = cohorts[CohortKey(programme: roomy.index, month: month)],
            !pinned.contains(key)
          else { continue }
          model.addLessOrEqual(
            "interchangeableProgrammes",
            "\(programmeLabel(other.index)),\(programmeLabel(roomy.index)),\(monthLabel(month))",
            LinearExpression(opened) - Double(groups(other, month)) * roomyOpened, 0)
        }
      }
    }
  }
}

import OptimizationModel
import PlannerDomain

/// The constraint families of the planning model, in the order a reader should meet them.
///
/// 1. `clientsAwaitingIntake[k,month]`: clients queue for an intake until they get one
///    (`…,newcomers=month`: a month's newcomers, held apart; see ``FlowNetwork/newcomerMonths``).
/// 2. `clientsReadyForStep[k,team,step,month]`: ready clients wait or start a cohort.
/// 3. `cohortSeats[programme,month]` / `cohortMinimum[programme,month]`: a start month's
///    clients fill `groups` cohorts within seats and the minimum size (of the programme and its
///    twins, where it stands for them: ``TwinProgrammes``).
///    `cohortOpening[k,programme,month]`: a small kind of client (fewer heads than seats) joins
///    only an opened cohort: x ≤ heads · g. Valid for any plan; it makes the relaxation see that
///    one client alone already opens a cohort, which then needs its minimum size.
/// 4. `caseload[team,month]`: clients on a team's caseload, month by month (the variable's upper
///    bound is the monthly cap, or 0 where the team is unavailable).
/// 5. `annualCaseload[team,year]`: distinct clients per calendar year within the yearly cap.
/// 6. `announcedCohortKept[programme,month]` (re-planning with stability only): a cohort a
///    previous plan announced counts as kept only if clients start in it; each one not kept
///    costs `weight` in the objective.
/// 7. `interchangeableProgrammes[other,roomy,month]` (not with announced cohorts): of two
///    programmes that take the same clients, the less roomy opens only where the other does
///    (``FlowNetwork/addInterchangeableProgrammes(cohorts:)``).
extension FlowNetwork {
  /// The families that tie otherwise unrelated clients together through their specialists.
  static let caseloadFamilies: Set<String> = ["caseload", "annualCaseload"]

  mutating func addConstraintFamilies(announced: [CohortKey] = [], stabilityWeight: Double = 0) {
    addClientFlowBalance()
    let cohorts = addCohortSizes()
    addCaseloads()
    if stabilityWeight > 0 {
      addAnnouncedCohorts(announced, weight: stabilityWeight)
    } else {
      addInterchangeableProgrammes(cohorts: cohorts)
    }
  }

  private mutating func addAnnouncedCohorts(_ announced: [CohortKey], weight: Double) {
    for key in announced {
      model.objectiveConstant += weight
      guard let arcs = cohortStarts[key], !arcs.isEmpty else { continue }
      let index = "\(programmeLabel(key.programme)),\(monthLabel(key.month))"
      let kept = model.addVariable("announcedCohortKept[\(index)]", kind: .binary, cost: -weight)
      model.addLessOrEqual(
        "announcedCohortKept", index, LinearExpression(kept) - LinearExpression.sum(arcs.map(\.variable)), 0)
    }
  }

  /// Flow conservation at every node: arrivals (and new clients) = departures.
  private mutating func addClientFlowBalance() {
    for node in nodes {
      var expression = LinearExpression()
      for arc in outgoing[node] ?? [] { expression.add(arcs[arc].variable, 1) }
      for arc in incoming[node] ?? [] { expression.add(arcs[arc].variable, -1) }
      let family: String
      let index: String
      switch node {
      case .awaitingIntake(let commodity, let month):
        family = "clientsAwaitingIntake"
        index = "\(commodities[commodity].label),\(monthLabel(month))"
      case .newcomers(let commodity, let month):
        family = "clientsAwaitingIntake"
        index = "\(commodities[commodity].label),\(monthLabel(month))\(arrivalLabel(month))"
      case .readyForStep(let commodity, let type, let step, let month, let intake, let arrival):
        family = "clientsReadyForStep"
        index =
          "\(commodities[commodity].label),\(types[type].label),\(stepLabel(commodities[commodity], step)),\(monthLabel(month))\(intakeLabel(intake))\(arrivalLabel(arrival))"
      }
      model.addEqual(family, index, expression, Double(supply[node] ?? 0))
    }
  }

  /// n clients starting programme p in month t need g cohorts with min·g ≤ n ≤ seats·g, g ≤ groups.
  /// Any such n splits into g cohorts within the bounds, so no variable per group is needed.
  /// Returns the cohort counts g, where a minimum size gives them a variable.
  private mutating func addCohortSizes() -> [CohortKey: Variable] {
    var cohorts: [CohortKey: Variable] = [:]
    for key in cohortOrder {
      let programme = instance.programmes[key.programme]
      let groupsAllowed = twins.groups(of: key.programme, month: key.month, in: instance)
      let arcs = cohortStarts[key] ?? []
      let starters = LinearExpression.sum(arcs.map(\.variable))
      let index = "\(programmeLabel(key.programme)),\(monthLabel(key.month))"
      if programme.minSize <= 1 {
        model.addLessOrEqual("cohortSeats", index, starters, Double(programme.seats * groupsAllowed))
        continue
      }
      let reachable = commodities.reduce(0) { $0 + $1.heads }
      let maximumGroups = min(groupsAllowed, reachable / programme.minSize)
      let groups = model.addVariable(
        "cohorts[\(index)]", kind: .integer, lower: 0, upper: Double(maximumGroups))
      cohorts[key] = groups
      model.addLessOrEqual("cohortSeats", index, starters - Double(programme.seats) * groups, 0)
      model.addGreaterOrEqual("cohortMinimum", index, starters - Double(programme.minSize) * groups, 0)
      for arc in arcs where arc.heads < programme.seats {
        model.addLessOrEqual(
          "cohortOpening", model.variables[arc.variable.index].name,
          LinearExpression(arc.variable) - Double(arc.heads) * groups, 0)
      }
    }
    return cohorts
  }

  /// caseload[team,m] = caseload[team,m−1] + intakes − exits, bounded by the cap; and the same
  /// for the pinned clients of each specialist who shares a team, within that specialist's cap.
  private mutating func addCaseloads() {
    for type in types where !caseloadChanges[type.index].isEmpty {
      let available = (0..<horizon).map { month in type.members.contains { instance.specialists[$0].available[month] } }
      addCaseload(
        label: type.label, changes: caseloadChanges[type.index], available: available,
        monthlyCap: type.monthlyCapacity, yearlyCaps: type.yearlyCapacity)
    }
    for specialist in pinnedCaseloadChanges.keys.sorted() {
      let grid = instance.specialists[specialist]
      addCaseload(
        label: "pinned:" + ModelName.safe(grid.specialist.id, index: specialist),
        changes: pinnedCaseloadChanges[specialist] ?? [:],
        available: grid.available, monthlyCap: Array(repeating: grid.monthlyCap, count: horizon),
        yearlyCaps: grid.yearlyCaps)
    }
  }

  private mutating func addCaseload(
    label: String, changes: [Int: [CaseloadChange]], available: [Bool], monthlyCap: [Int],
    yearlyCaps: [(year: Int, cap: Int)]
  ) {
    let annual = instance.scenario.caseload.basis == .annual
    var previous: Variable?
    var load: [Variable] = []
    for month in 0..<horizon {
      let upper = !available[month] ? 0 : annual ? Double(yearlyCaps.map(\.cap).max() ?? 0) : Double(monthlyCap[month])
      let current = model.addVariable("caseload[\(label),\(monthLabel(month))]", lower: 0, upper: upper)
      var balance = LinearExpression(current)
      if let previous { balance.add(previous, -1) }
      for change in changes[month] ?? [] { balance.add(change.variable, -change.sign) }
      model.addEqual("caseload", "\(label),\(monthLabel(month))", balance, 0)
      load.append(current)
      previous = current
    }
    guard annual else { return }
    for (year, cap) in yearlyCaps {
      guard let months = gridMonths(ofYear: year, in: instance.scenario) else { continue }
      // Distinct clients in the year = those on the caseload in its first month + intakes after
      // it, less intakes cancelled by a journey that ended before them.
      var distinct = LinearExpression(load[months.lowerBound])
      for month in months.dropFirst() {
        for change in changes[month] ?? [] where change.sign > 0 { distinct.add(change.variable, 1) }
        for change in changes[month] ?? [] where change.cancelsIntake { distinct.add(change.variable, -1) }
      }
      model.addLessOrEqual("annualCaseload", "\(label),\(year)", distinct, Double(cap))
    }
  }
}

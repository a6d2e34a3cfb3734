import PlannerDomain

/// Builds a ``Plan`` from per-head schedules: timelines, cohort groups, caseloads per
/// specialist and the plan's entries. Shared by every planning strategy, so the optimiser and
/// the baseline are reported alike.
public enum PlanAssembler {
  public static func assemble(
    _ schedules: [ClientSchedule], instance: PlanningInstance, strategy: String, status: PlanStatus, gap: Double?,
    bound: Double?
  ) -> Plan {
    let scenario = instance.scenario
    let timelines = schedules.map { ClientTimeline($0, in: instance) }
    let groups = CohortGrouping.assign(schedules, instance: instance)
    var entries: [PlannedClient] = []
    var inflowEntries: [Int: [PlannedClient]] = [:]
    for (index, schedule) in schedules.enumerated() {
      let entry = plannedClient(
        schedule, timeline: timelines[index], groups: { groups[.init(schedule: index, step: $0)] ?? 1 },
        instance: instance)
      guard case .inflow(let group) = entry.reference else {
        entries.append(entry)
        continue
      }
      if let same = inflowEntries[group]?.firstIndex(where: { $0.sameSchedule(as: entry) }) {
        inflowEntries[group]?[same].count += 1
      } else {
        inflowEntries[group, default: []].append(entry)
      }
    }
    for group in inflowEntries.keys.sorted() { entries += inflowEntries[group] ?? [] }
    return Plan(
      scenarioName: scenario.name, start: scenario.start, horizon: instance.horizon, strategy: strategy,
      status: status, gap: gap, bound: bound, waitingMonths: timelines.reduce(0) { $0 + $1.wait },
      clients: entries, cohorts: cohorts(schedules, groups: groups, instance: instance),
      specialists: caseloads(schedules, timelines: timelines, instance: instance))
  }

  private static func plannedClient(
    _ schedule: ClientSchedule, timeline: ClientTimeline, groups: (Int) -> Int, instance: PlanningInstance
  ) -> PlannedClient {
    let member = instance.members[schedule.member]
    let month = { instance.scenario.month(at: $0) }
    var steps: [PlannedStep] = []
    for (position, state) in timeline.steps.enumerated() {
      let outcome: PlannedStep.Outcome
      switch state {
      case .started(let programme, let start, let ready, let wait):
        outcome = .started(
          programme: instance.programmes[programme].id, group: groups(position), ready: ready.map(month),
          start: month(start), wait: wait)
      case .unstarted(let ready, let wait): outcome = .unstarted(ready: ready.map(month), wait: wait)
      case .beyondHorizon(let ready): outcome = .beyondHorizon(ready: ready.map(month))
      }
      steps.append(PlannedStep(step: member.openSteps[position], outcome: outcome))
    }
    return PlannedClient(
      reference: member.reference, count: 1, available: member.available, route: member.route,
      profile: member.profile, languages: member.languages,
      specialist: schedule.specialist.map { instance.specialists[$0].specialist.id },
      intake: schedule.intake.map(month), exit: timeline.exit.map(month), steps: steps, wait: timeline.wait,
      intakeWait: timeline.intakeWait)
  }

  private static func cohorts(
    _ schedules: [ClientSchedule], groups: [CohortGrouping.Seat: Int], instance: PlanningInstance
  ) -> [PlannedCohort] {
    struct Key: Hashable, Comparable {
      let programme: Int
      let month: Int
      let group: Int
      static func < (lhs: Key, rhs: Key) -> Bool {
        (lhs.programme, lhs.month, lhs.group) < (rhs.programme, rhs.month, rhs.group)
      }
    }
    var sizes: [Key: Int] = [:]
    for (index, schedule) in schedules.enumerated() {
      for (step, scheduled) in schedule.steps.enumerated() {
        guard case .started(let programme, let month) = scheduled else { continue }
        sizes[
          Key(programme: programme, month: month, group: groups[.init(schedule: index, step: step)] ?? 1), default: 0] +=
          1
      }
    }
    return sizes.keys.sorted().map { key in
      let programme = instance.programmes[key.programme]
      return PlannedCohort(
        programme: programme.id, provider: programme.programme.provider, start: instance.scenario.month(at: key.month),
        group: key.group, size: sizes[key] ?? 0, seats: programme.seats, minSize: programme.minSize)
    }
  }

  private static func caseloads(_ schedules: [ClientSchedule], timelines: [ClientTimeline], instance: PlanningInstance)
    -> [SpecialistCaseload]
  {
    let scenario = instance.scenario
    let years = GridSpecialist.years(of: scenario)
    return instance.specialists.map { specialist in
      var monthly = Array(repeating: 0, count: instance.horizon)
      var distinct = Array(repeating: 0, count: years.count)
      for (index, schedule) in schedules.enumerated() where schedule.specialist == specialist.index {
        let counted = timelines[index].counted
        for month in counted { monthly[month] += 1 }
        for (position, year) in years.enumerated() {
          if let months = gridMonths(ofYear: year, in: scenario),
            counted.overlaps(months.lowerBound..<months.upperBound + 1)
          {
            distinct[position] += 1
          }
        }
      }
      let yearly =
        scenario.caseload.basis == .annual
        ? years.enumerated().map {
          SpecialistCaseload.Year(year: $1, clients: distinct[$0], cap: specialist.yearlyCaps[$0].cap)
        } : nil
      return SpecialistCaseload(
        id: specialist.specialist.id, cap: specialist.monthlyCap, caseload: monthly, years: yearly)
    }
  }
}

extension PlannedClient {
  func sameSchedule(as other: PlannedClient) -> Bool {
    specialist == other.specialist && intake == other.intake && exit == other.exit && steps == other.steps
  }
}

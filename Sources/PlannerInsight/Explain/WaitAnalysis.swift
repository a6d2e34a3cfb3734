import PlannerDomain

/// Why one plan entry waits, month by month, with every other client's schedule as planned.
///
/// A waiting month belongs to a *stage*: 0 is the intake, j + 1 the entry's j-th open step.
/// For a month of a stage, the analysis asks whether the client could have done that stage in
/// that month. If a rule forbids it, that rule binds. If nothing forbids it, doing it earlier
/// would only have moved the wait on: the month is attributed to the next stage, at the month
/// the client would then have been ready for it (intake months or the programme's duration
/// later), and the question is asked again there.
struct WaitAnalysis {
  let context: PlanContext
  let entryIndex: Int

  enum StageOutcome: Equatable {
    case blocked([BindingRule])
    /// The stage was possible; the next stage would be ready `duration` months later.
    case possible(duration: Int)
  }

  struct Attribution: Equatable {
    let stage: Int
    let month: Int
    let rules: [BindingRule]
  }

  var entry: PlannedClient { context.plan.clients[entryIndex] }
  var client: Client? { context.client(of: entry) }
  var stageCount: Int { entry.steps.count + 1 }

  func stageName(_ stage: Int) -> String { stage == 0 ? "intake" : entry.steps[stage - 1].step }

  /// The grid months the entry waits in each stage, in stage order.
  func waitingMonths() -> [(stage: Int, months: Range<Int>)] {
    let horizon = context.horizon
    var result: [(stage: Int, months: Range<Int>)] = []
    let available = max(context.grid(entry.available), 0)
    let intakeEnd = min(entry.intake.map(context.grid) ?? horizon, horizon)
    if available < intakeEnd { result.append((0, available..<intakeEnd)) }
    for (position, step) in entry.steps.enumerated() {
      switch step.outcome {
      case .started(_, _, let ready?, let start, _):
        let range = context.grid(ready)..<min(context.grid(start), horizon)
        if !range.isEmpty { result.append((position + 1, range)) }
      case .unstarted(let ready?, _):
        let from = context.grid(ready)
        if from < horizon { result.append((position + 1, from..<horizon)) }
      default: break
      }
    }
    return result
  }

  /// Follows a waiting month through later stages until a rule binds.
  func attribute(stage: Int, month: Int) -> Attribution {
    var stage = stage
    var month = month
    while month < context.horizon {
      switch outcome(stage: stage, month: month) {
      case .blocked(let rules): return Attribution(stage: stage, month: month, rules: rules)
      case .possible(let duration):
        guard stage + 1 < stageCount else { return Attribution(stage: stage, month: month, rules: [.noSingleRule]) }
        stage += 1
        month += duration
      }
    }
    return Attribution(stage: stage, month: month, rules: [.noSingleRule])
  }

  func outcome(stage: Int, month: Int) -> StageOutcome {
    stage == 0 ? intakeOutcome(month: month) : stepOutcome(position: stage - 1, month: month)
  }

  // MARK: - Intake

  private func intakeOutcome(month: Int) -> StageOutcome {
    let scenario = context.scenario
    if let pinned = client?.pins.intake { return .blocked([.pinnedIntake(pinned)]) }
    let pinnedSpecialist = client?.pins.specialist
    let pool = scenario.specialists.filter { pinnedSpecialist == nil || $0.id == pinnedSpecialist }
    let available = pool.filter { $0.isAvailable(in: context.month(month)) }
    if available.isEmpty {
      return .blocked([pinnedSpecialist.map(BindingRule.pinnedSpecialist) ?? .noSpecialistAvailable])
    }
    let required = scenario.languageMatch == .required
    let candidates = required ? available.filter { languagesMatch(entry.languages, $0.languages) } : available
    if candidates.isEmpty { return .blocked([.languageMatch(languages: entry.languages, matching: [])]) }
    if candidates.contains(where: { hasRoom($0, from: month) }) {
      return .possible(duration: context.route(of: entry).intakeMonths)
    }
    if let pinnedSpecialist { return .blocked([.pinnedSpecialist(pinnedSpecialist)]) }
    if required
      && available.contains(where: { !languagesMatch(entry.languages, $0.languages) && hasRoom($0, from: month) })
    {
      return .blocked([.languageMatch(languages: entry.languages, matching: candidates.map(\.id))])
    }
    return .blocked([.specialistCaps(specialists: candidates.map(\.id), basis: scenario.caseload.basis)])
  }

  /// Whether `specialist` could take the client from grid month `month`: below the cap in
  /// every month (monthly basis) or year (annual basis) the client would newly add to their
  /// caseload. For the client's own specialist those are the months before the planned
  /// intake; for another, a stay as long as the planned one (or the shortest possible).
  private func hasRoom(_ specialist: Specialist, from month: Int) -> Bool {
    guard let load = context.caseloads[specialist.id] else { return true }
    let horizon = context.horizon
    let own = entry.specialist == specialist.id
    let counted = context.countedMonths(of: entry)
    let months: Range<Int>
    if own, let intake = entry.intake {
      months = month..<max(month, min(context.grid(intake), horizon))
    } else {
      let stay = entry.intake == nil ? context.shortestStay(of: entry) : max(counted.count, 1)
      months = month..<max(month, min(month + stay, horizon))
    }
    switch context.scenario.caseload.basis {
    case .monthly:
      return months.allSatisfy { $0 < load.caseload.count && load.caseload[$0] < load.cap }
    case .annual:
      let already = own ? Set(counted.map { context.month($0).year }) : []
      let years = Set(months.map { context.month($0).year }).subtracting(already)
      return years.allSatisfy { year in
        guard let entry = load.years?.first(where: { $0.year == year }) else { return true }
        return entry.clients < entry.cap
      }
    }
  }

  // MARK: - Steps

  private func stepOutcome(position: Int, month: Int) -> StageOutcome {
    let step = entry.steps[position].step
    if let pin = client?.pins.steps[step] {
      return .blocked([.pinnedStart(programme: pin.programme, start: pin.start)])
    }
    let eligible = context.eligibleProgrammes(step: step, for: entry)
    if eligible.isEmpty { return .blocked([.noEligibleProgramme(step: step)]) }
    var calendar: [String] = []
    var others: [BindingRule] = []
    for programme in eligible {
      guard programme.starts.allows(context.month(month)) else {
        calendar.append(programme.id)
        continue
      }
      let sizes = context.cohortSizes[.init(programme: programme.id, month: month)] ?? []
      if sizes.contains(where: { $0 < programme.seats }) || (sizes.count < programme.groups && programme.minSize <= 1) {
        if let needed = ownCohortNeedsClient(position: position) { return .blocked([needed]) }
        return .possible(duration: programme.duration.months)
      }
      if sizes.count >= programme.groups {
        others.append(.seatsFull(programme: programme.id, groups: programme.groups, seats: programme.seats))
      } else {
        let ready = context.waitingHeads(step: step, month: month, programme: programme, including: entryIndex)
        others.append(.minimumSize(programme: programme.id, minimum: programme.minSize, ready: ready))
      }
    }
    return .blocked((calendar.isEmpty ? [] : [.startCalendar(programmes: calendar)]) + others)
  }

  /// The client's planned cohort for this step, if it would fall under its minimum size
  /// without one of its clients (n − 1 clients fit no number of groups within the bounds).
  private func ownCohortNeedsClient(position: Int) -> BindingRule? {
    guard case .started(let id, _, _, let start, _) = entry.steps[position].outcome,
      let programme = context.programmes[id]
    else { return nil }
    let size = (context.cohortSizes[.init(programme: id, month: context.grid(start))] ?? []).reduce(0, +)
    let left = size - 1
    guard left > 0, programme.minSize > 1 else { return nil }
    let groups = (left + programme.seats - 1) / programme.seats
    return programme.minSize * groups > left
      ? .cohortNeedsClient(programme: id, start: start, minimum: programme.minSize) : nil
  }
}

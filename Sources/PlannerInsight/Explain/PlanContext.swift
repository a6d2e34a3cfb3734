import PlannerDomain

/// A plan indexed for explanations: cohorts per programme and month, caseloads per specialist,
/// and who waits for which step when.
struct PlanContext {
  let scenario: Scenario
  let plan: Plan
  let programmes: [String: Programme]
  /// Group sizes per (programme id, grid month).
  let cohortSizes: [CohortSlot: [Int]]
  let caseloads: [String: SpecialistCaseload]

  struct CohortSlot: Hashable {
    let programme: String
    let month: Int
  }

  init(scenario: Scenario, plan: Plan) {
    self.scenario = scenario
    self.plan = plan
    var programmes: [String: Programme] = [:]
    for programme in scenario.programmes where programmes[programme.id] == nil { programmes[programme.id] = programme }
    self.programmes = programmes
    var sizes: [CohortSlot: [Int]] = [:]
    for cohort in plan.cohorts where cohort.size > 0 {
      sizes[CohortSlot(programme: cohort.programme, month: scenario.offset(of: cohort.start)), default: []].append(
        cohort.size)
    }
    cohortSizes = sizes
    var caseloads: [String: SpecialistCaseload] = [:]
    for load in plan.specialists { caseloads[load.id] = load }
    self.caseloads = caseloads
  }

  var horizon: Int { scenario.horizon }

  func grid(_ month: Month) -> Int { scenario.offset(of: month) }

  func month(_ offset: Int) -> Month { scenario.month(at: offset) }

  func route(of entry: PlannedClient) -> Route {
    scenario.route(named: entry.route) ?? Route(name: entry.route, steps: [])
  }

  /// The scenario's client behind a known entry (for its pins).
  func client(of entry: PlannedClient) -> Client? {
    guard case .known(let id) = entry.reference else { return nil }
    return scenario.clients.first { $0.id == id }
  }

  func eligibleProgrammes(step: String, for entry: PlannedClient) -> [Programme] {
    scenario.programmes.filter { $0.step == step && $0.admits(route: entry.route, profile: entry.profile) }
  }

  /// Heads waiting for `step` in grid month `month` and eligible for `programme`: ready at or
  /// before the month and starting after it, or never. `including` counts as waiting anyway.
  func waitingHeads(step: String, month: Int, programme: Programme, including entryIndex: Int) -> Int {
    var heads = 0
    for (index, entry) in plan.clients.enumerated() {
      guard programme.admits(route: entry.route, profile: entry.profile) else { continue }
      if index == entryIndex {
        heads += entry.count
        continue
      }
      for planned in entry.steps where planned.step == step {
        switch planned.outcome {
        case .started(_, _, let ready?, let start, _):
          if grid(ready) <= month && grid(start) > month { heads += entry.count }
        case .unstarted(let ready?, _):
          if grid(ready) <= month { heads += entry.count }
        default: break
        }
      }
    }
    return heads
  }

  /// Grid months a plan entry is counted on its specialist's caseload.
  func countedMonths(of entry: PlannedClient) -> Range<Int> {
    guard let intake = entry.intake else { return 0..<0 }
    let first = max(grid(intake), 0)
    let last = min(entry.exit.map(grid) ?? horizon, horizon)
    return first < last ? first..<last : first..<first
  }

  /// The shortest stay on a caseload: intake, the shortest eligible programme of every open
  /// step, and aftercare; at least one month.
  func shortestStay(of entry: PlannedClient) -> Int {
    let route = route(of: entry)
    let steps = entry.steps.map(\.step).reduce(0) { total, step in
      total + (eligibleProgrammes(step: step, for: entry).map(\.duration.months).min() ?? 0)
    }
    return max(1, route.intakeMonths + steps + route.aftercare)
  }
}

import PlannerDomain

/// The key figures of a plan, as the summary, comparisons and reports show them.
public struct PlanKPIs: Hashable, Sendable {
  public var status: PlanStatus
  public var waitingMonths: Int
  public var bound: Double?
  public var gap: Double?
  /// Heads planned (known clients plus expected inflow).
  public var clients: Int
  public var meanWait: Double
  /// 90th percentile of waiting months per client (nearest rank).
  public var p90Wait: Int
  public var maxWait: Int
  /// Clients whose intake comes later than the route's `intake_within` target (or not at all).
  public var lateIntakes: Int
  public var cohortsOpened: Int
  /// Mean of size / seats over opened cohorts starting inside the horizon.
  public var meanFill: Double
  public var underFullCohorts: Int
  public var peakCaseloads: [Peak]
  public var clientsWithoutIntake: Int
  public var unstartedSteps: Int

  public struct Peak: Hashable, Sendable {
    public var specialist: String
    /// Highest monthly caseload, or highest distinct clients in a year on annual basis.
    public var peak: Int
    public var cap: Int
    /// The month (`YYYY-MM`) or year of the peak.
    public var when: String
    public var overCap: Bool { peak > cap }
  }

  public init(plan: Plan, scenario: Scenario) {
    status = plan.status
    waitingMonths = plan.waitingMonths
    bound = plan.bound
    gap = plan.gap
    var waits: [Int] = []
    var late = 0
    var noIntake = 0
    var unstarted = 0
    for entry in plan.clients {
      waits += Array(repeating: entry.wait, count: entry.count)
      let target = scenario.route(named: entry.route)?.intakeWithin ?? 2
      if entry.intakeWait > target { late += entry.count }
      if entry.intake == nil && entry.intakeWait > 0 { noIntake += entry.count }
      for step in entry.steps {
        if case .unstarted(let ready, _) = step.outcome, ready != nil { unstarted += entry.count }
      }
    }
    clients = waits.count
    meanWait = waits.isEmpty ? 0 : Double(waits.reduce(0, +)) / Double(waits.count)
    let sorted = waits.sorted()
    p90Wait = sorted.isEmpty ? 0 : sorted[max(0, Int((0.9 * Double(sorted.count)).rounded(.up)) - 1)]
    maxWait = sorted.last ?? 0
    lateIntakes = late
    clientsWithoutIntake = noIntake
    unstartedSteps = unstarted
    let current = plan.cohorts.filter { $0.start >= plan.start }
    cohortsOpened = current.count
    meanFill =
      current.isEmpty
      ? 0 : current.reduce(0) { $0 + Double($1.size) / Double(max($1.seats, 1)) } / Double(current.count)
    underFullCohorts = current.count { $0.size < $0.seats }
    peakCaseloads = plan.specialists.map { load in
      if let years = load.years,
        let top = years.max(by: { ($0.clients - $0.cap, -$0.year) < ($1.clients - $1.cap, -$1.year) })
      {
        let highest = years.max { ($0.clients, -$0.year) < ($1.clients, -$1.year) } ?? top
        let shown = top.clients > top.cap ? top : highest
        return Peak(specialist: load.id, peak: shown.clients, cap: shown.cap, when: String(shown.year))
      }
      let index = load.caseload.indices.max { (load.caseload[$0], -$0) < (load.caseload[$1], -$1) } ?? 0
      return Peak(
        specialist: load.id, peak: load.caseload.isEmpty ? 0 : load.caseload[index], cap: load.cap,
        when: plan.start.adding(index).description)
    }
  }
}

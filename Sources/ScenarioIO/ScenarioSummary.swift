import PlannerDomain

/// The figures `cohortplan validate` prints about a valid scenario.
public struct ScenarioSummary: Sendable, Hashable {
  public var name: String
  public var horizon: Int
  public var firstMonth: Month
  public var lastMonth: Month
  public var clients: Int
  public var inflowGroups: Int
  /// Clients expected through inflow (the sum of the groups' counts).
  public var inflowClients: Int
  public var specialists: Int
  public var totalFTE: ExactDecimal
  public var programmes: Int
  public var providers: Int
  /// Σ over programmes of (start months allowed within the horizon × groups): the most cohorts
  /// a plan could open.
  public var possibleCohorts: Int

  public init(_ scenario: Scenario) {
    name = scenario.name
    horizon = scenario.horizon
    firstMonth = scenario.start
    lastMonth = scenario.start.adding(scenario.horizon - 1)
    clients = scenario.clients.count
    inflowGroups = scenario.inflow.count
    inflowClients = scenario.inflow.map(\.count).reduce(0, +)
    specialists = scenario.specialists.count
    totalFTE = ExactDecimal(scaled: scenario.specialists.map(\.fte.scaled).reduce(0, +))
    programmes = scenario.programmes.count
    providers = Set(scenario.programmes.map(\.provider)).count
    possibleCohorts = scenario.programmes.map { programme in
      (0..<max(0, scenario.horizon)).filter { programme.starts.allows(scenario.start.adding($0)) }.count
        * programme.groups
    }.reduce(0, +)
  }
}

import PlannerDomain

/// The caseload sum a report makes by hand, from the scenario alone: how many distinct clients
/// count on the team's caseload in the first calendar year of the plan if nobody waited, against
/// the yearly slots of the team (MODEL.md "Caseload", annual basis).
///
/// Clients counted: those already on a caseload at the start (a pinned intake before or at the
/// start whose exit lies after it), plus every client and inflow client available in that year.
/// Slots: Σ over specialists of ⌊cap × fte × a / 12⌋, a = months of the year they are available.
public struct CaseloadArithmetic: Hashable, Sendable {
  /// The first calendar year of the plan, e.g. 2020 for a plan starting 2020-03.
  public var year: Int
  /// Clients on a caseload when the plan starts.
  public var carriedOver: Int
  /// Clients (known and inflow) who become available in ``year``.
  public var new: Int
  public var clients: Int { carriedOver + new }

  public init(_ scenario: Scenario) {
    let start = scenario.start
    year = start.year
    var carried = 0
    var arriving = 0
    for client in scenario.clients {
      switch Self.counting(client, in: scenario) {
      case .carriedOver: carried += 1
      case .new: arriving += 1
      case nil: break
      }
    }
    let lastCounted = Self.lastCounted(scenario)
    for group in scenario.inflow where max(group.month, start) <= lastCounted {
      arriving += group.count
    }
    carriedOver = carried
    new = arriving
  }

  /// The yearly slots of the scenario's team in ``year`` at its caseload cap.
  public func slots(_ scenario: Scenario) -> Int {
    scenario.specialists.reduce(0) { total, specialist in
      let months = (1...12).count { specialist.isAvailable(in: Month(year: year, month: $0)) }
      let cap = specialist.cap ?? scenario.caseload.cap
      return total + cap.flooredProduct(specialist.fte, times: months, over: 12)
    }
  }

  /// Specialists whose pinned clients alone, counted in the first year, exceed their yearly
  /// cap there: no plan can then hold the pins. Ids in list order with clients and cap.
  public func pinnedOverload(_ scenario: Scenario) -> [(specialist: String, clients: Int, cap: Int)] {
    var pinned: [String: Int] = [:]
    for client in scenario.clients {
      guard let specialist = client.pins.specialist, Self.counting(client, in: scenario) != nil else { continue }
      pinned[specialist, default: 0] += 1
    }
    return scenario.specialists.compactMap { specialist in
      let months = (1...12).count { specialist.isAvailable(in: Month(year: year, month: $0)) }
      let cap = (specialist.cap ?? scenario.caseload.cap).flooredProduct(specialist.fte, times: months, over: 12)
      let clients = pinned[specialist.id] ?? 0
      return clients > cap ? (specialist.id, clients, cap) : nil
    }
  }

  private enum Counting {
    case carriedOver
    case new
  }

  private static func lastCounted(_ scenario: Scenario) -> Month {
    min(Month(year: scenario.start.year, month: 12), scenario.month(at: scenario.horizon - 1))
  }

  /// Whether `client` counts in the first year if nobody waits, and as what.
  private static func counting(_ client: Client, in scenario: Scenario) -> Counting? {
    let start = scenario.start
    let last = lastCounted(scenario)
    if let intake = client.pins.intake {
      guard intake <= last else { return nil }
      if let exit = exit(of: client, intake: intake, in: scenario), exit <= start { return nil }
      return intake < start ? .carriedOver : .new
    }
    return max(client.available, start) <= last ? .new : nil
  }

  /// The exit of a client with a pinned intake: pinned, or the intake plus `intake_months` and
  /// `aftercare` when every step is done; nil when steps remain (still on the caseload).
  private static func exit(of client: Client, intake: Month, in scenario: Scenario) -> Month? {
    if let exit = client.pins.exit { return exit }
    guard let route = scenario.route(named: client.route) else { return nil }
    let open = route.steps.filter { !client.done.contains($0) }
    guard open.isEmpty else { return nil }
    return intake.adding(route.intakeMonths + route.aftercare)
  }
}

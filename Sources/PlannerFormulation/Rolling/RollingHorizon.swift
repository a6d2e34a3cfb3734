import PlannerDomain

/// Rolling re-planning: the state of a scenario as of a later month, with everything a
/// previous plan did before that month kept as history.
///
/// - Intakes before the as-of month stay, with the specialist the client already has.
/// - Cohort starts before the as-of month stay, with their members.
/// - Inflow groups that arrived before the as-of month become known clients, because they are
///   people now: `arrived-<month>-<route>-<n>`, numbered on from any such ids already there.
/// - Everything from the as-of month on is planned again; the horizon keeps its last month.
///
/// The caseload counts months from the new start only (MODEL.md), so on an annual basis the
/// clients seen earlier in the as-of month's calendar year no longer count toward its cap.
public enum RollingHorizon {
  public struct RollError: Error, CustomStringConvertible, Sendable {
    public let message: String
    public var description: String { message }
  }

  public static func scenario(_ scenario: Scenario, previous plan: Plan, asOf: Month) throws(RollError) -> Scenario {
    let end = scenario.start.adding(scenario.horizon)
    guard asOf > scenario.start else {
      throw RollError(message: "the as-of month \(asOf) must lie after the scenario's start \(scenario.start)")
    }
    guard asOf < end else {
      throw RollError(message: "the as-of month \(asOf) must lie before the end of the horizon (\(end))")
    }
    guard plan.scenarioName == scenario.name else {
      throw RollError(message: "the previous plan is of scenario '\(plan.scenarioName)', not '\(scenario.name)'")
    }
    var rolled = scenario
    rolled.start = asOf
    rolled.horizon = end.offset(from: asOf)
    var entriesByID: [String: PlannedClient] = [:]
    var entriesByGroup: [Int: [PlannedClient]] = [:]
    for entry in plan.clients {
      switch entry.reference {
      case .known(let id): entriesByID[id] = entry
      case .inflow(let index): entriesByGroup[index, default: []].append(entry)
      }
    }
    rolled.clients = scenario.clients.map { client in
      guard let entry = entriesByID[client.id] else { return client }
      var kept = client
      kept.pins = history(of: entry, pins: client.pins, asOf: asOf)
      return kept
    }
    var remainingInflow: [InflowGroup] = []
    var usedIDs = Set(rolled.clients.map(\.id))
    func newID(_ group: InflowGroup) -> String {
      var number = 1
      while usedIDs.contains("arrived-\(group.month)-\(group.route)-\(number)") { number += 1 }
      let id = "arrived-\(group.month)-\(group.route)-\(number)"
      usedIDs.insert(id)
      return id
    }
    for (index, group) in scenario.inflow.enumerated() {
      guard group.month < asOf else {
        remainingInflow.append(group)
        continue
      }
      var heads = 0
      for entry in entriesByGroup[index] ?? [] {
        for _ in 0..<entry.count where heads < group.count {
          heads += 1
          rolled.clients.append(
            Client(
              id: newID(group), available: group.month, route: group.route, profile: group.profile,
              languages: group.languages, pins: history(of: entry, pins: ClientPins(), asOf: asOf)))
        }
      }
      // Heads the previous plan did not list (it lists all when it passed the checker) still arrive.
      while heads < group.count {
        heads += 1
        rolled.clients.append(
          Client(
            id: newID(group), available: group.month, route: group.route, profile: group.profile,
            languages: group.languages))
      }
    }
    rolled.inflow = remainingInflow
    return rolled
  }

  /// The pins that freeze what happened before `asOf`; earlier pins are kept too.
  static func history(of entry: PlannedClient, pins: ClientPins, asOf: Month) -> ClientPins {
    var pins = pins
    guard let intake = entry.intake, intake < asOf else { return pins }
    pins.intake = intake
    pins.specialist = entry.specialist
    for step in entry.steps {
      if case .started(let programme, _, _, let start, _) = step.outcome, start < asOf {
        pins.steps[step.step] = StepPin(programme: programme, start: start)
      }
    }
    if let exit = entry.exit, exit < asOf { pins.exit = exit }
    return pins
  }

  /// Cohorts of the previous plan that start in or after the as-of month: their start dates
  /// have been announced to providers and clients.
  public static func announcedCohorts(_ plan: Plan, asOf: Month) -> [AnnouncedCohort] {
    var seen: Set<AnnouncedCohort> = []
    var announced: [AnnouncedCohort] = []
    for cohort in plan.cohorts where cohort.start >= asOf {
      let key = AnnouncedCohort(programme: cohort.programme, start: cohort.start)
      if seen.insert(key).inserted { announced.append(key) }
    }
    return announced
  }
}

/// A (programme, start month) that a previous plan announced.
public struct AnnouncedCohort: Hashable, Sendable {
  public var programme: String
  public var start: Month

  public init(programme: String, start: Month) {
    self.programme = programme
    self.start = start
  }
}

import Foundation
import PlanChecker
import PlannerDomain
import PlannerFormulation
import PlannerReporting
import ScenarioIO
import Testing

/// Small scenarios for the first-come-first-served tests, on a grid that starts in January 2024
/// (month 0 = 2024-01), and the checks every such plan must pass.
enum FCFSFixture {
  static let start = Month(year: 2024, month: 1)

  /// The calendar month of grid offset `offset`.
  static func month(_ offset: Int) -> Month { start.adding(offset) }

  /// One route `r` with one step `s` unless told otherwise; intake takes one month.
  static func scenario(
    horizon: Int = 12, start: Month = start, cap: Int = 10, basis: CaseloadBasis = .monthly,
    languageMatch: LanguageMatch = .none, routes: [Route] = [Route(name: "r", steps: ["s"])], programmes: [Programme],
    specialists: [Specialist] = [Specialist(id: "A")], clients: [Client], inflow: [InflowGroup] = []
  ) -> Scenario {
    Scenario(
      name: "fcfs-fixture", start: start, horizon: horizon,
      caseload: CaseloadPolicy(cap: ExactDecimal(cap), basis: basis), languageMatch: languageMatch, routes: routes,
      programmes: programmes, specialists: specialists, clients: clients, inflow: inflow)
  }

  /// A programme for step `s` lasting `months` months, starting every month unless told otherwise.
  static func programme(
    _ id: String, step: String = "s", months: Int = 1, starts: StartCalendar = .monthly, seats: Int = 10,
    minSize: Int = 1, groups: Int = 1
  ) -> Programme {
    Programme(
      id: id, provider: "provider-\(id)", step: step, duration: .months(months), starts: starts, seats: seats,
      minSize: minSize, groups: groups)
  }

  static func client(
    _ id: String, available offset: Int = 0, route: String = "r", languages: [String] = [],
    pins: ClientPins = ClientPins()
  ) -> Client {
    Client(id: id, available: month(offset), route: route, languages: languages, pins: pins)
  }

  /// Plans the scenario first come, first served and requires the plan to pass the independent
  /// checker, with the checker's waiting months equal to the plan's.
  static func plan(
    _ scenario: Scenario, sourceLocation: SourceLocation = #_sourceLocation
  ) -> Plan {
    let result = FirstComeFirstServedPlanner.plan(scenario)
    let plan = result.plan
    #expect(plan.status == .feasible, "\(result.explanations)", sourceLocation: sourceLocation)
    #expect(plan.strategy == "fcfs", sourceLocation: sourceLocation)
    let report = PlanChecker.check(planJSON: Data(PlanJSON.text(plan).utf8), scenario: scenario)
    #expect(report.violations.isEmpty, "\(report.violations.prefix(10))", sourceLocation: sourceLocation)
    #expect(report.recomputedWaitingMonths == plan.waitingMonths, sourceLocation: sourceLocation)
    return plan
  }

  /// The entry of known client `id`.
  static func entry(_ id: String, in plan: Plan) -> PlannedClient? {
    plan.clients.first { $0.reference == .known(id: id) }
  }

  /// (programme, start) of every started step of known client `id`, nil for a step not started.
  static func starts(_ id: String, in plan: Plan) -> [StepStart?] {
    (entry(id, in: plan)?.steps ?? []).map { step in
      guard case .started(let programme, _, _, let start, _) = step.outcome else { return nil }
      return StepStart(programme: programme, start: start)
    }
  }

  struct StepStart: Equatable, CustomStringConvertible {
    let programme: String
    let start: Month
    var description: String { "\(programme)@\(start)" }
  }

  /// 30,240 inflow heads over three years: 36 months × 3 routes × 4 language groups of 69–71,
  /// five programmes with minimum sizes and fixed calendars, 60 specialists on the annual basis.
  static func large() -> Scenario {
    let start = Month(year: 2024, month: 1)
    let languages: [[String]] = [["ar"], ["ti"], [], ["fa"]]
    var inflow: [InflowGroup] = []
    for month in 0..<36 {
      for (index, route) in ["b1", "z", "edu"].enumerated() {
        for (position, spoken) in languages.enumerated() {
          inflow.append(
            InflowGroup(
              month: start.adding(month - 2), count: 69 + (month + index + position) % 3, route: route,
              languages: spoken))
        }
      }
    }
    let programmes = [
      Programme(
        id: "a1", provider: "x", step: "a", duration: .weeks(12), seats: 15, minSize: 8, groups: 20),
      Programme(
        id: "a2", provider: "y", step: "a", routes: ["z"], duration: .months(4), starts: .months([1, 4, 7, 10]),
        seats: 12, minSize: 6, groups: 10),
      Programme(
        id: "b1", provider: "x", step: "b", duration: .months(5), starts: .months([3, 9]), seats: 12, minSize: 6,
        groups: 30),
      Programme(id: "b2", provider: "z", step: "b", duration: .months(3), seats: 10, minSize: 6, groups: 10),
      Programme(
        id: "c1", provider: "z", step: "c", duration: .weeks(40), starts: .months([2, 8]), seats: 20, minSize: 10,
        groups: 10),
    ]
    return Scenario(
      name: "fcfs-large", start: start, horizon: 36, caseload: CaseloadPolicy(cap: ExactDecimal(100), basis: .annual),
      languageMatch: .preferred,
      routes: [
        Route(name: "b1", steps: ["a", "b"]), Route(name: "z", steps: ["a"]),
        Route(name: "edu", steps: ["a", "b", "c"], aftercare: 2),
      ],
      programmes: programmes,
      specialists: (0..<60).map { Specialist(id: "S\($0)", languages: $0 % 3 == 0 ? ["ar", "nl"] : ["nl"]) },
      inflow: inflow)
  }

  static func loadBundled(_ file: String) throws -> Scenario {
    let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
      .deletingLastPathComponent()
    return try ScenarioLoader.load(path: root.appendingPathComponent("scenarios/\(file)").path).scenario
  }
}

import PlannerDomain
import PlannerReporting
import Testing

@testable import PlannerWhatIf

/// How teams grow and shrink, how targets read, and the first-year caseload sum.
@Suite struct StaffingRuleTests {
  static func team(_ ids: [String], pinnedTo pinned: [String] = []) -> Scenario {
    var scenario = Small.crowdedSpecialist()
    scenario.specialists = ids.enumerated().map { index, id in
      Specialist(id: id, fte: ExactDecimal(1), languages: index == ids.count - 1 ? ["ar", "nl"] : ["nl"])
    }
    scenario.clients = pinned.enumerated().map { index, id in
      Client(
        id: "P\(index)", available: Small.start.adding(-3), route: "r",
        pins: ClientPins(specialist: id, intake: Small.start.adding(-2)))
    }
    return scenario
  }

  /// Added specialists: 1.0 FTE, the last specialist's languages, ids continuing its number.
  @Test func addedSpecialistsCopyTheLastOnesLanguages() {
    let grown = TeamSize.adding(2, to: Self.team(["SP1", "SP4", "SP5"]))
    #expect(grown.specialists.map(\.id) == ["SP1", "SP4", "SP5", "SP6", "SP7"])
    #expect(grown.specialists.suffix(2).allSatisfy { $0.languages == ["ar", "nl"] && $0.fte == ExactDecimal(1) })
    #expect(grown.specialists.suffix(2).allSatisfy { $0.from == nil && $0.until == nil && $0.cap == nil })
    #expect(TeamSize.fte(of: grown) == ExactDecimal(5))
    let named = TeamSize.adding(2, to: Self.team(["anna", "SP2"].reversed()))
    #expect(named.specialists.map(\.id) == ["SP2", "anna", "extra-1", "extra-2"])
    let clash = TeamSize.adding(1, to: Self.team(["SP3", "SP2"]))
    #expect(clash.specialists.last?.id == "SP4")
  }

  /// Removal takes the last specialists without pinned clients; pinned clients keep theirs.
  @Test func pinnedClientsKeepTheirSpecialists() throws {
    let scenario = Self.team(["A", "B", "C", "D"], pinnedTo: ["B", "D"])
    #expect(TeamSize.removableSpecialists(in: scenario) == ["A", "C"])
    #expect(TeamSize.removing(1, from: scenario)?.specialists.map(\.id) == ["A", "B", "D"])
    #expect(TeamSize.removing(2, from: scenario)?.specialists.map(\.id) == ["B", "D"])
    #expect(TeamSize.removing(3, from: scenario) == nil)
  }

  /// The grid over 1…6 FTE of a team of 4 with 2 pinned: 2 and 3 FTE by removal, 4 as is,
  /// 5 and 6 by adding; 1 FTE is out of reach.
  @Test func gridStepsByWholeSpecialists() {
    let scenario = Self.team(["A", "B", "C", "D"], pinnedTo: ["B", "D"])
    let (teams, unreachable) = StaffingAnalysis.teams(of: scenario, range: ExactDecimal(1)...ExactDecimal(6))
    #expect(teams.map(\.team.fte) == (2...6).map { ExactDecimal($0) })
    #expect(teams.map(\.team.removed) == [["A", "C"], ["C"], [], [], []])
    #expect(teams.map(\.team.added) == [[], [], [], ["extra-1"], ["extra-1", "extra-2"]])
    #expect(unreachable == [ExactDecimal(1)])
  }

  @Test(arguments: [
    ("mean-wait<=1", ServiceTarget.Measure.meanWait, 1.0),
    ("mean-wait <= 0.5", .meanWait, 0.5),
    ("max-wait<=3", .maxWait, 3),
    ("p90-wait<=2", .p90Wait, 2),
    ("waiting-months<=100", .waitingMonths, 100),
    ("late-intakes<=5", .lateIntakes, 5),
    ("no-late-intakes", .lateIntakes, 0),
    ("all-intakes", .clientsWithoutIntake, 0),
  ])
  func targetsRead(text: String, measure: ServiceTarget.Measure, limit: Double) throws {
    let target = try ServiceTarget(parsing: text)
    #expect(target.measure == measure)
    #expect(target.limit == limit)
  }

  @Test(arguments: ["mean-wait", "speed<=1", "max-wait<=1.5", "mean-wait<=-1", "max-wait<=x"])
  func badTargetsAreRefused(text: String) {
    #expect(throws: ServiceTargetError.self) { try ServiceTarget(parsing: text) }
  }

  /// Carried over: C1 and C2, whose pinned exits lie after the start; not C3 (no steps, so its
  /// exit is its intake plus 2 months, before the start) nor `gone` (exit before the start).
  /// New in 2025: N1 (available before the start), N2 and 5 inflow; not `later` nor the 2026
  /// inflow. Slots at cap 4 for 2 specialists, one available from July: 4 + ⌊4 × 6 / 12⌋ = 6.
  @Test func firstYearArithmetic() {
    let start = Month(year: 2025, month: 3)
    var scenario = Small.crowdedSpecialist()
    scenario.start = start
    scenario.horizon = 18
    scenario.caseload = CaseloadPolicy(cap: ExactDecimal(4), basis: .annual)
    let history = ClientPins(specialist: "S1", intake: Month(year: 2024, month: 6))
    scenario.clients = [
      Client(id: "C1", available: Month(year: 2024, month: 5), route: "r", pins: history),
      Client(id: "C2", available: Month(year: 2024, month: 5), route: "r", pins: history),
      Client(id: "C3", available: Month(year: 2024, month: 1), route: "r", pins: history),
      Client(
        id: "gone", available: Month(year: 2024, month: 1), route: "r",
        pins: ClientPins(specialist: "S1", intake: Month(year: 2024, month: 2), exit: Month(year: 2025, month: 1))),
      Client(id: "N1", available: Month(year: 2024, month: 12), route: "r"),
      Client(id: "N2", available: Month(year: 2025, month: 12), route: "r"),
      Client(id: "later", available: Month(year: 2026, month: 1), route: "r"),
    ]
    scenario.clients[0].pins.exit = Month(year: 2025, month: 4)
    scenario.clients[1].pins.exit = Month(year: 2025, month: 10)
    scenario.inflow = [
      InflowGroup(month: Month(year: 2025, month: 5), count: 5, route: "r"),
      InflowGroup(month: Month(year: 2026, month: 2), count: 4, route: "r"),
    ]
    scenario.specialists = [
      Specialist(id: "S1"), Specialist(id: "S2", from: Month(year: 2025, month: 7)),
    ]
    let arithmetic = CaseloadArithmetic(scenario)
    #expect(arithmetic.year == 2025)
    #expect(arithmetic.carriedOver == 2)
    #expect(arithmetic.new == 7)
    #expect(arithmetic.slots(scenario) == 6)
  }
}

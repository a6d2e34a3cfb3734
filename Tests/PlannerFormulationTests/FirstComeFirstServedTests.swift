import Foundation
import GLPK
import PlanChecker
import PlannerDomain
import PlannerFormulation
import PlannerReporting
import Testing

/// The first-come-first-served baseline on scenarios small enough to plan by hand. Every plan
/// also passes the independent checker (``FCFSFixture/plan(_:sourceLocation:)``). Months are
/// grid offsets from 2024-01 unless written out.
@Suite struct FirstComeFirstServedTests {
  typealias Start = FCFSFixture.StepStart

  private func month(_ offset: Int) -> Month { FCFSFixture.month(offset) }

  // MARK: Seats

  @Test func secondClientWaitsForTheOnlySeat() {
    // One seat a month. C1 and C2 are available in January, take their intake then and are
    // ready in February. C1 comes first and takes February's seat; C2 starts in March: 1 month.
    let scenario = FCFSFixture.scenario(
      programmes: [FCFSFixture.programme("P", seats: 1)],
      clients: [FCFSFixture.client("C1"), FCFSFixture.client("C2")])
    let plan = FCFSFixture.plan(scenario)
    #expect(FCFSFixture.starts("C1", in: plan) == [Start(programme: "P", start: month(1))])
    #expect(FCFSFixture.starts("C2", in: plan) == [Start(programme: "P", start: month(2))])
    #expect(plan.waitingMonths == 1)
  }

  @Test func earliestMonthWinsThenProgrammeOrder() {
    // P1 starts in February and April, P2 every month, one seat each; all three are ready in
    // February. C1 takes P1 (listed first) in February, C2 P2 in February; for C3 P2 in March
    // comes before P1 in April. Waits 0 + 0 + 1.
    let scenario = FCFSFixture.scenario(
      programmes: [
        FCFSFixture.programme("P1", starts: .months([2, 4]), seats: 1), FCFSFixture.programme("P2", seats: 1),
      ],
      clients: [FCFSFixture.client("C1"), FCFSFixture.client("C2"), FCFSFixture.client("C3")])
    let plan = FCFSFixture.plan(scenario)
    #expect(FCFSFixture.starts("C1", in: plan) == [Start(programme: "P1", start: month(1))])
    #expect(FCFSFixture.starts("C2", in: plan) == [Start(programme: "P2", start: month(1))])
    #expect(FCFSFixture.starts("C3", in: plan) == [Start(programme: "P2", start: month(2))])
    #expect(plan.waitingMonths == 1)
  }

  @Test func stepWithoutSeatInTheHorizonStaysUnstarted() {
    // Route r2 = [s, t]. P (step s) has one seat and starts only in February; Q (step t) every
    // month. C1 starts P in February and Q in March (exit April). C2 is ready for s in February
    // and finds no seat before the horizon ends: s is unstarted, 12 − 1 = 11 months, and t
    // follows unstarted without a ready month. C2 stays on the caseload, so its exit is null.
    let scenario = FCFSFixture.scenario(
      routes: [Route(name: "r2", steps: ["s", "t"])],
      programmes: [
        FCFSFixture.programme("P", starts: .months([2]), seats: 1), FCFSFixture.programme("Q", step: "t"),
      ],
      clients: [FCFSFixture.client("C1", route: "r2"), FCFSFixture.client("C2", route: "r2")])
    let plan = FCFSFixture.plan(scenario)
    #expect(
      FCFSFixture.starts("C1", in: plan) == [
        Start(programme: "P", start: month(1)), Start(programme: "Q", start: month(2)),
      ])
    #expect(FCFSFixture.entry("C1", in: plan)?.exit == month(3))
    let second = FCFSFixture.entry("C2", in: plan)
    #expect(second?.steps.map(\.outcome) == [.unstarted(ready: month(1), wait: 11), .unstarted(ready: nil, wait: 0)])
    #expect(second?.intake == month(0))
    #expect(second?.exit == nil)
    #expect(plan.waitingMonths == 11)
  }

  // MARK: Order

  @Test func headsGoInOrderOfAvailability() {
    // Both are ready in March (offset 2) for the one seat: C1 (listed first) is available in
    // February with a one-month intake, C2 in January with a two-month intake. C2 became
    // available first, so it takes March; C1 starts in April: 1 month.
    let scenario = FCFSFixture.scenario(
      routes: [Route(name: "r1", steps: ["s"]), Route(name: "r2", steps: ["s"], intakeMonths: 2)],
      programmes: [FCFSFixture.programme("P", seats: 1)],
      clients: [FCFSFixture.client("C1", available: 1, route: "r1"), FCFSFixture.client("C2", route: "r2")])
    let plan = FCFSFixture.plan(scenario)
    #expect(FCFSFixture.starts("C2", in: plan) == [Start(programme: "P", start: month(2))])
    #expect(FCFSFixture.starts("C1", in: plan) == [Start(programme: "P", start: month(3))])
    #expect(plan.waitingMonths == 1)
  }

  @Test func inflowFollowsKnownClientsOfTheSameMonth() {
    // One seat a month; everyone is available in January and ready in February. Known clients
    // first, in scenario order: K1 February, K2 March (1); then the two inflow heads April (2)
    // and May (3). Total 6, the inflow group split into two entries of one head each.
    let scenario = FCFSFixture.scenario(
      programmes: [FCFSFixture.programme("P", seats: 1)],
      clients: [FCFSFixture.client("K1"), FCFSFixture.client("K2")],
      inflow: [InflowGroup(month: month(0), count: 2, route: "r")])
    let plan = FCFSFixture.plan(scenario)
    #expect(FCFSFixture.starts("K1", in: plan) == [Start(programme: "P", start: month(1))])
    #expect(FCFSFixture.starts("K2", in: plan) == [Start(programme: "P", start: month(2))])
    let inflow = plan.clients.filter { $0.reference == .inflow(index: 0) }
    #expect(inflow.map(\.count) == [1, 1])
    #expect(inflow.map(\.wait).sorted() == [2, 3])
    #expect(plan.waitingMonths == 6)
  }

  // MARK: Caseload

  @Test func fullSpecialistDelaysTheIntake() {
    // Monthly cap 1 and a two-month programme. C1: intake January, P February–March, exit
    // April, so on the caseload January–March. C2 fits only from April: intake April, P in
    // May, exit July. Intake wait 3.
    let scenario = FCFSFixture.scenario(
      cap: 1, programmes: [FCFSFixture.programme("P", months: 2)],
      clients: [FCFSFixture.client("C1"), FCFSFixture.client("C2")])
    let plan = FCFSFixture.plan(scenario)
    let second = FCFSFixture.entry("C2", in: plan)
    #expect(second?.intake == month(3))
    #expect(second?.exit == month(6))
    #expect(FCFSFixture.starts("C2", in: plan) == [Start(programme: "P", start: month(4))])
    #expect(plan.waitingMonths == 3)
  }

  @Test func leastLoadedSpecialistTakesTheClient() {
    // Everyone is on the caseload January–February (intake January, P in February, exit March).
    // C1: A and B have 0 in January, A comes first. C2: A has 1, B 0 → B. C3: 1 and 1 → A.
    // C4 (available March): both have 0 in March → A, although A has more clients in all.
    let scenario = FCFSFixture.scenario(
      programmes: [FCFSFixture.programme("P")], specialists: [Specialist(id: "A"), Specialist(id: "B")],
      clients: [
        FCFSFixture.client("C1"), FCFSFixture.client("C2"), FCFSFixture.client("C3"),
        FCFSFixture.client("C4", available: 2),
      ])
    let plan = FCFSFixture.plan(scenario)
    let specialists = ["C1", "C2", "C3", "C4"].map { FCFSFixture.entry($0, in: plan)?.specialist }
    #expect(specialists == ["A", "B", "A", "A"])
    #expect(plan.waitingMonths == 0)
  }

  @Test(arguments: [(CaseloadBasis.annual, 2), (CaseloadBasis.monthly, 1)])
  func capCountsOnTheScenarioBasis(basis: CaseloadBasis, thirdIntake: Int) {
    // Start November 2024, cap 2. C1 (route quick, no steps) is on the caseload in November
    // only; C2 (route r: P in December, exit January) in November and December. C3, available
    // in December, needs December and January. Monthly: December has 1 client (C2), January 0,
    // so C3 takes December. Annual: 2024 already counts 2 distinct clients, so C3 waits for
    // January 2025 (offset 2) and its 2025 caseload: 1 month.
    let start = Month(year: 2024, month: 11)
    let scenario = FCFSFixture.scenario(
      horizon: 4, start: start, cap: 2, basis: basis,
      routes: [Route(name: "r", steps: ["s"]), Route(name: "quick", steps: [])],
      programmes: [FCFSFixture.programme("P")],
      clients: [
        Client(id: "C1", available: start, route: "quick"), Client(id: "C2", available: start, route: "r"),
        Client(id: "C3", available: start.adding(1), route: "r"),
      ])
    let plan = FCFSFixture.plan(scenario)
    #expect(FCFSFixture.entry("C3", in: plan)?.intake == start.adding(thirdIntake))
    #expect(plan.waitingMonths == thirdIntake - 1)
  }

  @Test func specialistWindowIsRespected() {
    // A is available until March (offset 2), B always. C1 (P lasts three months: February–April,
    // exit May) would count January–April, past A's last month, so it goes to B although A
    // comes first. C0 (no steps) counts only January, when A has 0 clients and B 1 → A.
    let scenario = FCFSFixture.scenario(
      routes: [Route(name: "r", steps: ["s"]), Route(name: "quick", steps: [])],
      programmes: [FCFSFixture.programme("P", months: 3)],
      specialists: [Specialist(id: "A", until: month(2)), Specialist(id: "B")],
      clients: [FCFSFixture.client("C1"), FCFSFixture.client("C0", route: "quick")])
    let plan = FCFSFixture.plan(scenario)
    #expect(FCFSFixture.entry("C1", in: plan)?.specialist == "B")
    #expect(FCFSFixture.entry("C0", in: plan)?.specialist == "A")
  }

  @Test(arguments: [(LanguageMatch.required, "B"), (.preferred, "A"), (.none, "A")])
  func requiredLanguageLimitsTheSpecialists(match: LanguageMatch, expected: String) {
    // A speaks Dutch, B Arabic; the client speaks Arabic. Both have 0 clients, so A comes first
    // unless the language is required.
    let scenario = FCFSFixture.scenario(
      languageMatch: match, programmes: [FCFSFixture.programme("P")],
      specialists: [Specialist(id: "A", languages: ["nl"]), Specialist(id: "B", languages: ["ar"])],
      clients: [FCFSFixture.client("C1", languages: ["ar"])])
    let plan = FCFSFixture.plan(scenario)
    #expect(FCFSFixture.entry("C1", in: plan)?.specialist == expected)
  }

  // MARK: Minimum sizes

  @Test func undersizedCohortClosesAndTheClientWaitsForCompany() {
    // Minimum 2. Pass 1: C1 (ready February) alone in February, C2 (available March, ready
    // April) alone in April. The earliest short slot, February, closes. Pass 2: C1 alone in
    // March → March closes. Pass 3: both start in April. C1 waits 2 months, C2 none.
    let scenario = FCFSFixture.scenario(
      programmes: [FCFSFixture.programme("P", minSize: 2)],
      clients: [FCFSFixture.client("C1"), FCFSFixture.client("C2", available: 2)])
    let plan = FCFSFixture.plan(scenario)
    #expect(FCFSFixture.starts("C1", in: plan) == [Start(programme: "P", start: month(3))])
    #expect(FCFSFixture.starts("C2", in: plan) == [Start(programme: "P", start: month(3))])
    #expect(plan.cohorts.map(\.size) == [2])
    #expect(plan.waitingMonths == 2)
  }

  @Test func loneClientStaysUnstartedWithoutCompany() {
    // Minimum 2 and a single client, ready in February: every slot closes in turn, so the step
    // stays unstarted, 6 − 1 = 5 months, and the plan says why.
    let scenario = FCFSFixture.scenario(
      horizon: 6, programmes: [FCFSFixture.programme("P", minSize: 2)], clients: [FCFSFixture.client("C1")])
    let result = FirstComeFirstServedPlanner.plan(scenario)
    let plan = FCFSFixture.plan(scenario)
    #expect(FCFSFixture.entry("C1", in: plan)?.steps.map(\.outcome) == [.unstarted(ready: month(1), wait: 5)])
    #expect(plan.cohorts.isEmpty)
    #expect(plan.waitingMonths == 5)
    #expect(result.explanations.contains { $0.contains("ready for s") })
  }

  @Test func sizeBetweenTwoSplitsGivesUpItsLastSeat() {
    // 10 seats, minimum 6, 2 groups: 11 starters fit the seats but cannot be split (one cohort
    // holds at most 10, two need at least 12). The slot keeps 10 seats; the eleventh head is
    // then alone in March and in April, both close, and its step stays unstarted: 4 − 1 = 3.
    let scenario = FCFSFixture.scenario(
      horizon: 4, cap: 20, programmes: [FCFSFixture.programme("P", seats: 10, minSize: 6, groups: 2)], clients: [],
      inflow: [InflowGroup(month: month(0), count: 11, route: "r")])
    let plan = FCFSFixture.plan(scenario)
    #expect(plan.cohorts.map(\.start) == [month(1)])
    #expect(plan.cohorts.map(\.group) == [1])
    #expect(plan.cohorts.map(\.size) == [10])
    #expect(plan.clients.map(\.count).sorted() == [1, 10])
    #expect(plan.waitingMonths == 3)
  }

  // MARK: Pins

  @Test func pinnedClientKeepsItsSeatAndSpecialist() {
    // One seat a month. C2 (listed second) is pinned to B and to P in February, so it is booked
    // first; C1 is ready in February too and starts in March (1 month), with A, who has fewer
    // clients in January than B.
    let pins = ClientPins(specialist: "B", steps: ["s": StepPin(programme: "P", start: month(1))])
    let scenario = FCFSFixture.scenario(
      programmes: [FCFSFixture.programme("P", seats: 1)], specialists: [Specialist(id: "A"), Specialist(id: "B")],
      clients: [FCFSFixture.client("C1"), FCFSFixture.client("C2", pins: pins)])
    let plan = FCFSFixture.plan(scenario)
    #expect(FCFSFixture.entry("C2", in: plan)?.specialist == "B")
    #expect(FCFSFixture.entry("C2", in: plan)?.intake == month(0))
    #expect(FCFSFixture.starts("C2", in: plan) == [Start(programme: "P", start: month(1))])
    #expect(FCFSFixture.entry("C1", in: plan)?.specialist == "A")
    #expect(FCFSFixture.starts("C1", in: plan) == [Start(programme: "P", start: month(2))])
    #expect(plan.waitingMonths == 1)
  }

  @Test func historyPinsCountAsGiven() {
    // C1's intake (November 2023) and its step s (December 2023, two months, so ready for t in
    // February 2024) are history; it gets a specialist from the plan and starts t in February.
    // Cap 1: C2 must wait until C1 leaves after t (March), so its intake is April: 3 months.
    let pins = ClientPins(intake: month(-2), steps: ["s": StepPin(programme: "P", start: month(-1))])
    let scenario = FCFSFixture.scenario(
      cap: 1, routes: [Route(name: "r2", steps: ["s", "t"])],
      programmes: [FCFSFixture.programme("P", months: 2), FCFSFixture.programme("Q", step: "t", months: 2)],
      clients: [
        FCFSFixture.client("C2", route: "r2"), FCFSFixture.client("C1", available: -3, route: "r2", pins: pins),
      ])
    let plan = FCFSFixture.plan(scenario)
    let first = FCFSFixture.entry("C1", in: plan)
    #expect(first?.specialist == "A")
    #expect(
      FCFSFixture.starts("C1", in: plan) == [
        Start(programme: "P", start: month(-1)), Start(programme: "Q", start: month(1)),
      ])
    #expect(first?.exit == month(3))
    #expect(FCFSFixture.entry("C2", in: plan)?.intake == month(3))
    #expect(plan.waitingMonths == 3)
  }

  @Test func pinnedSeatsAreHeldBeforeAnyoneChooses() {
    // One seat a month. C1 (only its January intake pinned) is booked before C2 (pinned to P in
    // February), yet February's seat is C2's from the outset: C1 starts in March, 1 month.
    let scenario = FCFSFixture.scenario(
      programmes: [FCFSFixture.programme("P", seats: 1)],
      clients: [
        FCFSFixture.client("C1", pins: ClientPins(intake: month(0))),
        FCFSFixture.client("C2", pins: ClientPins(steps: ["s": StepPin(programme: "P", start: month(1))])),
      ])
    let plan = FCFSFixture.plan(scenario)
    #expect(FCFSFixture.starts("C1", in: plan) == [Start(programme: "P", start: month(2))])
    #expect(FCFSFixture.starts("C2", in: plan) == [Start(programme: "P", start: month(1))])
    #expect(plan.waitingMonths == 1)
  }

  @Test func clientsWithAPinnedSpecialistAreBookedFirst() {
    // Monthly cap 1; route quick has no steps, so each client counts in its intake month only.
    // C1 (pinned intake, no specialist) is listed before C2 (pinned to A, same month). Were C1
    // booked first it would take A (tie, A first) and leave C2 nowhere; C2 goes first, C1 gets B.
    let scenario = FCFSFixture.scenario(
      cap: 1, routes: [Route(name: "quick", steps: [])], programmes: [],
      specialists: [Specialist(id: "A"), Specialist(id: "B")],
      clients: [
        FCFSFixture.client("C1", route: "quick", pins: ClientPins(intake: month(0))),
        FCFSFixture.client("C2", route: "quick", pins: ClientPins(specialist: "A", intake: month(0))),
      ])
    let plan = FCFSFixture.plan(scenario)
    #expect(FCFSFixture.entry("C1", in: plan)?.specialist == "B")
    #expect(FCFSFixture.entry("C2", in: plan)?.specialist == "A")
  }

  @Test func pinnedClassTakesTheClientsOfAnEarlierClass() {
    // Minimum 2, 4 seats. C4 is pinned to P in April (offset 3) and booked first. C1–C3 are
    // ready in February and start together there (3 clients: fine), leaving C4 alone in April,
    // which no pass can fix by closing April. So the latest earlier class with unpinned clients
    // closes: February, then March; then C1–C3 join C4 in April. Everyone is ready in February,
    // so all four wait 2 months: 8 (by hand one would do better, 4: C1 and C2 in February, C3
    // with C4).
    let pins = ClientPins(steps: ["s": StepPin(programme: "P", start: month(3))])
    let scenario = FCFSFixture.scenario(
      programmes: [FCFSFixture.programme("P", seats: 4, minSize: 2)],
      clients: [
        FCFSFixture.client("C1"), FCFSFixture.client("C2"), FCFSFixture.client("C3"),
        FCFSFixture.client("C4", pins: pins),
      ])
    let plan = FCFSFixture.plan(scenario)
    for id in ["C1", "C2", "C3", "C4"] {
      #expect(FCFSFixture.starts(id, in: plan) == [Start(programme: "P", start: month(3))], "\(id)")
    }
    #expect(plan.cohorts.map(\.size) == [4])
    #expect(plan.waitingMonths == 8)
  }

  @Test func conflictingPinsMakeThePlanInfeasible() {
    // Two clients pinned to the one seat of P in February cannot both hold.
    let pins = ClientPins(steps: ["s": StepPin(programme: "P", start: month(1))])
    let scenario = FCFSFixture.scenario(
      programmes: [FCFSFixture.programme("P", seats: 1)],
      clients: [FCFSFixture.client("C1", pins: pins), FCFSFixture.client("C2", pins: pins)])
    let result = FirstComeFirstServedPlanner.plan(scenario)
    #expect(result.plan.status == .infeasible)
    #expect(result.plan.clients.isEmpty)
    #expect(result.explanations.contains { $0.contains("P") && $0.contains("2024-02") })
  }

  // MARK: Bundled scenarios

  @Test(arguments: ["tutorial.yaml", "meerinzicht.yaml", "eindhoven-2020.yaml"])
  func bundledPlanPassesTheChecker(file: String) throws {
    let scenario = try FCFSFixture.loadBundled(file)
    let result = FirstComeFirstServedPlanner.plan(scenario)
    #expect(result.plan.status == .feasible, "\(result.explanations)")
    #expect(result.statistics.solver == "fcfs")
    let report = PlanChecker.check(planJSON: Data(PlanJSON.text(result.plan).utf8), scenario: scenario)
    #expect(report.checkedSchedule)
    #expect(report.violations.isEmpty, "\(report.violations.prefix(10))")
    #expect(report.recomputedWaitingMonths == result.plan.waitingMonths)
  }

  @Test func optimiserNeverWaitsLongerThanTheBaseline() throws {
    let scenario = try FCFSFixture.loadBundled("tutorial.yaml")
    let baseline = FirstComeFirstServedPlanner.plan(scenario).plan
    let optimal = try OptimalPlanner.plan(scenario, solver: GLPKSolver(), options: PlanningOptions(timeLimit: 60)).plan
    #expect(optimal.status == .optimal)
    #expect(optimal.waitingMonths <= baseline.waitingMonths)
  }

  @Test func thirtyThousandHeadsTakeSeconds() {
    // No scan over other heads: a quadratic pass over 30,240 heads would take minutes. The bound
    // is loose (a debug build on a busy machine); a release build plans this in well under a second.
    let scenario = FCFSFixture.large()
    let result = FirstComeFirstServedPlanner.plan(scenario)
    #expect(result.plan.status == .feasible)
    #expect(result.plan.clients.reduce(0) { $0 + $1.count } == 30_240)
    #expect(result.statistics.solveSeconds < 60)
  }

  @Test func samePlanEveryTime() throws {
    let scenario = try FCFSFixture.loadBundled("meerinzicht.yaml")
    #expect(FirstComeFirstServedPlanner.plan(scenario).plan == FirstComeFirstServedPlanner.plan(scenario).plan)
  }
}

import Foundation
import GLPK
import PlanChecker
import PlannerDomain
import PlannerFormulation
import PlannerReporting
import Testing

/// Scenarios whose optimum is derived by hand in each test.
@Suite struct HandDerivedOptimumTests {
  /// A (available month 0) and B (month 1), intake 1 month, a 1-month course with minimum 2.
  /// A is ready in month 1, alone: no cohort can open. Waiting one month for B (ready in 2)
  /// costs 1; leaving A unstarted would cost 6 − 1 = 5. Optimum: both start in month 2, 1 month.
  @Test func waitingForTheMinimumBeatsOpeningNone() throws {
    let plan = try planChecked(
      Tiny.scenario(
        programmes: [Tiny.course(minSize: 2)],
        clients: [Tiny.client("A", available: 0), Tiny.client("B", available: 1)]))
    #expect(plan.status == .optimal)
    #expect(plan.waitingMonths == 1)
    #expect(plan.cohorts.map(\.size) == [2])
    #expect(plan.cohorts.first?.start == Tiny.month(2))
  }

  /// Cap 1 per month and no steps: a client is on the caseload from intake for intake_months 2.
  /// A takes months 0–1, B can start only in month 2: B waits 2 months. Optimum 2.
  @Test func aFullSpecialistDelaysAnIntake() throws {
    let plan = try planChecked(
      Tiny.scenario(
        cap: 1, route: Route(name: "r", steps: [], intakeMonths: 2), programmes: [],
        clients: [Tiny.client("A", available: 0), Tiny.client("B", available: 0)]))
    #expect(plan.waitingMonths == 2)
    #expect(Set([plan.entry("A")?.intake, plan.entry("B")?.intake]) == [Tiny.month(0), Tiny.month(2)])
  }

  /// Three clients available November 2025, one month on the caseload each, cap 2.
  /// Monthly basis: two in November, the third in December: 1 waiting month.
  /// Annual basis: 2025 admits only 2 distinct clients, so the third waits for January: 2.
  @Test(arguments: [(CaseloadBasis.monthly, 1), (.annual, 2)])
  func caseloadBasisBinds(basis: CaseloadBasis, expected: Int) throws {
    let november = Month(year: 2025, month: 11)
    let clients = ["A", "B", "C"].map { Client(id: $0, available: november, route: "r") }
    let plan = try planChecked(
      Tiny.scenario(
        start: november, cap: 2, basis: basis, route: Route(name: "r", steps: [], intakeMonths: 1), programmes: [],
        clients: clients))
    #expect(plan.waitingMonths == expected)
  }

  /// Ready in February (intake in January), the course starts only in April: 2 months' wait.
  @Test func startCalendarMakesAClientWait() throws {
    let plan = try planChecked(
      Tiny.scenario(programmes: [Tiny.course(starts: .months([4]))], clients: [Tiny.client("A", available: 0)]))
    #expect(plan.waitingMonths == 2)
    guard case .started(_, _, let ready, let start, let wait) = plan.entry("A")?.steps.first?.outcome else {
      Issue.record("the course should start")
      return
    }
    #expect(ready == Tiny.month(1))
    #expect(start == Tiny.month(3))
    #expect(wait == 2)
  }

  /// Required language match and nobody speaking Tigrinya: no intake inside the 6 months, which
  /// costs 6 − 0 = 6; the course is never ready, so it adds nothing.
  @Test func requiredLanguageWithoutSpeakerLeavesTheClientWithoutIntake() throws {
    let plan = try planChecked(
      Tiny.scenario(
        match: .required, specialists: [Specialist(id: "s1", languages: ["ar"])],
        clients: [Tiny.client("A", available: 0, languages: ["ti"])]))
    #expect(plan.waitingMonths == 6)
    #expect(plan.entry("A")?.intake == nil)
  }

  /// An intake pinned to month 2 holds even though a specialist is free earlier: 2 months' wait.
  @Test func pinnedIntakeHoldsAndCosts() throws {
    let plan = try planChecked(
      Tiny.scenario(clients: [Tiny.client("A", available: 0, pins: ClientPins(intake: Tiny.month(2)))]))
    #expect(plan.entry("A")?.intake == Tiny.month(2))
    #expect(plan.waitingMonths == 2)
  }

  /// Inflow of 25 identical clients in month 0 and a course of 10 seats, 2 groups, monthly,
  /// no minimum: 20 start in month 1, 5 in month 2. Waits: 5 × 1 = 5.
  @Test func seatsAndGroupsSpreadAnInflowGroup() throws {
    let plan = try planChecked(
      Tiny.scenario(
        programmes: [Tiny.course(seats: 10, groups: 2)],
        inflow: [InflowGroup(month: Tiny.month(0), count: 25, route: "r")]))
    #expect(plan.waitingMonths == 5)
    #expect(plan.cohorts.count == 3)
    #expect(plan.clients.reduce(0) { $0 + $1.count } == 25)
  }

  /// A 12-month course ready in month 1 of a 6-month horizon: the next step lies beyond the
  /// horizon, costs nothing, and the exit stays open.
  @Test func stepsBeyondTheHorizonCostNothing() throws {
    let plan = try planChecked(
      Tiny.scenario(
        route: Route(name: "r", steps: ["course", "work"]),
        programmes: [
          Tiny.course(months: 12),
          Programme(id: "job", provider: "employer", step: "work", duration: .months(1), seats: 5),
        ], clients: [Tiny.client("A", available: 0)]))
    #expect(plan.waitingMonths == 0)
    #expect(plan.entry("A")?.exit == nil)
    #expect(plan.entry("A")?.steps.last?.outcome == .beyondHorizon(ready: Tiny.month(13)))
  }

  /// Contradicting pins make the scenario infeasible, and the plan says which pin.
  @Test func contradictingPinsAreReportedAsInfeasible() throws {
    let pins = ClientPins(intake: Tiny.month(3), steps: ["course": StepPin(programme: "course", start: Tiny.month(2))])
    let result = try OptimalPlanner.plan(
      Tiny.scenario(clients: [Tiny.client("A", available: 0, pins: pins)]), solver: GLPKSolver())
    #expect(!result.hasPlan)
    #expect(result.plan.status == .infeasible)
    #expect(result.explanations.contains { $0.contains("pinned") })
  }
}

/// Ids from spreadsheets hold spaces, brackets and other scripts; the model names stay valid.
@Suite struct ModelNameTests {
  @Test func idsWithSpacesAndOtherScriptsStillPlan() throws {
    let programme = Programme(
      id: "Taal klas [A] — تعلم", provider: "School <Noord> & Zn", step: "taal les", duration: .months(1), seats: 5)
    let plan = try planChecked(
      Tiny.scenario(
        route: Route(name: "r", steps: ["taal les"]), programmes: [programme],
        specialists: [Specialist(id: "Anna de Vries")],
        clients: [Tiny.client("A", available: 0, pins: ClientPins(specialist: "Anna de Vries"))]))
    #expect(plan.waitingMonths == 0)
    #expect(plan.cohorts.first?.programme == "Taal klas [A] — تعلم")
  }
}

/// A redacted report shows no client or specialist id, and the redacted plan stays consistent.
@Suite struct RedactionTests {
  @Test func redactionReplacesEveryIdConsistently() throws {
    let scenario = try loadBundled("tutorial.yaml")
    let plan = try planChecked(scenario)
    let (redactedPlan, redactedScenario) = Redaction.redact(plan, scenario: scenario)
    let text = PlanJSON.text(redactedPlan)
    for client in scenario.clients { #expect(!text.contains("\"\(client.id)\"")) }
    for specialist in scenario.specialists { #expect(!text.contains("\"\(specialist.id)\"")) }
    let report = PlanChecker.check(planJSON: Data(text.utf8), scenario: redactedScenario)
    #expect(report.violations.isEmpty, "\(report.violations.prefix(3))")
  }
}

/// A pinned exit at or before the intake keeps the client off every caseload month (MODEL.md
/// counts i ≤ m < exit), so it takes nobody's place: with cap 1, B still starts at once.
@Suite struct PinnedExitTests {
  @Test func exitPinnedBeforeTheIntakeTakesNoCapacity() throws {
    let plan = try planChecked(
      Tiny.scenario(
        cap: 1, route: Route(name: "r", steps: [], intakeMonths: 2), programmes: [],
        clients: [
          Tiny.client("A", available: 2, pins: ClientPins(exit: Tiny.month(1))), Tiny.client("B", available: 2),
        ]))
    #expect(plan.waitingMonths == 0)
  }
}

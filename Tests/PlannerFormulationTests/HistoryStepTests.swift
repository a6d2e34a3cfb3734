import GLPK
import PlannerDomain
import PlannerFormulation
import Testing

/// Steps that started before the plan (history pins) on clients whose intake the plan decides.
/// MODEL.md, "Fine points": pinned starts before month 0 have no ready check.
@Suite struct HistoryStepTests {
  /// A class that started two months before the plan, for a client without a pinned intake: the
  /// intake (at month 0 at the earliest) comes after that start, which MODEL.md allows.
  @Test func aHistoryStartNeedsNoIntakeBeforeIt() throws {
    let pins = ClientPins(steps: ["course": StepPin(programme: "course", start: Tiny.month(-2))])
    let scenario = Tiny.scenario(clients: [Tiny.client("h", available: -3, pins: pins)])
    let plan = try planChecked(scenario)
    #expect(plan.entry("h")?.intake == Tiny.month(0))
    #expect(plan.waitingMonths == 0)
  }

  /// Cap 1; a, b and c have every step done and stay 2 months each (intake 1 + aftercare 1), so
  /// one after the other they wait 0 + 2 + 4 = 6. h's course ran from month −4 to −1, so h leaves
  /// in month 0 (−1 + aftercare 1) and counts on no caseload whenever the intake comes. Counting
  /// h's later intake and earlier exit would free a place from month 0 to the intake (h in 2,
  /// a and b together in 0, c in 2: 4), a plan the checker rejects.
  @Test func anIntakeAfterTheHistoryExitFreesNoPlace() throws {
    let pins = ClientPins(steps: ["course": StepPin(programme: "course", start: Tiny.month(-4))])
    let scenario = Tiny.scenario(
      cap: 1, route: Route(name: "r", steps: ["course"], intakeMonths: 1, aftercare: 1),
      programmes: [Tiny.course(months: 3)],
      clients: ["a", "b", "c"].map { Client(id: $0, available: Tiny.month(0), route: "r", done: ["course"]) } + [
        Tiny.client("h", available: -5, pins: pins)
      ])
    let plan = try planChecked(scenario)
    #expect(plan.waitingMonths == 6)
  }

  /// Two clients pinned to the course that started in December, which had one seat: MODEL.md
  /// ("Fine points": history cohorts still respect seats and groups; pins that cannot all hold
  /// make the scenario infeasible, naming the pins). One seat more, and both plan.
  @Test(arguments: [(1, false), (2, true)])
  func moreClientsInAHistoryCohortThanSeatsCannotHold(seats: Int, plans: Bool) throws {
    let pins = ClientPins(steps: ["course": StepPin(programme: "course", start: Tiny.month(-1))])
    let scenario = Tiny.scenario(
      programmes: [Tiny.course(seats: seats, months: 2)],
      clients: [Tiny.client("a", available: -2, pins: pins), Tiny.client("b", available: -2, pins: pins)])
    if plans {
      try planChecked(scenario)
      return
    }
    let result = try OptimalPlanner.plan(scenario, solver: GLPKSolver(), options: PlanningOptions())
    #expect(result.plan.status == .infeasible)
    #expect(
      result.explanations == [
        "Pins cannot hold: 1 more client(s) are pinned to course in 2024-12 than it takes: it has 1 seats "
          + "(1 × 1 groups) in 2024-12."
      ])
  }

  /// The intro ran in December, the month before the plan; the intake is pinned to February.
  /// The course is ready when the intro ends, in January (max(0, −1 + 1), MODEL.md "Steps"),
  /// whatever the intake month, so it starts in January, before the intake, at no wait. The only
  /// wait is the intake's: February − January = 1 month.
  @Test func aStepAfterHistoryMayBeReadyBeforeALaterIntake() throws {
    let pins = ClientPins(intake: Tiny.month(1), steps: ["intro": StepPin(programme: "intro", start: Tiny.month(-1))])
    let plan = try planChecked(introThenCourse(clients: [Tiny.client("h", available: -2, pins: pins)]))
    #expect(plan.waitingMonths == 1)
    #expect(plan.entry("h")?.intake == Tiny.month(1))
    guard case .started(_, _, let ready, let start, let wait) = plan.entry("h")?.steps.last?.outcome else {
      Issue.record("the course should start")
      return
    }
    #expect(ready == Tiny.month(0))
    #expect(start == Tiny.month(0))
    #expect(wait == 0)
  }

  /// The same history without a pinned intake: the plan gives the intake in January (no wait)
  /// and the course starts in January too, ready when the intro ended. Nothing waits.
  @Test func aStepAfterHistoryNeedsNoPinnedIntake() throws {
    let pins = ClientPins(steps: ["intro": StepPin(programme: "intro", start: Tiny.month(-1))])
    let plan = try planChecked(introThenCourse(clients: [Tiny.client("h", available: -2, pins: pins)]))
    #expect(plan.waitingMonths == 0)
    #expect(plan.entry("h")?.intake == Tiny.month(0))
  }

  /// Cap 1. h's course runs in month 0 after the intro of month −1, so h leaves in month 2
  /// (course end 1 + aftercare 1), before the intake pinned to month 3: h is on no caseload
  /// (MODEL.md counts i ≤ m < exit) and waits 3 months for that intake. a and b, every step
  /// done, are available in month 1 and stay two months each (intake 1 + aftercare 1): one after
  /// the other they wait 0 + 2. Total 5. Counting h's exit before h's intake would free a place
  /// in month 2 and let b start then (4 in total), a plan the checker rejects.
  @Test func aJourneyEndingBeforeALaterIntakeFreesNoPlace() throws {
    let pins = ClientPins(intake: Tiny.month(3), steps: ["intro": StepPin(programme: "intro", start: Tiny.month(-1))])
    let done = ["a", "b"].map { Client(id: $0, available: Tiny.month(1), route: "r", done: ["intro", "course"]) }
    let plan = try planChecked(introThenCourse(cap: 1, clients: done + [Tiny.client("h", available: -2, pins: pins)]))
    #expect(plan.waitingMonths == 5)
    #expect(plan.entry("h")?.exit == Tiny.month(2))
  }

  /// The same on the annual basis, cap 1 a year: h is on no caseload, so is not one of 2025's
  /// distinct clients, and a (available in month 1) takes the year's one place at once. Waits:
  /// h's 3 months for the pinned intake only. Counting h's intake as one of the year's clients
  /// would leave a without intake (5 more months).
  @Test func aJourneyEndingBeforeALaterIntakeIsNotOneOfTheYearsClients() throws {
    let pins = ClientPins(intake: Tiny.month(3), steps: ["intro": StepPin(programme: "intro", start: Tiny.month(-1))])
    let a = Client(id: "a", available: Tiny.month(1), route: "r", done: ["intro", "course"])
    let plan = try planChecked(
      introThenCourse(cap: 1, basis: .annual, clients: [a, Tiny.client("h", available: -2, pins: pins)]))
    #expect(plan.waitingMonths == 3)
    #expect(plan.entry("a")?.intake == Tiny.month(1))
  }

  /// History after a planned step: h's course ran in month −2 (so h leaves in month 0, course
  /// end −1 + aftercare 1), the intro is pinned to month 4 and the intake to month 3. MODEL.md
  /// checks neither ready month nor calendar for history, so this holds, and h is on no caseload
  /// (exit 0 ≤ intake 3). Cap 1: a and b stay two months each from month 0, one after the other:
  /// 0 + 2; h waits 3 for the intake. Total 5. Counting h's exit in month 0 against the intake
  /// in month 3 would free a place in months 0–2 (3 in total, rejected by the checker).
  @Test func historyAfterAPlannedStepEndsTheJourneyWithoutACaseloadPlace() throws {
    let pins = ClientPins(
      intake: Tiny.month(3),
      steps: [
        "intro": StepPin(programme: "intro", start: Tiny.month(4)),
        "course": StepPin(programme: "course", start: Tiny.month(-2)),
      ])
    let done = ["a", "b"].map { Client(id: $0, available: Tiny.month(0), route: "r", done: ["intro", "course"]) }
    let plan = try planChecked(introThenCourse(cap: 1, clients: done + [Tiny.client("h", available: -3, pins: pins)]))
    #expect(plan.waitingMonths == 5)
    #expect(plan.entry("h")?.exit == Tiny.month(0))
  }

  /// Route intro → course (intake 1 month, aftercare 1 month), both programmes monthly, 1 month
  /// long.
  private func introThenCourse(cap: Int = 100, basis: CaseloadBasis = .monthly, clients: [Client]) -> Scenario {
    let intro = Programme(id: "intro", provider: "school", step: "intro", duration: .months(1), seats: 10)
    return Tiny.scenario(
      cap: cap, basis: basis, route: Route(name: "r", steps: ["intro", "course"], aftercare: 1),
      programmes: [intro, Tiny.course()],
      clients: clients)
  }
}

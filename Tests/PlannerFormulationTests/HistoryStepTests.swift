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
}

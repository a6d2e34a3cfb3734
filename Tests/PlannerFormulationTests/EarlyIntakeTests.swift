import PlannerDomain
import Testing

@testable import PlannerFormulation

/// Among plans with equal waiting months, the intake comes as early as the caseload allows
/// (MODEL.md "Objective": months before the intake and months between ready and start weigh
/// the same, so the choice is free; the office expects the earlier intake).
@Suite struct EarlyIntakeTests {
  /// The course starts only in April. B, available in May, cannot start it inside the 12
  /// months: 7 waiting months (12 − 5) whatever the intake month, as the months before the
  /// intake and the months ready and unstarted after it add up the same. The intake is in May.
  @Test func aFreeIntakeComesFirst() throws {
    let plan = try planChecked(
      Tiny.scenario(
        horizon: 12, programmes: [Tiny.course(starts: .months([4]))],
        clients: [Tiny.client("A", available: 0), Tiny.client("B", available: 4)]))
    #expect(plan.waitingMonths == 2 + 7)
    #expect(plan.entry("B")?.intake == Tiny.month(4))
  }

  /// Cap 1 a month, and X, pinned to intake in January and exit in March, fills January and
  /// February. The course starts only in January, so neither client ever starts it. A
  /// (available January) waits 5 months (6 − 1, ready at the earliest in February) with any
  /// intake; the earliest the caseload allows is March, not January.
  @Test func theEarliestIntakeStaysWithinTheCap() throws {
    let x = Tiny.client("X", available: 0, pins: ClientPins(intake: Tiny.month(0), exit: Tiny.month(2)))
    let plan = try planChecked(
      Tiny.scenario(
        cap: 1, programmes: [Tiny.course(starts: .months([1]))], clients: [x, Tiny.client("A", available: 0)]))
    #expect(plan.waitingMonths == 5 + 5)
    #expect(plan.entry("A")?.intake == Tiny.month(2))
  }

  /// The pass on its own, with a late intake to move. November 2025 to April 2026, one
  /// specialist at cap 1, no course start inside the horizon. X is pinned to intake in November
  /// and exit in December; A (available November) has its intake in January. A monthly cap lets
  /// A move to December, when X has left; the annual cap does not, since A would be the second
  /// client of 2025, so A stays in January.
  @Test(arguments: [(CaseloadBasis.monthly, 1), (.annual, 2)])
  func theCapBasisDecidesHowFarAnIntakeMoves(basis: CaseloadBasis, expected: Int) {
    let november = Month(year: 2025, month: 11)
    let x = Client(
      id: "X", available: november, route: "r",
      pins: ClientPins(specialist: "s1", intake: november, exit: november.adding(1)))
    let a = Client(id: "A", available: november, route: "r")
    let scenario = Tiny.scenario(
      start: november, cap: 1, basis: basis, programmes: [Tiny.course(starts: .months([9]))], clients: [x, a])
    let instance = PlanningInstance(scenario)
    var schedules = [
      ClientSchedule(member: 0, specialist: 0, intake: 0, steps: [.notStarted]),
      ClientSchedule(member: 1, specialist: 0, intake: 2, steps: [.notStarted]),
    ]
    EarlyIntakes.pull(&schedules, instance: instance)
    #expect(schedules[0].intake == 0, "pinned intakes stay")
    #expect(schedules[1].intake == expected)
  }
}

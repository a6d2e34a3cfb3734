import GLPK
import PlannerDomain
import PlannerFormulation
import PlannerInsight
import Testing

/// `explain` without a client: who is left unplanned and why, and which pins conflict.
@Suite struct ScenarioSummaryTests {
  static func summarise(_ scenario: Scenario) throws -> ScenarioExplanation {
    try WaitExplainer.summarise(
      scenario, solver: GLPKSolver(), options: ExplainOptions(planning: PlanningOptions(timeLimit: 30)),
      feasibilityTimeLimit: 30)
  }

  @Test func anUnstartedStepIsExplainedByItsRule() throws {
    let scenario = Small.scenario(
      programmes: [Small.course(minSize: 3)],
      clients: [Small.client("A", available: 0), Small.client("B", available: 1)])
    let summary = try Self.summarise(scenario)
    #expect(summary.hasPlan)
    let group = try #require(summary.unplanned.first)
    #expect(summary.unplanned.count == 1)
    #expect(group.waitingFor == "course")
    #expect(Set(group.clients.map(\.selector)) == [.known(id: "A"), .known(id: "B")])
    #expect(group.waitingMonths == 5 + 4)
    #expect(group.rules.allSatisfy { $0.name == "minimum-size" })
    #expect(summary.text().contains("minimum size"))
  }

  @Test func everythingPlannedSaysSo() throws {
    let summary = try Self.summarise(Small.scenario(clients: [Small.client("A", available: 0)]))
    #expect(summary.unplanned.isEmpty)
    #expect(summary.text().contains("Every client gets an intake"))
  }

  /// A and B are both pinned to s1 from January with cap 1: they cannot both hold. C's pins
  /// are harmless. The search must name exactly A and B.
  @Test func conflictingPinsAreNamed() throws {
    let pinned = ClientPins(specialist: "s1", intake: Small.month(0))
    let scenario = Small.scenario(
      cap: 1, routes: [Route(name: "r", steps: [], intakeMonths: 2)], programmes: [],
      specialists: [Specialist(id: "s1"), Specialist(id: "s2")],
      clients: [
        Small.client("C", available: 0, pins: ClientPins(specialist: "s2", intake: Small.month(3))),
        Small.client("A", available: 0, pins: pinned), Small.client("B", available: 0, pins: pinned),
      ])
    let summary = try Self.summarise(scenario)
    #expect(!summary.hasPlan)
    #expect(summary.status == .infeasible)
    #expect(summary.conflictingPins.map(Set.init) == ["A", "B"])
    #expect(summary.conflictSearchComplete)
    #expect(summary.text().contains("A, B"))
  }
}

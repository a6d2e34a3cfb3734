import Foundation
import GLPK
import OptimizationModel
import PlanChecker
import PlannerDomain
import PlannerFormulation
import PlannerReporting
import PropertyBased
import Testing

/// Alike programmes share one cohort count (`TwinProgrammes`). DOMAIN.md: Almere ran its IB+
/// programme as 2 groups of 20 (seed 004, L201–230, L263); a scenario may list such groups as
/// two programmes of one provider, or the same course at two providers.
@Suite struct TwinProgrammesTests {
  static func twin(_ id: String, seats: Int = 4, groups: Int = 1) -> Programme {
    Programme(
      id: id, provider: "school-\(id)", step: "course", duration: .months(1), starts: .monthly, seats: seats,
      minSize: 3, groups: groups)
  }

  /// `count` clients available in month 0 (ready in month 1), courses a and b.
  static func scenario(count: Int, a: Programme = twin("a"), b: Programme = twin("b"), pins: ClientPins? = nil)
    -> Scenario
  {
    var clients = (0..<count).map { Tiny.client("c\($0)", available: 0) }
    if let pins { clients[0].pins = pins }
    return Tiny.scenario(programmes: [a, b], clients: clients)
  }

  static func startArcs(_ scenario: Scenario, options: PlanningOptions = PlanningOptions()) -> [String] {
    OptimalPlanner.model(scenario, options: options).variables.map(\.name).filter { $0.hasPrefix("start[") }
  }

  /// Seven clients ready in February: two cohorts of four and three, nobody waits. In the model a
  /// holds the count for both (no start arc into b, up to two cohorts); the plan seats four in a
  /// and three in b, each at least the minimum of 3.
  @Test func sevenClientsFillOneCohortOfEachTwin() throws {
    let scenario = Self.scenario(count: 7)
    let arcs = Self.startArcs(scenario)
    #expect(!arcs.isEmpty && arcs.allSatisfy { $0.contains(",a,") })
    let model = OptimalPlanner.model(scenario)
    #expect(model.variables.first { $0.name == "cohorts[a,2025-02]" }?.upper == 2)
    let plan = try planChecked(scenario)
    #expect(plan.waitingMonths == 0)
    #expect(
      plan.cohorts.map { "\($0.programme) \($0.start) \($0.group) \($0.size)" } == ["a 2025-02 1 4", "b 2025-02 1 3"])
  }

  /// Groups add up: a with two groups and b with one take nine ready clients at once, three
  /// cohorts of three (a twice, b once). Without sharing the optimum is the same.
  @Test func theTwinsGroupsAddUp() throws {
    let scenario = Self.scenario(count: 9, a: Self.twin("a", groups: 2))
    let plan = try planChecked(scenario)
    #expect(plan.waitingMonths == 0)
    #expect(plan.cohorts.map { "\($0.programme) \($0.group) \($0.size)" } == ["a 1 3", "a 2 3", "b 1 3"])
    var separate = PlanningOptions(timeLimit: 30)
    separate.sharesTwinCohorts = false
    #expect(Self.startArcs(scenario, options: separate).contains { $0.contains(",b,") })
    let unshared = try OptimalPlanner.plan(scenario, solver: GLPKSolver(), options: separate)
    #expect(unshared.plan.waitingMonths == 0)
  }

  /// Each twin keeps its own count in a month a client is pinned to one of them, or where one of
  /// them has an announced cohort whose moving costs (stability); programmes that differ in seats
  /// keep theirs throughout.
  @Test func twinsKeepTheirOwnCohortsWherePinsOrDifferencesSaySo() {
    let pinned = Self.scenario(
      count: 4, pins: ClientPins(steps: ["course": StepPin(programme: "b", start: Tiny.month(2))]))
    let arcs = Self.startArcs(pinned)
    #expect(arcs.contains { $0.contains(",b,2025-03") })
    #expect(arcs.contains { $0.contains(",a,2025-03") })
    #expect(!arcs.contains { $0.contains(",b,2025-02") })
    #expect(Self.startArcs(Self.scenario(count: 4, b: Self.twin("b", seats: 5))).contains { $0.contains(",b,") })
    var announced = PlanningOptions()
    announced.announcedCohorts = [AnnouncedCohort(programme: "b", start: Tiny.month(1))]
    announced.stabilityWeight = 1
    let stable = Self.startArcs(Self.scenario(count: 4), options: announced)
    #expect(stable.contains { $0.contains(",b,2025-02") } && !stable.contains { $0.contains(",b,2025-03") })
    announced.stabilityWeight = 0
    #expect(!Self.startArcs(Self.scenario(count: 4), options: announced).contains { $0.contains(",b,") })
  }

  /// Sharing changes the model, never the optimum: random small scenarios (calendars, minimum
  /// sizes, caps that bind, history, pins) with an exact twin of one programme under other ids,
  /// with its own groups, planned with and without sharing: the same waiting months, and both
  /// plans pass the independent checker. At least some of them must share a count.
  @Test func sharingNeverChangesTheOptimum() async {
    let shared = Counter()
    await propertyCheck(count: 300, input: OptimumVersusBaselinePropertyTests.generator.map(Self.withExactTwin)) {
      scenario in
      var separate = PlanningOptions(timeLimit: 20)
      separate.sharesTwinCohorts = false
      guard
        let together = try? OptimalPlanner.plan(
          scenario, solver: GLPKSolver(), options: PlanningOptions(timeLimit: 20)),
        let apart = try? OptimalPlanner.plan(scenario, solver: GLPKSolver(), options: separate)
      else {
        Issue.record("the optimiser threw on \(scenario.name)")
        return
      }
      if Self.startArcs(scenario).count < Self.startArcs(scenario, options: separate).count { shared.add() }
      #expect(together.plan.status == apart.plan.status, "\(scenario.name)")
      #expect(together.plan.waitingMonths == apart.plan.waitingMonths, "\(scenario.name)")
      for plan in [together.plan, apart.plan] where together.hasPlan {
        let report = PlanChecker.check(planJSON: Data(PlanJSON.text(plan).utf8), scenario: scenario)
        #expect(report.violations.isEmpty, "\(scenario.name): \(report.violations.prefix(5))")
      }
    }
    #expect(shared.value >= 100, "only \(shared.value) scenarios shared a count")
  }

  /// The scenario with a copy of its first programme under another id and provider, alike in
  /// all but its groups (1–2).
  static func withExactTwin(_ scenario: Scenario) -> Scenario {
    var scenario = scenario
    guard var twin = scenario.programmes.first else { return scenario }
    twin.id += "-twin"
    twin.provider += "-twin"
    twin.groups = scenario.name.utf8.reduce(0) { $0 &+ Int($1) } % 2 + 1
    scenario.programmes.append(twin)
    return scenario
  }
}

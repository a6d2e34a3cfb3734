import Foundation
import GLPK
import OptimizationModel
import PlannerDomain
import PlannerFormulation
import PropertyBased
import Testing

/// Two programmes that take the same clients in the same months for as long: the less roomy
/// opens only where the other does (`interchangeableProgrammes`). DOMAIN.md: Meerinzicht buys
/// full-time tracks from five providers (seed 001, L972–999); two that serve the same clients at
/// the same times for as long are such twins.
@Suite struct InterchangeableProgrammesTests {
  static func twins(small: Programme = twin("small", seats: 8), clients: [Client]? = nil) -> Scenario {
    Tiny.scenario(
      programmes: [twin("big", seats: 10), small],
      clients: clients ?? [Tiny.client("A", available: 0), Tiny.client("B", available: 0)])
  }

  static func twin(_ id: String, seats: Int, months: Int = 1) -> Programme {
    Programme(
      id: id, provider: id, step: "course", duration: .months(months), starts: .monthly, seats: seats, minSize: 2)
  }

  static func rows(_ scenario: Scenario, options: PlanningOptions = PlanningOptions()) -> [String] {
    OptimalPlanner.model(scenario, options: options).constraints.filter { $0.family == "interchangeableProgrammes" }
      .map(\.index)
  }

  /// A and B are ready in February (intake one month); either course could take both, at no wait.
  /// With the row, the small course cannot open alone, so the plan uses the big one.
  @Test func theLessRoomyOpensOnlyWhereTheOtherDoes() throws {
    #expect(Self.rows(Self.twins()).contains("small,big,2025-02"))
    #expect(!Self.rows(Self.twins()).contains { $0.hasPrefix("big,small") })
    let plan = try planChecked(Self.twins())
    #expect(plan.waitingMonths == 0)
    #expect(plan.cohorts.map(\.programme) == ["big"])
  }

  /// No row where moving the clients would change the plan: a different duration (other exits and
  /// next steps), a client pinned to the small course in that month, a minimum the big course
  /// cannot promise (neither is roomier), or announced cohorts whose moves cost.
  @Test func noRowWhereTheProgrammesAreNotInterchangeable() {
    #expect(Self.rows(Self.twins(small: Self.twin("small", seats: 8, months: 2))).isEmpty)
    let pinned = ClientPins(steps: ["course": StepPin(programme: "small", start: Tiny.month(2))])
    let pinnedRows = Self.rows(
      Self.twins(clients: [Tiny.client("A", available: 0, pins: pinned), Tiny.client("B", available: 0)]))
    #expect(!pinnedRows.contains("small,big,2025-03"))
    #expect(pinnedRows.contains("small,big,2025-02"))
    var smallerMinimum = Self.twin("small", seats: 8)
    smallerMinimum.minSize = 1
    #expect(Self.rows(Self.twins(small: smallerMinimum)).isEmpty)
    var announced = PlanningOptions()
    announced.announcedCohorts = [AnnouncedCohort(programme: "big", start: Tiny.month(2))]
    announced.stabilityWeight = 1
    #expect(Self.rows(Self.twins(), options: announced).isEmpty)
  }

  /// The rows change the model, never the optimum: random small scenarios with a twin of one
  /// programme (same calendar, duration, routes and profiles; random seats, minimum and groups),
  /// solved whole with and without the rows. At least some of them must have rows.
  @Test func theRowsNeverChangeTheOptimum() async {
    let withRows = Counter()
    await propertyCheck(count: 300, input: OptimumVersusBaselinePropertyTests.generator.map(Self.withTwin)) {
      scenario in
      let model = OptimalPlanner.model(scenario)
      guard model.constraints.contains(where: { $0.family == "interchangeableProgrammes" }) else { return }
      withRows.add()
      let options = SolveOptions(timeLimit: 20, presolve: true, cuts: .all)
      guard let kept = try? GLPKSolver().solve(model, options: options),
        let dropped = try? GLPKSolver().solve(model.copy(dropping: "interchangeableProgrammes"), options: options)
      else {
        Issue.record("GLPK threw on \(scenario.name)")
        return
      }
      #expect(kept.status == dropped.status, "\(scenario.name)")
      #expect(
        kept.objective == dropped.objective,
        "\(scenario.name): \(kept.objective ?? -1) against \(dropped.objective ?? -1)")
    }
    #expect(withRows.value >= 60, "only \(withRows.value) scenarios had rows")
  }

  /// The scenario with a copy of its first programme under another id and provider, with other
  /// seats (so one of the two is roomier).
  static func withTwin(_ scenario: Scenario) -> Scenario {
    var scenario = scenario
    guard var twin = scenario.programmes.first else { return scenario }
    var random = SeededRandom(seed: UInt64(scenario.name.utf8.reduce(0) { $0 &* 31 &+ Int($1) }.magnitude))
    twin.id += "-twin"
    twin.provider += "-twin"
    let seats = random.int(twin.minSize...4)
    // Alike in seats too, the two would share one count instead (TwinProgrammesTests).
    twin.seats = seats == twin.seats ? seats + 1 : seats
    scenario.programmes.append(twin)
    return scenario
  }
}

import Foundation
import GLPK
import OptimizationModel
import PlanChecker
import PlannerDomain
import PlannerFormulation
import PlannerReporting
import PropertyBased
import Testing

/// A month's newcomers held apart (`FlowNetwork.newcomerMonths`): where a class's monthly
/// inflow cannot fill a cohort alone. DOMAIN.md: classes were hard to fill and starts were
/// postponed for lack of candidates (seed 001, L1088–1089, L1244); Meerinzicht's inflow is "a few
/// dozen" a year (seed 001, L17–18), a few clients a month.
@Suite struct NewcomerTests {
  /// Two newcomers in each of months 0–3 (ready in 1–4, intake one month), a monthly course of
  /// 4 to 10, eight months.
  static func twoNewcomersAMonth(
    route: Route = Route(name: "r", steps: ["course"]), programmes: [Programme] = [Tiny.course(minSize: 4)],
    counts: [Int] = [2, 2, 2, 2]
  ) -> Scenario {
    Tiny.scenario(
      horizon: 8, route: route, programmes: programmes,
      inflow: counts.enumerated().map { InflowGroup(month: Tiny.month($0.offset), count: $0.element, route: "r") })
  }

  /// A cohort needs two months' newcomers, so of each pair of months the earlier two wait one
  /// month: cohorts in months 2 and 4 of 4 each, 2 + 2 = 4 waiting months. Fewer is impossible
  /// (at least half the clients join a cohort after their ready month); one cohort of all eight in
  /// month 4 would cost 12, and six in month 3 leave two who can never open a cohort.
  @Test func newcomersOfTwoMonthsFillOneCohort() throws {
    let plan = try planChecked(Self.twoNewcomersAMonth())
    #expect(plan.status == .optimal)
    #expect(plan.waitingMonths == 4)
    #expect(plan.cohorts.map(\.size) == [4, 4])
    #expect(plan.cohorts.map(\.start) == [Tiny.month(2), Tiny.month(4)])
  }

  /// On one chain for the whole class, the relaxation opens a quarter of a cohort for each
  /// month's two newcomers (two starters reach a quarter of the minimum of 4) and nobody waits:
  /// relaxation 0. Held apart, a cohort that takes a month's newcomers opens whole, so it needs
  /// two more, who waited.
  @Test func theRelaxationSeesTheMinimumSize() throws {
    let model = OptimalPlanner.model(Self.twoNewcomersAMonth())
    #expect(model.constraints.contains { $0.index.contains("newcomers=2025-01") })
    let relaxed = try GLPKSolver().solve(model.copy(relaxed: true), options: SolveOptions())
    #expect(relaxed.status == .optimal)
    #expect((relaxed.objective ?? 0) >= 1, "relaxation \(relaxed.objective ?? 0)")
  }

  /// Only where the opening row can bind a month's newcomers: a month with at least as many
  /// newcomers as seats joins the class at once, and so does everybody of a class with two steps
  /// to plan or without a minimum size to reach.
  @Test func onlyMonthsWithFewerNewcomersThanSeatsAreHeldApart() {
    let names = { (scenario: Scenario) in OptimalPlanner.model(scenario).constraints.map(\.index) }
    let mixed = names(Self.twoNewcomersAMonth(counts: [12, 2, 2, 2]))
    #expect(!mixed.contains { $0.contains("newcomers=2025-01") })
    #expect(mixed.contains { $0.contains("newcomers=2025-02") })
    let twoSteps = Self.twoNewcomersAMonth(
      route: Route(name: "r", steps: ["course", "next"]),
      programmes: [
        Tiny.course(minSize: 4),
        Programme(
          id: "next", provider: "school", step: "next", duration: .months(1), starts: .monthly, seats: 10, minSize: 4),
      ])
    #expect(!names(twoSteps).contains { $0.contains("newcomers=") })
    #expect(
      !names(Self.twoNewcomersAMonth(programmes: [Tiny.course(minSize: 1)])).contains { $0.contains("newcomers=") })
  }

  /// Holding newcomers apart changes the model, never the optimum: on random small scenarios
  /// (caps that bind, calendars, minimum sizes, history, inflow) both models give the same waiting
  /// months and both plans pass the independent checker. At least a few of them must hold
  /// newcomers apart, or the comparison shows nothing.
  @Test func theOptimumIsTheSameWithNewcomersApartOrNot() async {
    let heldApart = Counter()
    await propertyCheck(count: 300, input: OptimumVersusBaselinePropertyTests.generator) { scenario in
      var plain = PlanningOptions(timeLimit: 20)
      plain.holdsNewcomersApart = false
      guard
        let apart = try? OptimalPlanner.plan(scenario, solver: GLPKSolver(), options: PlanningOptions(timeLimit: 20)),
        let together = try? OptimalPlanner.plan(scenario, solver: GLPKSolver(), options: plain)
      else {
        Issue.record("the optimiser threw on \(scenario.name)")
        return
      }
      if OptimalPlanner.model(scenario).constraints.contains(where: { $0.index.contains("newcomers=") }) {
        heldApart.add()
      }
      #expect(apart.plan.status == .optimal && together.plan.status == .optimal, "\(scenario.name)")
      #expect(apart.plan.waitingMonths == together.plan.waitingMonths, "\(scenario.name)")
      for plan in [apart.plan, together.plan] {
        let report = PlanChecker.check(planJSON: Data(PlanJSON.text(plan).utf8), scenario: scenario)
        #expect(report.violations.isEmpty, "\(scenario.name): \(report.violations.prefix(5))")
      }
    }
    #expect(heldApart.value >= 25, "only \(heldApart.value) scenarios held newcomers apart")
  }
}

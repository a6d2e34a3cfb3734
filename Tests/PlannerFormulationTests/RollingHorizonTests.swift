import Foundation
import GLPK
import PlanChecker
import PlannerDomain
import PlannerFormulation
import PlannerReporting
import Testing

/// A year of monthly re-plans: history never changes, every client keeps the specialist they
/// have, and the checker accepts every plan against the state of its month.
@Suite struct RollingHorizonTests {
  @Test func aYearOfMonthlyReplansKeepsHistoryAndPassesTheChecker() throws {
    var scenario = try loadBundled("tutorial.yaml")
    var plan = try OptimalPlanner.plan(scenario, solver: GLPKSolver()).plan
    for month in 1..<scenario.horizon {
      let asOf = try loadBundled("tutorial.yaml").start.adding(month)
      let rolled = try RollingHorizon.scenario(scenario, previous: plan, asOf: asOf)
      #expect(rolled.start == asOf)
      #expect(rolled.start.adding(rolled.horizon) == scenario.start.adding(scenario.horizon))
      let next = try OptimalPlanner.plan(rolled, solver: GLPKSolver()).plan
      #expect(next.status == .optimal)
      let report = PlanChecker.check(planJSON: Data(PlanJSON.text(next).utf8), scenario: rolled)
      #expect(report.violations.isEmpty, "as of \(asOf): \(report.violations.prefix(5))")
      expectHistoryKept(from: plan, in: next, asOf: asOf)
      scenario = rolled
      plan = next
    }
  }

  /// Every intake and cohort start before `asOf` in `old` holds in `new`, with the same specialist.
  private func expectHistoryKept(from old: Plan, in new: Plan, asOf: Month) {
    let newByKey = Dictionary(
      new.clients.compactMap { entry -> (String, PlannedClient)? in
        if case .known(let id) = entry.reference { return (id, entry) }
        return nil
      }
    ) { first, _ in first }
    for entry in old.clients {
      guard case .known(let id) = entry.reference, let intake = entry.intake, intake < asOf else { continue }
      let kept = newByKey[id]
      #expect(kept?.intake == intake, "\(id) intake as of \(asOf)")
      #expect(kept?.specialist == entry.specialist, "\(id) keeps specialist as of \(asOf)")
      for step in entry.steps {
        guard case .started(let programme, _, _, let start, _) = step.outcome, start < asOf else { continue }
        let now = kept?.steps.first { $0.step == step.step }?.outcome
        guard case .started(let keptProgramme, _, _, let keptStart, _)? = now else {
          Issue.record("\(id) \(step.step) no longer started as of \(asOf)")
          continue
        }
        #expect(keptProgramme == programme && keptStart == start, "\(id) \(step.step) as of \(asOf)")
      }
    }
  }

  /// Stability: with a high weight the re-plan keeps every announced cohort that it can.
  @Test func stabilityKeepsAnnouncedCohorts() throws {
    let scenario = try loadBundled("meerinzicht.yaml")
    let plan = try OptimalPlanner.plan(scenario, solver: GLPKSolver()).plan
    let asOf = scenario.start.adding(1)
    let rolled = try RollingHorizon.scenario(scenario, previous: plan, asOf: asOf)
    let announced = RollingHorizon.announcedCohorts(plan, asOf: asOf)
    #expect(!announced.isEmpty)
    let options = PlanningOptions(timeLimit: 60, announcedCohorts: announced, stabilityWeight: 1_000)
    let stable = try OptimalPlanner.plan(rolled, solver: GLPKSolver(), options: options).plan
    let kept = announced.filter { cohort in
      stable.cohorts.contains { $0.programme == cohort.programme && $0.start == cohort.start }
    }
    #expect(kept.count == announced.count)
    let report = PlanChecker.check(planJSON: Data(PlanJSON.text(stable).utf8), scenario: rolled)
    #expect(report.violations.isEmpty)
  }
}

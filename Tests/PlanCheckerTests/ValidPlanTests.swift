import Foundation
import PlanChecker
import PlannerDomain
import Testing

@Suite("A valid plan")
struct ValidPlanTests {
  @Test("passes every rule, with the objective recomputed by hand")
  func handPlannedPlanPasses() {
    let report = Tiny.check(Tiny.plan)
    #expect(report.violations == [])
    #expect(report.isValid)
    #expect(report.recomputedWaitingMonths == Tiny.waitingMonths)
    #expect(report.statedWaitingMonths == 13)
    #expect(report.clientCount == 8)
    #expect(report.checkedSchedule)
    #expect(report.warnings == [])
  }

  @Test("an inflow group may be split over entries whose counts sum to the group")
  func splitInflowPasses() throws {
    let inflow = "\"inflow\": 0, \"count\": 2"
    var lines = Tiny.plan.components(separatedBy: "\n")
    let index = try #require(lines.firstIndex { $0.contains(inflow) })
    let single = lines[index].replacingOccurrences(of: inflow, with: "\"inflow\": 0, \"count\": 1")
    lines[index] = single
    lines.insert(single, at: index)
    let report = Tiny.check(lines.joined(separator: "\n"))
    #expect(report.violations == [])
    #expect(report.recomputedWaitingMonths == 13)
  }

  @Test("a step beyond the horizon may state an exit at or after H")
  func beyondHorizonExitAfterHorizon() throws {
    let plan = try Tiny.plan((line: "\"C5\"", old: "\"exit\": null", new: "\"exit\": \"2020-10\""))
    #expect(Tiny.check(plan).violations == [])
  }

  @Test("on the monthly basis the cap is per month and years are not required")
  func monthlyBasisPasses() throws {
    let scenario = Tiny.scenario { $0.caseload = CaseloadPolicy(cap: ExactDecimal(3), basis: .monthly) }
    let plan = try Tiny.plan(
      (line: "\"id\": \"s1\"", old: "\"id\": \"s1\", \"cap\": 4", new: "\"id\": \"s1\", \"cap\": 3"),
      (line: "\"id\": \"s1\"", old: ", \"years\": [{\"year\": 2020, \"clients\": 4, \"cap\": 4}]", new: ""),
      (line: "\"id\": \"s2\"", old: ", \"years\": [{\"year\": 2020, \"clients\": 3, \"cap\": 3}]", new: ""))
    let report = Tiny.check(plan, scenario)
    #expect(report.violations == [])
  }

  @Test("an unproven status with a null gap is a warning, not a violation")
  func unprovenWithoutGapWarns() throws {
    let plan = try Tiny.plan(
      (
        line: "\"status\"", old: "\"status\": \"optimal\", \"gap\": 0.0",
        new: "\"status\": \"time-limit\", \"gap\": null"
      ))
    let report = Tiny.check(plan)
    #expect(report.isValid)
    #expect(report.warnings.map(\.rule) == ["status"])
  }

  @Test("an infeasible plan with no clients is accepted, and says nothing was checked")
  func infeasiblePlan() {
    let plan = """
      {"format": "cohortplan.plan/1", "scenario": "tiny", "start": "2020-01", "horizon": 8,
       "status": "infeasible", "gap": null, "bound": null, "objective": {"waitingMonths": null},
       "clients": [], "cohorts": [], "specialists": []}
      """
    let report = Tiny.check(plan)
    #expect(report.isValid)
    #expect(!report.checkedSchedule)
    #expect(report.recomputedWaitingMonths == nil)
    #expect(report.warnings.contains { $0.message.contains("not checked") })
  }
}

import Foundation
import PlannerDomain
import PlannerReporting
import Testing

@testable import PlannerHTML

/// What the report holds, read from its HTML without a browser.
@Suite struct ReportContentTests {
  @Test func annualBasisDrawsTheYearlyCaps() throws {
    let loaded = try loadBundled("eindhoven-2020.yaml")
    let plan = try optimalPlan(loaded.scenario)
    let html = HTMLReport.plan(plan, scenario: loaded.scenario, record: record(loaded, file: "eindhoven-2020.yaml"))
    let years = plan.specialists.reduce(0) { $0 + ($1.years?.count ?? 0) }
    #expect(years == 10)
    #expect(occurrences(of: "class=\"caseload-series", in: html) == 5)
    #expect(occurrences(of: "class=\"cap-line\"", in: html) == years)
    #expect(occurrences(of: "class=\"year-count-line\"", in: html) == years)
    #expect(occurrences(of: "class=\"year-bar", in: html) == years)
    #expect(occurrences(of: "class=\"cohort-bar ", in: html) == plan.cohorts.count)
  }

  @Test func clientsSeenSoFarEndEachYearAtTheYearsCount() throws {
    let loaded = try loadBundled("eindhoven-2020.yaml")
    let plan = try optimalPlan(loaded.scenario)
    for load in plan.specialists {
      let soFar = CaseloadSeries.yearSoFar(of: load.id, in: plan)
      for year in load.years ?? [] {
        let last = (0..<plan.horizon).last { plan.start.adding($0).year == year.year }
        #expect(last.map { soFar[$0] } == year.clients, "\(load.id) \(year.year)")
      }
    }
  }

  @Test func theReportIsSelfContained() throws {
    let loaded = try loadBundled("tutorial.yaml")
    let plan = try optimalPlan(loaded.scenario)
    let html = HTMLReport.plan(plan, scenario: loaded.scenario, record: record(loaded, file: "tutorial.yaml"))
    let withoutNamespace = html.replacingOccurrences(of: "xmlns=\"http://www.w3.org/2000/svg\"", with: "")
    #expect(!withoutNamespace.contains("http://"))
    #expect(!withoutNamespace.contains("https://"))
    #expect(!html.contains("<link"))
    #expect(!html.contains("src="))
    #expect(!html.contains("@import"))
    #expect(!html.contains("url(http"))
    #expect(html.contains("@media print"))
  }

  @Test func theReportNamesWhatAReaderNeeds() throws {
    let loaded = try loadBundled("tutorial.yaml")
    let plan = try optimalPlan(loaded.scenario)
    let html = HTMLReport.plan(plan, scenario: loaded.scenario, record: record(loaded, file: "tutorial.yaml"))
    let kpis = PlanKPIs(plan: plan, scenario: loaded.scenario)
    for text in [
      "Waiting months", "Wait per client", "Late intakes", "Classes opened", "Unplanned work", "Plan status",
      "Case managers: caseload against the cap", "Classes per provider", "How long clients wait", "Waits by group",
      "Every client", "What this plan assumes", "How this plan was made", loaded.sourceDigest, "0.1.0",
      "--strategy optimal", "taalschool-noord", "January, April, July and October", "0.5",
      ">\(kpis.waitingMonths)<", "role=\"img\"", "<title id=", "<desc id=", "class=\"legend\"",
    ] {
      #expect(html.contains(text), "\(text)")
    }
    // Every client appears in the client table.
    for client in loaded.scenario.clients {
      #expect(html.contains("data-sort=\"0 \(client.id)\""), "\(client.id)")
    }
  }

  /// A first-come-first-served plan is feasible without any search: the report must not call it
  /// within a requested distance of the best.
  @Test func theStatusOfABaselinePlanSaysItIsNotOptimised() throws {
    var plan = try optimalPlan(try loadBundled("tutorial.yaml").scenario)
    plan.status = .feasible
    #expect(ReportText.status(plan).hasPrefix("Good enough"))
    plan.strategy = "fcfs"
    #expect(ReportText.status(plan).hasPrefix("Not optimised"))
  }

  @Test func comparisonShowsEveryVariant() throws {
    let loaded = try loadBundled("tutorial.yaml")
    let plan = try optimalPlan(loaded.scenario)
    var tighter = loaded.scenario
    tighter.caseload.cap = ExactDecimal(12)
    let tighterPlan = try optimalPlan(tighter)
    let html = HTMLReport.comparison([
      .init(label: "cap 15", plan: plan, scenario: loaded.scenario),
      .init(label: "cap 12", plan: tighterPlan, scenario: tighter),
    ])
    #expect(occurrences(of: "class=\"variant\"", in: html) == 2)
    #expect(occurrences(of: "class=\"caseload-series", in: html) == 4)
    #expect(
      occurrences(of: "class=\"cohort-bar ", in: html) == plan.cohorts.count + tighterPlan.cohorts.count)
    #expect(html.contains(">cap 15<") && html.contains(">cap 12<"))
    #expect(html.contains(">\(plan.waitingMonths) — "))
    #expect(html.contains(">\(tighterPlan.waitingMonths) — "))
  }
}

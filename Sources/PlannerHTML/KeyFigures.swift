import PlannerDomain
import PlannerReporting
import Plot

/// The report's header: the key figures of a plan as cards, each with a line in plain words.
enum KeyFigures {
  struct Figure {
    let name: String
    let value: String
    let explanation: String
    var tone: String = ""
  }

  static func figures(_ plan: Plan, scenario: Scenario) -> [Figure] {
    let kpis = PlanKPIs(plan: plan, scenario: scenario)
    let series = CaseloadSeries.of(plan, scenario: scenario)
    let over = series.filter(\.isOver)
    let full = series.filter { !$0.isOver && !$0.fullWhen(start: plan.start).isEmpty }
    var figures = [
      Figure(
        name: "Waiting months", value: String(kpis.waitingMonths),
        explanation: "idle months of all clients together, inside the plan's period"),
      Figure(
        name: "Wait per client", value: "\(ReportText.number(kpis.meanWait)) months",
        explanation: "on average over \(ReportText.count(kpis.clients, "client")); 9 in 10 wait at most "
          + "\(ReportText.count(kpis.p90Wait, "month")), the longest \(ReportText.count(kpis.maxWait, "month"))"),
      Figure(
        name: "Late intakes", value: String(kpis.lateIntakes),
        explanation: "clients whose intake comes later than their route's target, or not at all",
        tone: kpis.lateIntakes > 0 ? "warn" : "ok"),
      Figure(
        name: "Classes opened", value: String(kpis.cohortsOpened),
        explanation: "mean fill \(ReportText.percent(kpis.meanFill)); \(kpis.underFullCohorts) not full",
        tone: kpis.underFullCohorts > 0 ? "warn" : "ok"),
      Figure(
        name: "Case managers over the cap", value: "\(over.count) of \(plan.specialists.count)",
        explanation: over.isEmpty
          ? "everyone stays within the caseload cap"
            + (full.isEmpty ? "" : "; \(full.count) reach it and have no room left")
          : "over: " + ReportText.list(over.map(\.id)),
        tone: over.isEmpty ? "ok" : "bad"),
      Figure(
        name: "Unplanned work",
        value: String(kpis.clientsWithoutIntake + kpis.unstartedSteps),
        explanation: "\(ReportText.count(kpis.clientsWithoutIntake, "client")) without intake, "
          + "\(ReportText.count(kpis.unstartedSteps, "step")) not started inside the period",
        tone: kpis.clientsWithoutIntake + kpis.unstartedSteps > 0 ? "warn" : "ok"),
    ]
    figures.append(status(plan))
    return figures
  }

  static func status(_ plan: Plan) -> Figure {
    var detail = ReportText.status(plan)
    if plan.status != .optimal {
      detail +=
        "; best bound \(plan.bound.map(ReportText.number) ?? "unknown"), gap "
        + (plan.gap.map(ReportText.percent) ?? "unknown")
    } else {
      detail += " (gap 0%)"
    }
    return Figure(
      name: "Plan status", value: plan.status.rawValue, explanation: detail,
      tone: plan.status == .optimal ? "ok" : "warn")
  }

  static func cards(_ plan: Plan, scenario: Scenario) -> HTMLNode {
    .tag(
      "dl",
      [.classes("key-figures")]
        + figures(plan, scenario: scenario).map { figure in
          .div(
            .classes("figure-card", figure.tone),
            .tag("dt", [.safeText(figure.name)]),
            .tag("dd", [.classes("value"), .safeText(figure.value)]),
            .tag("dd", [.classes("explanation"), .safeText(figure.explanation)]))
        })
  }
}

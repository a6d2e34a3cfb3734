import PlannerDomain
import PlannerReporting
import Plot

/// Where a plan came from, so that anyone can make it again and get the same file.
public struct ReproducibilityRecord: Hashable, Sendable {
  /// Hex SHA-256 of the scenario and the CSV files it references (`LoadedScenario.sourceDigest`).
  public var scenarioDigest: String
  /// The scenario file as given on the command line.
  public var scenarioFile: String
  /// cohortplan's version.
  public var toolVersion: String
  /// The solver library's version, e.g. `5.0` for GLPK.
  public var solverVersion: String
  /// The flags that shaped the plan, e.g. `["--strategy", "optimal", "--time-limit", "60"]`.
  public var flags: [String]
  /// What the record cannot tell, e.g. that a plan file does not keep its time limit.
  public var notes: [String]

  public init(
    scenarioDigest: String, scenarioFile: String, toolVersion: String, solverVersion: String, flags: [String],
    notes: [String] = []
  ) {
    self.scenarioDigest = scenarioDigest
    self.scenarioFile = scenarioFile
    self.toolVersion = toolVersion
    self.solverVersion = solverVersion
    self.flags = flags
    self.notes = notes
  }
}

/// Self-contained HTML reports of plans: one file that opens offline in any browser, with
/// inline SVG charts, every chart with a title, a description and its numbers as a table, and
/// print-friendly styles. No external asset is referenced; the only script is a small inline
/// table sorter, without which the page reads the same.
///
/// Every piece of text, user data or not, is escaped by ``Markup/escaped(_:)``.
public enum HTMLReport {
  /// One plan in a comparison, with the label a reader sees (e.g. `cap 90`).
  public struct Variant: Sendable {
    public var label: String
    public var plan: Plan
    public var scenario: Scenario
    public var record: ReproducibilityRecord?

    public init(label: String, plan: Plan, scenario: Scenario, record: ReproducibilityRecord? = nil) {
      self.label = label
      self.plan = plan
      self.scenario = scenario
      self.record = record
    }
  }

  /// The report of one plan made from `scenario`.
  public static func plan(_ plan: Plan, scenario: Scenario, record: ReproducibilityRecord) -> String {
    let sections: [HTMLNode] =
      [
        .tag(
          "header",
          [
            .tag("h1", [.safeText("Plan for " + plan.scenarioName)]),
            .paragraph(lead(plan), classes: "lead"),
            KeyFigures.cards(plan, scenario: scenario),
          ]),
        Page.navigation([
          ("caseload", "Caseload"), ("classes", "Classes"), ("waits", "Waits"), ("clients", "Clients"),
          ("assumptions", "Assumptions"), ("record", "How it was made"),
        ]),
      ] + planSections(plan, scenario: scenario, prefix: "plan", record: record)
    return Page.document(title: "Plan for \(plan.scenarioName)", sections)
  }

  /// Plans side by side: their key figures in one table, then each plan's charts in a column
  /// of its own (stacked on narrow screens and in print).
  public static func comparison(_ variants: [Variant], title: String = "Plans compared") -> String {
    var sections: [HTMLNode] = [
      .tag(
        "header",
        [
          .tag("h1", [.safeText(title)]),
          .paragraph(
            "\(ReportText.count(variants.count, "plan")) side by side: "
              + ReportText.list(variants.map(\.label)) + ". Every chart reads as in the report of a single plan.",
            classes: "lead"),
        ]),
      .tag("section", [.classes("report-section"), .tag("h2", [.safeText("Key figures")]), comparisonTable(variants)]),
    ]
    let columns: [HTMLNode] = variants.enumerated().map { index, variant in
      let prefix = "variant\(index + 1)"
      return .div(
        .classes("variant"), .safeAttribute("data-variant", variant.label),
        .tag("h2", [.classes("variant-label"), .safeText(variant.label)]),
        .paragraph(lead(variant.plan), classes: "lead"),
        .group(
          chartSections(variant.plan, scenario: variant.scenario, prefix: prefix, headingLevel: "h3")))
    }
    sections.append(.div(.classes("variants"), .group(columns)))
    return Page.document(title: title, sections)
  }

  private static func lead(_ plan: Plan) -> String {
    let end = plan.start.adding(max(plan.horizon - 1, 0))
    return "\(ReportText.month(plan.start)) to \(ReportText.month(end)) (\(ReportText.count(plan.horizon, "month"))), "
      + "planned by the \(ReportText.strategy(plan.strategy)). \(ReportText.status(plan))."
  }

  private static func planSections(_ plan: Plan, scenario: Scenario, prefix: String, record: ReproducibilityRecord)
    -> [HTMLNode]
  {
    chartSections(plan, scenario: scenario, prefix: prefix, headingLevel: "h2") + [
      Page.section(id: "clients", heading: "Every client", level: "h2", [ClientTable.section(plan)]),
      Page.section(
        id: "assumptions", heading: "What this plan assumes", level: "h2",
        [Assumptions.section(scenario, plan: plan)]),
      Page.section(
        id: "record", heading: "How this plan was made", level: "h2", [Record.section(plan, record: record)]),
    ]
  }

  private static func chartSections(_ plan: Plan, scenario: Scenario, prefix: String, headingLevel: String)
    -> [HTMLNode]
  {
    [
      Page.section(
        id: "\(prefix == "plan" ? "" : prefix + "-")caseload", heading: "Case managers: caseload against the cap",
        level: headingLevel, [CaseloadChart.section(plan, scenario: scenario, id: "\(prefix)-caseload")]),
      Page.section(
        id: "\(prefix == "plan" ? "" : prefix + "-")classes", heading: "Classes per provider: how full they are",
        level: headingLevel, [CohortGantt.section(plan, scenario: scenario, id: "\(prefix)-classes")]),
      Page.section(
        id: "\(prefix == "plan" ? "" : prefix + "-")waits", heading: "How long clients wait", level: headingLevel,
        [WaitCharts.histogram(plan, id: "\(prefix)-waits"), WaitCharts.segments(plan, scenario: scenario)]),
    ]
  }

  private static func comparisonTable(_ variants: [Variant]) -> HTMLNode {
    let figures = variants.map { KeyFigures.figures($0.plan, scenario: $0.scenario) }
    let names = figures.first?.map(\.name) ?? []
    let rows: [[DataTable.Cell]] = names.enumerated().map { index, name in
      [DataTable.Cell(name)]
        + figures.map { list in
          guard index < list.count else { return DataTable.Cell("–") }
          return DataTable.Cell(list[index].value + " — " + list[index].explanation, over: list[index].tone == "bad")
        }
    }
    return DataTable.table(
      caption: "Key figures per plan", columns: [.init("Figure")] + variants.map { .init($0.label) }, rows: rows,
      sortable: false, classes: "comparison")
  }
}

import Foundation
import PlannerDomain
import PlannerHTML
import Testing

/// Names from the scenario are data, never markup: they render as text in HTML and SVG alike.
@Suite struct EscapingTests {
  static let hostileClient = "<script>alert(\"x\")</script>"
  static let quotedClient = "O'Brien \"Bob\" & sons"
  static let entityClient = "A&lt;B"
  static let arabicClient = "أحمد"
  static let tigrinyaClient = "ሰላም ተስፋይ"
  static let programme = "taal <b>klas</b> & \"co\""
  static let arabicProvider = "مدرسة اللغة"
  static let tigrinyaProvider = "ትምህርቲ ቋንቋ"
  static let specialist = "<img src=x onerror=alert(1)>"
  static let route = "b1'/><svg onload=alert(2)>"

  static func scenario() -> Scenario {
    let start = Month(year: 2025, month: 1)
    let route = Route(name: route, steps: ["taal", "werk"])
    let clients = [hostileClient, quotedClient, entityClient, arabicClient, tigrinyaClient].enumerated().map {
      index, id in
      Client(id: id, available: start.adding(index % 2), route: route.name, languages: ["ar", "ti"])
    }
    return Scenario(
      name: "names <&> \"test\"", start: start, horizon: 8,
      caseload: CaseloadPolicy(cap: ExactDecimal(3), basis: .monthly), routes: [route],
      programmes: [
        Programme(
          id: programme, provider: arabicProvider, step: "taal", duration: .months(2), seats: 4, minSize: 2),
        Programme(id: "werk-ፈተና", provider: tigrinyaProvider, step: "werk", duration: .months(1), seats: 3),
      ],
      specialists: [Specialist(id: specialist, languages: ["ar"]), Specialist(id: "ትግርኛ", languages: ["ti"])],
      clients: clients)
  }

  /// A plan made by hand (the optimiser's model names reject white space), with one month
  /// over the cap and an under-full class, so that every chart shows the names.
  static func plan(_ scenario: Scenario) -> Plan {
    let month = { scenario.start.adding($0) }
    let ids = [hostileClient, quotedClient, entityClient, arabicClient, tigrinyaClient]
    let clients = ids.enumerated().map { index, id in
      let taalStart = month(index < 3 ? 1 : 3)
      return PlannedClient(
        reference: .known(id: id), count: 1, available: month(index % 2), route: route, profile: nil,
        languages: ["ar", "ti"], specialist: index < 4 ? specialist : "ትግርኛ", intake: month(index % 2),
        exit: taalStart.adding(3),
        steps: [
          PlannedStep(
            step: "taal",
            outcome: .started(
              programme: programme, group: 1, ready: month(index % 2 + 1), start: taalStart,
              wait: taalStart.offset(from: month(index % 2 + 1)))),
          PlannedStep(
            step: "werk",
            outcome: .started(
              programme: "werk-ፈተና", group: 1, ready: taalStart.adding(2), start: taalStart.adding(2), wait: 0)),
        ], wait: 1, intakeWait: 0)
    }
    return Plan(
      scenarioName: scenario.name, start: scenario.start, horizon: scenario.horizon, strategy: "optimal",
      status: .timeLimit, gap: 0.25, bound: 3, waitingMonths: 5, clients: clients,
      cohorts: [
        PlannedCohort(
          programme: programme, provider: arabicProvider, start: month(1), group: 1, size: 3, seats: 4, minSize: 2),
        PlannedCohort(
          programme: programme, provider: arabicProvider, start: month(3), group: 1, size: 2, seats: 4, minSize: 2),
        PlannedCohort(
          programme: "werk-ፈተና", provider: tigrinyaProvider, start: month(3), group: 1, size: 3, seats: 3, minSize: 1),
        PlannedCohort(
          programme: "werk-ፈተና", provider: tigrinyaProvider, start: month(5), group: 1, size: 2, seats: 3, minSize: 1),
      ],
      specialists: [
        SpecialistCaseload(id: specialist, cap: 3, caseload: [2, 4, 4, 4, 2, 2, 0, 0], years: nil),
        SpecialistCaseload(id: "ትግርኛ", cap: 3, caseload: [0, 1, 1, 1, 1, 1, 0, 0], years: nil),
      ])
  }

  static func report() -> (Plan, String) {
    let scenario = scenario()
    let plan = plan(scenario)
    let record = ReproducibilityRecord(
      scenarioDigest: "0123abcd", scenarioFile: "<names>.yaml", toolVersion: "0.1.0", solverVersion: "5.0",
      flags: ["--strategy", "optimal"], notes: ["note with <tags> & \"quotes\""])
    return (plan, HTMLReport.plan(plan, scenario: scenario, record: record))
  }

  @Test func userTextRendersAsEscapedText() {
    let (plan, html) = Self.report()
    #expect(occurrences(of: "class=\"cohort-bar ", in: html) == plan.cohorts.count)
    #expect(html.contains("OVER THE CAP"))
    #expect(html.contains("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;"))
    #expect(html.contains("O&#39;Brien &quot;Bob&quot; &amp; sons"))
    #expect(html.contains("A&amp;lt;B"))
    #expect(html.contains("taal &lt;b&gt;klas&lt;/b&gt; &amp; &quot;co&quot;"))
    #expect(html.contains("&lt;img src=x onerror=alert(1)&gt;"))
    #expect(html.contains("b1&#39;/&gt;&lt;svg onload=alert(2)&gt;"))
    #expect(html.contains("names &lt;&amp;&gt; &quot;test&quot;"))
    #expect(html.contains("note with &lt;tags&gt; &amp; &quot;quotes&quot;"))
  }

  @Test func nonLatinScriptsStayAsTheyAre() {
    let (_, html) = Self.report()
    for text in [
      Self.arabicClient, Self.tigrinyaClient, Self.arabicProvider, Self.tigrinyaProvider, "werk-ፈተና", "ትግርኛ",
    ] {
      #expect(html.contains(text), "\(text)")
    }
    #expect(html.contains("<meta charset=\"utf-8\""))
  }

  @Test func noMarkupFromUserData() {
    let (_, html) = Self.report()
    for raw in [
      Self.hostileClient, Self.quotedClient, Self.programme, Self.specialist, Self.route, "<b>klas", "<img",
      "<svg onload",
    ] {
      #expect(!html.contains(raw), "\(raw)")
    }
    // The page's own table sorter is its only script; no user value opens another.
    #expect(occurrences(of: "<script", in: html) == 1)
    #expect(!html.lowercased().contains("onerror=alert(1)>"))
    // Marks carry the names in escaped data attributes.
    #expect(html.contains("data-specialist=\"&lt;img src=x onerror=alert(1)&gt;\""))
    #expect(html.contains("data-programme=\"taal &lt;b&gt;klas&lt;/b&gt; &amp; &quot;co&quot;\""))
  }

  @Test func escapingFunction() {
    #expect(Markup.escaped("a<b>&\"'") == "a&lt;b&gt;&amp;&quot;&#39;")
    #expect(Markup.escaped("&amp;") == "&amp;amp;")
    #expect(Markup.escaped("tab\tline\nend") == "tab\tline\nend")
    #expect(Markup.escaped("nul\u{0}bell\u{7}") == "nul\u{FFFD}bell\u{FFFD}")
    #expect(Markup.escaped("ሰላም أحمد") == "ሰላም أحمد")
  }

  @Test func everyIDIsUnique() {
    let (plan, html) = Self.report()
    let scenario = Self.scenario()
    let comparison = HTMLReport.comparison([
      .init(label: "first <A>", plan: plan, scenario: scenario),
      .init(label: "second & B", plan: plan, scenario: scenario),
    ])
    for page in [html, comparison] {
      let ids = page.components(separatedBy: " id=\"").dropFirst().compactMap { $0.split(separator: "\"").first }
      #expect(Set(ids).count == ids.count, "\(ids)")
      #expect(!ids.isEmpty)
    }
    #expect(comparison.contains("first &lt;A&gt;"))
    #expect(comparison.contains("second &amp; B"))
  }
}

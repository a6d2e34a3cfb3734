import Foundation
import PlannerDomain
import Testing

@testable import ScenarioIO

/// One broken scenario per validation rule: the rule must report the right key path, on the
/// line the user must edit, with a message that says what is wrong.
struct RuleCase: Sendable, CustomTestStringConvertible {
  var rule: String
  var replacements: [(String, String)]
  var path: String
  /// Text on the line the diagnostic must point at, after the replacements.
  var lineMarker: String
  var message: String
  var hint: String?
  var severity: Diagnostic.Severity = .error

  var testDescription: String { rule }
}

let ruleCases: [RuleCase] = [
  RuleCase(
    rule: "unknown key with suggestion", replacements: [("min_size: 2", "min_sise: 2")],
    path: "programmes[0].min_sise", lineMarker: "min_sise", message: "unknown key 'min_sise'",
    hint: "did you mean 'min_size'?"),
  RuleCase(
    rule: "unknown top-level key", replacements: [("horizon: 12", "horizont: 12")], path: "horizont",
    lineMarker: "horizont", message: "unknown key 'horizont'", hint: "did you mean 'horizon'?"),
  RuleCase(
    rule: "camelCase key", replacements: [("min_size: 2", "minSize: 2")], path: "programmes[0].minSize",
    lineMarker: "minSize", message: "unknown key", hint: "did you mean 'min_size'?"),
  RuleCase(
    rule: "text where a number belongs", replacements: [("seats: 10", "seats: ten")], path: "programmes[0].seats",
    lineMarker: "vt-seats", message: "expected a whole number, found 'ten'"),
  RuleCase(
    rule: "quoted number", replacements: [("seats: 10", "seats: \"10\"")], path: "programmes[0].seats",
    lineMarker: "vt-seats", message: "found the text \"10\"", hint: "remove the quotes"),
  RuleCase(
    rule: "fraction where a whole number belongs", replacements: [("seats: 10", "seats: 10.5")],
    path: "programmes[0].seats", lineMarker: "vt-seats", message: "must be a whole number (found 10.5)"),
  RuleCase(
    rule: "list where a number belongs", replacements: [("seats: 10", "seats: [10]")], path: "programmes[0].seats",
    lineMarker: "vt-seats", message: "expected a whole number, found a list"),
  RuleCase(
    rule: "month without leading zero", replacements: [("start: 2025-01", "start: 2025-1")], path: "start",
    lineMarker: "start: 2025-1", message: "expected a month as YYYY-MM, found '2025-1'", hint: "2025-01"),
  RuleCase(
    rule: "date instead of month", replacements: [("available: 2024-11", "available: 2024-11-15")],
    path: "clients[0].available", lineMarker: "c1-available", message: "expected a month as YYYY-MM",
    hint: "write 2024-11"),
  RuleCase(
    rule: "month 13", replacements: [("intake: 2024-07", "intake: 2024-13")], path: "clients[1].intake",
    lineMarker: "intake: 2024-13", message: "month 13 does not exist"),
  RuleCase(
    rule: "number instead of month", replacements: [("from: 2025-03", "from: 202503")], path: "specialists[1].from",
    lineMarker: "bert-from", message: "expected a month as YYYY-MM, found '202503'"),
  RuleCase(
    rule: "duplicate programme id", replacements: [("id: taal", "id: vt")], path: "programmes[1].id",
    lineMarker: "taal-id", message: "programme id 'vt' is used twice (first at programmes[0].id)"),
  RuleCase(
    rule: "duplicate specialist id", replacements: [("id: bert", "id: anna")], path: "specialists[1].id",
    lineMarker: "bert-id", message: "specialist id 'anna' is used twice"),
  RuleCase(
    rule: "duplicate client id", replacements: [("id: c2", "id: c1")], path: "clients[1].id", lineMarker: "c2-id",
    message: "client id 'c1' is used twice"),
  RuleCase(
    rule: "unknown step", replacements: [("step: language", "step: langauge")], path: "programmes[1].step",
    lineMarker: "taal-step", message: "no route has a step 'langauge'", hint: "did you mean 'language'?"),
  RuleCase(
    rule: "unknown route in a programme", replacements: [("routes: [b1, z]", "routes: [b1, zz]")],
    path: "programmes[1].routes[1]", lineMarker: "routes: [b1, zz]", message: "unknown route 'zz'",
    hint: "did you mean 'z'?"),
  RuleCase(
    rule: "unknown route of a client", replacements: [("route: b1 # c1-route", "route: b2 # c1-route")],
    path: "clients[0].route", lineMarker: "c1-route", message: "unknown route 'b2'", hint: "did you mean 'b1'?"),
  RuleCase(
    rule: "unknown pinned specialist", replacements: [("specialist: bert", "specialist: bret")],
    path: "clients[1].specialist", lineMarker: "c2-specialist", message: "unknown specialist 'bret'",
    hint: "did you mean 'bert'?"),
  RuleCase(
    rule: "unknown pinned programme", replacements: [("{programme: taal,", "{programme: tal,")],
    path: "clients[1].steps.language.programme", lineMarker: "c2-pin", message: "unknown programme 'tal'",
    hint: "did you mean 'taal'?"),
  RuleCase(
    rule: "seats below 1", replacements: [("seats: 10", "seats: 0")], path: "programmes[0].seats",
    lineMarker: "vt-seats", message: "must be at least 1 (found 0)"),
  RuleCase(
    rule: "min_size above seats", replacements: [("min_size: 2", "min_size: 20")], path: "programmes[0].min_size",
    lineMarker: "vt-min", message: "min_size (20) is larger than seats (10)"),
  RuleCase(
    rule: "min_size below 1", replacements: [("min_size: 2", "min_size: 0")], path: "programmes[0].min_size",
    lineMarker: "vt-min", message: "must be at least 1 (found 0)"),
  RuleCase(
    rule: "groups below 1", replacements: [("groups: 2", "groups: 0")], path: "programmes[0].groups",
    lineMarker: "vt-groups", message: "must be at least 1 (found 0)"),
  RuleCase(
    rule: "fte zero", replacements: [("fte: 0.8", "fte: 0")], path: "specialists[0].fte", lineMarker: "fte: 0",
    message: "must be greater than 0 (found 0)"),
  RuleCase(
    rule: "fte negative", replacements: [("fte: 0.8", "fte: -0.5")], path: "specialists[0].fte",
    lineMarker: "fte: -0.5", message: "must be greater than 0 (found -0.5)"),
  RuleCase(
    rule: "fte with five decimals", replacements: [("fte: 0.8", "fte: 0.12345")], path: "specialists[0].fte",
    lineMarker: "fte:", message: "at most four decimals"),
  RuleCase(
    rule: "cap zero", replacements: [("cap: 100", "cap: 0")], path: "caseload.cap", lineMarker: "caseload-cap",
    message: "must be greater than 0"),
  RuleCase(
    rule: "personal cap zero", replacements: [("cap: 90", "cap: 0")], path: "specialists[1].cap",
    lineMarker: "cap: 0", message: "must be greater than 0"),
  RuleCase(
    rule: "horizon zero", replacements: [("horizon: 12", "horizon: 0")], path: "horizon", lineMarker: "horizon:",
    message: "must be at least 1 (found 0)"),
  RuleCase(
    rule: "horizon absurdly large", replacements: [("horizon: 12", "horizon: 99999999999999999999999")],
    path: "horizon", lineMarker: "horizon:", message: "must be at most 1200"),
  RuleCase(
    rule: "duration below 1", replacements: [("duration_months: 5", "duration_months: 0")],
    path: "programmes[1].duration_months", lineMarker: "taal-duration", message: "must be at least 1 (found 0)"),
  RuleCase(
    rule: "duration in weeks below 1", replacements: [("duration_weeks: 12", "duration_weeks: 0")],
    path: "programmes[0].duration_weeks", lineMarker: "duration_weeks", message: "must be at least 1 (found 0)"),
  RuleCase(
    rule: "both durations", replacements: [("duration_months: 5", "duration_months: 5\n    duration_weeks: 20")],
    path: "programmes[1].duration_weeks", lineMarker: "duration_weeks: 20",
    message: "either duration_months or duration_weeks, not both"),
  RuleCase(
    rule: "no duration", replacements: [("    duration_months: 5 # taal-duration\n", "")], path: "programmes[1]",
    lineMarker: "taal-id", message: "missing the programme's duration"),
  RuleCase(
    rule: "intake_months negative", replacements: [("intake_months: 1", "intake_months: -1")],
    path: "routes.b1.intake_months", lineMarker: "b1-intake", message: "must be at least 0 (found -1)"),
  RuleCase(
    rule: "count below 1", replacements: [("count: 5", "count: 0")], path: "inflow[0].count",
    lineMarker: "inflow-count", message: "must be at least 1 (found 0)"),
  RuleCase(
    rule: "missing required key", replacements: [("    seats: 12 # taal-seats\n", "")], path: "programmes[1]",
    lineMarker: "taal-id", message: "missing required key 'seats'"),
  RuleCase(
    rule: "unsupported version", replacements: [("version: 1", "version: 2")], path: "version",
    lineMarker: "version:", message: "unsupported version 2"),
  RuleCase(
    rule: "start month 13", replacements: [("starts: [3, 9]", "starts: [3, 13]")], path: "programmes[1].starts[1]",
    lineMarker: "starts: [3, 13]", message: "must be at most 12 (found 13)"),
  RuleCase(
    rule: "misspelt monthly", replacements: [("starts: monthly", "starts: montly")], path: "programmes[0].starts",
    lineMarker: "starts: montly", message: "expected 'monthly' or a list", hint: "did you mean 'monthly'?"),
  RuleCase(
    rule: "empty start list", replacements: [("starts: [3, 9]", "starts: []")], path: "programmes[1].starts",
    lineMarker: "starts: []", message: "lists no month"),
  RuleCase(
    rule: "misspelt choice", replacements: [("language_match: preferred", "language_match: prefered")],
    path: "language_match", lineMarker: "language_match", message: "expected one of none, preferred, required",
    hint: "did you mean 'preferred'?"),
  RuleCase(
    rule: "until before from", replacements: [("from: 2025-03", "from: 2025-03\n    until: 2025-02")],
    path: "specialists[1].until", lineMarker: "until: 2025-02", message: "until (2025-02) lies before from (2025-03)"),
  RuleCase(
    rule: "step that no eligible programme serves", replacements: [("profiles: [A, B]", "profiles: [B]")],
    path: "clients[0]", lineMarker: "- id: c1",
    message: "no programme serves step 'language' for route 'b1' with profile 'A' (1 client: 'c1')"),
  RuleCase(
    rule: "inflow group that no programme serves", replacements: [("routes: [b1, z]", "routes: [b1]")],
    path: "inflow[0]", lineMarker: "inflow-month",
    message: "no programme serves step 'language' for route 'z' with profile 'A' (5 clients: inflow[0])"),
  RuleCase(
    rule: "client without profile", replacements: [("profile: A\n    languages: [ar] # c1", "languages: [ar] # c1")],
    path: "clients[0]", lineMarker: "- id: c1", message: "for route 'b1' without a profile",
    hint: "clients without a profile join only programmes without profiles"),
  RuleCase(
    rule: "pinned start outside the calendar", replacements: [("start: 2025-03}", "start: 2025-04}")],
    path: "clients[1].steps.language.start", lineMarker: "c2-pin",
    message: "'taal' starts no cohort in April (pinned start 2025-04)", hint: "March, September"),
  RuleCase(
    rule: "pinned programme of another step", replacements: [("{programme: taal,", "{programme: vt,")],
    path: "clients[1].steps.language.programme", lineMarker: "c2-pin",
    message: "programme 'vt' serves step 'voortraject', not 'language'", hint: "taal"),
  RuleCase(
    rule: "pinned programme not admitting the profile", replacements: [("profile: B # c2", "profile: C # c2")],
    path: "clients[1].steps.language.programme", lineMarker: "c2-pin",
    message: "programme 'taal' does not admit profile 'C' (only A, B)"),
  RuleCase(
    rule: "pinned step not in the route", replacements: [("language: {programme", "langauge: {programme")],
    path: "clients[1].steps.langauge", lineMarker: "c2-pin", message: "route 'b1' has no step 'langauge'",
    hint: "did you mean 'language'?"),
  RuleCase(
    rule: "pinned step also done", replacements: [("done: [voortraject]", "done: [voortraject, language]")],
    path: "clients[1].steps.language", lineMarker: "c2-pin", message: "pinned but also listed as done"),
  RuleCase(
    rule: "pinned start after the horizon", replacements: [("start: 2025-03}", "start: 2026-03}")],
    path: "clients[1].steps.language.start", lineMarker: "c2-pin", message: "lies after the horizon"),
  RuleCase(
    rule: "pinned start before the step can be ready",
    replacements: [
      (
        "languages: [ar] # c1-languages",
        "languages: [ar] # c1-languages\n    steps: {language: {programme: taal, start: 2025-03}}"
      )
    ],
    path: "clients[0].steps.language.start", lineMarker: "steps: {language",
    message: "the pinned start 2025-03 lies before 'language' can be ready (2025-05 at the earliest"),
  RuleCase(
    rule: "pinned intake before availability",
    replacements: [
      ("languages: [ar] # c1-languages", "languages: [ar] # c1-languages\n    intake: 2025-02"),
      ("available: 2024-11", "available: 2025-04"),
    ],
    path: "clients[0].intake", lineMarker: "intake: 2025-02",
    message: "the pinned intake 2025-02 lies before the client is available (2025-04)"),
  RuleCase(
    rule: "pinned specialist not available at intake",
    replacements: [
      ("languages: [ar] # c1-languages", "languages: [ar] # c1-languages\n    intake: 2025-02\n    specialist: bert")
    ],
    path: "clients[0].specialist", lineMarker: "specialist: bert",
    message: "'bert' is not available in the pinned intake month 2025-02"),
  RuleCase(
    rule: "done step not in the route", replacements: [("done: [voortraject]", "done: [vooortraject]")],
    path: "clients[1].done[0]", lineMarker: "c2-done", message: "route 'b1' has no step 'vooortraject'",
    hint: "did you mean 'voortraject'?"),
  RuleCase(
    rule: "inflow after the horizon", replacements: [("month: 2025-04", "month: 2026-01")], path: "inflow[0].month",
    lineMarker: "inflow-month", message: "inflow month 2026-01 lies outside the horizon (2025-01 to 2025-12)"),
  RuleCase(
    rule: "inflow before the start", replacements: [("month: 2025-04", "month: 2024-12")], path: "inflow[0].month",
    lineMarker: "inflow-month", message: "lies outside the horizon"),
  RuleCase(
    rule: "empty id", replacements: [("id: c2", "id: \"\"")], path: "clients[1].id", lineMarker: "c2-id",
    message: "must not be empty"),
  RuleCase(
    rule: "no value", replacements: [("count: 5", "count:")], path: "inflow[0].count", lineMarker: "inflow-count",
    message: "has no value"),
  RuleCase(
    rule: "language list written as text", replacements: [("languages: [ti]", "languages: ti")],
    path: "clients[1].languages", lineMarker: "languages: ti", message: "expected a list of languages, found 'ti'"),
  RuleCase(
    rule: "specialist speaking no client's language", replacements: [("languages: [nl, ti]", "languages: [fr]")],
    path: "specialists[1].languages", lineMarker: "bert-languages",
    message: "'bert' speaks no language of any client (fr)", severity: .warning),
  RuleCase(
    rule: "programme no client can join",
    replacements: [
      (
        "specialists:\n",
        "  - id: extra\n    provider: X\n    step: language\n    profiles: [Q]\n    duration_months: 2\n    starts: monthly\n    seats: 5\nspecialists:\n"
      )
    ],
    path: "programmes[2]", lineMarker: "- id: extra",
    message: "no client or inflow group can join 'extra' (step 'language', profiles Q)", severity: .warning),
  RuleCase(
    rule: "specialist leaving before the start", replacements: [("from: 2025-03", "until: 2024-12")],
    path: "specialists[1].until", lineMarker: "until: 2024-12", message: "leaves (2024-12) before the plan starts",
    severity: .warning),
  RuleCase(
    rule: "client available after the horizon", replacements: [("available: 2024-11", "available: 2026-02")],
    path: "clients[0].available", lineMarker: "c1-available", message: "after the horizon and is not planned",
    severity: .warning),
]

@Test(arguments: ruleCases)
func ruleIsReportedWhereTheUserMustEdit(_ rule: RuleCase) throws {
  let yaml = mutated(rule.replacements)
  let found = diagnostics(of: yaml).filter { $0.severity == rule.severity }
  let expectedLine = try #require(line(of: rule.lineMarker, in: yaml), "marker not in the mutated file")
  let match = found.first { $0.path == rule.path && $0.message.contains(rule.message) }
  #expect(
    match != nil,
    "no \(rule.severity) at \(rule.path) containing '\(rule.message)'; got:\n\(found.map(\.description).joined(separator: "\n"))"
  )
  guard let match else { return }
  #expect(match.file == "test.yaml")
  #expect(match.line == expectedLine, "\(match)")
  #expect(match.column != nil)
  if let hint = rule.hint { #expect(match.hint?.contains(hint) == true, "hint: \(match.hint ?? "none")") }
}

@Test func baseScenarioLoadsWithoutAnyDiagnostic() throws {
  let loaded = try ScenarioLoader.load(yaml: baseYAML, fileName: "test.yaml", baseDirectory: nil)
  #expect(loaded.warnings.isEmpty, "\(loaded.warnings)")
  let scenario = loaded.scenario
  #expect(scenario.name == "Test gemeente")
  #expect(scenario.start == Month(year: 2025, month: 1))
  #expect(scenario.routes.map(\.name) == ["b1", "z"])
  #expect(
    scenario.routes[1].intakeMonths == 1 && scenario.routes[1].intakeWithin == 2 && scenario.routes[1].aftercare == 0)
  #expect(scenario.programmes[0].duration == .weeks(12) && scenario.programmes[0].duration.months == 3)
  #expect(scenario.programmes[1].starts == .months([3, 9]) && scenario.programmes[1].minSize == 1)
  #expect(scenario.programmes[1].groups == 1 && scenario.programmes[0].routes == nil)
  #expect(scenario.specialists[0].fte == ExactDecimal(scaled: 8000))
  #expect(scenario.specialists[1].fte == ExactDecimal(1) && scenario.specialists[1].cap == ExactDecimal(90))
  #expect(scenario.clients[1].pins.steps["language"] == StepPin(programme: "taal", start: Month(year: 2025, month: 3)))
  #expect(scenario.clients[1].pins.specialist == "bert" && scenario.clients[1].done == ["voortraject"])
  #expect(
    scenario.inflow == [
      InflowGroup(month: Month(year: 2025, month: 4), count: 5, route: "z", profile: "A", languages: ["ar"])
    ])
  #expect(loaded.sourceDigest.count == 64)
}

@Test func defaultsFollowTheModel() throws {
  let yaml = mutated([
    ("  basis: annual\n", ""), ("language_match: preferred\n", ""), ("    min_size: 2 # vt-min\n", ""),
    ("    groups: 2 # vt-groups\n", ""), ("    fte: 0.8\n", ""),
  ])
  let scenario = try ScenarioLoader.load(yaml: yaml, fileName: "test.yaml", baseDirectory: nil).scenario
  #expect(scenario.caseload.basis == .annual)
  #expect(scenario.languageMatch == .preferred)
  #expect(scenario.programmes[0].minSize == 1 && scenario.programmes[0].groups == 1)
  #expect(scenario.specialists[0].fte == ExactDecimal(1))
}

@Test func pinsBeforeTheStartAreHistoryAndNotCheckedAgainstTheCalendar() throws {
  let yaml = mutated([("start: 2025-03}", "start: 2024-10}")])
  let loaded = try ScenarioLoader.load(yaml: yaml, fileName: "test.yaml", baseDirectory: nil)
  #expect(loaded.scenario.clients[1].pins.steps["language"]?.start == Month(year: 2024, month: 10))
}

@Test func manyProblemsAreReportedInOneRun() {
  let yaml = mutated([
    ("seats: 10", "seats: 0"), ("min_size: 2", "min_sise: 2"), ("step: language", "step: langauge"),
    ("fte: 0.8", "fte: 0"), ("specialist: bert", "specialist: bret"), ("month: 2025-04", "month: 2027-01"),
    ("available: 2024-11", "available: 2024-1"),
  ])
  let found = errors(of: yaml)
  let paths = Set(found.map(\.path))
  for path in [
    "programmes[0].seats", "programmes[0].min_sise", "programmes[1].step", "specialists[0].fte",
    "clients[1].specialist", "inflow[0].month", "clients[0].available",
  ] {
    #expect(paths.contains(path), "missing \(path) in\n\(found.map(\.description).joined(separator: "\n"))")
  }
  let lines = found.compactMap(\.line)
  #expect(lines == lines.sorted(), "diagnostics are sorted by line")
}

@Test func descriptionReadsLikeACompilerMessage() {
  let diagnostic = Diagnostic(
    severity: .error, file: "tutorial.yaml", path: "programmes[2].seats", line: 12, column: 5,
    message: "must be at least 1 (found 0)", hint: "a cohort needs a seat")
  #expect(
    diagnostic.description
      == "tutorial.yaml:12:5: error: programmes[2].seats: must be at least 1 (found 0). hint: a cohort needs a seat")
  let bare = Diagnostic(severity: .warning, file: "x.yaml", path: "", message: "odd")
  #expect(bare.description == "x.yaml: warning: odd")
}

@Test func summaryCountsPossibleCohorts() throws {
  let scenario = try ScenarioLoader.load(yaml: baseYAML, fileName: "test.yaml", baseDirectory: nil).scenario
  let summary = ScenarioSummary(scenario)
  // vt: monthly × 12 months × 2 groups; taal: March and September × 1 group.
  #expect(summary.possibleCohorts == 26)
  #expect(summary.firstMonth == Month(year: 2025, month: 1) && summary.lastMonth == Month(year: 2025, month: 12))
  #expect(summary.inflowGroups == 1 && summary.inflowClients == 5 && summary.clients == 2)
  #expect(summary.totalFTE == ExactDecimal(scaled: 18_000) && summary.providers == 2 && summary.specialists == 2)
}

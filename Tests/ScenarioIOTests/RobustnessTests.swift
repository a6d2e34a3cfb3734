import Foundation
import PlannerDomain
import Testing

@testable import ScenarioIO

/// Hostile or accidental input must give diagnostics, never a crash or a hang.
@Test(arguments: [
  ("", "the file is empty"),
  ("# only a comment\n", "the file is empty"),
  ("- a\n- b\n", "expected a scenario (a mapping"),
  ("just text", "expected a scenario (a mapping"),
  ("version: 1\n\tname: x\n", "YAML syntax"),
  ("version: 1\nname: [unclosed\n", "YAML syntax"),
  ("version: 1\nversion: 1\n", "key 'version' appears more than once"),
  ("version: 1\n---\nversion: 1\n", "YAML syntax"),
  ("a: &a [x, x]\nb: [*a, *a]\n", "the alias *a repeats a list or mapping"),
  (String(repeating: "[", count: 5000), "YAML nesting is too deep"),
  (String(repeating: "- ", count: 3000) + "x\n", "YAML nesting is too deep"),
  ("version: 1\nhorizon: 1e400\n", "expected a whole number"),
  ("version: 1\nhorizon: -99999999999999999999999999\n", "must be at most"),
  ("? [a, b]\n: c\n", "keys must be plain names"),
])
func malformedInputGivesDiagnostics(_ input: (yaml: String, message: String)) {
  let found = diagnostics(of: input.yaml)
  #expect(found.contains { $0.severity == .error && $0.message.contains(input.message) }, "\(found)")
  #expect(found.allSatisfy { $0.file == "test.yaml" && ($0.line ?? 1) >= 1 })
}

@Test func nestedAliasesAreRefusedBeforeExpanding() {
  var yaml = "a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n"
  for level in 1..<30 {
    let previous = "*a\(level - 1)"
    yaml += "a\(level): &a\(level) [\(Array(repeating: previous, count: 10).joined(separator: ", "))]\n"
  }
  yaml += "clients: *a29\n"
  let found = errors(of: yaml)
  #expect(found.contains { $0.message.contains("repeats a list or mapping") && $0.line == 2 })
}

@Test func aliasesOfSingleValuesAreFine() throws {
  let yaml = mutated([
    ("languages: [nl, ar]", "languages: [&nl nl, ar]"), ("languages: [nl, ti]", "languages: [*nl, ti]"),
  ])
  let scenario = try ScenarioLoader.load(yaml: yaml, fileName: "test.yaml", baseDirectory: nil).scenario
  #expect(scenario.specialists[1].languages == ["nl", "ti"])
}

@Test func unreadableFilesAreDiagnosticsWithoutFoundationText() throws {
  let directory = try temporaryDirectory(with: [:])
  let invalidUTF8 = directory + "/latin1.yaml"
  try Data([0x6E, 0x61, 0x6D, 0x65, 0x3A, 0x20, 0xE9, 0x0A]).write(to: URL(fileURLWithPath: invalidUTF8))
  for (path, message) in [
    (directory + "/missing.yaml", "no such file"), (directory, "a directory"), (invalidUTF8, "not UTF-8"),
  ] {
    do {
      _ = try ScenarioLoader.load(path: path)
      Issue.record("\(path) loaded")
    } catch {
      #expect(error.isUnreadable)
      #expect(error.diagnostics.count == 1)
      #expect(error.description.contains(message), "\(error)")
      #expect(!error.description.contains("NSCocoaErrorDomain") && !error.description.contains("Error Domain"))
      #expect(error.diagnostics.first?.file == path)
    }
  }
}

@Test func quotedAndPlainMonthsBothLoad() throws {
  let yaml = mutated([("start: 2025-01", "start: \"2025-01\""), ("month: 2025-04", "month: '2025-04'")])
  let scenario = try ScenarioLoader.load(yaml: yaml, fileName: "test.yaml", baseDirectory: nil).scenario
  #expect(scenario.start == Month(year: 2025, month: 1) && scenario.inflow[0].month == Month(year: 2025, month: 4))
}

@Test func editDistanceSuggestionsAreConservative() {
  #expect(Suggestions.closest(to: "seat", in: ["seats", "groups"]) == "seats")
  #expect(Suggestions.closest(to: "bret", in: ["bert", "anna"]) == "bert")
  #expect(Suggestions.closest(to: "MinSize", in: ["min_size"]) == "min_size")
  #expect(Suggestions.closest(to: "colour", in: ["id", "route", "available"]) == nil)
  #expect(Suggestions.editDistance("kitten", "sitting", limit: 5) == 3)
}

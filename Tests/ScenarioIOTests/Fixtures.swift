import Foundation
import PlannerDomain
import Testing

@testable import ScenarioIO

/// A small valid scenario. Trailing comments make lines unique, so that a test can break one
/// line by replacing text and find the line the diagnostic must point at.
let baseYAML = """
  version: 1
  name: Test gemeente
  start: 2025-01
  horizon: 12
  caseload:
    cap: 100 # caseload-cap
    basis: annual
  language_match: preferred
  routes:
    b1:
      steps: [voortraject, language]
      intake_months: 1 # b1-intake
    z:
      steps: [language]
  programmes:
    - id: vt
      provider: Gemeente
      step: voortraject
      duration_weeks: 12
      starts: monthly
      seats: 10 # vt-seats
      min_size: 2 # vt-min
      groups: 2 # vt-groups
    - id: taal # taal-id
      provider: VWN
      step: language # taal-step
      routes: [b1, z]
      profiles: [A, B]
      duration_months: 5 # taal-duration
      starts: [3, 9]
      seats: 12 # taal-seats
  specialists:
    - id: anna
      fte: 0.8
      languages: [nl, ar]
    - id: bert # bert-id
      languages: [nl, ti] # bert-languages
      from: 2025-03 # bert-from
      cap: 90
  clients:
    - id: c1
      available: 2024-11 # c1-available
      route: b1 # c1-route
      profile: A
      languages: [ar] # c1-languages
    - id: c2 # c2-id
      available: 2024-06
      route: b1
      profile: B # c2-profile
      languages: [ti]
      done: [voortraject] # c2-done
      specialist: bert # c2-specialist
      intake: 2024-07
      steps:
        language: {programme: taal, start: 2025-03} # c2-pin
  inflow:
    - month: 2025-04 # inflow-month
      count: 5 # inflow-count
      route: z
      profile: A
      languages: [ar]

  """

/// The 1-based line of the first line containing `marker`.
func line(of marker: String, in text: String) -> Int? {
  let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
  return lines.firstIndex { $0.contains(marker) }.map { $0 + 1 }
}

/// `baseYAML` with each `(old, new)` replacement applied; the old text must occur.
func mutated(_ replacements: [(String, String)], in text: String = baseYAML) -> String {
  var result = text
  for (old, new) in replacements {
    #expect(result.contains(old), "fixture has no '\(old)'")
    result = result.replacingOccurrences(of: old, with: new)
  }
  return result
}

/// Every diagnostic of loading `yaml` (errors and warnings); empty warnings-only when it loads.
func diagnostics(of yaml: String, fileName: String = "test.yaml", baseDirectory: String? = nil) -> [Diagnostic] {
  do {
    return try ScenarioLoader.load(yaml: yaml, fileName: fileName, baseDirectory: baseDirectory).warnings
  } catch {
    return error.diagnostics
  }
}

func errors(of yaml: String) -> [Diagnostic] { diagnostics(of: yaml).filter { $0.severity == .error } }

/// A fresh temporary directory holding `files` (name → contents).
func temporaryDirectory(with files: [String: String]) throws -> String {
  let directory = FileManager.default.temporaryDirectory.appendingPathComponent("scenario-io-\(UUID().uuidString)")
  try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
  for (name, contents) in files {
    try contents.write(to: directory.appendingPathComponent(name), atomically: true, encoding: .utf8)
  }
  return directory.path
}

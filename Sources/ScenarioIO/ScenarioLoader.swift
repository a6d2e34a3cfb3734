import Foundation
import PlannerDomain
import Yams

/// A scenario read from its file, valid, with the warnings found while reading it.
public struct LoadedScenario: Sendable {
  public let scenario: Scenario
  /// Legal but suspicious input, sorted by file and line.
  public let warnings: [Diagnostic]
  /// Hex SHA-256 fingerprint of the inputs, for reproducibility records: the scenario file's
  /// bytes, then for each referenced CSV file (clients, then inflow) its name as written in
  /// the scenario, a newline, its byte count, a newline and its bytes.
  public let sourceDigest: String

  public init(scenario: Scenario, warnings: [Diagnostic], sourceDigest: String) {
    self.scenario = scenario
    self.warnings = warnings
    self.sourceDigest = sourceDigest
  }
}

/// Reads scenario files (format version 1, docs/scenario-format.md) and checks them, reporting
/// every problem at once.
public enum ScenarioLoader {
  /// Loads the scenario at `path`; CSV files it references are read relative to its directory.
  ///
  /// A missing or unreadable file is reported as a diagnostic too, with
  /// ``ScenarioLoadError/isUnreadable`` set.
  ///
  /// `overrides` change the file's YAML tree, in order, before it is decoded and checked
  /// (``ScenarioOverride``); problems in the values they wrote name them, and the source digest
  /// then covers their texts too.
  public static func load(path: String, overrides: [ScenarioOverride] = []) throws(ScenarioLoadError)
    -> LoadedScenario
  {
    let bytes: [UInt8]
    switch FileInput.read(path) {
    case .success(let data): bytes = data
    case .failure(let problem):
      throw ScenarioLoadError(
        diagnostics: [
          Diagnostic(
            severity: .error, file: path, path: "", message: "cannot read the scenario: " + problem.message,
            hint: problem.hint)
        ], isUnreadable: true)
    }
    guard let text = String(validating: bytes, as: UTF8.self) else {
      throw ScenarioLoadError(
        diagnostics: [
          Diagnostic(
            severity: .error, file: path, path: "", message: "the scenario is not UTF-8 text",
            hint: "save it as UTF-8")
        ], isUnreadable: true)
    }
    let directory = URL(fileURLWithPath: path).deletingLastPathComponent().path
    return try load(text: text, bytes: bytes, fileName: path, baseDirectory: directory, overrides: overrides)
  }

  /// Loads a scenario from text. `fileName` names it in diagnostics; `baseDirectory` is where
  /// referenced CSV files are looked for (nil: such references are errors).
  public static func load(
    yaml: String, fileName: String, baseDirectory: String?, overrides: [ScenarioOverride] = []
  ) throws(ScenarioLoadError) -> LoadedScenario {
    try load(
      text: yaml, bytes: Array(yaml.utf8), fileName: fileName, baseDirectory: baseDirectory, overrides: overrides)
  }

  private static func load(
    text: String, bytes: [UInt8], fileName: String, baseDirectory: String?, overrides: [ScenarioOverride]
  ) throws(ScenarioLoadError) -> LoadedScenario {
    guard bytes.count <= YAMLDocument.maximumBytes else {
      throw ScenarioLoadError(diagnostics: [
        Diagnostic(
          severity: .error, file: fileName, path: "",
          message: "the scenario is larger than \(YAMLDocument.maximumBytes / 1024 / 1024) MiB")
      ])
    }
    var root: Yams.Node
    switch YAMLDocument.compose(text, file: fileName) {
    case .success(let node): root = node
    case .failure(let error): throw error
    }
    var applied: [ScenarioOverride.Applied] = []
    if !overrides.isEmpty {
      switch ScenarioOverride.apply(overrides, to: root, file: fileName) {
      case .success(let changed): (root, applied) = (changed.root, changed.applied)
      case .failure(let error): throw error
      }
    }
    let decoder = ScenarioDecoder(file: fileName, baseDirectory: baseDirectory)
    let draft = decoder.decodeScenario(root)
    var validator = ScenarioValidator(draft: draft, sourceMap: decoder.sourceMap)
    let diagnostics = ScenarioOverride.attribute(decoder.diagnostics + validator.validate(), to: applied)
    let hasErrors = diagnostics.contains { $0.severity == .error }
    guard !hasErrors, draft.isComplete, let scenario = assemble(draft) else {
      if !hasErrors {
        // Unreachable by construction; kept so that an incomplete draft can never pass silently.
        throw ScenarioLoadError(
          diagnostics: diagnostics + [
            Diagnostic(severity: .error, file: fileName, path: "", message: "the scenario is incomplete")
          ])
      }
      throw ScenarioLoadError(diagnostics: diagnostics)
    }
    var digest = SHA256()
    digest.update(bytes)
    for (name, fileBytes) in decoder.referencedFiles {
      digest.update(Array(name.utf8) + [0x0A] + Array(String(fileBytes.count).utf8) + [0x0A])
      digest.update(fileBytes)
    }
    for override in overrides { digest.update(Array(("override " + override.text + "\n").utf8)) }
    return LoadedScenario(
      scenario: scenario, warnings: Diagnostic.sortedByPosition(diagnostics), sourceDigest: digest.hexDigest())
  }

  private static func assemble(_ draft: ScenarioDraft) -> Scenario? {
    guard let name = draft.name, let start = draft.start, let horizon = draft.horizon, let caseload = draft.caseload
    else { return nil }
    return Scenario(
      name: name, start: start, horizon: horizon, caseload: caseload, languageMatch: draft.languageMatch,
      routes: draft.routes, programmes: draft.programmes.map(\.value), specialists: draft.specialists.map(\.value),
      clients: draft.clients.map(\.value), inflow: draft.inflow.map(\.value))
  }
}

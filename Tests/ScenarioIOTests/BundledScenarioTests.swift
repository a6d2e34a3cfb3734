import Foundation
import PlannerDomain
import Testing
import Yams

@testable import ScenarioIO

/// The repository root, found from this file's path (Tests/ScenarioIOTests/…).
private let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
  .deletingLastPathComponent()

private let schemaPath = repositoryRoot.appendingPathComponent("docs/scenario.schema.json").path

/// Every `scenarios/*.yaml` shipped with the repository.
private func bundledScenarios() -> [String] {
  let directory = repositoryRoot.appendingPathComponent("scenarios")
  let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
  return names.filter { $0.hasSuffix(".yaml") }.sorted().map { directory.appendingPathComponent($0).path }
}

@Test func bundledScenariosLoadWithoutErrors() throws {
  let paths = bundledScenarios()
  #expect(paths.count >= 3, "expected eindhoven-2020, meerinzicht and tutorial in scenarios/")
  for path in paths {
    do {
      let loaded = try ScenarioLoader.load(path: path)
      #expect(!loaded.scenario.programmes.isEmpty && !loaded.scenario.specialists.isEmpty, "\(path)")
    } catch {
      Issue.record("\(path) does not load:\n\(error)")
    }
  }
}

@Test func bundledScenariosMatchTheSchema() throws {
  let paths = bundledScenarios()
  #expect(!paths.isEmpty)
  var documents: [(String, String)] = []
  for path in paths {
    documents.append((path, try jsonText(ofYAMLFile: path)))
  }
  documents.append(("baseYAML", try jsonText(ofYAML: baseYAML)))
  documents.append(("written", try jsonText(ofYAML: ScenarioWriter.yaml(generatedScenario(seed: 42)))))
  let result = try validateWithJSONSchema(documents)
  #expect(result.status == 0, "\(result.output)")
  #expect(result.output.contains("validated \(documents.count) documents"), "\(result.output)")
}

@Test func theSchemaRejectsWhatTheLoaderRejects() throws {
  let broken: [(String, [(String, String)])] = [
    ("seats", [("seats: 10", "seats: 0")]),
    ("unknown key", [("min_size: 2", "min_sise: 2")]),
    ("month", [("start: 2025-01", "start: 2025-1")]),
    ("both durations", [("duration_months: 5", "duration_months: 5\n    duration_weeks: 20")]),
    ("starts", [("starts: [3, 9]", "starts: [3, 13]")]),
    ("fte", [("fte: 0.8", "fte: 0")]),
  ]
  let documents = try broken.map { name, replacements in (name, try jsonText(ofYAML: mutated(replacements))) }
  let result = try validateWithJSONSchema(documents)
  #expect(result.status == 1)
  for (name, _) in broken {
    #expect(result.output.contains("INVALID \(name):"), "schema accepted \(name):\n\(result.output)")
  }
}

// MARK: Helpers

private func jsonText(ofYAMLFile path: String) throws -> String {
  try jsonText(ofYAML: String(contentsOfFile: path, encoding: .utf8))
}

/// YAML to JSON as a schema-aware editor sees it (YAML 1.2 core schema): quoted scalars are
/// strings; plain ones are null, booleans, numbers or strings.
private func jsonText(ofYAML yaml: String) throws -> String {
  guard let root = try Yams.compose(yaml: yaml) else { return "null" }
  return json(root)
}

private func json(_ node: Node) -> String {
  switch node {
  case .mapping(let mapping):
    return "{"
      + mapping.map { key, value in quote(key.scalar?.string ?? "") + ":" + json(value) }.joined(separator: ",")
      + "}"
  case .sequence(let sequence):
    return "[" + sequence.map(json).joined(separator: ",") + "]"
  case .alias:
    return "null"
  case .scalar(let scalar):
    let text = scalar.string
    guard scalar.style == .plain else { return quote(text) }
    if ["", "~", "null", "Null", "NULL"].contains(text) { return "null" }
    if ["true", "True", "TRUE"].contains(text) { return "true" }
    if ["false", "False", "FALSE"].contains(text) { return "false" }
    if text.range(of: #"^-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][-+]?[0-9]+)?$"#, options: .regularExpression) != nil {
      return text
    }
    if text.range(of: #"^[-+]?[0-9]+$"#, options: .regularExpression) != nil {
      return String(Int(text) ?? 0)
    }
    return quote(text)
  }
}

private func quote(_ text: String) -> String {
  var result = "\""
  for scalar in text.unicodeScalars {
    switch scalar {
    case "\"": result += "\\\""
    case "\\": result += "\\\\"
    case "\n": result += "\\n"
    default:
      if scalar.value < 0x20 {
        let hex = String(scalar.value, radix: 16)
        result += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
      } else {
        result.unicodeScalars.append(scalar)
      }
    }
  }
  return result + "\""
}

/// Runs Python's `jsonschema` (draft 2020-12) on each document. Prints `INVALID name: …` per
/// problem and `validated N documents`; exits 1 when any document is invalid.
private func validateWithJSONSchema(_ documents: [(name: String, json: String)]) throws -> (
  status: Int32, output: String
) {
  let directory = try temporaryDirectory(with: [:])
  var arguments: [String] = []
  for (index, document) in documents.enumerated() {
    let path = directory + "/\(index).json"
    try document.json.write(toFile: path, atomically: true, encoding: .utf8)
    arguments += [document.name, path]
  }
  let script = """
    import json, sys
    try:
        import jsonschema
    except ImportError:
        print("python3 has no jsonschema module: pip install jsonschema")
        sys.exit(3)
    schema = json.load(open(sys.argv[1]))
    jsonschema.Draft202012Validator.check_schema(schema)
    validator = jsonschema.Draft202012Validator(schema)
    pairs = sys.argv[2:]
    bad = False
    for name, path in zip(pairs[0::2], pairs[1::2]):
        for error in validator.iter_errors(json.load(open(path))):
            bad = True
            print("INVALID " + name + ": " + error.json_path + ": " + error.message)
    print("validated %d documents" % (len(pairs) // 2))
    sys.exit(1 if bad else 0)
    """
  let process = Process()
  process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
  process.arguments = ["python3", "-c", script, schemaPath] + arguments
  let pipe = Pipe()
  process.standardOutput = pipe
  process.standardError = pipe
  try process.run()
  let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
  process.waitUntilExit()
  return (process.terminationStatus, output)
}

@Test func theExampleInTheFormatDocumentLoads() throws {
  let document = try String(
    contentsOf: repositoryRoot.appendingPathComponent("docs/scenario-format.md"), encoding: .utf8)
  let parts = document.components(separatedBy: "```yaml\n")
  let example = try #require(parts.dropFirst().first?.components(separatedBy: "```").first)
  let loaded = try ScenarioLoader.load(yaml: example, fileName: "example.yaml", baseDirectory: nil)
  #expect(loaded.scenario.clients.count == 2 && loaded.scenario.programmes.count == 2)
}

@Test func theSchemaNamesTheSameKeysAsTheLoader() throws {
  let data = try Data(contentsOf: URL(fileURLWithPath: schemaPath))
  let schema = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
  func keys(_ object: Any?) -> Set<String> {
    Set(((object as? [String: Any])?["properties"] as? [String: Any])?.keys.map { $0 } ?? [])
  }
  let definitions = try #require(schema["$defs"] as? [String: Any])
  #expect(keys(schema) == Set(ScenarioDecoder.topLevelKeys))
  #expect(keys(definitions["programme"]) == Set(ScenarioDecoder.programmeKeys))
  #expect(keys(definitions["client"]) == Set(ScenarioDecoder.clientKeys))
  #expect(keys(definitions["inflowGroup"]) == Set(ScenarioDecoder.inflowKeys))
  #expect(keys(definitions["specialist"]) == ["id", "fte", "languages", "from", "until", "cap"])
  #expect(keys(definitions["route"]) == ["steps", "intake_months", "intake_within", "aftercare"])
}

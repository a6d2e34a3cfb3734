import Foundation
import Yams

/// Named what-if variants of one scenario, read from a YAML file (README.md, "What-if"):
///
/// ```yaml
/// cap 90:
///   caseload.cap: 90
/// six specialists:
///   add-specialist: SP6
/// two starts a year:
///   programmes[ehv-voortraject].starts: [3, 9]
///   specialists+: {id: SP6, languages: [nl]}
/// ```
///
/// Each variant maps override paths to values: `PATH: VALUE` is `PATH=VALUE`, `PATH+: VALUE`
/// is `PATH+=VALUE`, `PATH-: NAME` is `PATH-=NAME`, and `add-specialist: ID[:FTE]` (or a list
/// of them) is `--add-specialist`. Variants keep the file's order; `{}` is a variant without
/// changes.
public enum VariantsFile {
  public struct Variant: Sendable, Hashable {
    public var name: String
    public var overrides: [ScenarioOverride]

    public init(name: String, overrides: [ScenarioOverride]) {
      self.name = name
      self.overrides = overrides
    }
  }

  /// Reads the variants at `path`; every problem is reported at once, located in the file.
  public static func load(path: String) throws(ScenarioLoadError) -> [Variant] {
    let text: String
    switch FileInput.read(path) {
    case .success(let bytes):
      guard let decoded = String(validating: bytes, as: UTF8.self), bytes.count <= YAMLDocument.maximumBytes else {
        throw ScenarioLoadError(
          diagnostics: [
            Diagnostic(severity: .error, file: path, path: "", message: "the variants file is not UTF-8 text")
          ], isUnreadable: true)
      }
      text = decoded
    case .failure(let problem):
      throw ScenarioLoadError(
        diagnostics: [
          Diagnostic(
            severity: .error, file: path, path: "", message: "cannot read the variants file: " + problem.message,
            hint: problem.hint)
        ], isUnreadable: true)
    }
    return try load(yaml: text, fileName: path)
  }

  /// Reads variants from text; `fileName` names it in diagnostics.
  public static func load(yaml text: String, fileName: String) throws(ScenarioLoadError) -> [Variant] {
    let root: Node
    switch YAMLDocument.compose(text, file: fileName) {
    case .success(let node): root = node
    case .failure(let error): throw error
    }
    var problems: [Diagnostic] = []
    func problem(_ node: Node, _ path: String, _ message: String, hint: String? = nil) {
      problems.append(
        Diagnostic(
          severity: .error, file: fileName, path: path, line: node.mark?.line, column: node.mark?.column,
          message: message, hint: hint))
    }
    guard case .mapping(let mapping) = root else {
      problem(
        root, "", "expected a mapping from variant name to its overrides",
        hint: "write e.g.  cap 90: {caseload.cap: 90}")
      throw ScenarioLoadError(diagnostics: problems)
    }
    var variants: [Variant] = []
    for (nameNode, body) in mapping {
      guard let name = nameNode.scalar?.string, !name.trimmingCharacters(in: .whitespaces).isEmpty else {
        problem(nameNode, "", "a variant needs a name")
        continue
      }
      let variantPath = KeyPath.child("", name)
      guard case .mapping(let entries) = body else {
        if body.scalar.map({ ScenarioDecoder.isNull($0) }) == true {
          variants.append(Variant(name: name, overrides: []))
        } else {
          problem(
            body, variantPath, "expected a mapping from override path to value",
            hint: "write e.g.  \(name): {caseload.cap: 90}")
        }
        continue
      }
      var overrides: [ScenarioOverride] = []
      for (keyNode, value) in entries {
        let key = keyNode.scalar?.string ?? ""
        let origin = ScenarioOverride.Origin(file: fileName, line: keyNode.mark?.line, column: keyNode.mark?.column)
        do throws(ScenarioOverrideError) {
          overrides += try Self.overrides(key: key, value: value, origin: origin)
        } catch {
          problem(keyNode, KeyPath.child(variantPath, key), error.description)
        }
      }
      variants.append(Variant(name: name, overrides: overrides))
    }
    guard problems.isEmpty else { throw ScenarioLoadError(diagnostics: problems) }
    return variants
  }

  private static func overrides(key: String, value: Node, origin: ScenarioOverride.Origin) throws(ScenarioOverrideError)
    -> [ScenarioOverride]
  {
    if key == "add-specialist" {
      let items: [Node] = value.sequence.map { Array($0) } ?? [value]
      var result: [ScenarioOverride] = []
      for item in items {
        result.append(try ScenarioOverride(addingSpecialist: item.scalar?.string ?? "", origin: origin))
      }
      return result
    }
    var operatorText = "="
    var path = key
    if key.hasSuffix("+") || key.hasSuffix("-") {
      operatorText = String(key.suffix(1)) + "="
      path = String(key.dropLast())
    }
    return [try ScenarioOverride(parsing: path + operatorText + flowText(value), origin: origin)]
  }

  /// `value` as one line of flow-style YAML (`[3, 9]`, `{id: SP6, languages: [nl]}`), which
  /// reads back to the same value and shows well in messages.
  static func flowText(_ value: Node) -> String {
    switch value {
    case .scalar(let scalar):
      let safe = scalar.string.unicodeScalars.allSatisfy {
        ($0.properties.isAlphabetic || ("0"..."9").contains($0) || "_.-+/:@ ".unicodeScalars.contains($0))
      }
      let plain =
        (scalar.style == .plain || scalar.style == .any) && safe && !scalar.string.contains(": ")
        && !scalar.string.hasPrefix(" ") && !scalar.string.hasSuffix(" ") && !scalar.string.hasSuffix(":")
        && !scalar.string.hasPrefix("@") && !scalar.string.hasPrefix("- ")
      if plain { return scalar.string }
      var text = "\""
      for character in scalar.string.unicodeScalars {
        switch character {
        case "\"": text += "\\\""
        case "\\": text += "\\\\"
        case "\n": text += "\\n"
        case "\t": text += "\\t"
        default: text.unicodeScalars.append(character)
        }
      }
      return text + "\""
    case .sequence(let sequence):
      return "[" + sequence.map(flowText).joined(separator: ", ") + "]"
    case .mapping(let mapping):
      return "{" + mapping.map { flowText($0.key) + ": " + flowText($0.value) }.joined(separator: ", ") + "}"
    case .alias:
      return ""
    }
  }
}

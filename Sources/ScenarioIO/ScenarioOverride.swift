import Foundation
import Yams

/// A change to a scenario made outside its file (on the command line or in a variants file),
/// applied to the YAML tree before the scenario is decoded and checked, so that a bad value is
/// reported like a bad value in the file, naming the override.
///
/// Syntax (README.md, "What-if"):
///
/// - `PATH=VALUE` sets a key, replacing its value or adding it to a mapping:
///   `caseload.cap=90`, `programmes[ehv-voortraject].starts=[3, 9]`, `language_match=required`.
/// - `PATH+=VALUE` appends to the list at PATH; a list VALUE appends each of its elements:
///   `specialists+={id: SP6, languages: [nl]}`, `specialists[SP1].languages+=ar`.
/// - `PATH-=NAME` removes the list entry NAME (as in `[NAME]` below) or the mapping key NAME:
///   `specialists-=SP5`, `programmes[ehv-voortraject]-=profiles`.
///
/// PATH is keys separated by dots. `[NAME]` (or `.NAME`) on a list picks the entry whose `id`
/// is NAME, or else the entry at the 0-based index NAME; on a mapping it is the key NAME, so
/// brackets also hold keys with dots (`routes[b1.x].aftercare=4`). VALUE is YAML, usually in
/// flow style: `90`, `monthly`, `[3, 9]`, `{id: SP6, fte: 0.5}`, `"2021-01"`.
public struct ScenarioOverride: Sendable, Hashable, CustomStringConvertible {
  public enum Operation: Sendable, Hashable {
    /// `PATH=VALUE`
    case set
    /// `PATH+=VALUE`
    case append
    /// `PATH-=NAME`
    case remove
    /// `--add-specialist ID[:FTE]`: append `{id, fte}` with the languages of the last listed
    /// specialist (the same rule as `cohortplan staff`).
    case addSpecialist
  }

  /// Where an override was written, when it comes from a file.
  public struct Origin: Sendable, Hashable {
    public var file: String
    public var line: Int?
    public var column: Int?

    public init(file: String, line: Int?, column: Int?) {
      self.file = file
      self.line = line
      self.column = column
    }
  }

  /// The override as written, e.g. `caseload.cap=90`; every message about it quotes this.
  public let text: String
  public let operation: Operation
  /// The keys and list entries of PATH, outermost first.
  public let path: [String]
  /// The YAML text of VALUE (for `remove`, the entry or key to remove).
  public let value: String
  public let origin: Origin?

  public var description: String { text }

  /// Parses `PATH=VALUE`, `PATH+=VALUE` or `PATH-=NAME`; VALUE must be readable YAML.
  public init(parsing text: String, origin: Origin? = nil) throws(ScenarioOverrideError) {
    guard let (pathText, operation, value) = Self.split(text) else {
      if text.contains("="), text.filter({ $0 == "[" }).count > text.filter({ $0 == "]" }).count {
        throw ScenarioOverrideError(
          override: text, problem: "the path opens '[' without closing it", hint: "write a list entry as programmes[ID]"
        )
      }
      throw ScenarioOverrideError(
        override: text, problem: "expected PATH=VALUE, PATH+=VALUE or PATH-=NAME",
        hint: "for example caseload.cap=90 or programmes[ehv-voortraject].starts=monthly")
    }
    let path = try Self.parsePath(pathText, override: text)
    if operation == .remove && value.trimmingCharacters(in: .whitespaces).isEmpty {
      throw ScenarioOverrideError(
        override: text, problem: "nothing to remove after '-='",
        hint: "name the list entry (its id or index) or the key, e.g. specialists-=SP5")
    }
    self.text = text
    self.operation = operation
    self.path = path
    self.value = operation == .remove ? value.trimmingCharacters(in: .whitespaces) : value
    self.origin = origin
    if operation != .remove { _ = try Self.composeValue(value, override: text) }
  }

  /// `--add-specialist ID[:FTE]` (FTE defaults to 1): a specialist like the last one listed,
  /// with its languages, without `from`, `until` or a personal cap.
  public init(addingSpecialist argument: String, origin: Origin? = nil) throws(ScenarioOverrideError) {
    let text = "add-specialist " + argument
    let parts = argument.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
    let id = parts[0].trimmingCharacters(in: .whitespaces)
    let fte = parts.count > 1 ? parts[1].trimmingCharacters(in: .whitespaces) : "1"
    guard !id.isEmpty, !fte.isEmpty else {
      throw ScenarioOverrideError(
        override: text, problem: "expected ID or ID:FTE", hint: "for example --add-specialist SP6 or SP6:0.5")
    }
    self.text = text
    self.operation = .addSpecialist
    self.path = ["specialists"]
    self.value = "{id: " + Self.quotedYAML(id) + ", fte: " + Self.quotedYAML(fte, plainIfNumber: true) + "}"
    self.origin = origin
    _ = try Self.composeValue(value, override: text)
  }

  /// The canonical key path of PATH as diagnostics write it, once list entries are resolved.
  var displayPath: String { path.reduce("") { KeyPath.child($0, $1) } }

  // MARK: Parsing

  private static func split(_ text: String) -> (String, Operation, String)? {
    var depth = 0
    var index = text.startIndex
    while index < text.endIndex {
      let character = text[index]
      if character == "[" { depth += 1 }
      if character == "]" { depth = max(0, depth - 1) }
      if character == "=" && depth == 0 {
        var pathEnd = index
        var operation = Operation.set
        if index > text.startIndex {
          let before = text[text.index(before: index)]
          if before == "+" || before == "-" {
            operation = before == "+" ? .append : .remove
            pathEnd = text.index(before: index)
          }
        }
        let path = String(text[..<pathEnd]).trimmingCharacters(in: .whitespaces)
        guard !path.isEmpty else { return nil }
        return (path, operation, String(text[text.index(after: index)...]))
      }
      index = text.index(after: index)
    }
    return nil
  }

  private static func parsePath(_ text: String, override: String) throws(ScenarioOverrideError) -> [String] {
    var segments: [String] = []
    var current = ""
    var index = text.startIndex
    func flush() throws(ScenarioOverrideError) {
      guard !current.isEmpty else {
        throw ScenarioOverrideError(
          override: override, problem: "the path '\(text)' has an empty key",
          hint: "separate keys with single dots, e.g. caseload.cap")
      }
      segments.append(current)
      current = ""
    }
    var afterBracket = false
    while index < text.endIndex {
      let character = text[index]
      switch character {
      case ".":
        if !afterBracket { try flush() }
        afterBracket = false
      case "[":
        if !current.isEmpty { try flush() }
        guard let close = text[index...].firstIndex(of: "]") else {
          throw ScenarioOverrideError(
            override: override, problem: "the path '\(text)' opens '[' without closing it",
            hint: "write a list entry as programmes[ID]")
        }
        var name = String(text[text.index(after: index)..<close]).trimmingCharacters(in: .whitespaces)
        if name.count >= 2, let first = name.first, first == name.last, first == "\"" || first == "'" {
          name = String(name.dropFirst().dropLast())
        }
        current = name
        try flush()
        afterBracket = true
        index = close
      case "]":
        throw ScenarioOverrideError(
          override: override, problem: "the path '\(text)' closes ']' without opening it", hint: nil)
      default:
        if afterBracket {
          throw ScenarioOverrideError(
            override: override, problem: "the path '\(text)' needs a '.' after ']'",
            hint: "for example programmes[ID].seats")
        }
        current.append(character)
      }
      index = text.index(after: index)
    }
    if !afterBracket || !current.isEmpty { try flush() }
    return segments
  }

  static func composeValue(_ text: String, override: String) throws(ScenarioOverrideError) -> Node {
    let node: Node?
    do {
      node = try Yams.compose(yaml: text)
    } catch {
      var problem = "\(error)"
      if let yamlError = error as? YamlError {
        switch yamlError {
        case .scanner(_, let reason, _, _), .parser(_, let reason, _, _), .composer(_, let reason, _, _):
          problem = reason
        default: break
        }
      }
      throw ScenarioOverrideError(
        override: override, problem: "the value is not valid YAML: " + problem,
        hint: "quote the whole override for the shell; write lists as [a, b] and mappings as {key: value}")
    }
    return unmarked(node ?? .scalar(Node.Scalar("", .implicit, .plain)))
  }

  /// The node without positions, so that diagnostics never point into the override's own text
  /// as if it were the scenario file.
  static func unmarked(_ node: Node) -> Node {
    switch node {
    case .scalar(let scalar):
      return .scalar(Node.Scalar(scalar.string, scalar.tag, scalar.style))
    case .sequence(let sequence):
      return .sequence(Node.Sequence(sequence.map(unmarked), sequence.tag, sequence.style))
    case .mapping(let mapping):
      return .mapping(
        Node.Mapping(mapping.map { (unmarked($0.key), unmarked($0.value)) }, mapping.tag, mapping.style))
    case .alias:
      return node
    }
  }

  private static func quotedYAML(_ text: String, plainIfNumber: Bool = false) -> String {
    if plainIfNumber, ScenarioDecoder.isPlainNumber(text) { return text }
    return "\"" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
  }
}

/// An override that cannot be read at all (before any scenario is involved).
public struct ScenarioOverrideError: Error, Sendable, Hashable, CustomStringConvertible {
  /// The override as written.
  public let override: String
  public let problem: String
  public let hint: String?

  public var description: String {
    "override '\(override)': \(problem)" + (hint.map { ". hint: " + $0 } ?? "")
  }
}

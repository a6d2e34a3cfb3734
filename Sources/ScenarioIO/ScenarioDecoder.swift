import Foundation
import PlannerDomain
import Yams

/// Reads a composed YAML tree into a ``ScenarioDraft``, reporting every structural problem
/// (unknown keys, wrong types, bad months, impossible numbers) with its position.
///
/// References between elements (a client's route, a pinned programme) are checked afterwards
/// by ``ScenarioValidator``, which finds positions through ``sourceMap``.
final class ScenarioDecoder {
  let file: String
  let baseDirectory: String?
  var diagnostics: [Diagnostic] = []
  var sourceMap: SourceMap
  /// Referenced CSV files in the order read, for the source digest.
  var referencedFiles: [(name: String, bytes: [UInt8])] = []

  init(file: String, baseDirectory: String?) {
    self.file = file
    self.baseDirectory = baseDirectory
    self.sourceMap = SourceMap(defaultFile: file)
  }

  // MARK: Positions and reports

  func position(of node: Node) -> (line: Int?, column: Int?) {
    guard let mark = node.mark else { return (nil, nil) }
    return (mark.line, mark.column)
  }

  /// Remembers where the value at `path` is written.
  func note(_ path: String, _ node: Node) {
    let (line, column) = position(of: node)
    sourceMap.record(path, SourceMap.Location(file: file, line: line, column: column))
  }

  func report(
    _ severity: Diagnostic.Severity, _ path: String, at node: Node?, _ message: String, hint: String? = nil
  ) {
    let (line, column) = node.map(position(of:)) ?? (nil, nil)
    diagnostics.append(
      Diagnostic(
        severity: severity, file: file, path: path, line: line, column: column, message: message, hint: hint))
  }

  func error(_ path: String, at node: Node?, _ message: String, hint: String? = nil) {
    report(.error, path, at: node, message, hint: hint)
  }

  // MARK: Shapes

  static func isNull(_ scalar: Node.Scalar) -> Bool {
    scalar.style == .plain && ["", "~", "null", "Null", "NULL"].contains(scalar.string)
  }

  /// "a list", "a mapping", "the text 'abc'", "nothing".
  func describe(_ node: Node) -> String {
    switch node {
    case .mapping: return "a mapping"
    case .sequence: return "a list"
    case .alias: return "an alias"
    case .scalar(let scalar):
      if Self.isNull(scalar) { return "nothing" }
      let text = scalar.string.count > 40 ? String(scalar.string.prefix(40)) + "…" : scalar.string
      if scalar.style == .plain, Self.isPlainNumber(scalar.string) { return "the number \(text)" }
      return "'\(text)'"
    }
  }

  static func isPlainNumber(_ text: String) -> Bool {
    guard !text.isEmpty else { return false }
    var body = Substring(text)
    if body.first == "-" || body.first == "+" { body = body.dropFirst() }
    let parts = body.split(separator: ".", omittingEmptySubsequences: false)
    guard (1...2).contains(parts.count) else { return false }
    return parts.allSatisfy { !$0.isEmpty && $0.allSatisfy { $0.isASCII && $0.isNumber } }
  }

  /// The keys of a mapping, with unknown keys reported (with a suggestion) and required keys
  /// checked. Returns nil, after reporting, when `node` is not a mapping.
  func fields(
    _ node: Node, _ path: String, allowed: [String], required: [String] = [], what: String
  ) -> [String: Node]? {
    guard case .mapping(let mapping) = node else {
      error(
        path, at: node,
        "expected \(what) (a mapping with keys such as \(allowed.prefix(3).joined(separator: ", "))), found \(describe(node))"
      )
      return nil
    }
    var result: [String: Node] = [:]
    for (keyNode, value) in mapping {
      guard case .scalar(let keyScalar) = keyNode, !Self.isNull(keyScalar) else {
        error(path, at: keyNode, "keys must be plain names, found \(describe(keyNode))")
        continue
      }
      let key = keyScalar.string
      guard allowed.contains(key) else {
        let hint =
          Suggestions.hint(for: key, in: allowed)
          ?? "allowed keys of \(what): \(allowed.joined(separator: ", "))"
        error(KeyPath.child(path, key), at: keyNode, "unknown key '\(key)'", hint: hint)
        continue
      }
      result[key] = value
      note(KeyPath.child(path, key), value)
    }
    let missing = required.filter { result[$0] == nil }
    for key in missing {
      error(path, at: node, "missing required key '\(key)' in \(what)")
    }
    return result
  }

  /// The elements of a list with their key paths; nil, after reporting, for anything else.
  func list(_ node: Node, _ path: String, of what: String) -> [(path: String, node: Node)]? {
    guard case .sequence(let sequence) = node else {
      error(path, at: node, "expected a list of \(what), found \(describe(node))")
      return nil
    }
    return sequence.enumerated().map { index, element in
      let elementPath = KeyPath.element(path, index)
      note(elementPath, element)
      return (elementPath, element)
    }
  }

  /// A non-null scalar; reports and returns nil otherwise.
  func scalar(_ node: Node, _ path: String, expected: String, hint: String? = nil) -> Node.Scalar? {
    if case .scalar(let scalar) = node, !Self.isNull(scalar) { return scalar }
    if case .scalar = node {
      error(path, at: node, "has no value; expected \(expected)", hint: hint ?? "give a value or remove the key")
    } else {
      error(path, at: node, "expected \(expected), found \(describe(node))", hint: hint)
    }
    return nil
  }

  // MARK: Values

  /// Text (names and ids): any scalar, taken verbatim, not empty.
  func text(_ node: Node, _ path: String, what: String = "a name") -> String? {
    guard let scalar = scalar(node, path, expected: what) else { return nil }
    guard !scalar.string.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
      error(path, at: node, "must not be empty; expected \(what)")
      return nil
    }
    return scalar.string
  }

  func textList(_ node: Node, _ path: String, what: String) -> [String]? {
    guard let elements = list(node, path, of: what) else {
      return nil
    }
    var values: [String] = []
    var complete = true
    for element in elements {
      if let value = text(element.node, element.path, what: what) { values.append(value) } else { complete = false }
    }
    return complete ? values : nil
  }

  /// A whole number within `range`, written in plain digits.
  func integer(_ node: Node, _ path: String, in range: ClosedRange<Int>) -> Int? {
    guard let scalar = scalar(node, path, expected: "a whole number") else { return nil }
    switch ValueParser.integer(scalar.string, quoted: scalar.style != .plain, in: range) {
    case .success(let value): return value
    case .failure(let problem):
      error(path, at: node, problem.message, hint: problem.hint)
      return nil
    }
  }

  /// An exact decimal greater than 0 and at most `maximum`.
  func positiveDecimal(_ node: Node, _ path: String, maximum: Int) -> ExactDecimal? {
    guard let scalar = scalar(node, path, expected: "a number such as 0.8") else { return nil }
    switch ValueParser.positiveDecimal(scalar.string, quoted: scalar.style != .plain, maximum: maximum) {
    case .success(let value): return value
    case .failure(let problem):
      error(path, at: node, problem.message, hint: problem.hint)
      return nil
    }
  }

  func month(_ node: Node, _ path: String) -> Month? {
    guard let scalar = scalar(node, path, expected: "a month as YYYY-MM", hint: "write a month such as 2025-03")
    else { return nil }
    switch ValueParser.month(scalar.string) {
    case .success(let value): return value
    case .failure(let problem):
      error(path, at: node, problem.message, hint: problem.hint)
      return nil
    }
  }

  func choice<Choice: RawRepresentable & CaseIterable>(_ node: Node, _ path: String, of type: Choice.Type)
    -> Choice? where Choice.RawValue == String
  {
    let names = Choice.allCases.map(\.rawValue)
    let expected = "one of " + names.joined(separator: ", ")
    guard let scalar = scalar(node, path, expected: expected) else { return nil }
    if let value = Choice(rawValue: scalar.string) { return value }
    error(
      path, at: node, "expected \(expected), found \(describe(node))",
      hint: Suggestions.hint(for: scalar.string, in: names))
    return nil
  }
}

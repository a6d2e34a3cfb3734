/// One problem found in a scenario, located in the file a programme manager edits.
///
/// `path` is a key path into the scenario (`programmes[2].seats`, 0-based list indices) or, for
/// a CSV file, the row and column (`row 4, column intake`; the header is row 1). `line` and
/// `column` are 1-based; either may be nil when no position is known (a missing file).
public struct Diagnostic: Sendable, Hashable, CustomStringConvertible {
  public enum Severity: String, Sendable, Hashable, CaseIterable {
    /// The scenario cannot be planned until this is fixed.
    case error
    /// Legal but suspicious; planning goes ahead.
    case warning
  }

  public var severity: Severity
  /// The file as the user named it (the scenario or a referenced CSV file).
  public var file: String
  /// Key path or CSV row and column; empty when the problem concerns the whole file.
  public var path: String
  public var line: Int?
  public var column: Int?
  /// What is wrong, in plain words.
  public var message: String
  /// How to fix it, when there is an obvious fix.
  public var hint: String?

  public init(
    severity: Severity, file: String, path: String, line: Int? = nil, column: Int? = nil, message: String,
    hint: String? = nil
  ) {
    self.severity = severity
    self.file = file
    self.path = path
    self.line = line
    self.column = column
    self.message = message
    self.hint = hint
  }

  /// `tutorial.yaml:12:5: error: programmes[2].seats: must be at least 1 (found 0). hint: …`
  public var description: String {
    var text = file
    if let line {
      text += ":\(line)"
      if let column { text += ":\(column)" }
    }
    text += ": \(severity.rawValue): "
    if !path.isEmpty { text += path + ": " }
    text += message
    if let hint { text += ". hint: " + hint }
    return text
  }

  /// Orders diagnostics by file, then line and column, errors before warnings at one position.
  static func sortedByPosition(_ diagnostics: [Diagnostic]) -> [Diagnostic] {
    diagnostics.enumerated().sorted { first, second in
      let lhs = first.element
      let rhs = second.element
      if lhs.file != rhs.file { return lhs.file < rhs.file }
      if (lhs.line ?? 0) != (rhs.line ?? 0) { return (lhs.line ?? 0) < (rhs.line ?? 0) }
      if (lhs.column ?? 0) != (rhs.column ?? 0) { return (lhs.column ?? 0) < (rhs.column ?? 0) }
      if lhs.severity != rhs.severity { return lhs.severity == .error }
      return first.offset < second.offset
    }.map(\.element)
  }
}

/// A scenario that could not be loaded: every error found, plus the warnings, sorted by file
/// and line.
public struct ScenarioLoadError: Error, Sendable, CustomStringConvertible {
  public let diagnostics: [Diagnostic]
  /// True when the scenario file itself could not be read (missing, a directory, not UTF-8),
  /// as opposed to a file that was read and found invalid.
  public let isUnreadable: Bool

  public init(diagnostics: [Diagnostic], isUnreadable: Bool = false) {
    self.diagnostics = Diagnostic.sortedByPosition(diagnostics)
    self.isUnreadable = isUnreadable
  }

  public var errors: [Diagnostic] { diagnostics.filter { $0.severity == .error } }
  public var warnings: [Diagnostic] { diagnostics.filter { $0.severity == .warning } }

  /// One diagnostic per line.
  public var description: String { diagnostics.map(\.description).joined(separator: "\n") }
}

/// Where each decoded value came from, so that checks made after decoding can point at the
/// line a programme manager must edit.
struct SourceMap {
  struct Location: Hashable {
    var file: String
    /// The path shown to the user; nil means the canonical key path itself.
    var displayPath: String?
    var line: Int?
    var column: Int?
  }

  private var locations: [String: Location] = [:]
  let defaultFile: String

  init(defaultFile: String) { self.defaultFile = defaultFile }

  mutating func record(_ path: String, _ location: Location) { locations[path] = location }

  /// The location of `path`, or of its nearest recorded ancestor.
  func locate(_ path: String) -> (location: Location, exact: Bool) {
    var current: String? = path
    var exact = true
    while let candidate = current {
      if let found = locations[candidate] { return (found, exact) }
      current = KeyPath.parent(of: candidate)
      exact = false
    }
    return (Location(file: defaultFile), false)
  }

  func diagnostic(
    _ severity: Diagnostic.Severity, at path: String, _ message: String, hint: String? = nil
  ) -> Diagnostic {
    let (location, exact) = locate(path)
    let shown = location.displayPath ?? path
    _ = exact
    return Diagnostic(
      severity: severity, file: location.file, path: shown, line: location.line, column: location.column,
      message: message, hint: hint)
  }
}

import Yams

extension ScenarioOverride {
  /// An override applied to a tree: the key paths (as diagnostics write them) of the values it
  /// wrote, so that problems found in those values can name it.
  struct Applied {
    var override: ScenarioOverride
    var paths: [String]
  }

  /// Applies `overrides` in order to the scenario tree `root` read from `file`. Returns the new
  /// tree, or every override that cannot be applied as a located diagnostic.
  static func apply(_ overrides: [ScenarioOverride], to root: Node, file: String) -> Result<
    (root: Node, applied: [Applied]), ScenarioLoadError
  > {
    var tree = root
    var applied: [Applied] = []
    var problems: [Diagnostic] = []
    for override in overrides {
      var resolver = Resolver(override: override, file: file)
      do {
        tree = try resolver.apply(to: tree)
        applied.append(Applied(override: override, paths: resolver.written))
      } catch {
        problems.append(error.diagnostic)
      }
    }
    return problems.isEmpty ? .success((tree, applied)) : .failure(ScenarioLoadError(diagnostics: problems))
  }

  /// Diagnostics about a value an override wrote name that override (and, for an override from
  /// a variants file, point at it); the last override that wrote a value is the one named.
  static func attribute(_ diagnostics: [Diagnostic], to applied: [Applied]) -> [Diagnostic] {
    diagnostics.map { diagnostic in
      guard
        let culprit = applied.last(where: { entry in
          entry.paths.contains { path in Self.path(diagnostic.path, isWithin: path) }
        })?.override
      else { return diagnostic }
      var changed = diagnostic
      changed.message += " (set by the override '\(culprit.text)')"
      if let origin = culprit.origin {
        changed.file = origin.file
        changed.line = origin.line
        changed.column = origin.column
      }
      return changed
    }
  }

  private static func path(_ path: String, isWithin ancestor: String) -> Bool {
    guard path.hasPrefix(ancestor) else { return false }
    let rest = path.dropFirst(ancestor.count)
    return rest.isEmpty || rest.hasPrefix(".") || rest.hasPrefix("[")
  }
}

/// Walks one override's path through the tree, rebuilding the nodes on the way back.
private struct Resolver {
  struct Failure: Error {
    var diagnostic: Diagnostic
  }

  let override: ScenarioOverride
  let file: String
  /// Key paths of the values written.
  var written: [String] = []

  init(override: ScenarioOverride, file: String) {
    self.override = override
    self.file = file
  }

  mutating func apply(to root: Node) throws(Failure) -> Node {
    let target = override.operation == .set ? override.path.dropLast() : override.path[...]
    return try descend(root, segments: target, at: "")
  }

  /// Follows `segments` from `node`, performs the override at their end and returns `node`
  /// rebuilt around the change.
  private mutating func descend(_ node: Node, segments: ArraySlice<String>, at path: String) throws(Failure) -> Node {
    guard let segment = segments.first else {
      switch override.operation {
      case .set: return try set(node, key: override.path.last ?? "", at: path)
      case .append, .addSpecialist: return try append(node, at: path)
      case .remove: return try remove(from: node, at: path)
      }
    }
    let (found, childPath) = try locate(segment, in: node, at: path, creating: false)
    let rest = segments.dropFirst()
    switch node {
    case .mapping(let mapping):
      var pairs = mapping.map { ($0.key, $0.value) }
      guard let index = found else { return node }
      pairs[index].1 = try descend(pairs[index].1, segments: rest, at: childPath)
      return .mapping(Node.Mapping(pairs, mapping.tag, mapping.style, mapping.mark))
    case .sequence(let sequence):
      var nodes = Array(sequence)
      guard let index = found else { return node }
      nodes[index] = try descend(nodes[index], segments: rest, at: childPath)
      return .sequence(Node.Sequence(nodes, sequence.tag, sequence.style, sequence.mark))
    default:
      return node
    }
  }

  /// The position of `name` in a mapping (a key) or list (an id, else an index) and its key
  /// path. With `creating`, a key missing from a mapping yields a nil position instead of an error.
  private func locate(_ name: String, in node: Node, at path: String, creating: Bool) throws(Failure) -> (
    Int?, String
  ) {
    switch node {
    case .mapping(let mapping):
      let keys = mapping.map { $0.key.scalar?.string ?? "" }
      if let index = keys.firstIndex(of: name) { return (index, KeyPath.child(path, name)) }
      if keys.contains("file") && path.isEmpty == false && !creating {
        throw fail(
          at: node, path,
          "\(shown(path)) is read from a CSV file; overrides change only what the scenario file itself holds",
          hint: "edit the CSV file, or copy the scenario and point it at another file with \(path).file=OTHER.csv")
      }
      if creating { return (nil, KeyPath.child(path, name)) }
      throw fail(
        at: node, path, "\(shown(path)) has no key '\(name)'",
        hint: Suggestions.hint(for: name, in: keys) ?? "its keys: " + keys.joined(separator: ", "))
    case .sequence(let sequence):
      let nodes = Array(sequence)
      if let index = nodes.firstIndex(where: { Self.id(of: $0) == name }) {
        return (index, KeyPath.element(path, index))
      }
      if let index = Int(name), nodes.indices.contains(index) { return (index, KeyPath.element(path, index)) }
      let ids = nodes.compactMap(Self.id(of:))
      var hint = Suggestions.hint(for: name, in: ids)
      if hint == nil {
        hint =
          ids.isEmpty
          ? "its entries have no ids; address them by index 0 to \(max(0, nodes.count - 1))"
          : "ids in \(shown(path)): " + ids.prefix(12).joined(separator: ", ") + (ids.count > 12 ? ", …" : "")
      }
      throw fail(at: node, path, "no entry of \(shown(path)) has the id '\(name)'", hint: hint)
    default:
      throw fail(
        at: node, path, "\(shown(path)) is a single value, not a list or mapping, so it has no '\(name)'",
        hint: "set it directly: \(path)=VALUE")
    }
  }

  private mutating func set(_ parent: Node, key: String, at path: String) throws(Failure) -> Node {
    let value = try composed()
    let (index, childPath) = try locate(key, in: parent, at: path, creating: true)
    written.append(childPath)
    switch parent {
    case .mapping(let mapping):
      var pairs = mapping.map { ($0.key, $0.value) }
      if let index {
        pairs[index].1 = value
      } else {
        pairs.append((.scalar(Node.Scalar(key, .implicit, .plain)), value))
      }
      return .mapping(Node.Mapping(pairs, mapping.tag, mapping.style, mapping.mark))
    case .sequence(let sequence):
      var nodes = Array(sequence)
      if let index { nodes[index] = value }
      return .sequence(Node.Sequence(nodes, sequence.tag, sequence.style, sequence.mark))
    default:
      throw fail(at: parent, path, "unreachable")
    }
  }

  private mutating func append(_ list: Node, at path: String) throws(Failure) -> Node {
    guard case .sequence(let sequence) = list else {
      if case .mapping(let mapping) = list, mapping.map({ $0.key.scalar?.string }).contains("file") {
        throw fail(
          at: list, path, "\(shown(path)) is read from a CSV file; overrides change only the scenario file itself",
          hint: "add the rows to the CSV file")
      }
      throw fail(at: list, path, "'+=' appends to a list, but \(shown(path)) is not a list", hint: "use '=' to set it")
    }
    var nodes = Array(sequence)
    var value = try composed()
    if override.operation == .addSpecialist, case .mapping(let mapping) = value {
      var pairs = mapping.map { ($0.key, $0.value) }
      if case .mapping(let last)? = nodes.last,
        let languages = last.first(where: { $0.key.scalar?.string == "languages" })?.value
      {
        pairs.append((.scalar(Node.Scalar("languages", .implicit, .plain)), ScenarioOverride.unmarked(languages)))
      }
      value = .mapping(Node.Mapping(pairs, mapping.tag, mapping.style))
    }
    let added: [Node]
    if case .sequence(let elements) = value, override.operation == .append {
      added = Array(elements)
    } else {
      added = [value]
    }
    for node in added {
      written.append(KeyPath.element(path, nodes.count))
      nodes.append(node)
    }
    return .sequence(Node.Sequence(nodes, sequence.tag, sequence.style, sequence.mark))
  }

  private mutating func remove(from container: Node, at path: String) throws(Failure) -> Node {
    let (index, _) = try locate(override.value, in: container, at: path, creating: false)
    guard let index else { return container }
    switch container {
    case .mapping(let mapping):
      var pairs = mapping.map { ($0.key, $0.value) }
      pairs.remove(at: index)
      return .mapping(Node.Mapping(pairs, mapping.tag, mapping.style, mapping.mark))
    case .sequence(let sequence):
      var nodes = Array(sequence)
      nodes.remove(at: index)
      return .sequence(Node.Sequence(nodes, sequence.tag, sequence.style, sequence.mark))
    default:
      return container
    }
  }

  private func composed() throws(Failure) -> Node {
    do {
      return try ScenarioOverride.composeValue(override.value, override: override.text)
    } catch {
      throw Failure(
        diagnostic: Diagnostic(
          severity: .error, file: override.origin?.file ?? file, path: override.displayPath,
          line: override.origin?.line, column: override.origin?.column, message: error.problem, hint: error.hint))
    }
  }

  private static func id(of node: Node) -> String? {
    guard case .mapping(let mapping) = node else { return nil }
    return mapping.first { $0.key.scalar?.string == "id" }?.value.scalar?.string
  }

  private func shown(_ path: String) -> String { path.isEmpty ? "the scenario" : "'\(path)'" }

  /// A diagnostic at the node where the path could not be followed, in the scenario file (or
  /// at the override in a variants file), naming the override.
  private func fail(at node: Node, _ path: String, _ problem: String, hint: String? = nil) -> Failure {
    var line = node.mark?.line
    var column = node.mark?.column
    var diagnosticFile = file
    if let origin = override.origin {
      diagnosticFile = origin.file
      line = origin.line
      column = origin.column
    }
    return Failure(
      diagnostic: Diagnostic(
        severity: .error, file: diagnosticFile, path: path, line: line, column: column,
        message: "override '\(override.text)': \(problem)", hint: hint))
  }
}

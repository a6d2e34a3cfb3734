import Foundation
import Yams

/// Turns scenario text into a Yams node tree with positions, or into located diagnostics.
enum YAMLDocument {
  /// Largest scenario or CSV file read, in bytes; far above any real municipality.
  static let maximumBytes = 32 * 1024 * 1024

  static func compose(_ text: String, file: String) -> Result<Node, ScenarioLoadError> {
    let aliasProblems = collectionAliases(in: text, file: file)
    if !aliasProblems.isEmpty { return .failure(ScenarioLoadError(diagnostics: aliasProblems)) }
    let root: Node?
    do {
      root = try Yams.compose(yaml: text)
    } catch let error as YamlError {
      return .failure(ScenarioLoadError(diagnostics: [diagnostic(for: error, file: file)]))
    } catch {
      return .failure(
        ScenarioLoadError(diagnostics: [
          Diagnostic(severity: .error, file: file, path: "", message: "cannot read the YAML")
        ]))
    }
    guard let root else {
      return .failure(
        ScenarioLoadError(diagnostics: [
          Diagnostic(
            severity: .error, file: file, path: "", line: 1, column: 1, message: "the file is empty",
            hint: "start from docs/scenario-format.md or scenarios/tutorial.yaml")
        ]))
    }
    return .success(root)
  }

  private static func diagnostic(for error: YamlError, file: String) -> Diagnostic {
    func syntax(_ context: YamlError.Context?, _ problem: String, _ mark: Mark) -> Diagnostic {
      var message = "YAML syntax: " + problem
      if let context { message += " (" + context.text + " at line \(context.mark.line))" }
      var hint: String?
      if problem.contains("cannot start any token") || problem.contains("tab") {
        hint = "indent with spaces, not tabs; quote values that start with @, ` or %"
      } else if problem.contains("mapping values are not allowed") {
        hint = "a value containing ': ' must be quoted, or a key is indented wrongly"
      } else if problem.contains("Maximum nesting level") {
        message = "YAML nesting is too deep (more than 1000 levels)"
      }
      return Diagnostic(
        severity: .error, file: file, path: "", line: mark.line, column: mark.column, message: message, hint: hint)
    }
    switch error {
    case .scanner(let context, let problem, let mark, _),
      .parser(let context, let problem, let mark, _),
      .composer(let context, let problem, let mark, _):
      return syntax(context, problem, mark)
    case .duplicatedKeysInMapping(let duplicates, let context):
      let names = duplicates.map { "'\($0)'" }.joined(separator: ", ")
      return Diagnostic(
        severity: .error, file: file, path: "", line: context.mark.line, column: context.mark.column,
        message: "key \(names) appears more than once in the same mapping",
        hint: "keep one; later values would silently replace earlier ones")
    case .reader(let problem, let offset, let value, let yaml):
      let position = readerPosition(in: yaml, offset: offset, value: value)
      let character = value >= 0 ? " (U+\(String(UInt32(value), radix: 16, uppercase: true)))" : ""
      return Diagnostic(
        severity: .error, file: file, path: "", line: position?.line, column: position?.column,
        message: "not readable as text: " + problem + character,
        hint: "remove the character or save the file as plain UTF-8 text")
    default:
      return Diagnostic(severity: .error, file: file, path: "", message: "cannot read the YAML")
    }
  }

  /// Line and column (1-based, in characters) of the reader's problem: at `offset` characters
  /// from the start when Yams knows it, else at the first occurrence of the offending scalar.
  static func readerPosition(in text: String, offset: Int?, value: Int32) -> (line: Int, column: Int)? {
    let target: String.Index?
    if let offset, offset >= 0 {
      target = text.index(text.startIndex, offsetBy: offset, limitedBy: text.endIndex)
    } else if value >= 0 {
      target = text.unicodeScalars.firstIndex { $0.value == UInt32(value) }
    } else {
      target = nil
    }
    guard let target else { return nil }
    var line = 1
    var column = 1
    for character in text[..<target] {
      if character.isNewline {
        line += 1
        column = 1
      } else {
        column += 1
      }
    }
    return (line, column)
  }

  /// Aliases (`*name`) of an anchored list or mapping are refused before composing: nested
  /// aliases expand exponentially ("billion laughs"), and mapping keys built from them would be
  /// hashed in full. Aliases of single values (`&nl nl`) are fine.
  ///
  /// This is a lexical scan, not a YAML parser: it skips comments and quoted text and treats an
  /// anchor followed by nothing, a tag, `[` or `{` as the anchor of a collection.
  static func collectionAliases(in text: String, file: String) -> [Diagnostic] {
    guard text.contains("*") && text.contains("&") else { return [] }
    var collectionAnchors: Set<String> = []
    var aliases: [(name: String, line: Int, column: Int)] = []
    let separators: Set<Unicode.Scalar> = [" ", "\t", "[", "{", ",", ":", "-", "?", "\n", "\r"]
    let stops: Set<Unicode.Scalar> = [" ", "\t", ",", "[", "]", "{", "}", "\n", "\r"]
    let scalars = Array(text.unicodeScalars)
    var index = 0
    var line = 1
    var lineStart = 0
    var quote: Unicode.Scalar?

    func readName(from start: Int) -> (String, Int) {
      var end = start
      while end < scalars.count, !stops.contains(scalars[end]) { end += 1 }
      var name = String.UnicodeScalarView()
      name.append(contentsOf: scalars[start..<end])
      return (String(name), end)
    }
    func skipBlanks(_ from: Int) -> Int {
      var position = from
      while position < scalars.count, scalars[position] == " " || scalars[position] == "\t" { position += 1 }
      return position
    }

    while index < scalars.count {
      let scalar = scalars[index]
      if scalar == "\n" {
        line += 1
        lineStart = index + 1
        index += 1
        continue
      }
      if let open = quote {
        if open == "\"" && scalar == "\\" {
          index += 2
          continue
        }
        if scalar == open { quote = nil }
        index += 1
        continue
      }
      let atTokenStart = index == 0 || separators.contains(scalars[index - 1])
      guard atTokenStart else {
        index += 1
        continue
      }
      switch scalar {
      case "#":
        while index < scalars.count, scalars[index] != "\n" { index += 1 }
        continue
      case "\"", "'":
        quote = scalar
      case "&":
        let (name, end) = readName(from: index + 1)
        var next = skipBlanks(end)
        if next < scalars.count, scalars[next] == "!" {
          (_, next) = readName(from: next)
          next = skipBlanks(next)
        }
        if next >= scalars.count || ["\n", "\r", "#", "[", "{"].contains(scalars[next]) {
          collectionAnchors.insert(name)
        }
        index = end
        continue
      case "*":
        let (name, end) = readName(from: index + 1)
        if !name.isEmpty { aliases.append((name, line, index - lineStart + 1)) }
        index = end
        continue
      default:
        break
      }
      index += 1
    }
    return aliases.filter { collectionAnchors.contains($0.name) }.map { alias in
      Diagnostic(
        severity: .error, file: file, path: "", line: alias.line, column: alias.column,
        message: "the alias *\(alias.name) repeats a list or mapping, which scenario files do not support",
        hint: "write the values out; aliases of single values (&nl nl … *nl) are fine")
    }
  }
}

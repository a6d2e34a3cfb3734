import Foundation

/// "Did you mean" suggestions for misspelt keys and names.
enum Suggestions {
  /// The candidate closest to `word`, if it is close enough to be a likely typo: equal up to
  /// case, `_` and `-` (`minSize` → `min_size`), or within an edit distance of about a third of
  /// its length (at least 1, at most 3).
  static func closest(to word: String, in candidates: some Sequence<String>) -> String? {
    let normalized = normalize(word)
    var best: (candidate: String, distance: Int)?
    for candidate in candidates {
      if normalize(candidate) == normalized { return candidate }
      let limit = min(3, max(1, candidate.count / 3))
      let distance = editDistance(word.lowercased(), candidate.lowercased(), limit: limit)
      guard distance <= limit else { continue }
      if best.map({ distance < $0.distance }) ?? true { best = (candidate, distance) }
    }
    return best?.candidate
  }

  /// A hint such as `did you mean 'min_size'?`, or nil.
  static func hint(for word: String, in candidates: some Sequence<String>) -> String? {
    closest(to: word, in: candidates).map { "did you mean '\($0)'?" }
  }

  private static func normalize(_ text: String) -> String {
    String(text.lowercased().filter { $0 != "_" && $0 != "-" && $0 != " " })
  }

  /// Edit distance counting insertions, deletions, substitutions and swaps of neighbours
  /// (optimal string alignment), giving up (returning `limit + 1`) once it must exceed `limit`.
  static func editDistance(_ first: String, _ second: String, limit: Int) -> Int {
    let lhs = Array(first.unicodeScalars)
    let rhs = Array(second.unicodeScalars)
    if abs(lhs.count - rhs.count) > limit { return limit + 1 }
    if lhs.count > 64 || rhs.count > 64 { return lhs == rhs ? 0 : limit + 1 }
    if lhs.isEmpty || rhs.isEmpty { return max(lhs.count, rhs.count) }
    var beforePrevious = [Int](repeating: 0, count: rhs.count + 1)
    var previous = Array(0...rhs.count)
    for row in 1...lhs.count {
      var current = [row] + [Int](repeating: 0, count: rhs.count)
      for column in 1...rhs.count {
        let cost = lhs[row - 1] == rhs[column - 1] ? 0 : 1
        current[column] = min(previous[column] + 1, current[column - 1] + 1, previous[column - 1] + cost)
        if row > 1, column > 1, lhs[row - 1] == rhs[column - 2], lhs[row - 2] == rhs[column - 1] {
          current[column] = min(current[column], beforePrevious[column - 2] + 1)
        }
      }
      beforePrevious = previous
      previous = current
    }
    return previous[rhs.count]
  }
}

/// Key paths as diagnostics show them: `programmes[2].seats`, `routes.b1.steps`.
enum KeyPath {
  static func child(_ base: String, _ key: String) -> String {
    let isPlain =
      !key.isEmpty
      && key.unicodeScalars.allSatisfy {
        ($0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == "_" || $0 == "-")
      }
    let component = isPlain ? key : "[\"" + key.replacingOccurrences(of: "\"", with: "\\\"") + "\"]"
    if base.isEmpty { return component }
    return isPlain ? base + "." + component : base + component
  }

  static func element(_ base: String, _ index: Int) -> String { base + "[\(index)]" }

  /// The path one level up (`clients[3].steps.language` → `clients[3].steps` → `clients[3]` →
  /// `clients`), or nil at the top.
  static func parent(of path: String) -> String? {
    guard !path.isEmpty else { return nil }
    var depth = 0
    var inString = false
    var cut: String.Index?
    var index = path.endIndex
    while index > path.startIndex {
      index = path.index(before: index)
      let character = path[index]
      if character == "\"" { inString.toggle() }
      if inString { continue }
      if character == "]" { depth += 1 }
      if character == "[" {
        depth -= 1
        if depth == 0 {
          cut = index
          break
        }
      }
      if character == ".", depth == 0 {
        cut = index
        break
      }
    }
    guard let cut else { return "" }
    return String(path[..<cut])
  }
}

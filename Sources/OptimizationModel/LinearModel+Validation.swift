/// A model that no solver should be given, with the culprit named.
public struct ModelValidationError: Error, Hashable, Sendable, CustomStringConvertible {
  public let problems: [String]

  public init(problems: [String]) { self.problems = problems }

  public var description: String {
    "the optimisation model is malformed (\(problems.count) problem(s)): " + problems.prefix(10).joined(separator: "; ")
  }
}

extension LinearModel {
  /// Longest name GLPK (and MPS tools) accept.
  public static let maximumNameLength = 255

  /// Checks everything a solver library would otherwise reject by crashing: finite numbers,
  /// consistent bounds, integral bounds on integer variables, unique names of sane length,
  /// variable references inside the model.
  public func validate() throws(ModelValidationError) {
    var problems: [String] = []
    var names: Set<String> = []
    for (index, variable) in variables.enumerated() {
      let label = "variable \(index) '\(variable.name)'"
      problems += nameProblems(variable.name, label: label)
      if !names.insert(variable.name).inserted { problems.append("\(label): duplicate name") }
      if !variable.cost.isFinite { problems.append("\(label): objective coefficient is not finite") }
      problems += boundProblems(variable.lower, variable.upper, label: label)
      if variable.kind != .continuous {
        for bound in [variable.lower, variable.upper].compactMap({ $0 })
        where bound.isFinite && bound != bound.rounded() {
          problems.append("\(label): integer variable with fractional bound \(bound)")
        }
      }
    }
    var rowNames: Set<String> = []
    for constraint in constraints {
      let label = "constraint '\(constraint.name)'"
      problems += nameProblems(constraint.name, label: label)
      if !rowNames.insert(constraint.name).inserted { problems.append("\(label): duplicate name") }
      problems += boundProblems(constraint.lower, constraint.upper, label: label)
      for term in constraint.terms {
        if term.variable.index < 0 || term.variable.index >= variables.count {
          problems.append("\(label): refers to variable \(term.variable.index), which is not in the model")
        }
        if !term.coefficient.isFinite { problems.append("\(label): coefficient is not finite") }
      }
    }
    if !objectiveConstant.isFinite { problems.append("objective constant is not finite") }
    if !problems.isEmpty { throw ModelValidationError(problems: problems) }
  }

  /// Byte by byte for ASCII names (nearly all of them): Unicode's white-space test per
  /// character took a sixth of the CPU of each forecast sample.
  static func containsWhiteSpace(_ name: String) -> Bool {
    var ascii = true
    for byte in name.utf8 {
      if byte >= 0x80 {
        ascii = false
        break
      }
      if byte == 0x20 || (0x09...0x0D).contains(byte) { return true }
    }
    return ascii ? false : name.contains(where: \.isWhitespace)
  }

  private func nameProblems(_ name: String, label: String) -> [String] {
    var problems: [String] = []
    if name.isEmpty { problems.append("\(label): empty name") }
    if name.utf8.count > Self.maximumNameLength {
      problems.append("\(label): name longer than \(Self.maximumNameLength) bytes")
    }
    if Self.containsWhiteSpace(name) { problems.append("\(label): name contains white space") }
    return problems
  }

  private func boundProblems(_ lower: Double?, _ upper: Double?, label: String) -> [String] {
    var problems: [String] = []
    if let lower, !lower.isFinite { problems.append("\(label): lower bound \(lower) (use nil for none)") }
    if let upper, !upper.isFinite { problems.append("\(label): upper bound \(upper) (use nil for none)") }
    if let lower, let upper, lower > upper { problems.append("\(label): lower bound \(lower) above upper \(upper)") }
    return problems
  }
}

/// A mixed-integer linear programme in solver-neutral form: variables, named constraint
/// families and one objective. It never refers to a particular solver; a ``LinearSolver``
/// backend turns it into calls on one.
///
/// Constraints are grouped in families named in domain words (`seats`, `caseloadCap`); each row
/// is named `family[index]`, e.g. `seats[vt,2020-06]`, so exported files and infeasibility
/// reports can be read by a person.
public struct LinearModel: Hashable, Sendable {
  public enum Sense: String, Hashable, Sendable {
    case minimize
    case maximize
  }

  public private(set) var variables: [VariableDefinition] = []
  public private(set) var constraints: [Constraint] = []
  public var sense: Sense
  /// Added to the objective value, so the reported objective equals the domain's total.
  public var objectiveConstant: Double = 0
  public var name: String

  public init(name: String = "model", sense: Sense = .minimize) {
    self.name = name
    self.sense = sense
  }

  /// Adds a variable; `lower`/`upper` nil mean unbounded. Binary variables get 0…1.
  @discardableResult
  public mutating func addVariable(
    _ name: String, kind: VariableKind = .continuous, lower: Double? = 0, upper: Double? = nil, cost: Double = 0
  ) -> Variable {
    let bounded =
      kind == .binary
      ? VariableDefinition(name: name, kind: kind, lower: 0, upper: 1, cost: cost)
      : VariableDefinition(name: name, kind: kind, lower: lower, upper: upper, cost: cost)
    variables.append(bounded)
    return Variable(index: variables.count - 1)
  }

  /// Adds `lower ≤ expression ≤ upper` (nil = no bound on that side) to `family`.
  /// The expression's constant moves to the bounds.
  public mutating func addConstraint(
    _ family: String, _ index: String, _ expression: LinearExpression, lower: Double? = nil, upper: Double? = nil
  ) {
    constraints.append(
      Constraint(
        family: family, index: index, terms: expression.mergedTerms,
        lower: lower.map { $0 - expression.constant }, upper: upper.map { $0 - expression.constant }))
  }

  /// `expression ≤ bound`.
  public mutating func addLessOrEqual(
    _ family: String, _ index: String, _ expression: LinearExpression, _ bound: Double
  ) {
    addConstraint(family, index, expression, upper: bound)
  }

  /// `expression ≥ bound`.
  public mutating func addGreaterOrEqual(
    _ family: String, _ index: String, _ expression: LinearExpression, _ bound: Double
  ) {
    addConstraint(family, index, expression, lower: bound)
  }

  /// `expression = value`.
  public mutating func addEqual(_ family: String, _ index: String, _ expression: LinearExpression, _ value: Double) {
    addConstraint(family, index, expression, lower: value, upper: value)
  }

  public mutating func setCost(_ variable: Variable, _ cost: Double) {
    variables[variable.index].cost = cost
  }

  public mutating func setBounds(_ variable: Variable, lower: Double?, upper: Double?) {
    variables[variable.index].lower = lower
    variables[variable.index].upper = upper
  }

  /// Family names in the order they were first used, like a table of contents.
  public var families: [String] {
    var seen: Set<String> = []
    return constraints.compactMap { seen.insert($0.family).inserted ? $0.family : nil }
  }

  public var nonzeroCount: Int { constraints.reduce(0) { $0 + $1.terms.count } }
  public var integerVariableCount: Int { variables.count { $0.kind != .continuous } }

  /// The objective value of an assignment, including ``objectiveConstant``.
  public func objectiveValue(at values: [Double]) -> Double {
    zip(variables, values).reduce(objectiveConstant) { $0 + $1.0.cost * $1.1 }
  }
}

/// One row: `lower ≤ Σ terms ≤ upper`.
public struct Constraint: Hashable, Sendable {
  public var family: String
  public var index: String
  /// One term per variable, in variable order.
  public var terms: [LinearExpression.Term]
  public var lower: Double?
  public var upper: Double?

  /// `family[index]`, the row's name in exports and reports.
  public var name: String { index.isEmpty ? family : "\(family)[\(index)]" }
}

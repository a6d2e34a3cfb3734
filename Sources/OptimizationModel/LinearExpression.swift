/// Σ coefficient × variable + constant.
///
/// Terms may repeat a variable while an expression is built; ``LinearModel`` merges them when a
/// constraint is added, so solvers always see one coefficient per variable and row.
public struct LinearExpression: Hashable, Sendable, ExpressibleByIntegerLiteral {
  public var terms: [Term]
  public var constant: Double

  public struct Term: Hashable, Sendable {
    public var variable: Variable
    public var coefficient: Double

    public init(_ variable: Variable, _ coefficient: Double) {
      self.variable = variable
      self.coefficient = coefficient
    }
  }

  public init(terms: [Term] = [], constant: Double = 0) {
    self.terms = terms
    self.constant = constant
  }

  public init(_ variable: Variable, coefficient: Double = 1) {
    self.init(terms: [Term(variable, coefficient)])
  }

  public init(integerLiteral value: Int) { self.init(constant: Double(value)) }

  /// The sum of `variables`, each with coefficient 1.
  public static func sum<S: Sequence>(_ variables: S) -> LinearExpression where S.Element == Variable {
    LinearExpression(terms: variables.map { Term($0, 1) })
  }

  public mutating func add(_ variable: Variable, _ coefficient: Double = 1) {
    terms.append(Term(variable, coefficient))
  }

  /// Terms with one coefficient per variable, in variable order, zeros dropped.
  public var mergedTerms: [Term] {
    var byVariable: [Variable: Double] = [:]
    for term in terms { byVariable[term.variable, default: 0] += term.coefficient }
    return byVariable.filter { $0.value != 0 }.sorted { $0.key < $1.key }.map { Term($0.key, $0.value) }
  }

  /// The value under an assignment of all variables (indexed by ``Variable/index``).
  public func value(at values: [Double]) -> Double {
    terms.reduce(constant) { $0 + $1.coefficient * values[$1.variable.index] }
  }

  public static func + (lhs: LinearExpression, rhs: LinearExpression) -> LinearExpression {
    LinearExpression(terms: lhs.terms + rhs.terms, constant: lhs.constant + rhs.constant)
  }

  public static func - (lhs: LinearExpression, rhs: LinearExpression) -> LinearExpression {
    lhs + (-1) * rhs
  }

  public static func * (factor: Double, expression: LinearExpression) -> LinearExpression {
    LinearExpression(
      terms: expression.terms.map { Term($0.variable, $0.coefficient * factor) },
      constant: expression.constant * factor)
  }

  public static func += (lhs: inout LinearExpression, rhs: LinearExpression) { lhs = lhs + rhs }
}

extension Variable {
  public static func * (coefficient: Double, variable: Variable) -> LinearExpression {
    LinearExpression(variable, coefficient: coefficient)
  }

  public static func + (lhs: Variable, rhs: Variable) -> LinearExpression {
    LinearExpression(lhs) + LinearExpression(rhs)
  }

  public static func + (lhs: LinearExpression, rhs: Variable) -> LinearExpression { lhs + LinearExpression(rhs) }
  public static func - (lhs: LinearExpression, rhs: Variable) -> LinearExpression { lhs - LinearExpression(rhs) }
  public static func - (lhs: Variable, rhs: Variable) -> LinearExpression {
    LinearExpression(lhs) - LinearExpression(rhs)
  }
}

/// A decision variable of a ``LinearModel``, identified by its position.
public struct Variable: Hashable, Comparable, Sendable {
  /// 0-based position in ``LinearModel/variables``.
  public let index: Int

  public init(index: Int) { self.index = index }

  public static func < (lhs: Variable, rhs: Variable) -> Bool { lhs.index < rhs.index }
}

/// Whether a variable may take fractional values.
public enum VariableKind: String, Hashable, Sendable {
  case continuous
  case integer
  /// An integer in 0…1.
  case binary
}

/// What the model knows about one variable.
public struct VariableDefinition: Hashable, Sendable {
  /// Unique within the model, e.g. `start[vt,2020-06]`; exported to MPS and LP files.
  public var name: String
  public var kind: VariableKind
  /// nil = unbounded below.
  public var lower: Double?
  /// nil = unbounded above.
  public var upper: Double?
  /// Coefficient in the objective.
  public var cost: Double

  public init(name: String, kind: VariableKind, lower: Double?, upper: Double?, cost: Double) {
    self.name = name
    self.kind = kind
    self.lower = lower
    self.upper = upper
    self.cost = cost
  }
}

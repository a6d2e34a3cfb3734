/// Why the solver stopped, kept apart from whether it has a solution to offer.
public enum SolveStatus: String, Hashable, Sendable {
  /// Proven optimal (within the requested relative gap, which defaults to 0).
  case optimal
  /// A solution without proof of optimality, e.g. the search stopped at the requested gap.
  case feasible
  case infeasible
  case unbounded
  /// The time limit ran out; a solution may or may not have been found.
  case timeLimit = "time-limit"
  /// ``Interruption`` was raised; a solution may or may not have been found.
  case interrupted
}

/// What a solve produced.
public struct SolveResult: Hashable, Sendable {
  public var status: SolveStatus
  /// Variable values by ``Variable/index``, when a solution exists.
  public var values: [Double]?
  /// Objective of ``values``, including the model's constant.
  public var objective: Double?
  /// Best proven bound on the objective, when known.
  public var bound: Double?
  /// Relative gap |objective − bound| / max(|objective|, ε) as the solver reports it.
  public var gap: Double?
  public var nodes: Int
  public var elapsedSeconds: Double

  public init(
    status: SolveStatus, values: [Double]? = nil, objective: Double? = nil, bound: Double? = nil, gap: Double? = nil,
    nodes: Int = 0, elapsedSeconds: Double = 0
  ) {
    self.status = status
    self.values = values
    self.objective = objective
    self.bound = bound
    self.gap = gap
    self.nodes = nodes
    self.elapsedSeconds = elapsedSeconds
  }

  public var hasSolution: Bool { values != nil }

  /// The value of `variable`; 0 without a solution.
  public func value(_ variable: Variable) -> Double { values?[variable.index] ?? 0 }

  /// The value rounded to the nearest integer, for integer variables.
  public func count(_ variable: Variable) -> Int { Int(value(variable).rounded()) }

  /// How far `objective` may be from the optimum, relative to it, given a bound (minimisation).
  public static func relativeGap(objective: Double, bound: Double) -> Double {
    max(0, objective - bound) / max(abs(objective), 1e-9)
  }

  /// Whether `objective` meets `bound` up to rounding, so that it is proven optimal.
  public static func meets(_ objective: Double, bound: Double) -> Bool {
    objective <= bound + 1e-6 * max(1, abs(bound))
  }
}

/// Errors a backend throws: the model or the solver is at fault, not the data's feasibility.
public enum SolverError: Error, Hashable, Sendable, CustomStringConvertible {
  case invalidModel(ModelValidationError)
  /// The solver library failed; the message is its own.
  case solverFailure(String)
  case fileWriteFailed(path: String, reason: String)

  public var description: String {
    switch self {
    case .invalidModel(let error): return error.description
    case .solverFailure(let message): return "the solver failed: \(message)"
    case .fileWriteFailed(let path, let reason): return "could not write \(path): \(reason)"
    }
  }
}

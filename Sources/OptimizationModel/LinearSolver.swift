/// A backend that solves a ``LinearModel``. Formulation code depends on this protocol only.
public protocol LinearSolver: Sendable {
  /// A short name for reports, e.g. `GLPK 5.0`.
  var name: String { get }

  /// Solves `model` synchronously on the calling thread.
  ///
  /// Infeasible, unbounded, time-limited and interrupted solves are outcomes, reported in the
  /// result; only a malformed model or a solver failure throws.
  func solve(_ model: LinearModel, options: SolveOptions) throws -> SolveResult
}

/// How long and how hard to search.
public struct SolveOptions: Sendable {
  /// Seconds for the whole solve; nil = no limit.
  public var timeLimit: Double?
  /// Stop once (incumbent − bound) / |incumbent| is at most this; 0 proves optimality.
  public var relativeGap: Double
  public var presolve: Bool
  public var cuts: CutFamilies
  public var feasibilityPump: Bool
  public var proximitySearch: Bool
  /// Called on the solving thread during branch and bound; keep it quick.
  public var progress: (@Sendable (SolveProgress) -> Void)?
  /// Raised from any thread to stop the search; the best solution found so far is kept.
  public var interruption: Interruption?
  /// Receives the solver's own log lines; nil keeps it silent.
  public var log: (@Sendable (String) -> Void)?

  public init(
    timeLimit: Double? = nil, relativeGap: Double = 0, presolve: Bool = true, cuts: CutFamilies = [],
    feasibilityPump: Bool = false, proximitySearch: Bool = false, progress: (@Sendable (SolveProgress) -> Void)? = nil,
    interruption: Interruption? = nil, log: (@Sendable (String) -> Void)? = nil
  ) {
    self.timeLimit = timeLimit
    self.relativeGap = relativeGap
    self.presolve = presolve
    self.cuts = cuts
    self.feasibilityPump = feasibilityPump
    self.proximitySearch = proximitySearch
    self.progress = progress
    self.interruption = interruption
    self.log = log
  }
}

/// Cutting-plane families a MIP solver may add.
public struct CutFamilies: OptionSet, Hashable, Sendable {
  public let rawValue: Int
  public init(rawValue: Int) { self.rawValue = rawValue }

  public static let gomory = CutFamilies(rawValue: 1 << 0)
  public static let mixedIntegerRounding = CutFamilies(rawValue: 1 << 1)
  public static let cover = CutFamilies(rawValue: 1 << 2)
  public static let clique = CutFamilies(rawValue: 1 << 3)
  public static let all: CutFamilies = [.gomory, .mixedIntegerRounding, .cover, .clique]
}

/// A snapshot of a running branch-and-bound search.
public struct SolveProgress: Hashable, Sendable {
  public var incumbent: Double?
  public var bound: Double?
  public var gap: Double?
  public var activeNodes: Int
  public var totalNodes: Int
  public var elapsedSeconds: Double
  /// True when this report was triggered by a better solution.
  public var improved: Bool
  /// Set while a model is solved part by part (``BlockDecomposition``): which part is running.
  /// No solution of the whole model exists then, so ``incumbent`` stays nil; ``bound`` is a
  /// bound on the whole model (parts solved, the running part's, the rest at their cheapest).
  public var part: SolvePart?

  public init(
    incumbent: Double?, bound: Double?, gap: Double?, activeNodes: Int, totalNodes: Int, elapsedSeconds: Double,
    improved: Bool, part: SolvePart? = nil
  ) {
    self.incumbent = incumbent
    self.bound = bound
    self.gap = gap
    self.activeNodes = activeNodes
    self.totalNodes = totalNodes
    self.elapsedSeconds = elapsedSeconds
    self.improved = improved
    self.part = part
  }
}

/// Which of a model's independent parts a solve is working on, counted from 1.
public struct SolvePart: Hashable, Sendable {
  public var number: Int
  public var count: Int

  public init(number: Int, count: Int) {
    self.number = number
    self.count = count
  }
}

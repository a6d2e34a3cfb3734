internal import CGLPK
internal import CGLPKSafe
public import OptimizationModel

/// Solves ``LinearModel``s with GLPK 5.0 through the guarded C boundary.
///
/// Each call creates, loads, solves, reads and deletes its GLPK problem in one synchronous
/// function on the calling thread, because GLPK objects belong to the thread that made them.
/// Calls on different threads run independently.
public struct GLPKSolver: LinearSolver {
  public init() {}

  /// GLPK's version string, e.g. `5.0`.
  public static var version: String { String(cString: cglpk_version()) }

  public var name: String { "GLPK \(Self.version)" }

  public func solve(_ model: LinearModel, options: SolveOptions) throws -> SolveResult {
    try validated(model)
    let clock = ContinuousClock()
    let started = clock.now
    return try GLPKProblem.withLoaded(model, log: options.log) { problem in
      if model.integerVariableCount == 0 {
        return try problem.solveRelaxation(options: options, started: started, clock: clock)
      }
      return try problem.solveIntegerProgram(options: options, started: started, clock: clock)
    }
  }

  /// Writes the model as a free-format MPS file, as GLPK writes it (readable by glpsol and HiGHS).
  public func writeMPS(_ model: LinearModel, to path: String) throws {
    try validated(model)
    guard !model.constraints.isEmpty else {
      throw SolverError.fileWriteFailed(path: path, reason: "an MPS file needs at least one constraint")
    }
    try GLPKProblem.withLoaded(model, log: nil) { try $0.write(to: path, format: .mps) }
  }

  /// Writes the model in CPLEX LP format.
  public func writeLP(_ model: LinearModel, to path: String) throws {
    try validated(model)
    try GLPKProblem.withLoaded(model, log: nil) { try $0.write(to: path, format: .cplexLP) }
  }

  private func validated(_ model: LinearModel) throws {
    do { try model.validate() } catch { throw SolverError.invalidModel(error) }
    let limit = Int(Int32.max) - 1
    if model.variables.count > limit || model.constraints.count > limit || model.nonzeroCount > limit {
      throw SolverError.invalidModel(
        ModelValidationError(problems: ["more rows, columns or nonzeros than GLPK indexes"]))
    }
  }
}

@_spi(Unchecked)
extension GLPKSolver {
  /// Hands matrix triplets (1-based, as GLPK takes them) to the library without any Swift
  /// check, for a problem with `rows` × `columns`. It exists to exercise the C guard: GLPK's
  /// own rejection of a bad index must surface as a thrown error, not an abort.
  public static func loadUncheckedTriplets(
    rows: Int, columns: Int, triplets: [(row: Int32, column: Int32, value: Double)]
  )
    throws
  {
    var model = LinearModel(name: "unchecked")
    let variables = (0..<columns).map { model.addVariable("x\($0)") }
    for row in 0..<rows { model.addLessOrEqual("row", String(row), LinearExpression.sum(variables), 1) }
    try GLPKProblem.withLoaded(model, log: nil) { problem in
      var rowIndices: [Int32] = [0] + triplets.map(\.row)
      var columnIndices: [Int32] = [0] + triplets.map(\.column)
      var values: [Double] = [0] + triplets.map(\.value)
      try GLPKProblem.check(
        cglpk_load_matrix(problem.pointer, Int32(triplets.count), &rowIndices, &columnIndices, &values))
    }
  }
}

import Foundation
@_spi(Unchecked) import GLPK
import OptimizationModel
import Testing

@Suite struct GLPKSolverTests {
  let solver = GLPKSolver()

  /// max 3x + 2y s.t. x + y ≤ 4, x + 3y ≤ 6, 0 ≤ x ≤ 3, y ≥ 0.
  /// Vertices: (0,0)=0, (3,0)=9, (3,1)=11, (0,2)=4 and x+y=4 ∩ x+3y=6 = (3,1). Optimum 11 at (3,1).
  @Test func linearProgramReachesTheBestVertex() throws {
    var model = LinearModel(sense: .maximize)
    let x = model.addVariable("x", upper: 3, cost: 3)
    let y = model.addVariable("y", cost: 2)
    model.addLessOrEqual("capacity", "a", x + y, 4)
    model.addLessOrEqual("capacity", "b", LinearExpression(x) + 3 * y, 6)
    let result = try solver.solve(model, options: SolveOptions())
    #expect(result.status == .optimal)
    #expect(abs((result.objective ?? 0) - 11) < 1e-9)
    #expect(abs(result.value(x) - 3) < 1e-9)
    #expect(abs(result.value(y) - 1) < 1e-9)
    #expect(result.gap == 0)
  }

  /// Knapsack: values 5, 4, 3, weights 2, 3, 1, capacity 5. Feasible pairs: a+b (w5, v9),
  /// a+c (w3, v8), b+c (w4, v7); all three weigh 6. Optimum 9 = a + b.
  @Test func knapsackPicksTheBestPair() throws {
    var model = LinearModel(sense: .maximize)
    let a = model.addVariable("a", kind: .binary, cost: 5)
    let b = model.addVariable("b", kind: .binary, cost: 4)
    let c = model.addVariable("c", kind: .binary, cost: 3)
    model.addLessOrEqual("weight", "", 2 * a + 3 * b + 1 * c, 5)
    let result = try solver.solve(model, options: SolveOptions())
    #expect(result.status == .optimal)
    #expect(result.objective == 9)
    let counts: [Int] = [result.count(a), result.count(b), result.count(c)]
    #expect(counts == [1, 1, 0])
  }

  /// min x + y with 2x + 2y ≥ 3: the relaxation gives 1.5, integrality forces 2.
  /// The objective constant 10 is carried into the reported objective: 12.
  @Test func integralityRaisesTheRelaxedOptimum() throws {
    var model = LinearModel()
    let x = model.addVariable("x", kind: .integer)
    let y = model.addVariable("y", kind: .integer)
    model.setCost(x, 1)
    model.setCost(y, 1)
    model.objectiveConstant = 10
    model.addGreaterOrEqual("cover", "", 2 * x + 2 * y, 3)
    let result = try solver.solve(model, options: SolveOptions())
    #expect(result.status == .optimal)
    #expect(result.objective == 12)
    #expect(model.objectiveValue(at: result.values ?? []) == 12)
  }

  @Test(arguments: [VariableKind.continuous, .integer])
  func infeasibleModelIsAnOutcomeNotAnError(kind: VariableKind) throws {
    var model = LinearModel()
    let x = model.addVariable("x", kind: kind, upper: 1, cost: 1)
    model.addGreaterOrEqual("demand", "", LinearExpression(x), 2)
    let result = try solver.solve(model, options: SolveOptions())
    #expect(result.status == .infeasible)
    #expect(result.values == nil)
    #expect(result.objective == nil)
  }

  @Test(arguments: [VariableKind.continuous, .integer])
  func unboundedModelIsReportedAsSuch(kind: VariableKind) throws {
    var model = LinearModel(sense: .maximize)
    let x = model.addVariable("x", kind: kind, cost: 1)
    let y = model.addVariable("y", kind: kind)
    model.addLessOrEqual("difference", "", x - y, 1)
    let result = try solver.solve(model, options: SolveOptions())
    #expect(result.status == .unbounded)
    #expect(result.values == nil)
  }

  /// Infeasible although presolve cannot see it row by row: x + y ≥ 3 with x, y ≤ 1.
  @Test func infeasibleWithoutPresolveIsStillInfeasible() throws {
    var model = LinearModel()
    let x = model.addVariable("x", kind: .integer, upper: 1, cost: 1)
    let y = model.addVariable("y", kind: .integer, upper: 1, cost: 1)
    model.addGreaterOrEqual("demand", "", x + y, 3)
    let result = try solver.solve(model, options: SolveOptions(presolve: false))
    #expect(result.status == .infeasible)
  }

  @Test func timeLimitedSearchKeepsItsIncumbentAndGap() throws {
    let model = HardInstances.multidimensionalKnapsack(items: 70, constraints: 6, seed: 7)
    let result = try solver.solve(model, options: SolveOptions(timeLimit: 0.3))
    #expect(result.status == .timeLimit)
    #expect(result.hasSolution)
    let gap = try #require(result.gap)
    #expect(gap > 0)
    let bound = try #require(result.bound)
    let objective = try #require(result.objective)
    #expect(bound >= objective - 1e-6, "for a maximisation the bound lies above the incumbent")
    #expect(result.elapsedSeconds < 5)
  }

  @Test func interruptionStopsTheSearchAndKeepsTheIncumbent() throws {
    let model = HardInstances.multidimensionalKnapsack(items: 70, constraints: 6, seed: 11)
    let interruption = Interruption()
    let reports = ProgressLog()
    let options = SolveOptions(
      progress: { progress in
        reports.append(progress)
        if progress.incumbent != nil { interruption.raise() }
      }, interruption: interruption)
    let result = try solver.solve(model, options: options)
    #expect(result.status == .interrupted)
    #expect(result.hasSolution)
    #expect(reports.count > 0)
  }

  @Test func aCallThatWouldAbortThrowsAndTheProcessSolvesOn() throws {
    let error = #expect(throws: SolverError.self) {
      try GLPKSolver.loadUncheckedTriplets(rows: 2, columns: 2, triplets: [(row: 99, column: 1, value: 1)])
    }
    guard case .solverFailure(let message) = error else {
      Issue.record("expected a solver failure, got \(String(describing: error))")
      return
    }
    #expect(message.contains("out of range"), "GLPK's own message is kept: \(message)")
    // The thread's GLPK environment was freed by the guard; a new solve must work.
    try knapsackPicksTheBestPair()
  }

  @Test func duplicateTripletsReachingGLPKAreCaughtToo() throws {
    #expect(throws: SolverError.self) {
      try GLPKSolver.loadUncheckedTriplets(
        rows: 1, columns: 1, triplets: [(row: 1, column: 1, value: 1), (row: 1, column: 1, value: 2)])
    }
    try linearProgramReachesTheBestVertex()
  }

  @Test func malformedModelIsRejectedBeforeGLPKSeesIt() throws {
    var model = LinearModel()
    let x = model.addVariable("x", kind: .integer, lower: 0.5, upper: .nan)
    model.addLessOrEqual("row", "", LinearExpression(x), .infinity)
    let error = #expect(throws: SolverError.self) { try solver.solve(model, options: SolveOptions()) }
    guard case .invalidModel(let validation) = error else {
      Issue.record("expected invalidModel")
      return
    }
    #expect(validation.problems.contains { $0.contains("upper bound nan") })
    #expect(validation.problems.contains { $0.contains("fractional bound 0.5") })
    #expect(validation.problems.contains { $0.contains("constraint 'row'") })
  }

  @Test func exportingWithoutRowsIsRefusedInsteadOfAborting() throws {
    var model = LinearModel()
    model.addVariable("x", cost: 1)
    let path = FileManager.default.temporaryDirectory.appendingPathComponent("empty-\(UUID()).mps").path
    #expect(throws: SolverError.self) { try solver.writeMPS(model, to: path) }
  }

  @Test func solverLogIsSilentByDefaultAndForwardedWhenAsked() throws {
    let lines = LineLog()
    var model = LinearModel()
    let x = model.addVariable("x", kind: .integer, cost: 1)
    model.addGreaterOrEqual("demand", "", LinearExpression(x), 2)
    _ = try solver.solve(model, options: SolveOptions(log: { lines.append($0) }))
    #expect(lines.text.contains("Integer optimization begins") || lines.text.contains("INTEGER OPTIMAL"))
  }

  @Test func independentSolvesRunOnSeveralThreadsAtOnce() throws {
    let objectives = LineLog()
    DispatchQueue.concurrentPerform(iterations: 8) { iteration in
      let model = HardInstances.multidimensionalKnapsack(items: 12, constraints: 2, seed: UInt64(iteration))
      let single = try? GLPKSolver().solve(model, options: SolveOptions())
      objectives.append(single.map { "\($0.status.rawValue)" } ?? "error")
    }
    #expect(objectives.lines == Array(repeating: "optimal", count: 8))
  }
}

final class ProgressLog: @unchecked Sendable {
  private let lock = NSLock()
  private var reports: [SolveProgress] = []
  func append(_ progress: SolveProgress) { lock.withLock { reports.append(progress) } }
  var count: Int { lock.withLock { reports.count } }
}

final class LineLog: @unchecked Sendable {
  private let lock = NSLock()
  private var stored: [String] = []
  func append(_ line: String) { lock.withLock { stored.append(line) } }
  var lines: [String] { lock.withLock { stored } }
  var text: String { lines.joined() }
}

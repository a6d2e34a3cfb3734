import GLPK
import OptimizationModel
import Synchronization
import Testing

@Suite struct BlockDecompositionTests {
  let solver = GLPKSolver()

  /// Two covering problems that share only a `budget` row on their cheap variables, with a
  /// variable `spare` that appears in that row alone:
  ///   block A: min 3a + 2b, a + b ≥ 3 (integers): b = 3, cost 6.
  ///   block B: min 4c + 5d, 2c + 3d ≥ 7 (integers): c = 2, d = 1, cost 13 (c = 1, d = 2 costs
  ///            14; d = 3 costs 15; c = 4 costs 16).
  ///   budget: b + d + spare ≤ capacity, spare ≥ 0 costs nothing.
  /// The blocks' optimum has b + d = 4, so with capacity 4 it is the whole optimum (19). With
  /// capacity 3 the budget binds: a = 1, b = 2, c = 2, d = 1 costs 20, the best of all
  /// assignments with b + d ≤ 3 (enumerated by hand over a, b, c, d ≤ 7).
  func coupledCovers(capacity: Double) -> LinearModel {
    var model = LinearModel(name: "covers")
    let a = model.addVariable("a", kind: .integer, cost: 3)
    let b = model.addVariable("b", kind: .integer, cost: 2)
    let c = model.addVariable("c", kind: .integer, cost: 4)
    let d = model.addVariable("d", kind: .integer, cost: 5)
    let spare = model.addVariable("spare")
    model.addGreaterOrEqual("coverA", "", a + b, 3)
    model.addGreaterOrEqual("coverB", "", 2 * c + 3 * d, 7)
    model.addLessOrEqual("budget", "", b + d + spare, capacity)
    return model
  }

  @Test func blocksAreTheComponentsLeftWithoutTheCouplingRows() {
    let model = coupledCovers(capacity: 4)
    let blocks = BlockDecomposition.blocks(of: model, coupling: ["budget"])
    #expect(blocks.map(\.variables) == [[0, 1], [2, 3]])
    #expect(blocks.map(\.constraints) == [[0], [1]])
    #expect(BlockDecomposition.blocks(of: model, coupling: []).map(\.variables) == [[0, 1, 2, 3, 4]])
  }

  @Test func slackCouplingGivesTheWholeOptimumBlockByBlock() throws {
    let model = coupledCovers(capacity: 4)
    let decomposed = try #require(
      try BlockDecomposition.solve(model, coupling: ["budget"], solver: solver, options: SolveOptions()))
    let whole = try solver.solve(model, options: SolveOptions())
    #expect(decomposed.status == .optimal)
    #expect(decomposed.objective == 19)
    #expect(whole.objective == 19)
    let values = try #require(decomposed.values)
    #expect(model.objectiveValue(at: values) == 19)
    #expect(values[1] + values[3] + values[4] <= 4 + 1e-9)
  }

  /// With capacity 3 the blocks' merged solution (b + d = 4) breaks the budget: the
  /// decomposition declines rather than answer, and the whole solve finds 20.
  @Test func bindingCouplingIsLeftToTheWholeSolve() throws {
    let model = coupledCovers(capacity: 3)
    let decomposed = try BlockDecomposition.solve(model, coupling: ["budget"], solver: solver, options: SolveOptions())
    #expect(decomposed == nil)
    let whole = try solver.solve(model, options: SolveOptions())
    #expect(whole.status == .optimal)
    #expect(whole.objective == 20)
  }

  /// Blocks whose relaxations are already integral: A: min 3a + 2b, a + b ≥ 3 (b = 3, cost 6);
  /// B: min 4c + 5d, c + d ≥ 2 (c = 2, cost 8); budget b + c + spare ≤ 4. The blocks' choice
  /// (b + c = 5) breaks the budget. With a and b decided again by the merge, it keeps c = 2 and
  /// repairs the budget with a = 1, b = 2 (7): 15 against the bound 14, a gap of 6.7 %, accepted
  /// within 10 % as a feasible plan with that bound. Without the hint the merge keeps b = 3.
  @Test func theMergeDecidesAgainWhatTheHintsName() throws {
    var model = LinearModel(name: "repair")
    let a = model.addVariable("a", kind: .integer, cost: 3)
    let b = model.addVariable("b", kind: .integer, cost: 2)
    let c = model.addVariable("c", kind: .integer, cost: 4)
    let d = model.addVariable("d", kind: .integer, cost: 5)
    let spare = model.addVariable("spare")
    model.addGreaterOrEqual("coverA", "", a + b, 3)
    model.addGreaterOrEqual("coverB", "", c + d, 2)
    model.addLessOrEqual("budget", "", b + c + spare, 4)
    var options = SolveOptions()
    options.relativeGap = 0.1
    let hints = BlockDecomposition.Hints(redecidedInMerge: [a.index, b.index])
    let repaired = try #require(
      try BlockDecomposition.solve(model, coupling: ["budget"], hints: hints, solver: solver, options: options))
    #expect(repaired.status == .feasible)
    #expect(repaired.objective == 15)
    #expect(repaired.bound == 14)
    #expect(repaired.values.map { Array($0.prefix(4)) } == [1, 2, 2, 0])
    #expect(try BlockDecomposition.solve(model, coupling: ["budget"], solver: solver, options: options) == nil)
  }

  /// A variable fixed in the blocks stays at its lower bound there: with d held at 0, block B
  /// needs c = 4 (16), so the parts give 6 + 16 = 22. (Only the formulation can know that a
  /// fixing keeps every block's optimum; this one does not, which is what makes it visible.)
  @Test func variablesFixedInTheBlocksStayAtTheirLowerBound() throws {
    let hints = BlockDecomposition.Hints(fixedInBlocks: [3])
    let result = try #require(
      try BlockDecomposition.solve(
        coupledCovers(capacity: 4), coupling: ["budget"], hints: hints, solver: solver, options: SolveOptions()))
    #expect(result.objective == 22)
    #expect(result.values?[3] == 0)
  }

  /// A block that stops on the time limit with a solution still gives a merged plan: block B
  /// reports its first solution d = 3 (15) with bound 12, so the merge (b = 3, d = 3 fixed,
  /// budget 6 ≤ 6) costs 21 against the bound 6 + 12 = 18, returned as time-limited with that gap.
  @Test func aBlockStoppedByTheTimeLimitStillGivesAPlanWithItsGap() throws {
    let model = coupledCovers(capacity: 6)
    let result = try #require(
      try BlockDecomposition.solve(
        model, coupling: ["budget"], solver: StoppingOnCoverB(), options: SolveOptions(timeLimit: 10)))
    #expect(result.status == .timeLimit)
    #expect(result.objective == 21)
    #expect(result.bound == 18)
    #expect(abs((result.gap ?? 0) - 3.0 / 21.0) < 1e-9)
  }

  /// With every integer relaxed in the blocks, block B stops on the time limit with the whole
  /// solution d = 3 (bound 12), and would find nothing in the time left with integers: its
  /// solution is kept, so the merge (21 against 18) still gives a plan.
  @Test func aRelaxedBlockStoppedByTheTimeLimitKeepsItsWholeSolution() throws {
    let hints = BlockDecomposition.Hints(relaxedInBlocks: [0, 1, 2, 3])
    let result = try #require(
      try BlockDecomposition.solve(
        coupledCovers(capacity: 6), coupling: ["budget"], hints: hints,
        solver: StoppingOnCoverB(solution: true, onlyRelaxed: true), options: SolveOptions(timeLimit: 10)))
    #expect(result.status == .timeLimit)
    #expect(result.objective == 21)
    #expect(result.bound == 18)
  }

  /// Stopped in block B (bound 12), after block A (6), with no plan to merge: out of time before
  /// block B found anything, or interrupted (even with a plan of block B's own). The bound 18
  /// still holds for the whole model.
  @Test(arguments: [(SolveStatus.timeLimit, false), (SolveStatus.interrupted, true)])
  func aSearchStoppedBeforeTheMergeKeepsTheBoundReached(status: SolveStatus, blockFoundAPlan: Bool) throws {
    let result = try #require(
      try BlockDecomposition.solve(
        coupledCovers(capacity: 6), coupling: ["budget"],
        solver: StoppingOnCoverB(status: status, solution: blockFoundAPlan), options: SolveOptions(timeLimit: 10)))
    #expect(result.status == status)
    #expect(result.values == nil)
    #expect(result.bound == 18)
  }

  /// All four integers relaxed in the blocks: block A's relaxation is already whole (b = 3) and
  /// is kept; block B's is not (d = 7/3, cost 35/3), so B is solved again with integers
  /// (c = 2, d = 1). The whole optimum 19 comes back, in whole numbers.
  @Test func aBlockWhoseRelaxationIsNotWholeIsSolvedAgainWithIntegers() throws {
    let hints = BlockDecomposition.Hints(relaxedInBlocks: [0, 1, 2, 3])
    let result = try #require(
      try BlockDecomposition.solve(
        coupledCovers(capacity: 4), coupling: ["budget"], hints: hints, solver: solver, options: SolveOptions()))
    #expect(result.status == .optimal)
    #expect(result.objective == 19)
    #expect(result.values.map { Array($0.prefix(4)) } == [0, 3, 2, 1])
  }

  /// Before the merge no whole solution exists: reports name the part and carry no incumbent,
  /// but a bound on the whole model (at most its optimum, 19; every variable costs at least 0).
  @Test func progressNamesThePartBeingSolved() throws {
    let reports = Mutex<[SolveProgress]>([])
    var options = SolveOptions()
    options.progress = { progress in reports.withLock { $0.append(progress) } }
    _ = try BlockDecomposition.solve(coupledCovers(capacity: 4), coupling: ["budget"], solver: solver, options: options)
    let seen = reports.withLock { $0 }
    #expect(!seen.isEmpty)
    #expect(seen.allSatisfy { $0.part != nil && $0.incumbent == nil })
    #expect(seen.allSatisfy { ($0.bound ?? -1) >= 0 && ($0.bound ?? 99) <= 19 + 1e-9 }, "\(seen.map(\.bound))")
    #expect(Set(seen.compactMap(\.part?.count)) == [2])
    #expect(seen.compactMap(\.part?.number) == seen.compactMap(\.part?.number).sorted())
  }

  @Test func aSingleBlockIsNotWorthDecomposing() throws {
    let model = coupledCovers(capacity: 4)
    let decomposed = try BlockDecomposition.solve(model, coupling: [], solver: solver, options: SolveOptions())
    #expect(decomposed == nil)
  }
}

/// GLPK, except that the block holding row `coverB` (not the merge) stops at once with d = 3
/// (or nothing) and bound 12, as a solve cut short by the time limit (or an interruption) would.
private struct StoppingOnCoverB: LinearSolver {
  let name = "GLPK, stopping on cover B"
  var status = SolveStatus.timeLimit
  /// Whether it stops with the solution d = 3, or with none.
  var solution = true
  /// Whether the solution comes only while `d` is continuous (the block relaxed).
  var onlyRelaxed = false

  func solve(_ model: LinearModel, options: SolveOptions) throws -> SolveResult {
    let families = Set(model.constraints.map(\.family))
    guard families.contains("coverB"), !families.contains("budget") else {
      return try GLPKSolver().solve(model, options: options)
    }
    let relaxed = model.variables.first { $0.name == "d" }?.kind == .continuous
    guard solution && (relaxed || !onlyRelaxed) else { return SolveResult(status: status, bound: 12) }
    let values = model.variables.map { $0.name == "d" ? 3.0 : 0.0 }
    return SolveResult(status: status, values: values, objective: 15, bound: 12, gap: 0.2)
  }
}

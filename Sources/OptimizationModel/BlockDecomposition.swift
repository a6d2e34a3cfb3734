import Foundation

/// Solves a model whose rows, once a few coupling families are set aside, fall apart into
/// independent blocks: each block alone, then the merged solution checked against the coupling
/// rows.
///
/// Without the coupling rows the model is a relaxation, so the blocks' optima add up to a lower
/// bound on the whole (for minimisation). When the merged solution also satisfies the coupling
/// rows at that same objective, it is optimal for the whole model: the proof is as good as the
/// whole solve's, while branch and bound never has to close the gaps of unrelated blocks at once.
/// When the coupling rows bind, or a block cannot be proven optimal in time, the result is nil
/// and the caller solves the whole model.
public enum BlockDecomposition {
  /// The blocks of `model` once the rows of `coupling` families are set aside: each block lists
  /// its variables and rows in model order, blocks in the order of their first variable.
  /// Variables that appear only in coupling rows (or in none) belong to no block.
  public static func blocks(of model: LinearModel, coupling: Set<String>) -> [Block] {
    var parent = Array(0..<model.variables.count)
    func root(_ variable: Int) -> Int {
      var node = variable
      while parent[node] != node {
        parent[node] = parent[parent[node]]
        node = parent[node]
      }
      return node
    }
    var inBlock = Array(repeating: false, count: model.variables.count)
    for constraint in model.constraints where !coupling.contains(constraint.family) {
      guard let first = constraint.terms.first?.variable.index else { continue }
      inBlock[first] = true
      for term in constraint.terms.dropFirst() {
        inBlock[term.variable.index] = true
        let (a, b) = (root(first), root(term.variable.index))
        if a != b { parent[max(a, b)] = min(a, b) }
      }
    }
    var blockOfRoot: [Int: Int] = [:]
    var blocks: [Block] = []
    for variable in model.variables.indices where inBlock[variable] {
      let representative = root(variable)
      if let existing = blockOfRoot[representative] {
        blocks[existing].variables.append(variable)
      } else {
        blockOfRoot[representative] = blocks.count
        blocks.append(Block(variables: [variable], constraints: []))
      }
    }
    for (row, constraint) in model.constraints.enumerated() where !coupling.contains(constraint.family) {
      guard let first = constraint.terms.first?.variable.index, let block = blockOfRoot[root(first)] else { continue }
      blocks[block].constraints.append(row)
    }
    return blocks
  }

  public struct Block: Hashable, Sendable {
    public var variables: [Int]
    public var constraints: [Int]
  }

  /// What the formulation knows about its blocks that the rows alone do not say.
  public struct Hints: Sendable {
    /// Variables that some optimal solution of every block leaves at their lower bound: the
    /// blocks are solved with them fixed there, which removes choices that differ only in how
    /// they load the coupling rows. The bound stays valid because their blocks' optima do not
    /// change.
    public var fixedInBlocks: Set<Int>
    /// Variables the merge decides again, with the coupling rows in place, instead of taking the
    /// blocks' values: choices whose cost the other (fixed) variables already determine, such as
    /// when a client is taken on when the client's starts are fixed.
    public var redecidedInMerge: Set<Int>
    /// Integer variables a block is first solved without requiring integrality for: once the
    /// other integers are whole, the block's relaxation tends to have a whole optimum anyway
    /// (flows through a network). When it does, that optimum is the block's; when not, the block
    /// is solved again with every integer required.
    public var relaxedInBlocks: Set<Int>

    public init(fixedInBlocks: Set<Int> = [], redecidedInMerge: Set<Int> = [], relaxedInBlocks: Set<Int> = []) {
      self.fixedInBlocks = fixedInBlocks
      self.redecidedInMerge = redecidedInMerge
      self.relaxedInBlocks = relaxedInBlocks
    }
  }

  /// At most this share of the integer variables in one block, or decomposing is not worth it.
  /// In the bundled and synthetic scenarios the largest route group holds 41–74 %; Eindhoven
  /// 2020, whose caseloads bind, 95 %.
  public static let largestBlockShare = 0.9

  /// The whole model's optimum found block by block, or nil when that proves nothing: one block
  /// holding more than ``largestBlockShare`` of the integer variables, a block that ends without
  /// a solution or short of proof for another reason than the time limit, or coupling
  /// rows that the merged solution breaks or that cost more than the blocks' bound allows. An
  /// ``Interruption`` ends it with status `interrupted`, no solution and the bound reached.
  ///
  /// When a block stops on the time limit with a solution, the merged solution comes back with
  /// status ``SolveStatus/timeLimit``, the blocks' bound and its gap: a plan to keep if nothing
  /// better is found in the time left. Within `options.relativeGap` it comes back `feasible`.
  /// When the time runs out before a merged solution exists, the result has status `timeLimit`,
  /// no solution and the bound reached (solved blocks' bounds, the running block's, and every
  /// later block at its cheapest), which still bounds the whole model.
  ///
  /// The merge solves the whole model with every block variable fixed at its block's value,
  /// except those `hints` name as decided again; `hints` may also fix variables in the blocks.
  ///
  /// `options.timeLimit` bounds the whole attempt; progress reports name the part being solved,
  /// count nodes and time and give a bound, but no incumbent, since no solution of the whole
  /// model exists before the last block is solved.
  public static func solve(
    _ model: LinearModel, coupling: Set<String>, hints: Hints = Hints(), solver: some LinearSolver,
    options: SolveOptions
  ) throws -> SolveResult? {
    guard model.sense == .minimize else { return nil }
    let clock = ContinuousClock()
    let started = clock.now
    let blocks = blocks(of: model, coupling: coupling)
    // When one block holds nearly all the integer variables it is the whole model again, and if
    // the coupling binds (as where caseloads are full) the whole model would be solved twice.
    let integers = blocks.map { block in block.variables.count { model.variables[$0].kind != .continuous } }
    let total = integers.reduce(0, +)
    guard total > 0, Double(integers.max() ?? 0) <= largestBlockShare * Double(total) else { return nil }
    var values = Array(repeating: 0.0, count: model.variables.count)
    var bound = model.objectiveConstant
    var nodes = 0
    // Whether a block stopped on the time limit with a solution but without proof.
    var unproven = false
    // For progress: a bound on each block before it is solved (every variable at its cheapest
    // bound), so that solved blocks' bounds, the running block's and these add up to a bound on
    // the whole model while the blocks are solved. Nil where a variable can get ever cheaper.
    let naiveBounds = blocks.map { block in Self.cheapest(block.variables, of: model) }
    var blockVariables = Array(repeating: false, count: model.variables.count)
    for block in blocks { for variable in block.variables { blockVariables[variable] = true } }
    let outside = Self.cheapest(model.variables.indices.filter { !blockVariables[$0] }, of: model)
    for (position, block) in blocks.enumerated() {
      let spent = (clock.now - started).inSeconds
      let settled = bound
      let ahead = Self.sum([outside] + naiveBounds[(position + 1)...])
      var blockOptions = options
      if let limit = options.timeLimit {
        guard let left = Self.remaining(limit, spent: spent) else {
          return Self.stopped(bound: Self.sum([settled, naiveBounds[position], ahead]), nodes: nodes, elapsed: spent)
        }
        blockOptions.timeLimit = left
      }
      let nodesBefore = nodes
      let naive = naiveBounds[position]
      blockOptions.progress = options.progress.map { report in
        { @Sendable progress in
          let running = progress.bound ?? naive
          report(
            SolveProgress(
              incumbent: nil, bound: Self.sum([settled, running, ahead]), gap: nil,
              activeNodes: progress.activeNodes,
              totalNodes: nodesBefore + progress.totalNodes, elapsedSeconds: spent + progress.elapsedSeconds,
              improved: false, part: SolvePart(number: position + 1, count: blocks.count)))
        }
      }
      let origin = block.variables
      let result = try solveBlock(model, block, hints: hints, solver: solver, options: blockOptions) {
        options.timeLimit.map { Self.remaining($0, spent: (clock.now - started).inSeconds) ?? 0.001 }
      }
      nodes += result.nodes
      if result.status == .interrupted {
        // Stopped by hand: no merged plan, but the bound reached so far still says something.
        return SolveResult(
          status: .interrupted, bound: Self.sum([settled, result.bound ?? naive, ahead]), nodes: nodes,
          elapsedSeconds: (clock.now - started).inSeconds)
      }
      // Within a requested gap a block may stop early, or on the time limit with a solution; its
      // bound then enters the whole bound.
      let stoppedByTime = result.status == .timeLimit && result.bound != nil
      let accepted = isFinished(result, options: options) || stoppedByTime
      guard accepted, let blockValues = result.values, let blockBound = result.bound ?? result.objective else {
        guard result.status == .timeLimit else { return nil }
        // No plan of this block in time: nothing to merge, but the bound reached still holds.
        return Self.stopped(
          bound: Self.sum([settled, result.bound ?? naive, ahead]), nodes: nodes,
          elapsed: (clock.now - started).inSeconds)
      }
      unproven = unproven || stoppedByTime
      for (local, variable) in origin.enumerated() {
        // Integers exactly, so that fixing them cannot break a coupling row by a rounding error.
        let value = blockValues[local]
        values[variable] = model.variables[variable].kind == .continuous ? value : value.rounded()
      }
      bound += blockBound
    }
    // Variables of no block: at their cheapest bound in the relaxation.
    guard let outside else { return nil }
    bound += outside
    var fixed = model
    for index in model.variables.indices where blockVariables[index] && !hints.redecidedInMerge.contains(index) {
      fixed.setBounds(Variable(index: index), lower: values[index], upper: values[index])
    }
    let spent = (clock.now - started).inSeconds
    var mergeOptions = options
    if let limit = options.timeLimit {
      guard let left = Self.remaining(limit, spent: spent) else {
        return Self.stopped(bound: bound, nodes: nodes, elapsed: spent)
      }
      mergeOptions.timeLimit = left
    }
    mergeOptions.progress = nil
    let merged = try solver.solve(fixed, options: mergeOptions)
    guard merged.status == .optimal, let objective = merged.objective, let mergedValues = merged.values else {
      return nil
    }
    let elapsed = (clock.now - started).inSeconds
    if SolveResult.meets(objective, bound: bound) {
      return SolveResult(
        status: .optimal, values: mergedValues, objective: objective, bound: objective, gap: 0,
        nodes: nodes + merged.nodes, elapsedSeconds: elapsed)
    }
    let gap = SolveResult.relativeGap(objective: objective, bound: bound)
    guard gap <= options.relativeGap || unproven else { return nil }
    return SolveResult(
      status: unproven ? .timeLimit : .feasible, values: mergedValues, objective: objective, bound: bound, gap: gap,
      nodes: nodes + merged.nodes, elapsedSeconds: elapsed)
  }

  /// Stopped by the time limit before a merged solution existed: no values, the bound reached.
  private static func stopped(bound: Double?, nodes: Int, elapsed: Double) -> SolveResult {
    SolveResult(status: .timeLimit, bound: bound, nodes: nodes, elapsedSeconds: elapsed)
  }

  /// The time left of `limit`; once a large block has used it up, a tenth more for all the
  /// blocks after it and the merge together (small blocks find their solution at once), so that
  /// a merged plan still exists. Nil when that is gone too.
  private static func remaining(_ limit: Double, spent: Double) -> Double? {
    if limit - spent > limit / 100 { return limit - spent }
    let grace = limit * 1.1 - spent
    return grace > 0 ? grace : nil
  }

  /// The sum, or nil when a term is unknown.
  private static func sum(_ terms: [Double?]) -> Double? {
    terms.reduce(0.0) { total, term in total.flatMap { sum in term.map { sum + $0 } } }
  }

  /// The least the given variables can cost, each at its cheapest bound; nil when one has none.
  private static func cheapest(_ variables: [Int], of model: LinearModel) -> Double? {
    var sum = 0.0
    for index in variables {
      let variable = model.variables[index]
      guard variable.cost != 0 else { continue }
      guard let value = variable.cost > 0 ? variable.lower : variable.upper, value.isFinite else { return nil }
      sum += variable.cost * value
    }
    return sum
  }

  /// One block: first with ``Hints/relaxedInBlocks`` continuous, kept when it ends as a plain
  /// solve would be accepted (or on the time limit) and those variables came out whole; otherwise
  /// again with every integer, in the time `timeLeft` gives then. The result counts the nodes of
  /// both.
  private static func solveBlock(
    _ model: LinearModel, _ block: Block, hints: Hints, solver: some LinearSolver, options: SolveOptions,
    timeLeft: () -> Double?
  ) throws -> SolveResult {
    var relaxedNodes = 0
    if block.variables.contains(where: hints.relaxedInBlocks.contains) {
      let relaxed = try solver.solve(
        submodel(model, block, fixingAtLowerBound: hints.fixedInBlocks, relaxing: hints.relaxedInBlocks),
        options: options)
      // Stopped by the time limit with a whole solution, the block keeps it: the time left is
      // far too short for the integer model to do better.
      if relaxed.status == .interrupted
        || ((isFinished(relaxed, options: options) || relaxed.status == .timeLimit)
          && isWhole(relaxed, at: block.variables, where: hints.relaxedInBlocks))
      {
        return relaxed
      }
      relaxedNodes = relaxed.nodes
    }
    var integerOptions = options
    integerOptions.timeLimit = timeLeft()
    var result = try solver.solve(
      submodel(model, block, fixingAtLowerBound: hints.fixedInBlocks, relaxing: []), options: integerOptions)
    result.nodes += relaxedNodes
    return result
  }

  /// Whether a block's solve ended as the blocks need: proven optimal, or within a requested gap.
  private static func isFinished(_ result: SolveResult, options: SolveOptions) -> Bool {
    result.status == .optimal || (result.status == .feasible && options.relativeGap > 0)
  }

  /// Whether every relaxed integer of the block came out whole.
  private static func isWhole(_ result: SolveResult, at origin: [Int], where relaxed: Set<Int>) -> Bool {
    guard let values = result.values else { return false }
    for (local, variable) in origin.enumerated() where relaxed.contains(variable) {
      if abs(values[local] - values[local].rounded()) > 1e-6 { return false }
    }
    return true
  }

  /// The block as a model of its own (its variables in model order), with the `relaxing`
  /// variables continuous.
  private static func submodel(
    _ model: LinearModel, _ block: Block, fixingAtLowerBound fixed: Set<Int>, relaxing: Set<Int>
  ) -> LinearModel {
    var submodel = LinearModel(name: model.name, sense: model.sense)
    var local: [Int: Variable] = [:]
    for index in block.variables {
      let variable = model.variables[index]
      let upper = fixed.contains(index) && variable.lower != nil ? variable.lower : variable.upper
      let kind = relaxing.contains(index) ? .continuous : variable.kind
      local[index] = submodel.addVariable(
        variable.name, kind: kind, lower: variable.lower, upper: upper, cost: variable.cost)
    }
    for row in block.constraints {
      let constraint = model.constraints[row]
      var expression = LinearExpression()
      for term in constraint.terms {
        guard let variable = local[term.variable.index] else { continue }
        expression.add(variable, term.coefficient)
      }
      submodel.addConstraint(
        constraint.family, constraint.index, expression, lower: constraint.lower, upper: constraint.upper)
    }
    return submodel
  }
}

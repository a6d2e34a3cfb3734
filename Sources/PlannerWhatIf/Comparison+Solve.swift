import OptimizationModel
import PlannerDomain
import PlannerFormulation
import PlannerReporting

/// How the variants of a comparison or staffing grid are solved.
public struct WhatIfOptions: Sendable {
  /// Time limit, gap, interruption and solver log of each solve; its `progress` is not used.
  public var planning: PlanningOptions
  /// Solves at a time; each solve runs wholly on one thread.
  public var threads: Int
  /// Called once per variant as soon as it is solved (from the solving thread, in any order),
  /// with its index and result.
  public var finished: (@Sendable (Int, VariantResult) -> Void)?

  public init(
    planning: PlanningOptions = PlanningOptions(), threads: Int = ParallelSolves.availableThreads,
    finished: (@Sendable (Int, VariantResult) -> Void)? = nil
  ) {
    self.planning = planning
    self.threads = threads
    self.finished = finished
  }
}

extension Comparison {
  /// Solves every variant optimally with `solver`, in parallel up to `options.threads`; the
  /// results keep the order of `variants`.
  public static func solve(_ variants: [WhatIfVariant], solver: some LinearSolver, options: WhatIfOptions)
    -> Comparison
  {
    let indexed = Array(variants.enumerated())
    var planning = options.planning
    planning.progress = nil
    let results = ParallelSolves.map(indexed, threads: options.threads) { [planning] index, variant in
      let result = VariantResult.solve(variant, solver: solver, options: planning)
      options.finished?(index, result)
      return result
    }
    return Comparison(results: results)
  }
}

extension VariantResult {
  /// Plans `variant` optimally; a planning error (a model too large for this machine) becomes a
  /// result without a plan whose explanation says why.
  public static func solve(_ variant: WhatIfVariant, solver: some LinearSolver, options: PlanningOptions)
    -> VariantResult
  {
    let scenario = variant.scenario
    do {
      let result = try OptimalPlanner.plan(scenario, solver: solver, options: options)
      return VariantResult(
        variant: variant, plan: result.plan, hasPlan: result.hasPlan,
        kpis: result.hasPlan ? PlanKPIs(plan: result.plan, scenario: scenario) : nil,
        segments: result.hasPlan ? SegmentWaits.of(result.plan, scenario: scenario) : [],
        explanations: result.explanations, solver: result.statistics.solver,
        solveSeconds: result.statistics.solveSeconds)
    } catch {
      let plan = Plan(
        scenarioName: scenario.name, start: scenario.start, horizon: scenario.horizon, strategy: "optimal",
        status: .infeasible, gap: nil, bound: nil, waitingMonths: 0, clients: [], cohorts: [], specialists: [])
      return VariantResult(
        variant: variant, plan: plan, hasPlan: false, kpis: nil, segments: [], explanations: [],
        failure: "\(error)", solver: solver.name, solveSeconds: 0)
    }
  }
}

import OptimizationModel
import Testing

@testable import PlannerFormulation

/// When the parts stop on the time limit, the whole model gets the time left; what comes back
/// is the better plan of the two with the higher bound (``OptimalPlanner/better(_:_:)``).
@Suite struct PartsAndWholeResultTests {
  let parts = SolveResult(status: .timeLimit, values: [1], objective: 743, bound: 711, gap: 32.0 / 743)

  @Test func aWholeSolveWithoutAPlanKeepsThePartsPlanAndTheHigherBound() {
    let whole = SolveResult(status: .timeLimit, bound: 714)
    let kept = OptimalPlanner.better(whole, parts)
    #expect(kept.status == .timeLimit)
    #expect(kept.values == [1])
    #expect(kept.objective == 743)
    #expect(kept.bound == 714)
    #expect(abs((kept.gap ?? 0) - 29.0 / 743) < 1e-12)
  }

  @Test func aBetterWholePlanWinsAndTheHigherBoundStays() {
    let whole = SolveResult(status: .timeLimit, values: [2], objective: 730, bound: 706)
    let kept = OptimalPlanner.better(whole, parts)
    #expect(kept.values == [2])
    #expect(kept.objective == 730)
    #expect(kept.bound == 711)
  }

  @Test func aPlanThatMeetsTheOtherBoundIsOptimal() {
    let whole = SolveResult(status: .timeLimit, values: [2], objective: 760, bound: 743)
    let kept = OptimalPlanner.better(whole, parts)
    #expect(kept.status == .optimal)
    #expect(kept.objective == 743)
    #expect(kept.gap == 0)
  }

  @Test func anOptimalWholeSolveIsKeptAsItIs() {
    let whole = SolveResult(status: .optimal, values: [3], objective: 717, bound: 717, gap: 0)
    #expect(OptimalPlanner.better(whole, parts) == whole)
  }
}

import OptimizationModel
import PlannerDomain
import PlannerFormulation

/// Who is left unplanned and why: clients without an intake and steps that never start,
/// grouped by their binding rules; for a scenario without any plan, the planner's reasons and
/// a smallest set of clients whose pins cannot hold together.
public struct ScenarioExplanation: Hashable, Sendable {
  public var scenario: Scenario
  public var status: PlanStatus
  public var hasPlan: Bool
  /// Waiting months of the plan; nil without a plan.
  public var waitingMonths: Int?
  /// The planner's own reasons (pin conflicts, a stop before the first plan).
  public var reasons: [String]
  /// Without a plan: clients whose pins together make the scenario infeasible, each needed
  /// (keeping the pins of all but one of them is feasible); checked by solving. Nil with a plan.
  public var conflictingPins: [String]?
  /// False when some feasibility check stopped at its time limit, so the set may not be minimal.
  public var conflictSearchComplete: Bool
  public var unplanned: [UnplannedGroup]
  /// The longest waits of the plan, as pointers for `--client`.
  public var longestWaits: [LongWait]

  public struct LongWait: Hashable, Sendable {
    public var selector: ClientSelector
    /// Waiting months of one such client.
    public var wait: Int
  }
}

/// Clients left without an intake, or with one step unstarted, for the same kinds of reason.
public struct UnplannedGroup: Hashable, Sendable {
  /// `intake` or the step's name.
  public var waitingFor: String
  /// Each client (or inflow group) with its heads in this group.
  public var clients: [Member]
  /// The distinct binding rules of their waiting months for this stage.
  public var rules: [BindingRule]
  /// Waiting months to the end of the horizon, all heads together.
  public var waitingMonths: Int

  public struct Member: Hashable, Sendable {
    public var selector: ClientSelector
    public var heads: Int
  }

  public var heads: Int { clients.reduce(0) { $0 + $1.heads } }
}

extension WaitExplainer {
  /// Explains the scenario as a whole: what its optimal plan leaves undone and why, or why it
  /// has no plan. `feasibilityTimeLimit` bounds each solve of the pin conflict search.
  public static func summarise(
    _ scenario: Scenario, solver: some LinearSolver, options: ExplainOptions, feasibilityTimeLimit: Double = 30
  ) throws -> ScenarioExplanation {
    let result = try OptimalPlanner.plan(scenario, solver: solver, options: options.planning)
    guard result.hasPlan else {
      var explanation = ScenarioExplanation(
        scenario: scenario, status: result.plan.status, hasPlan: false, waitingMonths: nil,
        reasons: result.explanations, conflictingPins: nil, conflictSearchComplete: true, unplanned: [],
        longestWaits: [])
      if result.plan.status == .infeasible {
        var search = PinConflictSearch(
          scenario: scenario, solver: solver, timeLimit: feasibilityTimeLimit, interruption: options.interruption)
        explanation.conflictingPins = try search.minimalConflict()
        explanation.conflictSearchComplete = search.complete
      }
      return explanation
    }
    let plan = result.plan
    let context = PlanContext(scenario: scenario, plan: plan)
    var groups: [UnplannedGroup] = []
    var keys: [String] = []
    for (index, entry) in plan.clients.enumerated() {
      let analysis = WaitAnalysis(context: context, entryIndex: index)
      let stage: Int?
      if entry.intake == nil && entry.intakeWait > 0 {
        stage = 0
      } else {
        stage = entry.steps.firstIndex { if case .unstarted(_?, _) = $0.outcome { return true } else { return false } }
          .map { $0 + 1 }
      }
      guard let stage else { continue }
      let periods = analysis.periods().filter { $0.waitingFor == analysis.stageName(stage) }
      var rules: [BindingRule] = []
      for rule in periods.flatMap(\.rules) where !rules.contains(rule) { rules.append(rule) }
      let months = periods.reduce(0) { $0 + $1.months } * entry.count
      let key = analysis.stageName(stage) + "|" + Set(rules.map(\.name)).sorted().joined(separator: ",")
      let member = UnplannedGroup.Member(selector: ClientSelector(entry.reference), heads: entry.count)
      if let existing = keys.firstIndex(of: key) {
        if let same = groups[existing].clients.firstIndex(where: { $0.selector == member.selector }) {
          groups[existing].clients[same].heads += member.heads
        } else {
          groups[existing].clients.append(member)
        }
        groups[existing].waitingMonths += months
        for rule in rules where !groups[existing].rules.contains(rule) { groups[existing].rules.append(rule) }
      } else {
        keys.append(key)
        groups.append(
          UnplannedGroup(waitingFor: analysis.stageName(stage), clients: [member], rules: rules, waitingMonths: months))
      }
    }
    var longest: [ScenarioExplanation.LongWait] = []
    for entry in plan.clients.filter({ $0.wait > 0 }).sorted(by: { ($1.wait, $0.reference) < ($0.wait, $1.reference) })
    where longest.count < 5 && !longest.contains(where: { $0.selector == ClientSelector(entry.reference) }) {
      longest.append(ScenarioExplanation.LongWait(selector: ClientSelector(entry.reference), wait: entry.wait))
    }
    return ScenarioExplanation(
      scenario: scenario, status: plan.status, hasPlan: true, waitingMonths: plan.waitingMonths,
      reasons: result.explanations, conflictingPins: nil, conflictSearchComplete: true, unplanned: groups,
      longestWaits: longest)
  }
}

extension ClientSelector {
  init(_ reference: ClientReference) {
    switch reference {
    case .known(let id): self = .known(id: id)
    case .inflow(let index): self = .inflow(index: index)
    }
  }
}

/// Finds a smallest set of clients whose pins cannot all hold (QuickXplain, Junker 2004):
/// a feasibility solve decides each candidate set, keeping the pins of those clients only.
/// It needs about k·log₂(n / k) solves for k conflicting clients among n pinned ones.
struct PinConflictSearch<Solver: LinearSolver> {
  let scenario: Scenario
  let solver: Solver
  let timeLimit: Double
  let interruption: Interruption?
  /// False once a check stopped at its time limit (counted as feasible).
  private(set) var complete = true

  init(scenario: Scenario, solver: Solver, timeLimit: Double, interruption: Interruption?) {
    self.scenario = scenario
    self.solver = solver
    self.timeLimit = timeLimit
    self.interruption = interruption
  }

  mutating func minimalConflict() throws -> [String] {
    let pinned = scenario.clients.filter { !$0.pins.isEmpty }.map(\.id)
    guard try isInfeasible(keeping: pinned) else { return [] }
    return try reduce(background: [], backgroundChanged: false, candidates: pinned)
  }

  private mutating func reduce(background: [String], backgroundChanged: Bool, candidates: [String]) throws -> [String] {
    if backgroundChanged, try isInfeasible(keeping: background) { return [] }
    if candidates.count == 1 { return candidates }
    let half = candidates.count / 2
    let first = Array(candidates[..<half])
    let second = Array(candidates[half...])
    let fromSecond = try reduce(background: background + first, backgroundChanged: !first.isEmpty, candidates: second)
    let fromFirst = try reduce(
      background: background + fromSecond, backgroundChanged: !fromSecond.isEmpty, candidates: first)
    return fromFirst + fromSecond
  }

  /// Whether the scenario with only these clients' pins has no plan. A check that stops at the
  /// time limit without a plan counts as feasible and marks the search incomplete.
  private mutating func isInfeasible(keeping ids: [String]) throws -> Bool {
    let kept = Set(ids)
    var relaxed = scenario
    relaxed.clients = scenario.clients.map { client in
      guard !kept.contains(client.id) else { return client }
      var free = client
      free.pins = ClientPins()
      return free
    }
    let result = try OptimalPlanner.plan(
      relaxed, solver: solver,
      options: PlanningOptions(timeLimit: timeLimit, relativeGap: 0.999, interruption: interruption))
    if result.hasPlan { return false }
    if result.plan.status == .infeasible { return true }
    complete = false
    return false
  }
}

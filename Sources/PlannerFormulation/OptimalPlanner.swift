import OptimizationModel
import PlannerDomain

/// Options of an optimal planning run.
public struct PlanningOptions: Sendable {
  public var timeLimit: Double?
  /// Relative gap at which the search may stop (0 = prove optimality).
  public var relativeGap: Double
  public var progress: (@Sendable (PlanningProgress) -> Void)?
  public var interruption: Interruption?
  public var solverLog: (@Sendable (String) -> Void)?
  /// Cohorts announced by a previous plan (rolling re-planning).
  public var announcedCohorts: [AnnouncedCohort]
  /// Waiting months that moving (not opening) one announced cohort is worth; 0 ignores them.
  /// With a weight, the solver's objective, bound and gap are waits + weight × moved cohorts.
  public var stabilityWeight: Double
  /// Holds a month's newcomers apart where a class's inflow is too small to fill a cohort
  /// (``FlowNetwork/newcomerMonths``). The optimum is the same either way; off gives the plain
  /// model, for comparing the two.
  public var holdsNewcomersApart = true
  /// Gives alike programmes one cohort count in the model (``TwinProgrammes``). The optimum is
  /// the same either way; off gives a count per programme, for comparing the two.
  public var sharesTwinCohorts = true

  public init(
    timeLimit: Double? = nil, relativeGap: Double = 0, progress: (@Sendable (PlanningProgress) -> Void)? = nil,
    interruption: Interruption? = nil, solverLog: (@Sendable (String) -> Void)? = nil,
    announcedCohorts: [AnnouncedCohort] = [], stabilityWeight: Double = 0
  ) {
    self.timeLimit = timeLimit
    self.relativeGap = relativeGap
    self.progress = progress
    self.interruption = interruption
    self.solverLog = solverLog
    self.announcedCohorts = announcedCohorts
    self.stabilityWeight = stabilityWeight
  }
}

/// A running search in domain terms: waiting months of the best plan so far and the bound.
public struct PlanningProgress: Hashable, Sendable {
  public var waitingMonths: Int?
  public var bound: Double?
  public var gap: Double?
  public var nodes: Int
  public var elapsedSeconds: Double
  /// While the model is solved part by part: the part running and how many there are.
  public var part: SolvePart?
}

/// A plan with the facts of how it was found.
public struct PlanningResult: Sendable {
  public var plan: Plan
  public var statistics: ModelStatistics
  /// Why no plan exists or parts stay unplanned, in domain words.
  public var explanations: [String]
  /// False when the solve ended without any plan (infeasible, or stopped before the first one);
  /// ``plan`` then has no clients and its status says why.
  public var hasPlan: Bool

  public init(plan: Plan, statistics: ModelStatistics, explanations: [String], hasPlan: Bool = true) {
    self.plan = plan
    self.statistics = statistics
    self.explanations = explanations
    self.hasPlan = hasPlan
  }
}

public struct ModelStatistics: Hashable, Sendable {
  public var clientClasses: Int
  public var pinnedClients: Int
  public var specialistTeams: Int
  public var variables: Int
  public var integerVariables: Int
  public var constraints: Int
  public var nonzeros: Int
  public var solveSeconds: Double
  public var nodes: Int
  public var solver: String
}

/// Computes a plan that minimises idle waiting months (MODEL.md "Objective") by solving the
/// time-expanded flow model of ``FlowNetwork`` with any ``LinearSolver``.
public enum OptimalPlanner {
  /// Throws ``PlanningError/modelTooLarge(_:limit:)``, before building anything, when the model
  /// would not fit this machine (``ModelSizeEstimate``, ``ModelSizeLimit/machine``).
  public static func plan(_ scenario: Scenario, solver: some LinearSolver, options: PlanningOptions = PlanningOptions())
    throws -> PlanningResult
  {
    try plan(scenario, solver: solver, options: options, splitPinned: false)
  }

  private static func plan(
    _ scenario: Scenario, solver: some LinearSolver, options: PlanningOptions, splitPinned: Bool
  ) throws -> PlanningResult {
    try ModelSizeLimit.machine.check(ModelSizeEstimate.estimate(scenario))
    let built = build(scenario, options: options, splitPinned: splitPinned)
    let (instance, teams, commodities, network) = (built.instance, built.teams, built.commodities, built.network)
    var statistics = ModelStatistics(
      clientClasses: commodities.count { $0.pins == nil }, pinnedClients: commodities.count { $0.pins != nil },
      specialistTeams: teams.count, variables: network.model.variables.count,
      integerVariables: network.model.integerVariableCount, constraints: network.model.constraints.count,
      nonzeros: network.model.nonzeroCount, solveSeconds: 0, nodes: 0, solver: solver.name)
    if !network.pinConflicts.isEmpty {
      return noPlan(
        instance, status: .infeasible, statistics: statistics,
        reasons: network.pinConflicts.map { "Pins cannot hold: \($0)." })
    }
    let result = try solve(
      network.model, partHints: network.partHints, solver: solver,
      options: SolveOptions(
        timeLimit: options.timeLimit, relativeGap: options.relativeGap, presolve: true, cuts: .all,
        progress: options.progress.map { report in { @Sendable progress in report(planningProgress(progress)) } },
        interruption: options.interruption, log: options.solverLog))
    statistics.solveSeconds = result.elapsedSeconds
    statistics.nodes = result.nodes
    guard result.hasSolution else {
      switch result.status {
      case .timeLimit, .interrupted:
        // Nothing is lost: the first-come-first-served plan is a feasible plan, reported with
        // the solver's bound, so the gap says how far from optimal it may be.
        let status: PlanStatus = result.status == .timeLimit ? .timeLimit : .interrupted
        let fallback = FirstComeFirstServedPlanner.plan(scenario)
        guard fallback.hasPlan else {
          return noPlan(
            instance, status: status, statistics: statistics,
            reasons: ["The search stopped (\(result.status.rawValue)) before it found a first plan."])
        }
        var plan = fallback.plan
        plan.strategy = "optimal"
        plan.status = status
        plan.bound = result.bound.map { max(0, ($0 - 1e-6).rounded(.up)) }
        plan.gap = plan.bound.map {
          plan.waitingMonths > 0 ? max(0, (Double(plan.waitingMonths) - $0) / Double(plan.waitingMonths)) : 0
        }
        let note =
          "The search stopped (\(result.status.rawValue)) before it found a plan of its own; this is the "
          + "first-come-first-served plan, within the gap of the best bound found."
        return PlanningResult(plan: plan, statistics: statistics, explanations: [note] + fallback.explanations)
      default:
        return noPlan(
          instance, status: .infeasible, statistics: statistics,
          reasons: [
            "The pinned clients' intakes, starts, exits and specialists cannot all hold within the caps and seats."
          ])
      }
    }
    var decomposed = FlowDecomposition(network: network, solution: result).schedules()
    // Clients available only after the horizon are in no network: no intake, no cost.
    let planned = Set(decomposed.map(\.schedule.member))
    for member in instance.members where !planned.contains(member.index) {
      let schedule = ClientSchedule(
        member: member.index, specialist: nil, intake: nil,
        steps: Array(repeating: .notStarted, count: member.openSteps.count))
      decomposed += Array(repeating: (schedule, nil), count: member.count)
    }
    decomposed.sort { $0.schedule.member < $1.schedule.member }
    var schedules = decomposed.map(\.schedule)
    network.twins.shareOut(&schedules, instance: instance)
    guard SpecialistSlots.assign(&schedules, types: decomposed.map(\.type), teams: teams, instance: instance) else {
      // A team could not be split around its pinned clients: plan again, exactly, with those
      // specialists as teams of their own.
      return try plan(scenario, solver: solver, options: options, splitPinned: true)
    }
    EarlyIntakes.pull(&schedules, instance: instance)
    let status: PlanStatus
    switch result.status {
    case .optimal: status = .optimal
    case .timeLimit: status = .timeLimit
    case .interrupted: status = .interrupted
    default: status = .feasible
    }
    // Waiting months are integral, so a fractional bound rounds up (less a solver tolerance).
    // With stability the objective also counts moved cohorts: bound and gap are the solver's.
    let stable = options.stabilityWeight > 0
    let bound = stable ? result.bound : result.bound.map { max(0, ($0 - 1e-6).rounded(.up)) }
    let plan = PlanAssembler.assemble(
      schedules, instance: instance, strategy: "optimal", status: status,
      gap: status == .optimal ? 0 : stable ? result.gap : gap(bound: bound, objective: schedules, instance: instance),
      bound: status == .optimal ? nil : bound)
    return PlanningResult(plan: finalized(plan), statistics: statistics, explanations: UnplannedWork.explain(plan))
  }

  /// Solves the model as independent parts first: without the caseload rows, clients who share
  /// no programme share no constraint, so each group of routes is a model of its own
  /// (``BlockDecomposition``). When the caseloads of the merged plan stay within their caps, that
  /// plan is optimal; otherwise the whole model is solved in the time left. The parts may use at
  /// most half of a time limit; when they run out of it with a merged plan, that plan is kept
  /// unless the whole solve finds a better one (``better(_:_:)``).
  ///
  /// Branch and bound on the whole model must close the gaps of unrelated route groups at once;
  /// part by part (with integer waits), seven synthetic municipalities of 650 clients went from
  /// 0.2–60 s (one not proven within the minute) to 0.1–7 s, and 30,000 clients from 33 s to
  /// 6 s, measured side by side (BENCHMARKS.md). Keeping intake waits out of the parts and
  /// solving them with intakes and starts continuous (``FlowNetwork/partHints``) then took the
  /// seven to 0.1–1.4 s.
  private static func solve(
    _ model: LinearModel, partHints: BlockDecomposition.Hints, solver: some LinearSolver, options: SolveOptions
  ) throws -> SolveResult {
    let clock = ContinuousClock()
    let started = clock.now
    var partOptions = options
    partOptions.timeLimit = options.timeLimit.map { $0 / 2 }
    let parts = try BlockDecomposition.solve(
      model, coupling: FlowNetwork.caseloadFamilies, hints: partHints, solver: solver, options: partOptions)
    if let parts, parts.status != .timeLimit { return parts }
    let spentSeconds = (clock.now - started).inSeconds
    if options.interruption?.isRaised == true {
      // Stopped during the parts: the whole model's first relaxation alone may take seconds.
      var stopped = parts ?? SolveResult(status: .interrupted)
      stopped.status = .interrupted
      stopped.elapsedSeconds = spentSeconds
      return stopped
    }
    var wholeOptions = options
    wholeOptions.timeLimit = options.timeLimit.map { max(0.001, $0 - spentSeconds) }
    wholeOptions.progress = options.progress.map { report in
      { @Sendable progress in
        var shifted = progress
        shifted.elapsedSeconds += spentSeconds
        // The parts' plan (if any) counts as the best so far.
        if let parts, let partsObjective = parts.objective, shifted.incumbent.map({ partsObjective < $0 }) ?? true {
          shifted.incumbent = partsObjective
        }
        shifted.bound = [shifted.bound, parts?.bound].compactMap { $0 }.max()
        report(shifted)
      }
    }
    var result = try solver.solve(model, options: wholeOptions)
    result.elapsedSeconds += spentSeconds
    if let parts { result = better(result, parts) }
    return result
  }

  /// The whole solve's result, or the parts' plan when the whole solve found nothing better,
  /// with the higher of the two bounds (both are bounds on the same model); optimal when the
  /// kept plan meets it.
  static func better(_ whole: SolveResult, _ parts: SolveResult) -> SolveResult {
    guard whole.status != .optimal else { return whole }
    var result = whole
    if let partsObjective = parts.objective, whole.objective.map({ partsObjective < $0 }) ?? true {
      result.values = parts.values
      result.objective = partsObjective
    }
    result.bound = [whole.bound, parts.bound].compactMap { $0 }.max()
    result.nodes += parts.nodes
    if let objective = result.objective, let bound = result.bound {
      result.gap = SolveResult.relativeGap(objective: objective, bound: bound)
      if SolveResult.meets(objective, bound: bound) { result.status = .optimal }
    }
    return result
  }

  /// The optimisation model of a scenario, e.g. to export it as MPS or LP for another solver.
  /// Its objective is the plan's waiting months.
  public static func model(_ scenario: Scenario, options: PlanningOptions = PlanningOptions()) -> LinearModel {
    build(scenario, options: options, splitPinned: false).network.model
  }

  /// Language preference is a tie-break only. It is left out of the model (where it made the
  /// search far harder without changing the waiting months) and served when teams are split
  /// among their members (``SpecialistSlots``).
  static func build(_ scenario: Scenario, options: PlanningOptions, splitPinned: Bool) -> (
    instance: PlanningInstance, teams: [SpecialistType], commodities: [Commodity], network: FlowNetwork
  ) {
    let instance = PlanningInstance(scenario)
    let teams = SpecialistType.group(instance, splitPinned: splitPinned)
    let commodities = Commodity.build(instance, types: teams)
    let announced = options.announcedCohorts.compactMap { cohort -> FlowNetwork.CohortKey? in
      guard let programme = instance.programmes.firstIndex(where: { $0.id == cohort.programme }) else { return nil }
      return FlowNetwork.CohortKey(programme: programme, month: scenario.offset(of: cohort.start))
    }
    let twins =
      options.sharesTwinCohorts
      ? TwinProgrammes(
        instance: instance, commodities: commodities, apart: options.stabilityWeight > 0 ? announced : [])
      : .none
    var network = FlowNetwork(
      instance: instance, commodities: commodities, types: teams, holdsNewcomersApart: options.holdsNewcomersApart,
      twins: twins)
    network.addConstraintFamilies(announced: announced, stabilityWeight: options.stabilityWeight)
    return (instance, teams, commodities, network)
  }

  private static func planningProgress(_ progress: SolveProgress) -> PlanningProgress {
    let waits = progress.incumbent.map { Int($0.rounded()) }
    let bound = progress.bound.map { max(0, ($0 - 1e-6).rounded(.up)) }
    let gap = waits.flatMap { waits in bound.map { waits > 0 ? max(0, (Double(waits) - $0) / Double(waits)) : 0 } }
    return PlanningProgress(
      waitingMonths: waits, bound: bound, gap: gap, nodes: progress.totalNodes, elapsedSeconds: progress.elapsedSeconds,
      part: progress.part)
  }

  private static func gap(bound: Double?, objective schedules: [ClientSchedule], instance: PlanningInstance) -> Double?
  {
    guard let bound else { return nil }
    let waits = schedules.reduce(0) { $0 + ClientTimeline($1, in: instance).wait }
    guard waits > 0 else { return 0 }
    return max(0, (Double(waits) - bound) / Double(waits))
  }

  private static func finalized(_ plan: Plan) -> Plan {
    var plan = plan
    if plan.status == .optimal { plan.bound = Double(plan.waitingMonths) }
    return plan
  }

  private static func noPlan(
    _ instance: PlanningInstance, status: PlanStatus, statistics: ModelStatistics, reasons: [String]
  ) -> PlanningResult {
    let plan = Plan(
      scenarioName: instance.scenario.name, start: instance.scenario.start, horizon: instance.horizon,
      strategy: "optimal", status: status, gap: nil, bound: nil, waitingMonths: 0, clients: [], cohorts: [],
      specialists: [])
    return PlanningResult(plan: plan, statistics: statistics, explanations: reasons, hasPlan: false)
  }
}

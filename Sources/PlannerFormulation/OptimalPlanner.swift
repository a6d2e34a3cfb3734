import OptimizationModel
import PlannerDomain

/// Options of an optimal planning run.
public struct PlanningOptions: Sendable {
  public var timeLimit: Double?
  /// Relative gap at which the search may stop (0 = prove optimality).
  public var relativeGap: Double
  public var progress: (@Sendable (SolveProgress) -> Void)?
  public var interruption: Interruption?
  public var solverLog: (@Sendable (String) -> Void)?

  public init(
    timeLimit: Double? = nil, relativeGap: Double = 0, progress: (@Sendable (SolveProgress) -> Void)? = nil,
    interruption: Interruption? = nil, solverLog: (@Sendable (String) -> Void)? = nil
  ) {
    self.timeLimit = timeLimit
    self.relativeGap = relativeGap
    self.progress = progress
    self.interruption = interruption
    self.solverLog = solverLog
  }
}

/// A plan with the facts of how it was found.
public struct PlanningResult: Sendable {
  public var plan: Plan
  public var statistics: ModelStatistics
  /// Why no plan exists or parts stay unplanned, in domain words.
  public var explanations: [String]
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
  public static func plan(_ scenario: Scenario, solver: some LinearSolver, options: PlanningOptions = PlanningOptions())
    throws -> PlanningResult
  {
    let instance = PlanningInstance(scenario)
    let teams = SpecialistType.group(instance)
    let commodities = Commodity.build(instance, types: teams)
    // Ties are broken by language matches only; one waiting month must outweigh all of them.
    let heads = commodities.reduce(0) { $0 + $1.heads }
    let waitWeight = scenario.languageMatch == .preferred ? Double(heads + 1) : 1
    var network = FlowNetwork(instance: instance, commodities: commodities, types: teams, waitWeight: waitWeight)
    network.addConstraintFamilies()
    var statistics = ModelStatistics(
      clientClasses: commodities.count { $0.pins == nil }, pinnedClients: commodities.count { $0.pins != nil },
      specialistTeams: teams.count, variables: network.model.variables.count,
      integerVariables: network.model.integerVariableCount, constraints: network.model.constraints.count,
      nonzeros: network.model.nonzeroCount, solveSeconds: 0, nodes: 0, solver: solver.name)
    if !network.pinConflicts.isEmpty {
      return infeasible(
        instance, statistics: statistics, reasons: network.pinConflicts.map { "Pins cannot hold: \($0)." })
    }
    let result = try solver.solve(
      network.model,
      options: SolveOptions(
        timeLimit: options.timeLimit, relativeGap: options.relativeGap, presolve: true, cuts: [.mixedIntegerRounding],
        progress: options.progress, interruption: options.interruption, log: options.solverLog))
    statistics.solveSeconds = result.elapsedSeconds
    statistics.nodes = result.nodes
    guard result.hasSolution else {
      let reason: String
      switch result.status {
      case .infeasible, .unbounded:
        reason = "The pinned clients' intakes, starts, exits and specialists cannot all hold within the caps and seats."
      default:
        reason = "The solver stopped (\(result.status.rawValue)) before it found any plan."
      }
      return infeasible(instance, statistics: statistics, reasons: [reason])
    }
    let decomposed = FlowDecomposition(network: network, solution: result).schedules()
    var schedules = decomposed.map(\.schedule)
    SpecialistSlots.assign(&schedules, types: decomposed.map(\.type), teams: teams, instance: instance)
    let status: PlanStatus
    switch result.status {
    case .optimal: status = .optimal
    case .timeLimit: status = .timeLimit
    case .interrupted: status = .interrupted
    default: status = .feasible
    }
    // The bound is on weighted waits plus tie-breaks; tie-breaks total less than one wait weight.
    let bound = result.bound.map { max(0, (($0 - Double(heads)) / waitWeight).rounded(.up)) }
    let plan = PlanAssembler.assemble(
      schedules, instance: instance, strategy: "optimal", status: status,
      gap: status == .optimal ? 0 : gap(bound: bound, objective: schedules, instance: instance),
      bound: status == .optimal ? nil : bound)
    return PlanningResult(plan: finalized(plan), statistics: statistics, explanations: UnplannedWork.explain(plan))
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

  private static func infeasible(_ instance: PlanningInstance, statistics: ModelStatistics, reasons: [String])
    -> PlanningResult
  {
    let plan = Plan(
      scenarioName: instance.scenario.name, start: instance.scenario.start, horizon: instance.horizon,
      strategy: "optimal", status: .infeasible, gap: nil, bound: nil, waitingMonths: 0, clients: [], cohorts: [],
      specialists: [])
    return PlanningResult(plan: plan, statistics: statistics, explanations: reasons)
  }
}

import OptimizationModel
import PlannerDomain
import PlannerFormulation

/// Why a client waits in the optimal plan, and what would save months, each checked by solving
/// the changed scenario again.
public struct ClientExplanation: Hashable, Sendable {
  public var scenario: Scenario
  public var selector: ClientSelector
  /// Status and waiting months of the plan explained.
  public var status: PlanStatus
  public var waitingMonths: Int
  /// Waiting months of the selected client (for an inflow group: of all its clients together).
  public var clientWait: Int
  /// 1 for a known client; the group's count for inflow.
  public var heads: Int
  /// One per distinct schedule (an inflow group's clients may be planned differently).
  public var schedules: [ScheduleExplanation]
  public var counterfactuals: [Counterfactual]
}

/// One plan entry and its waiting periods.
public struct ScheduleExplanation: Hashable, Sendable {
  public var entry: PlannedClient
  public var periods: [WaitPeriod]
}

/// A change tried on the whole scenario and the optimal plan that results.
public struct Counterfactual: Hashable, Sendable {
  public var change: ScenarioChange
  /// The binding rule that suggested it (``BindingRule/name``).
  public var addresses: String
  /// Status of the re-solve; a plan stopped by the time limit is not proven optimal.
  public var status: PlanStatus
  /// The selected client's waiting months in the new plan; nil without a plan.
  public var clientWait: Int?
  /// Waiting months of the new plan; nil without a plan.
  public var waitingMonths: Int?
}

public struct ExplainOptions: Sendable {
  /// Options of the solve of the scenario as stated.
  public var planning: PlanningOptions
  /// Seconds each re-solve of a changed scenario may take.
  public var counterfactualTimeLimit: Double
  /// Worker threads for the re-solves.
  public var threads: Int
  /// At most this many changes are tried, in the order of the waiting periods (the results
  /// are then listed best first).
  public var maxCounterfactuals: Int
  public var interruption: Interruption?

  public init(
    planning: PlanningOptions = PlanningOptions(), counterfactualTimeLimit: Double = 60, threads: Int = 1,
    maxCounterfactuals: Int = 8, interruption: Interruption? = nil
  ) {
    self.planning = planning
    self.counterfactualTimeLimit = counterfactualTimeLimit
    self.threads = threads
    self.maxCounterfactuals = maxCounterfactuals
    self.interruption = interruption
  }
}

public enum ExplainError: Error, Hashable, Sendable, CustomStringConvertible {
  case unknownClient(String)
  /// The scenario as stated has no plan; `explain` without a client says why.
  case noPlan(status: PlanStatus, reasons: [String])
  /// A re-solve failed (a solver or model error, not infeasibility).
  case solveFailed(String)

  public var description: String {
    switch self {
    case .unknownClient(let problem): return problem
    case .noPlan(let status, let reasons):
      return "the scenario has no plan (\(status.rawValue))"
        + (reasons.isEmpty ? "" : ": " + reasons.joined(separator: " "))
        + " Run explain without --client to see which pins conflict."
    case .solveFailed(let reason): return "a re-solve failed: \(reason)"
    }
  }
}

/// Explains waits in the optimal plan of a scenario (docs/forecast.md, "explain").
public enum WaitExplainer {
  public static func explain(
    _ selector: ClientSelector, in scenario: Scenario, solver: some LinearSolver, options: ExplainOptions
  ) throws -> ClientExplanation {
    if let problem = selector.problem(in: scenario) { throw ExplainError.unknownClient(problem) }
    let result = try OptimalPlanner.plan(scenario, solver: solver, options: options.planning)
    guard result.hasPlan else { throw ExplainError.noPlan(status: result.plan.status, reasons: result.explanations) }
    let plan = result.plan
    let context = PlanContext(scenario: scenario, plan: plan)
    let schedules = plan.clients.indices.filter { plan.clients[$0].reference == selector.reference }.map { index in
      ScheduleExplanation(
        entry: plan.clients[index], periods: WaitAnalysis(context: context, entryIndex: index).periods())
    }
    let changes = Array(
      candidateChanges(schedules, selector: selector, scenario: scenario).prefix(options.maxCounterfactuals))
    // Best first: the client's new wait, then the new total, then the order the rules gave.
    let counterfactuals = try resolve(changes, selector: selector, scenario: scenario, solver: solver, options: options)
      .enumerated().sorted { lhs, rhs in
        let left = (lhs.element.clientWait ?? .max, lhs.element.waitingMonths ?? .max, lhs.offset)
        let right = (rhs.element.clientWait ?? .max, rhs.element.waitingMonths ?? .max, rhs.offset)
        return left < right
      }.map(\.element)
    return ClientExplanation(
      scenario: scenario, selector: selector, status: plan.status, waitingMonths: plan.waitingMonths,
      clientWait: wait(of: selector, in: plan), heads: schedules.reduce(0) { $0 + $1.entry.count },
      schedules: schedules, counterfactuals: counterfactuals)
  }

  /// Waiting months of the selected client in a plan (an inflow group's clients together).
  public static func wait(of selector: ClientSelector, in plan: Plan) -> Int {
    plan.clients.filter { $0.reference == selector.reference }.reduce(0) { $0 + $1.count * $1.wait }
  }

  /// Changes that address the binding rules, in the order of the periods, without repeats.
  static func candidateChanges(
    _ schedules: [ScheduleExplanation], selector: ClientSelector, scenario: Scenario
  ) -> [(change: ScenarioChange, addresses: String)] {
    var changes: [(change: ScenarioChange, addresses: String)] = []
    func add(_ change: ScenarioChange, _ rule: BindingRule) {
      if !changes.contains(where: { $0.change == change }) { changes.append((change, rule.name)) }
    }
    let languages = schedules.first?.entry.languages ?? []
    for schedule in schedules {
      for period in schedule.periods {
        for rule in period.rules {
          for change in suggestedChanges(for: rule, at: period.boundFrom, languages: languages, scenario: scenario) {
            add(change, rule)
          }
        }
      }
    }
    return changes
  }

  private static func suggestedChanges(for rule: BindingRule, at month: Month, languages: [String], scenario: Scenario)
    -> [ScenarioChange]
  {
    switch rule {
    case .startCalendar(let programmes):
      return programmes.filter { scenario.programme(id: $0).map { $0.starts != .monthly } ?? false }.map {
        .addStartMonth(programme: $0, calendarMonth: month.month)
      }
    case .minimumSize(let programme, let minimum, let ready):
      return [.lowerMinimum(programme: programme, minimum: max(1, ready < minimum ? ready : minimum - 1))]
    case .cohortNeedsClient(let programme, _, let minimum):
      return [.lowerMinimum(programme: programme, minimum: max(1, minimum - 1))]
    case .seatsFull(let programme, _, _):
      return [.addSeat(programme: programme), .addGroup(programme: programme)]
    case .specialistCaps(let specialists, _):
      let model =
        specialists.first { id in scenario.specialist(id: id).map { languagesMatch(languages, $0.languages) } ?? false }
        ?? specialists.first
      return model.map {
        [.addSpecialist(id: ScenarioChange.newSpecialistID(like: $0, in: scenario), copyOf: $0, languages: nil)]
      }
        ?? []
    case .languageMatch(_, let matching):
      if let model = matching.first {
        return [
          .addSpecialist(id: ScenarioChange.newSpecialistID(like: model, in: scenario), copyOf: model, languages: nil)
        ]
      }
      guard let model = scenario.specialists.first?.id, !languages.isEmpty else { return [] }
      return [
        .addSpecialist(
          id: ScenarioChange.newSpecialistID(like: model, in: scenario), copyOf: model, languages: languages)
      ]
    default: return []
    }
  }

  /// Solves every changed scenario, in parallel, and reads the client's wait and the total.
  private static func resolve(
    _ changes: [(change: ScenarioChange, addresses: String)], selector: ClientSelector, scenario: Scenario,
    solver: some LinearSolver, options: ExplainOptions
  ) throws -> [Counterfactual] {
    let planning = PlanningOptions(timeLimit: options.counterfactualTimeLimit, interruption: options.interruption)
    let outcomes = SolveThreads.map(count: changes.count, threads: options.threads) {
      index -> Result<Counterfactual, ExplainError> in
      let (change, addresses) = changes[index]
      do {
        let result = try OptimalPlanner.plan(change.applied(to: scenario), solver: solver, options: planning)
        return .success(
          Counterfactual(
            change: change, addresses: addresses, status: result.plan.status,
            clientWait: result.hasPlan ? wait(of: selector, in: result.plan) : nil,
            waitingMonths: result.hasPlan ? result.plan.waitingMonths : nil))
      } catch {
        return .failure(.solveFailed(String(describing: error)))
      }
    }
    return try outcomes.map { try $0.get() }
  }
}

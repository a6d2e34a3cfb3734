import Foundation
import GLPK
import OptimizationModel
import PlanChecker
import PlannerDomain
import PlannerFormulation
import PlannerReporting
import Synchronization
import Testing

/// Small scenarios for hand-derived optima: one route, monthly grid from 2025-01 unless told.
enum Tiny {
  static let start = Month(year: 2025, month: 1)

  static func month(_ offset: Int) -> Month { start.adding(offset) }

  static func scenario(
    start: Month = Tiny.start, horizon: Int = 6, cap: Int = 100, basis: CaseloadBasis = .monthly,
    match: LanguageMatch = .none, route: Route = Route(name: "r", steps: ["course"]),
    programmes: [Programme] = [course()], specialists: [Specialist] = [Specialist(id: "s1")],
    clients: [Client] = [], inflow: [InflowGroup] = []
  ) -> Scenario {
    Scenario(
      name: "tiny", start: start, horizon: horizon, caseload: CaseloadPolicy(cap: ExactDecimal(cap), basis: basis),
      languageMatch: match, routes: [route], programmes: programmes, specialists: specialists, clients: clients,
      inflow: inflow)
  }

  static func course(
    seats: Int = 10, minSize: Int = 1, groups: Int = 1, months: Int = 1, starts: StartCalendar = .monthly
  ) -> Programme {
    Programme(
      id: "course", provider: "school", step: "course", duration: .months(months), starts: starts, seats: seats,
      minSize: minSize, groups: groups)
  }

  static func client(_ id: String, available: Int, languages: [String] = [], pins: ClientPins = ClientPins())
    -> Client
  {
    Client(id: id, available: start.adding(available), route: "r", languages: languages, pins: pins)
  }
}

/// Plans optimally, asserts the plan passes the independent checker with the same objective.
@discardableResult
func planChecked(_ scenario: Scenario, sourceLocation: SourceLocation = #_sourceLocation) throws -> Plan {
  let result = try OptimalPlanner.plan(scenario, solver: GLPKSolver(), options: PlanningOptions(timeLimit: 30))
  #expect(result.hasPlan, sourceLocation: sourceLocation)
  let report = PlanChecker.check(planJSON: Data(PlanJSON.text(result.plan).utf8), scenario: scenario)
  #expect(report.violations.isEmpty, "\(report.violations)", sourceLocation: sourceLocation)
  #expect(report.recomputedWaitingMonths == result.plan.waitingMonths, sourceLocation: sourceLocation)
  return result.plan
}

extension Plan {
  func entry(_ id: String) -> PlannedClient? { clients.first { $0.reference == .known(id: id) } }
}

extension LinearModel {
  /// A copy without the rows of `family`, and with every variable continuous when `relaxed`: to
  /// compare a model with its relaxation or with a family left out.
  func copy(dropping family: String? = nil, relaxed: Bool = false) -> LinearModel {
    var copy = LinearModel(name: name, sense: sense)
    for variable in variables {
      copy.addVariable(
        variable.name, kind: relaxed ? .continuous : variable.kind, lower: variable.lower, upper: variable.upper,
        cost: variable.cost)
    }
    for constraint in constraints where constraint.family != family {
      copy.addConstraint(
        constraint.family, constraint.index, LinearExpression(terms: constraint.terms), lower: constraint.lower,
        upper: constraint.upper)
    }
    copy.objectiveConstant = objectiveConstant
    return copy
  }
}

/// Counts across a property's concurrent checks.
final class Counter: Sendable {
  private let count = Mutex(0)
  func add() { count.withLock { $0 += 1 } }
  var value: Int { count.withLock { $0 } }
}

import Foundation
import GLPK
import PlannerDomain
import PlannerFormulation
import PlannerInsight
import Testing

/// Small scenarios on a monthly grid from January 2025 whose answers follow by hand.
enum Small {
  static let start = Month(year: 2025, month: 1)

  static func month(_ offset: Int) -> Month { start.adding(offset) }

  /// One route `r` with one step `course`, served by `programmes`; monthly caps, one specialist.
  static func scenario(
    horizon: Int = 6, cap: Int = 1000, match: LanguageMatch = .none,
    routes: [Route] = [Route(name: "r", steps: ["course"])], programmes: [Programme] = [course()],
    specialists: [Specialist] = [Specialist(id: "s1")], clients: [Client] = [], inflow: [InflowGroup] = []
  ) -> Scenario {
    Scenario(
      name: "small", start: start, horizon: horizon,
      caseload: CaseloadPolicy(cap: ExactDecimal(cap), basis: .monthly), languageMatch: match, routes: routes,
      programmes: programmes, specialists: specialists, clients: clients, inflow: inflow)
  }

  static func course(
    id: String = "course", provider: String = "school", routes: [String]? = nil, seats: Int = 1000, minSize: Int = 1,
    groups: Int = 1, starts: StartCalendar = .monthly
  ) -> Programme {
    Programme(
      id: id, provider: provider, step: "course", routes: routes, duration: .months(1), starts: starts, seats: seats,
      minSize: minSize, groups: groups)
  }

  static func client(_ id: String, available: Int, languages: [String] = [], pins: ClientPins = ClientPins())
    -> Client
  {
    Client(id: id, available: month(available), route: "r", languages: languages, pins: pins)
  }
}

/// Poisson(λ) probabilities and quantiles in closed form, for comparison with sampled plans.
enum Poisson {
  static func cdf(_ mean: Double, _ count: Int) -> Double {
    guard count >= 0 else { return 0 }
    var term = Foundation.exp(-mean)
    var total = term
    for k in stride(from: 1, through: count, by: 1) {
      term *= mean / Double(k)
      total += term
    }
    return total
  }

  /// The smallest k with P(X ≤ k) ≥ q.
  static func quantile(_ mean: Double, _ q: Double) -> Int {
    var count = 0
    while cdf(mean, count) < q { count += 1 }
    return count
  }
}

func forecast(
  _ scenario: Scenario, samples: Int, seed: UInt64 = 7, threads: Int = 2,
  uncertainty: InflowUncertainty = InflowUncertainty(countModel: .poisson, delayProbabilities: [1])
) throws -> Forecast {
  try CohortForecaster.forecast(
    scenario, solver: GLPKSolver(),
    options: ForecastOptions(
      planning: PlanningOptions(timeLimit: 30), samples: samples, seed: seed, uncertainty: uncertainty,
      threads: threads, sampleTimeLimit: 30))
}

extension Forecast {
  func row(_ programme: String, _ month: Month) -> CohortForecast? {
    cohorts.first { $0.programme == programme && $0.month == month }
  }
}

func explain(_ selector: ClientSelector, in scenario: Scenario) throws -> ClientExplanation {
  try WaitExplainer.explain(
    selector, in: scenario, solver: GLPKSolver(),
    options: ExplainOptions(planning: PlanningOptions(timeLimit: 30), counterfactualTimeLimit: 30, threads: 2))
}

extension ClientExplanation {
  var ruleNames: Set<String> { Set(schedules.flatMap(\.periods).flatMap(\.rules).map(\.name)) }

  func counterfactual(_ change: ScenarioChange) -> Counterfactual? {
    counterfactuals.first { $0.change == change }
  }
}

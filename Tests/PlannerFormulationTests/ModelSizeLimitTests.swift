import Foundation
import GLPK
import PlannerDomain
import PlannerFormulation
import Testing

/// The size estimate against the model actually built, and the refusal of a scenario whose
/// model would not fit the machine.
@Suite struct ModelSizeLimitTests {
  @Test(arguments: BundledScenarioTests.scenarios)
  func estimateIsWithinAFactorTwoOfTheBuiltModel(file: String) throws {
    let scenario = try loadBundled(file)
    let estimate = ModelSizeEstimate.estimate(scenario)
    let model = OptimalPlanner.model(scenario)
    let pairs = [
      ("variables", estimate.variables, model.variables.count),
      ("constraints", estimate.constraints, model.constraints.count),
      ("nonzeros", estimate.nonzeros, model.nonzeroCount),
    ]
    for (what, estimated, actual) in pairs {
      #expect(estimated * 2 >= actual && estimated <= actual * 2, "\(file): \(what) \(estimated) for \(actual)")
    }
  }

  @Test(arguments: BundledScenarioTests.scenarios)
  func bundledScenariosAreNotRefused(file: String) throws {
    let estimate = ModelSizeEstimate.estimate(try loadBundled(file))
    #expect(ModelSizeLimit.machine.admits(estimate))
    #expect(ModelSizeLimit(maximumVariables: 2_000_000, maximumBytes: 1 << 30).admits(estimate))
  }

  @Test func anOversizeScenarioIsRefusedFastNamingItsSize() throws {
    let scenario = Self.oversize()
    let clock = ContinuousClock()
    let started = clock.now
    var refusal: PlanningError?
    do {
      _ = try OptimalPlanner.plan(scenario, solver: GLPKSolver(), options: PlanningOptions(timeLimit: 1))
    } catch let error as PlanningError {
      refusal = error
    }
    let elapsed = clock.now - started
    #expect(elapsed < .seconds(1), "refused after \(elapsed)")
    guard case .modelTooLarge(let estimate, let limit) = try #require(refusal) else { return }
    #expect(estimate.variables > limit.maximumVariables)
    #expect(estimate.factors.clientKinds == 500)
    #expect(estimate.factors.months == 120)
    let message = "\(try #require(refusal))"
    #expect(message.contains("million variables"), "\(message)")
    #expect(message.contains("500 kinds of client"), "\(message)")
    #expect(message.contains("500 language lists"), "\(message)")
    #expect(message.contains("horizon"), "\(message)")
  }

  @Test func theDominantFactorIsTheOneFurthestAboveItsTypicalValue() {
    let estimate = ModelSizeEstimate.estimate(Self.oversize(clients: 40, horizon: 24, teams: 60))
    #expect(estimate.factors.byExcess.first == .teamsPerKind)
    let refusal = PlanningError.modelTooLarge(estimate, limit: ModelSizeLimit(maximumVariables: 1000, maximumBytes: 1))
    #expect("\(refusal)".contains("a specialist with from/until"), "\(refusal)")
  }

  @Test func sizesAreWrittenForPeople() {
    let estimate = ModelSizeEstimate(
      variables: 14_600_000, constraints: 9_120_000, nonzeros: 40_000_000, bytes: 3 << 30,
      factors: ModelSizeFactors(
        months: 120, clientKinds: 500, pinnedKinds: 0, eligibilityPatterns: 1, routes: 1, languageLists: 500,
        languagesMatter: true, specialistTeams: 5, specialistsOnTheirOwn: 5, teamsPerKind: 5, startsPerReadyMonth: 4))
    let message =
      "\(PlanningError.modelTooLarge(estimate, limit: ModelSizeLimit(maximumVariables: 2_000_000, maximumBytes: 1 << 30)))"
    #expect(message.contains("about 14.6 million variables, 9.1 million constraints"), "\(message)")
    #expect(message.contains("3 GB of memory"), "\(message)")
    #expect(message.contains("2 million variables and 1 GB"), "\(message)")
    #expect(message.contains("here 500 × 5 × 120 × 4"), "\(message)")
  }

  /// `clients` clients with a language each of their own, matched as required, over `horizon`
  /// months, a route of three steps with four monthly programmes each, and `teams` specialists
  /// without languages (who match anyone) who join at different months, so each plans as a team
  /// of their own.
  static func oversize(clients: Int = 500, horizon: Int = 120, teams: Int = 5) -> Scenario {
    let start = Month(year: 2025, month: 1)
    let steps = ["orientation", "language", "work"]
    let programmes = steps.flatMap { step in
      (1...4).map { number in
        Programme(
          id: "\(step)-\(number)", provider: "provider-\(number)", step: step, duration: .months(3), starts: .monthly,
          seats: 12)
      }
    }
    let specialists = (0..<teams).map { Specialist(id: "s\($0)", from: start.adding($0 % 12)) }
    let people = (0..<clients).map { index in
      Client(
        id: "c\(index)", available: start.adding(index % 12), route: "integration", languages: ["l\(index)"])
    }
    return Scenario(
      name: "oversize", start: start, horizon: horizon, languageMatch: .required,
      routes: [Route(name: "integration", steps: steps)],
      programmes: programmes, specialists: specialists, clients: people)
  }
}

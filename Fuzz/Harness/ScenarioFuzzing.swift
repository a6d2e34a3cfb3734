import Foundation
import GLPK
import PlanChecker
import PlannerDomain
import PlannerFormulation
import PlannerReporting
import ScenarioIO

/// One input taken the whole way a user's scenario goes: bytes, UTF-8 text, loading and
/// validation, and for a small scenario planning, the plan file and the independent checker.
///
/// The fuzz target (Fuzz/Sources/FuzzScenario) traps on a ``Outcome/defect(_:)``, so the
/// fuzzer reports it; the regression tests (Tests/ScenarioIOTests/FuzzRegressionTests.swift)
/// run every kept input through this same function.
///
/// An input may carry a CSV file: the bytes after the first NUL byte are written to
/// `data.csv` in the given folder, which the scenario can reference as `{file: data.csv}`
/// under `clients` or `inflow`. Without a NUL byte the scenario is loaded without a folder,
/// as text.
public enum ScenarioFuzzing {
  /// Scenarios are planned only up to this many clients (known plus inflow) …
  public static let maximumPlannedHeads = 50
  /// … and this many months, so that one input stays well under a second.
  public static let maximumPlannedHorizon = 24
  /// Seconds the solver may search; a plan found by then is checked like an optimal one.
  public static let timeLimit = 0.2
  /// The name a scenario uses for the CSV part of an input.
  public static let csvFileName = "data.csv"

  public enum Outcome: Sendable {
    case notUTF8
    /// Loading failed with these diagnostics, at least one of them a located error.
    case rejected([Diagnostic])
    /// The scenario is valid but was not planned, for the reason given.
    case loaded(notPlanned: String)
    /// The planner gave no plan (infeasible pins or no plan within the time limit).
    case noPlan(PlanStatus)
    /// A plan that the checker accepted.
    case checkedPlan(PlanStatus, waitingMonths: Int)
    /// Something that must never happen, in words: a trap in the fuzz target.
    case defect(String)
  }

  /// Runs one input. `csvFolder` must exist when the input carries a CSV part.
  public static func run(_ input: [UInt8], csvFolder: String?, planning: Bool = true) -> Outcome {
    let scenarioBytes: ArraySlice<UInt8>
    var baseDirectory: String?
    if let separator = input.firstIndex(of: 0), let csvFolder {
      scenarioBytes = input[..<separator]
      let csvBytes = Data(input[(separator + 1)...])
      guard FileManager.default.createFile(atPath: csvFolder + "/" + csvFileName, contents: csvBytes) else {
        return .defect("cannot write the CSV part into \(csvFolder)")
      }
      baseDirectory = csvFolder
    } else {
      scenarioBytes = input[...]
    }
    guard let text = String(validating: scenarioBytes, as: UTF8.self) else { return .notUTF8 }
    let loaded: LoadedScenario
    do {
      loaded = try ScenarioLoader.load(yaml: text, fileName: "fuzz.yaml", baseDirectory: baseDirectory)
    } catch {
      return rejection(error.diagnostics)
    }
    guard planning else { return .loaded(notPlanned: "planning is switched off") }
    return plan(loaded.scenario)
  }

  /// Runs the scenario ``GeneratedScenario`` builds from the bytes, as YAML text: the input
  /// format of `COHORTPLAN_FUZZ_INPUT=generated`, which reaches planning far more often.
  public static func runGenerated(_ input: [UInt8]) -> Outcome {
    run(Array(GeneratedScenario.yaml(from: input).utf8), csvFolder: nil)
  }

  /// A refusal must say what is wrong and where.
  private static func rejection(_ diagnostics: [Diagnostic]) -> Outcome {
    let errors = diagnostics.filter { $0.severity == .error }
    guard !errors.isEmpty else {
      return .defect("the scenario was refused without an error: \(diagnostics)")
    }
    if let silent = errors.first(where: { $0.message.isEmpty }) {
      return .defect("an error without a message: \(silent)")
    }
    guard errors.contains(where: { $0.line != nil || !$0.path.isEmpty }) else {
      return .defect("no error says where the problem is: \(errors.map(\.description))")
    }
    return .rejected(diagnostics)
  }

  private static func plan(_ scenario: Scenario) -> Outcome {
    let heads = scenario.clients.count + scenario.inflow.reduce(0) { $0 + $1.count }
    guard heads <= maximumPlannedHeads, scenario.horizon <= maximumPlannedHorizon else {
      return .loaded(notPlanned: "\(heads) clients over \(scenario.horizon) months is too large to plan here")
    }
    let result: PlanningResult
    do {
      result = try OptimalPlanner.plan(
        scenario, solver: GLPKSolver(), options: PlanningOptions(timeLimit: timeLimit))
    } catch {
      return .defect("planning a valid scenario threw: \(error)")
    }
    // Pins that cannot hold cut the network short, so the model is smaller than any estimate.
    if result.plan.status != .infeasible, let problem = estimateProblem(scenario) { return .defect(problem) }
    guard result.hasPlan else {
      let pinned = scenario.clients.contains { !$0.pins.isEmpty }
      if result.plan.status == .infeasible && !pinned {
        return .defect("a scenario without pins was found infeasible: \(result.explanations)")
      }
      return .noPlan(result.plan.status)
    }
    let planText = PlanJSON.text(result.plan)
    let report = PlanChecker.check(planJSON: Data(planText.utf8), scenario: scenario)
    guard report.isValid else {
      let violations = report.violations.prefix(10).map { "\($0)" }.joined(separator: "\n  ")
      return .defect("the checker rejected the plan:\n  \(violations)")
    }
    return .checkedPlan(result.plan.status, waitingMonths: result.plan.waitingMonths)
  }

  /// The size estimate that guards planning must stay within a factor 2 of the model built.
  private static func estimateProblem(_ scenario: Scenario) -> String? {
    let estimate = ModelSizeEstimate.estimate(scenario)
    let model = OptimalPlanner.model(scenario)
    let actual = model.variables.count
    guard actual >= 50 else { return nil }
    if estimate.variables * 2 < actual || estimate.variables > actual * 2 {
      return
        "the size estimate (\(estimate.variables) variables) is off by more than a factor 2 from the model "
        + "(\(actual) variables)"
    }
    return nil
  }
}

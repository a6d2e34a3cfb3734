import Foundation
import PlannerDomain
import PlannerReporting
import Testing

/// `PlanJSON.decode` reads back what `PlanJSON.document` writes.
@Suite struct PlanJSONDecodingTests {
  static let scenarios = ["tutorial.yaml", "meerinzicht.yaml", "eindhoven-2020.yaml"]

  @Test(arguments: scenarios)
  func roundTripWithTheScenario(file: String) throws {
    let loaded = try loadBundled(file)
    let plan = try optimalPlan(loaded.scenario)
    let text = PlanJSON.text(plan)
    let decoded = try PlanJSON.decode(Data(text.utf8), scenario: loaded.scenario)
    #expect(decoded == plan)
    #expect(PlanJSON.text(decoded) == text)
  }

  @Test(arguments: scenarios)
  func roundTripWithoutTheScenario(file: String) throws {
    let loaded = try loadBundled(file)
    let plan = try optimalPlan(loaded.scenario)
    let text = PlanJSON.text(plan)
    let decoded = try PlanJSON.decode(Data(text.utf8))
    #expect(PlanJSON.text(decoded) == text)
    #expect(decoded.clients.map(\.intakeWait) == plan.clients.map(\.intakeWait))
    // Availability comes back from the waits, exactly for clients available inside the horizon.
    for (read, original) in zip(decoded.clients, plan.clients) where original.available >= plan.start {
      #expect(read.available == original.available, "\(original.reference)")
    }
  }

  @Test func nonOptimalNumbersSurviveToSixDecimals() throws {
    let loaded = try loadBundled("tutorial.yaml")
    var plan = try optimalPlan(loaded.scenario)
    plan.status = .timeLimit
    plan.gap = 0.125
    plan.bound = 56.5
    let decoded = try PlanJSON.decode(Data(PlanJSON.text(plan).utf8), scenario: loaded.scenario)
    #expect(decoded == plan)
  }

  @Test func errorsNameTheKeyPath() throws {
    let loaded = try loadBundled("tutorial.yaml")
    let text = PlanJSON.text(try optimalPlan(loaded.scenario))
    func error(_ edit: (String) -> String) -> String {
      do {
        _ = try PlanJSON.decode(Data(edit(text).utf8))
        return "no error"
      } catch {
        return error.description
      }
    }
    #expect(error { $0.replacingOccurrences(of: "cohortplan.plan/1", with: "other/2") }.hasPrefix("format: "))
    #expect(
      error { $0.replacingOccurrences(of: "\"status\": \"optimal\"", with: "\"status\": \"done\"") }
        .hasPrefix("status: unknown status 'done'"))
    #expect(
      error { $0.replacingOccurrences(of: "\"intake\": \"2021-01\"", with: "\"intake\": \"2021-13\"") }
        .contains("intake: '2021-13' is not a month"))
    #expect(
      error { $0.replacingOccurrences(of: "\"waitingMonths\"", with: "\"waiting\"") }
        == "objective.waitingMonths: missing")
    #expect(error { _ in "[1, 2]" }.contains("expected an object"))
    #expect(error { _ in "not json" }.contains("not valid JSON"))
  }
}

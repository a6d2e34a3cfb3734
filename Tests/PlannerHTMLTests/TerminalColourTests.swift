import Foundation
import PlannerDomain
import PlannerReporting
import Testing

/// Colour only for a person at a terminal, and never changing the words.
@Suite struct TerminalColourTests {
  @Test func colourOnlyOnATerminalWithoutNoColour() {
    #expect(TerminalColour.isWanted(isTerminal: true, environment: [:]))
    #expect(TerminalColour.isWanted(isTerminal: true, environment: ["NO_COLOR": ""]))
    #expect(!TerminalColour.isWanted(isTerminal: false, environment: [:]))
    #expect(!TerminalColour.isWanted(isTerminal: true, environment: ["NO_COLOR": "1"]))
    #expect(!TerminalColour.isWanted(isTerminal: true, environment: ["TERM": "dumb"]))
  }

  static func summary(colour: Bool? = nil, over: Bool) throws -> String {
    let loaded = try loadBundled("tutorial.yaml")
    var plan = try optimalPlan(loaded.scenario)
    if over { plan.specialists[0].cap = 1 }
    let kpis = PlanKPIs(plan: plan, scenario: loaded.scenario)
    let context = PlanSummary.Context(solver: "GLPK 5.0", seconds: 0.5)
    guard let colour else { return PlanSummary.text(plan, kpis: kpis, context: context) }
    return PlanSummary.text(plan, kpis: kpis, context: context, colour: colour)
  }

  @Test func withoutColourTheSummaryIsUnchanged() throws {
    let plain = try Self.summary(over: true)
    #expect(try Self.summary(colour: false, over: true) == plain)
    #expect(!plain.contains("\u{1B}"))
    #expect(plain.contains("  OVER CAP"))
  }

  @Test func colourPaintsStatusAndOverCap() throws {
    let coloured = try Self.summary(colour: true, over: true)
    #expect(coloured.contains("\u{1B}[32moptimal plan, proven\u{1B}[0m"))
    #expect(coloured.contains("\u{1B}[1;31mOVER CAP\u{1B}[0m"))
    let stripped = coloured.replacingOccurrences(of: "\u{1B}\\[[0-9;]*m", with: "", options: .regularExpression)
    #expect(stripped == (try Self.summary(over: true)))
  }
}

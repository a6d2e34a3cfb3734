import Foundation
import GLPK
import PlanChecker
import PlannerDomain
import PlannerFormulation
import PlannerReporting
import PropertyBased
import Testing

/// On random small scenarios the optimum is never worse than first come, first served, and
/// both plans pass the independent checker with the objective it recomputes.
@Suite struct OptimumVersusBaselinePropertyTests {
  static let generator = Gen.int(in: 0...1_000_000_000).map { RandomScenario.make(seed: UInt64($0)) }

  @Test func optimumIsNeverWorseThanFirstComeFirstServed() async {
    await propertyCheck(count: 100, input: Self.generator) { scenario in
      guard
        let optimal = try? OptimalPlanner.plan(scenario, solver: GLPKSolver(), options: PlanningOptions(timeLimit: 20))
      else {
        Issue.record("the optimiser threw on \(scenario.name)")
        return
      }
      let baseline = FirstComeFirstServedPlanner.plan(scenario)
      #expect(optimal.hasPlan)
      #expect(optimal.plan.status == .optimal, "\(scenario.name)")
      #expect(optimal.plan.waitingMonths <= baseline.plan.waitingMonths, "\(scenario.name)")
      for plan in [optimal.plan, baseline.plan] {
        let report = PlanChecker.check(planJSON: Data(PlanJSON.text(plan).utf8), scenario: scenario)
        #expect(report.violations.isEmpty, "\(scenario.name) \(plan.strategy): \(report.violations.prefix(5))")
        #expect(report.recomputedWaitingMonths == plan.waitingMonths, "\(scenario.name) \(plan.strategy)")
      }
    }
  }
}

/// Small scenarios drawn from a seed: 1–2 routes, 1–3 programmes with calendars, seats and
/// minimum sizes, 1–3 specialists with caps, languages and sometimes a window, 2–12 clients
/// (some pinned in history) and inflow, either caseload basis and any language policy.
enum RandomScenario {
  static func make(seed: UInt64) -> Scenario {
    var random = SeededRandom(seed: seed)
    let start = Month(year: 2025, month: random.int(1...12))
    let horizon = random.int(4...10)
    let languages = ["ar", "ti", "nl"]
    func someLanguages() -> [String] { random.int(0...2) == 0 ? [] : [languages[random.int(0...2)]] }
    let steps = random.int(0...1) == 0 ? ["course"] : ["course", "work"]
    let route = Route(
      name: "r", steps: steps, intakeMonths: random.int(0...2), intakeWithin: 2, aftercare: random.int(0...2))
    var programmes: [Programme] = []
    for (index, step) in steps.enumerated() {
      for variant in 0..<random.int(1...2) {
        let seats = random.int(1...4)
        let calendar: StartCalendar =
          random.int(0...1) == 0 ? .monthly : .months(Set((0..<random.int(1...4)).map { _ in random.int(1...12) }))
        programmes.append(
          Programme(
            id: "p\(index)\(variant)", provider: "provider\(variant)", step: step,
            duration: random.int(0...1) == 0 ? .months(random.int(1...3)) : .weeks(random.int(4...16)),
            starts: calendar,
            seats: seats, minSize: random.int(1...seats), groups: random.int(1...2)))
      }
    }
    var specialists: [Specialist] = []
    for index in 0..<random.int(1...3) {
      let window = random.int(0...3) == 0
      specialists.append(
        Specialist(
          id: "s\(index)", fte: ExactDecimal(scaled: [5_000, 8_000, 10_000][random.int(0...2)]),
          languages: someLanguages(), from: window ? start.adding(random.int(0...2)) : nil,
          until: window ? start.adding(random.int(3...12)) : nil, cap: random.int(0...3) == 0 ? ExactDecimal(4) : nil))
    }
    var clients: [Client] = []
    for index in 0..<random.int(2...12) {
      var pins = ClientPins()
      let spoken = someLanguages()
      // At most one history client, pinned to a specialist who can take them: no contradicting pins.
      if random.int(0...5) == 0, !clients.contains(where: { !$0.pins.isEmpty }),
        let keeper = specialists.first(where: { $0.from == nil && $0.until == nil }),
        languagesMatch(spoken, keeper.languages)
      {
        pins = ClientPins(specialist: keeper.id, intake: start.adding(-random.int(1...3)))
      }
      clients.append(
        Client(
          id: "c\(index)", available: start.adding(pins.isEmpty ? random.int(-3...(horizon + 1)) : -4), route: "r",
          languages: spoken, pins: pins))
    }
    let inflow = (0..<random.int(0...2)).map { _ in
      InflowGroup(month: start.adding(random.int(0...(horizon - 1))), count: random.int(1...5), route: "r")
    }
    return Scenario(
      name: "random-\(seed)", start: start, horizon: horizon,
      caseload: CaseloadPolicy(
        cap: ExactDecimal(random.int(2...8)), basis: random.int(0...1) == 0 ? .monthly : .annual),
      languageMatch: [.none, .preferred, .required][random.int(0...2)], routes: [route], programmes: programmes,
      specialists: specialists, clients: clients, inflow: inflow)
  }
}

struct SeededRandom {
  private var state: UInt64
  init(seed: UInt64) { state = seed }
  mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }
  mutating func int(_ range: ClosedRange<Int>) -> Int {
    range.lowerBound + Int(next() % UInt64(range.count))
  }
}

import PlannerDomain
import ScenarioIO

/// Builds a small scenario from fuzz bytes, each byte a choice (how many routes, which steps,
/// which pins…), so that nearly every input is a scenario worth planning. Mutating a byte
/// changes one choice, which keeps libFuzzer's coverage feedback meaningful.
///
/// The scenario is written with ``ScenarioWriter`` and read back by ``ScenarioLoader`` in
/// ``ScenarioFuzzing/run(_:csvFolder:planning:)``, so the validator still decides what is
/// valid: choices may well produce pins that break a rule, which must then be refused.
///
/// Some programmes are twins of the one before them (same in all but id, provider and groups).
///
/// Sizes stay within the fuzz planning limits: at most 24 months, 12 known clients and
/// 4 inflow groups of at most 5.
public enum GeneratedScenario {
  public static func yaml(from bytes: [UInt8]) -> String {
    var choices = ByteChoices(bytes)
    return ScenarioWriter.yaml(scenario(&choices))
  }

  static let stepNames = ["intake-course", "language", "work"]
  static let languages = ["nl", "ar", "ti", "so"]
  static let profiles = ["A", "B", "C"]

  static func scenario(_ choices: inout ByteChoices) -> Scenario {
    let start = Month(year: 2024 + choices.pick(0...2), month: choices.pick(1...12))
    let horizon = choices.pick(1...24)
    let caps = ["1", "2", "3", "5", "8", "15", "0.5", "100"]
    let caseload = CaseloadPolicy(
      cap: ExactDecimal(parsing: choices.element(caps)) ?? ExactDecimal(1),
      basis: choices.flag() ? .annual : .monthly)
    let match = choices.element(LanguageMatch.allCases)
    let routes = (0..<choices.pick(1...3)).map { index in
      Route(
        name: "r\(index)", steps: choices.subset(stepNames), intakeMonths: choices.pick(0...2),
        intakeWithin: 2, aftercare: choices.pick(0...2))
    }
    var programmes: [Programme] = []
    for number in 0..<choices.pick(1...5) {
      // About one in four after the first is a twin of the one before (TwinProgrammes).
      if let previous = programmes.last, choices.pick(0...3) == 0 {
        programmes.append(twin(of: previous, number: number, choices: &choices))
      } else {
        programmes.append(programme(number: number, routes: routes, choices: &choices))
      }
    }
    let specialists = (0..<choices.pick(1...3)).map { index in
      let window = choices.pick(0...3)
      return Specialist(
        id: "s\(index)", fte: ExactDecimal(parsing: choices.element(["1", "0.5", "0.8", "1.5"])) ?? ExactDecimal(1),
        languages: choices.subset(languages),
        from: window & 1 != 0 ? start.adding(choices.pick(-3...horizon)) : nil,
        until: window & 2 != 0 ? start.adding(choices.pick(0...horizon + 3)) : nil,
        cap: choices.flag() ? ExactDecimal(choices.pick(1...10)) : nil)
    }
    let context = Context(
      start: start, horizon: horizon, routes: routes, programmes: programmes, specialists: specialists)
    let clients = (0..<choices.pick(0...12)).map { client(number: $0, context: context, choices: &choices) }
    let inflow = (0..<choices.pick(0...4)).map { _ in
      InflowGroup(
        month: start.adding(choices.pick(0...horizon - 1)), count: choices.pick(1...5),
        route: choices.element(routes).name, profile: choices.flag() ? choices.element(profiles) : nil,
        languages: choices.subset(languages))
    }
    return Scenario(
      name: "generated", start: start, horizon: horizon, caseload: caseload, languageMatch: match, routes: routes,
      programmes: programmes, specialists: specialists, clients: clients, inflow: inflow)
  }

  private static func programme(number: Int, routes: [Route], choices: inout ByteChoices) -> Programme {
    let served = routes.flatMap(\.steps)
    let step = served.isEmpty ? stepNames[0] : choices.element(served)
    let seats = choices.pick(1...8)
    let months = choices.subset(Array(1...12))
    return Programme(
      id: "p\(number)", provider: "provider\(choices.pick(0...2))", step: step,
      routes: choices.flag() ? choices.subset(routes.map(\.name)) : nil,
      profiles: choices.flag() ? choices.subset(profiles) : nil,
      duration: choices.flag() ? .months(choices.pick(1...4)) : .weeks(choices.pick(1...20)),
      starts: choices.flag() || months.isEmpty ? .monthly : .months(Set(months)), seats: seats,
      minSize: choices.pick(1...seats), groups: choices.pick(1...3))
  }

  /// `previous` under another id and provider, with groups of its own.
  private static func twin(of previous: Programme, number: Int, choices: inout ByteChoices) -> Programme {
    var twin = previous
    twin.id = "p\(number)"
    twin.provider = "provider\(choices.pick(0...2))"
    twin.groups = choices.pick(1...3)
    return twin
  }

  struct Context {
    let start: Month
    let horizon: Int
    let routes: [Route]
    let programmes: [Programme]
    let specialists: [Specialist]
  }

  /// A known client; about one in four carries pins, which may or may not be consistent.
  private static func client(number: Int, context: Context, choices: inout ByteChoices) -> Client {
    let route = choices.element(context.routes)
    let available = context.start.adding(choices.pick(-6...context.horizon + 1))
    var pins = ClientPins()
    if choices.pick(0...3) == 0 {
      if choices.flag() { pins.specialist = choices.element(context.specialists).id }
      if choices.flag() { pins.intake = available.adding(choices.pick(0...3)) }
      for step in route.steps where choices.pick(0...2) == 0 {
        let serving = context.programmes.filter { $0.step == step }
        guard !serving.isEmpty else { continue }
        pins.steps[step] = StepPin(
          programme: choices.element(serving).id, start: available.adding(choices.pick(0...context.horizon)))
      }
      if choices.pick(0...3) == 0 { pins.exit = available.adding(choices.pick(1...context.horizon + 2)) }
    }
    return Client(
      id: "c\(number)", available: available, route: route.name,
      profile: choices.flag() ? choices.element(profiles) : nil, languages: choices.subset(languages),
      done: route.steps.filter { _ in choices.pick(0...3) == 0 }, pins: pins)
  }
}

/// Reads choices from fuzz bytes, one byte each; past the end every choice is 0.
struct ByteChoices {
  private let bytes: [UInt8]
  private var position = 0

  init(_ bytes: [UInt8]) { self.bytes = bytes }

  mutating func next() -> Int {
    defer { position += 1 }
    return position < bytes.count ? Int(bytes[position]) : 0
  }

  /// A number in `range` (which must not be empty).
  mutating func pick(_ range: ClosedRange<Int>) -> Int { range.lowerBound + next() % range.count }

  mutating func flag() -> Bool { next() & 1 == 1 }

  mutating func element<Element>(_ items: [Element]) -> Element { items[pick(0...items.count - 1)] }

  /// Items whose bit is set in the next byte (for up to eight items), in their order.
  mutating func subset<Element>(_ items: [Element]) -> [Element] {
    let mask = next()
    return items.enumerated().filter { mask & (1 << ($0.offset % 8)) != 0 }.map(\.element)
  }
}

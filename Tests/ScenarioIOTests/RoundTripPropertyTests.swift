import Foundation
import PlannerDomain
import PropertyBased
import Testing

@testable import ScenarioIO

/// A small deterministic random source, so that one generated seed fixes a whole scenario.
struct SplitMix {
  var state: UInt64

  mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var value = state
    value = (value ^ (value >> 30)) &* 0xBF58_476D_1CE4_E5B9
    value = (value ^ (value >> 27)) &* 0x94D0_49BB_1331_11EB
    return value ^ (value >> 31)
  }

  mutating func int(_ range: ClosedRange<Int>) -> Int {
    range.lowerBound + Int(next() % UInt64(range.upperBound - range.lowerBound + 1))
  }

  mutating func chance(_ percent: Int) -> Bool { int(0...99) < percent }

  mutating func pick<T>(_ items: [T]) -> T { items[int(0...(items.count - 1))] }

  mutating func subset<T>(_ items: [T], percent: Int = 50) -> [T] { items.filter { _ in chance(percent) } }
}

/// Names that YAML would misread if written carelessly: booleans, numbers, nulls, indicators,
/// quotes, escapes, non-ASCII.
let trickyNames = [
  "b1", "z", "no", "yes", "on", "1", "0012", "1.5", "null", "~", "2020-03", "a: b", "- x", "#x", "x #y", "[a]",
  "{b}", "\"q\"", "it's", "back\\slash", "tab\there", "line\nbreak", "é", "Ünïcødé", "日本", "&anchor", "*alias",
  "!tag", "%p", "@at", "`tick", "|bar", ">gt", " lead", "trail ", "a,b", "x?", "\u{2028}ls", "\u{7F}del",
]

func generatedScenario(seed: UInt64) -> Scenario {
  var random = SplitMix(state: seed)
  func name(_ prefix: String) -> String { random.chance(40) ? prefix + random.pick(trickyNames) : prefix }
  let start = Month(year: random.int(1990...2040), month: random.int(1...12))
  let horizon = random.int(1...36)
  let stepPool = ["voortraject", "taal", "werk", "no", "step: x", "ü"]
  var routes: [Route] = []
  var routeNames: Set<String> = []
  for index in 0..<random.int(1...3) {
    let routeName = name("r\(index)")
    guard routeNames.insert(routeName).inserted else { continue }
    var steps: [String] = []
    for step in stepPool where random.chance(40) { steps.append(step) }
    routes.append(
      Route(
        name: routeName, steps: steps, intakeMonths: random.int(0...3), intakeWithin: random.int(0...6),
        aftercare: random.int(0...4)))
  }
  let allSteps = stepPool.filter { step in routes.contains { $0.steps.contains(step) } }
  let profilesPool = ["A", "B1", "no", "C d"]
  var programmes: [Programme] = []
  func calendar() -> StartCalendar {
    random.chance(50) ? .monthly : .months(Set((1...12).filter { _ in random.chance(30) } + [random.int(1...12)]))
  }
  func duration() -> Duration { random.chance(50) ? .months(random.int(1...24)) : .weeks(random.int(1...104)) }
  // One programme per step admitting everyone, so every client is served.
  for (index, step) in allSteps.enumerated() {
    let seats = random.int(1...30)
    programmes.append(
      Programme(
        id: name("open\(index)"), provider: name("prov"), step: step, duration: duration(), starts: calendar(),
        seats: seats, minSize: random.int(1...seats), groups: random.int(1...3)))
  }
  for index in 0..<(allSteps.isEmpty ? 0 : random.int(0...3)) {
    let seats = random.int(1...30)
    programmes.append(
      Programme(
        id: name("extra\(index)"), provider: name("prov\(index)"), step: random.pick(allSteps),
        routes: random.chance(50) ? random.subset(routes.map(\.name)) : nil,
        profiles: random.chance(50) ? random.subset(profilesPool) : nil, duration: duration(), starts: calendar(),
        seats: seats, minSize: random.int(1...seats), groups: random.int(1...3)))
  }
  let languagesPool = ["nl", "ar", "ti", "no", "yes", "1"]
  var specialists: [Specialist] = []
  for index in 0..<random.int(1...4) {
    let from = random.chance(30) ? start.adding(random.int(-12...12)) : nil
    let until = random.chance(30) ? (from ?? start).adding(random.int(0...24)) : nil
    specialists.append(
      Specialist(
        id: name("s\(index)"), fte: ExactDecimal(scaled: random.int(1...30_000)),
        languages: random.subset(languagesPool, percent: 30), from: from, until: until,
        cap: random.chance(30) ? ExactDecimal(scaled: random.int(1...2_000_000)) : nil))
  }
  let languageMatch = random.pick(LanguageMatch.allCases)
  var clients: [Client] = []
  for index in 0..<random.int(0...6) {
    let route = random.pick(routes)
    let done = route.steps.filter { _ in random.chance(30) }
    var pins = ClientPins()
    let available = start.adding(random.int(-24...(horizon + 2)))
    if random.chance(40) {
      // History pins: before the start, so neither calendars nor readiness apply.
      let intake = start.adding(random.int(-24...(-1)))
      pins.intake = intake
      if languageMatch != .required { pins.specialist = random.pick(specialists).id }
      if random.chance(50) { pins.exit = intake.adding(random.int(0...40)) }
      for (stepIndex, step) in route.steps.enumerated() where !done.contains(step) && random.chance(50) {
        if let open = programmes.first(where: { $0.step == step && $0.routes == nil && $0.profiles == nil }) {
          pins.steps[step] = StepPin(programme: open.id, start: start.adding(-30 + stepIndex))
        }
      }
    }
    clients.append(
      Client(
        id: name("c\(index)"), available: available, route: route.name,
        profile: random.chance(70) ? random.pick(profilesPool) : nil,
        languages: random.subset(languagesPool, percent: 30), done: done, pins: pins))
  }
  var inflow: [InflowGroup] = []
  for _ in 0..<random.int(0...4) {
    inflow.append(
      InflowGroup(
        month: start.adding(random.int(0...(horizon - 1))), count: random.int(1...50), route: random.pick(routes).name,
        profile: random.chance(50) ? random.pick(profilesPool) : nil,
        languages: random.subset(languagesPool, percent: 30)))
  }
  return Scenario(
    name: name("Gemeente ") + "x", start: start, horizon: horizon,
    caseload: CaseloadPolicy(
      cap: ExactDecimal(scaled: random.int(1...1_000_000)), basis: random.pick(CaseloadBasis.allCases)),
    languageMatch: languageMatch, routes: routes, programmes: programmes, specialists: specialists,
    clients: clients, inflow: inflow)
}

@Test func generatedScenariosSurviveWritingAndLoading() async {
  await propertyCheck(count: 300, input: Gen<UInt64>.value(in: 0...UInt64.max)) { seed in
    let scenario = generatedScenario(seed: seed)
    let yaml = ScenarioWriter.yaml(scenario)
    do {
      let loaded = try ScenarioLoader.load(yaml: yaml, fileName: "generated.yaml", baseDirectory: nil)
      #expect(loaded.scenario == scenario, "seed \(seed)\n\(yaml)")
    } catch {
      Issue.record("seed \(seed): \(error)\n\(yaml)")
    }
  }
}

@Test func theWriterQuotesEveryTrickyName() throws {
  for tricky in trickyNames {
    var scenario = generatedScenario(seed: 7)
    scenario.name = tricky
    let yaml = ScenarioWriter.yaml(scenario)
    let loaded = try ScenarioLoader.load(yaml: yaml, fileName: "x.yaml", baseDirectory: nil)
    #expect(loaded.scenario.name == tricky)
  }
}

/// A random edit of valid YAML: delete, insert, truncate, duplicate or swap lines.
func mutate(_ text: String, seed: UInt64) -> String {
  var random = SplitMix(state: seed)
  var scalars = Array(text.unicodeScalars)
  let insertions = [
    ":", "- ", "[", "]", "{", "}", "\"", "'", "&a ", "*a", "\t", "\n", "# ", "!", "%", "@", "`", "|", ">", "0",
    "99999999999999999999999", "2020-13", " ", "\u{0}", "é", "-1", "0.00001", "?", ",", "\u{FEFF}", "\r",
    "  ", "&b [x]\n", "*b", "1e9", "null", "~",
  ]
  for _ in 0..<random.int(1...4) {
    guard !scalars.isEmpty else { break }
    let position = random.int(0...(scalars.count - 1))
    switch random.int(0...5) {
    case 0:
      let end = min(scalars.count, position + random.int(1...20))
      scalars.removeSubrange(position..<end)
    case 1:
      scalars.insert(contentsOf: random.pick(insertions).unicodeScalars, at: position)
    case 2:
      scalars = Array(scalars[..<position])
    case 3:
      var lines = String(String.UnicodeScalarView(scalars)).split(separator: "\n", omittingEmptySubsequences: false)
      let line = random.int(0...(lines.count - 1))
      lines.insert(lines[line], at: line)
      scalars = Array(lines.joined(separator: "\n").unicodeScalars)
    case 4:
      var lines = String(String.UnicodeScalarView(scalars)).split(separator: "\n", omittingEmptySubsequences: false)
      lines.swapAt(random.int(0...(lines.count - 1)), random.int(0...(lines.count - 1)))
      scalars = Array(lines.joined(separator: "\n").unicodeScalars)
    default:
      scalars[position] = random.pick(insertions).unicodeScalars.first ?? " "
    }
  }
  return String(String.UnicodeScalarView(scalars))
}

@Test func brokenInputIsRejectedOrAcceptedButNeverCrashes() async {
  await propertyCheck(count: 400, input: Gen<UInt64>.value(in: 0...UInt64.max), Gen.bool) { seed, useBase in
    let valid = useBase ? baseYAML : ScenarioWriter.yaml(generatedScenario(seed: seed))
    let broken = mutate(valid, seed: seed)
    do throws(ScenarioLoadError) {
      let loaded = try ScenarioLoader.load(yaml: broken, fileName: "broken.yaml", baseDirectory: nil)
      // Whatever is accepted must survive the writer too.
      let again = try ScenarioLoader.load(
        yaml: ScenarioWriter.yaml(loaded.scenario), fileName: "again.yaml", baseDirectory: nil)
      #expect(again.scenario == loaded.scenario, "seed \(seed)")
    } catch {
      #expect(!error.errors.isEmpty, "rejected without an error, seed \(seed)")
      #expect(error.diagnostics.allSatisfy { !$0.message.isEmpty && ($0.line ?? 1) >= 1 })
    }
  }
}

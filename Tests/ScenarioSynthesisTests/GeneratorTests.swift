import PlannerDomain
import ScenarioIO
import Testing

@testable import ScenarioSynthesis

/// Specs across sizes, bases, calendars and language rules; every one must give a valid file.
let validitySpecs: [SyntheticScenarioSpec] = [
  SyntheticScenarioSpec(clients: 40, specialists: 1, providers: 1, horizon: 12, seed: 1),
  SyntheticScenarioSpec(clients: 120, specialists: 2, providers: 2, horizon: 12, seed: 2),
  SyntheticScenarioSpec(clients: 650, specialists: 7, providers: 4, horizon: 36, seed: 1),
  SyntheticScenarioSpec(clients: 650, specialists: 7, providers: 6, horizon: 36, seed: 99, caseloadBasis: .monthly),
  SyntheticScenarioSpec(
    clients: 650, specialists: 5, providers: 3, horizon: 24, seed: 12_345, cap: ExactDecimal(90),
    start: Month(year: 2025, month: 7), languageMatch: .required),
  SyntheticScenarioSpec(clients: 3_000, specialists: 33, providers: 8, horizon: 36, seed: 1),
  SyntheticScenarioSpec(clients: 500, specialists: 2, providers: 5, horizon: 18, seed: 7, caseloadPercent: 20),
  SyntheticScenarioSpec(clients: 3, specialists: 1, providers: 1, horizon: 12, seed: .max),
]

@Test(arguments: validitySpecs)
func generatedScenariosPassValidationAndRoundTrip(_ spec: SyntheticScenarioSpec) throws {
  let scenario = SyntheticScenario.make(spec)
  let yaml = ScenarioWriter.yaml(scenario)
  do {
    let loaded = try ScenarioLoader.load(yaml: yaml, fileName: "synthetic.yaml", baseDirectory: nil)
    #expect(loaded.scenario == scenario, "the written scenario reads back differently")
    #expect(loaded.warnings.isEmpty, "\(loaded.warnings.prefix(5).map(\.description))")
  } catch {
    Issue.record("\(spec.scenarioName) does not load:\n\(error.diagnostics.prefix(10).map(\.description))")
  }
}

@Test func theSameSeedGivesTheSameFileAndAnotherSeedAnotherOne() {
  let spec = SyntheticScenarioSpec(clients: 650, specialists: 7, providers: 4, horizon: 36, seed: 42)
  let first = ScenarioWriter.yaml(SyntheticScenario.make(spec))
  #expect(first == ScenarioWriter.yaml(SyntheticScenario.make(spec)))
  var other = spec
  other.seed = 43
  #expect(first != ScenarioWriter.yaml(SyntheticScenario.make(other)))
}

/// A fingerprint of one scenario, fixed in the test: the generator must not drift between
/// toolchains or platforms (no standard-library randomness, no hash-order dependence).
@Test func aKnownSeedKeepsItsScenario() {
  let spec = SyntheticScenarioSpec(clients: 200, specialists: 3, providers: 2, horizon: 24, seed: 2025)
  let yaml = ScenarioWriter.yaml(SyntheticScenario.make(spec))
  var hash: UInt64 = 0xCBF2_9CE4_8422_2325  // FNV-1a
  for byte in yaml.utf8 {
    hash = (hash ^ UInt64(byte)) &* 0x100_0000_01B3
  }
  #expect(hash == expectedFingerprint, "fingerprint \(String(hash, radix: 16))")
}

private let expectedFingerprint: UInt64 = 0x0FC5_A091_A998_1A0D

@Test(arguments: [(650, 7, 36), (3_000, 33, 36), (97, 2, 12)])
func theHeadCountAndItsSplitHold(clients: Int, specialists: Int, horizon: Int) {
  let spec = SyntheticScenarioSpec(
    clients: clients, specialists: specialists, providers: 4, horizon: horizon, seed: 5)
  let scenario = SyntheticScenario.make(spec)
  let inflow = scenario.inflow.reduce(0) { $0 + $1.count }
  #expect(scenario.clients.count + inflow == clients)
  let onCaseload = scenario.clients.count { $0.pins.specialist != nil }
  #expect(onCaseload == clients * spec.caseloadPercent / 100, "every caseload pin should fit at these sizes")
  #expect(scenario.clients.count == onCaseload + clients * spec.backlogPercent / 100)
  for client in scenario.clients where client.pins.specialist != nil {
    let intake = client.pins.intake.map { $0 < scenario.start } ?? false
    #expect(intake, "\(client.id): a caseload client has its intake before the start")
  }
  #expect(Set(scenario.inflow.map(\.month)).count == horizon, "inflow arrives in every month")
}

@Test func capacitiesFollowTheDemand() {
  let small = SyntheticScenario.make(
    SyntheticScenarioSpec(clients: 650, specialists: 7, providers: 4, horizon: 36, seed: 3))
  let large = SyntheticScenario.make(
    SyntheticScenarioSpec(clients: 30_000, specialists: 333, providers: 40, horizon: 36, seed: 3))
  #expect(small.programme(id: "voortraject")?.groups == 2)
  #expect((large.programme(id: "voortraject")?.groups ?? 0) > 40)
  for programme in small.programmes where programme.step == "language" {
    #expect((1...2).contains(programme.groups), "\(programme.id)")
    #expect((4...8).contains(programme.minSize) && (12...15).contains(programme.seats), "\(programme.id)")
  }
  let providers = Set(large.programmes.filter { $0.step == "language" }.map(\.provider))
  #expect(providers.count == 40)
}

import PlannerDomain
import Testing

@testable import ScenarioSynthesis

/// The pins of the caseload clients, recounted from the scenario alone, never exceed a cap:
/// otherwise the scenario would be infeasible (MODEL.md "Fine points").
@Test(arguments: validitySpecs)
func pinnedCaseloadsFitEveryCap(_ spec: SyntheticScenarioSpec) {
  let scenario = SyntheticScenario.make(spec)
  let horizon = scenario.horizon
  for specialist in scenario.specialists {
    let cap = (specialist.cap ?? scenario.caseload.cap).flooredProduct(specialist.fte)
    var perMonth = Array(repeating: Set<String>(), count: horizon)
    for client in scenario.clients where client.pins.specialist == specialist.id {
      guard let intake = client.pins.intake else {
        Issue.record("\(client.id) has a pinned specialist but no intake")
        continue
      }
      let from = max(0, scenario.offset(of: intake))
      let until = min(horizon, client.pins.exit.map { scenario.offset(of: $0) } ?? horizon)
      for month in from..<max(from, until) { perMonth[month].insert(client.id) }
    }
    switch scenario.caseload.basis {
    case .monthly:
      #expect(perMonth.allSatisfy { $0.count <= cap }, "\(specialist.id)")
    case .annual:
      var perYear: [Int: Set<String>] = [:]
      for (month, clients) in perMonth.enumerated() {
        perYear[scenario.month(at: month).year, default: []].formUnion(clients)
      }
      for (year, clients) in perYear {
        #expect(clients.count <= cap, "\(specialist.id) has \(clients.count) pinned clients in \(year)")
      }
    }
  }
}

@Test(arguments: validitySpecs)
func historyCohortsRespectSeatsAndGroups(_ spec: SyntheticScenarioSpec) {
  let scenario = SyntheticScenario.make(spec)
  var sizes: [String: Int] = [:]
  for client in scenario.clients {
    for (step, pin) in client.pins.steps {
      #expect(pin.start < scenario.start, "\(client.id): only history is pinned")
      guard let programme = scenario.programme(id: pin.programme) else {
        Issue.record("\(client.id): unknown programme \(pin.programme)")
        continue
      }
      #expect(programme.step == step && programme.admits(route: client.route, profile: client.profile))
      let end = pin.start.adding(programme.duration.months)
      #expect(end > scenario.start, "\(client.id): the class still runs at the start")
      let route = scenario.route(named: client.route)
      #expect(client.pins.exit == end.adding(route?.aftercare ?? 0), "\(client.id): exit at the end plus aftercare")
      sizes["\(pin.programme) \(pin.start)", default: 0] += 1
    }
  }
  for (cohort, size) in sizes {
    let id = String(cohort.split(separator: " ")[0])
    let limit = scenario.programme(id: id).map { $0.seats * $0.groups } ?? 0
    #expect(size <= limit, "\(cohort): \(size) > \(limit)")
  }
}

@Test func theGeneratorIsPortableRandomness() {
  var random = SplitMix64(seed: 0)
  // Reference values of SplitMix64 for seed 0 (Steele, Lea and Flood 2014).
  #expect(random.next() == 0xE220_A839_7B1D_CDAF)
  #expect(random.next() == 0x6E78_9E6A_A1B9_65F4)
  var counts = Array(repeating: 0, count: 3)
  for _ in 0..<3_000 { counts[random.int(below: 3)] += 1 }
  #expect(counts.allSatisfy { (900...1_100).contains($0) })
  #expect(apportion(10, weights: [1, 1, 1]) == [4, 3, 3])
  #expect(apportion(7, weights: [0, 5, 2]) == [0, 5, 2])
}

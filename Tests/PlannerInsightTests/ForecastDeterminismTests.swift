import PlannerDomain
import PlannerInsight
import Testing

/// The same seed gives the same forecast, whatever the number of threads.
@Suite struct ForecastDeterminismTests {
  /// Start calendars, minimum sizes, seats and two kinds of client, so that plans differ
  /// between samples in more than one way.
  static let scenario = Small.scenario(
    horizon: 12, cap: 6,
    routes: [Route(name: "r", steps: ["course"]), Route(name: "q", steps: ["course"])],
    programmes: [
      Small.course(id: "spring", provider: "north", seats: 4, minSize: 3, groups: 2, starts: .months([3, 4, 9])),
      Small.course(id: "rolling", provider: "south", routes: ["q"], seats: 3, minSize: 2),
    ],
    specialists: [Specialist(id: "s1"), Specialist(id: "s2")],
    clients: [Small.client("K1", available: 0), Small.client("K2", available: 1)],
    inflow: [
      InflowGroup(month: Small.month(0), count: 3, route: "r"),
      InflowGroup(month: Small.month(1), count: 2, route: "q"),
      InflowGroup(month: Small.month(4), count: 4, route: "r"),
      InflowGroup(month: Small.month(6), count: 3, route: "q"),
    ])

  static let uncertainty = InflowUncertainty.standard

  @Test func sameSeedSameOutput() throws {
    let first = try forecast(Self.scenario, samples: 40, seed: 11, uncertainty: Self.uncertainty)
    let second = try forecast(Self.scenario, samples: 40, seed: 11, uncertainty: Self.uncertainty)
    #expect(first.json() == second.json())
    #expect(first.text() == second.text())
    #expect(first.csv() == second.csv())
    // The samples really vary, so the comparison above has something to compare.
    #expect(first.cohorts.contains { row in row.spread.map { $0.p10 != $0.p90 } ?? false })
  }

  @Test func threadCountDoesNotChangeTheOutput() throws {
    let outputs = try [1, 2, 5].map { threads in
      try forecast(Self.scenario, samples: 40, seed: 11, threads: threads, uncertainty: Self.uncertainty).json()
    }
    #expect(outputs[0] == outputs[1])
    #expect(outputs[0] == outputs[2])
  }

  @Test func anotherSeedDrawsOtherSamples() {
    let first = Self.uncertainty.sample(Self.scenario, seed: 1)
    let second = Self.uncertainty.sample(Self.scenario, seed: 2)
    #expect(first.inflow != second.inflow)
    #expect(Self.uncertainty.sample(Self.scenario, seed: 1) == first)
    // Known clients and everything but the inflow stay as stated.
    #expect(first.clients == Self.scenario.clients)
    #expect(first.programmes == Self.scenario.programmes)
    #expect(
      InflowUncertainty.sampleSeeds(seed: 3, count: 5)
        == Array(InflowUncertainty.sampleSeeds(seed: 3, count: 9).prefix(5)))
  }

  @Test func delaysOnlyPostponeAndKeepTheKind() {
    for seed in UInt64(1)...50 {
      let sampled = Self.uncertainty.sample(Self.scenario, seed: seed)
      for group in sampled.inflow {
        let origins = Self.scenario.inflow.filter { $0.route == group.route && $0.profile == group.profile }
        #expect(origins.contains { (0...2).contains(group.month.offset(from: $0.month)) })
        #expect(group.count > 0)
      }
    }
  }
}

import Foundation
import PlannerDomain
import Testing

@testable import PlannerInsight

/// Forecasts whose distribution is known in closed form.
///
/// Two routes, each with its own monthly programme with plenty of seats and caseload, and one
/// inflow group each of stated count 5 in February 2025. With no housing delay every client
/// has the intake in February and starts in March, so the starters of a March cohort are the
/// group's Poisson(5) count N. Programme `a` has minimum size 1: its starters are N.
/// Programme `b` has minimum size 4: a class of fewer than 4 can never open (nobody else
/// comes), so its starters are N when N ≥ 4 and 0 otherwise, and P(min reached) = P(N ≥ 4).
/// Percentiles must equal the closed-form quantiles; they sit at least 3.7 standard errors
/// from a neighbouring value for 2,000 samples, and the seed is fixed.
@Suite struct ForecastDistributionTests {
  static let mean = 5.0
  static let samples = 2_000

  static let twoRoutes = Small.scenario(
    routes: [Route(name: "a", steps: ["course"]), Route(name: "b", steps: ["course"])],
    programmes: [
      Small.course(id: "a-course", provider: "school-a", routes: ["a"]),
      Small.course(id: "b-course", provider: "school-b", routes: ["b"], minSize: 4),
    ],
    inflow: [
      InflowGroup(month: Small.month(1), count: 5, route: "a"),
      InflowGroup(month: Small.month(1), count: 5, route: "b"),
    ])

  @Test func percentilesMatchThePoissonQuantiles() throws {
    let result = try forecast(Self.twoRoutes, samples: Self.samples)
    let march = try #require(result.row("a-course", Small.month(2)))
    let spread = try #require(march.spread)
    #expect(march.expected == 5)
    #expect(spread.p10 == Poisson.quantile(Self.mean, 0.1))
    #expect(spread.p50 == Poisson.quantile(Self.mean, 0.5))
    #expect(spread.p90 == Poisson.quantile(Self.mean, 0.9))
    let percentiles: [Int] = [spread.p10, spread.p50, spread.p90]
    #expect(percentiles == [2, 5, 8])
    // Mean 5 with standard error √(5 / 2000) = 0.05.
    #expect(abs(spread.mean - Self.mean) < 0.2)
    // P(a cohort opens) = P(N ≥ 1) = 1 − e^−5, standard error 0.0018.
    let opens = 1 - Poisson.cdf(Self.mean, 0)
    #expect(abs(try #require(march.minimumReached) - opens) < 0.0075)
    #expect(result.sampling?.proven == Self.samples)
  }

  @Test func minimumReachedIsTheChanceOfEnoughArrivals() throws {
    let result = try forecast(Self.twoRoutes, samples: Self.samples)
    let march = try #require(result.row("b-course", Small.month(2)))
    let spread = try #require(march.spread)
    // Starters X = N·[N ≥ 4]: P(X ≤ k) = P(N ≤ 3) for k < 4, P(N ≤ k) from 4 on.
    let belowMinimum = Poisson.cdf(Self.mean, 3)
    let quantile = { (q: Double) in belowMinimum >= q ? 0 : Poisson.quantile(Self.mean, q) }
    let percentiles: [Int] = [spread.p10, spread.p50, spread.p90]
    let expected: [Int] = [quantile(0.1), quantile(0.5), quantile(0.9)]
    #expect(percentiles == expected)
    #expect(percentiles == [0, 5, 8])
    // P(N ≥ 4) = 0.735, standard error 0.0099; four of them.
    #expect(abs(try #require(march.minimumReached) - (1 - belowMinimum)) < 0.04)
    // No other month ever starts anyone: nobody can join later.
    for row in result.cohorts where row.programme == "b-course" && row.month != Small.month(2) {
      #expect(row.spread?.p90 == 0)
      #expect(row.minimumReached == 0)
    }
  }

  /// Housing delays of 0 or 1 month with probability ½ each thin the Poisson(5) count into two
  /// independent Poisson(2.5) counts: March and April each start Poisson(2.5) clients.
  @Test func delaysThinTheCountIntoTwoMonths() throws {
    let scenario = Small.scenario(inflow: [InflowGroup(month: Small.month(1), count: 5, route: "r")])
    let result = try forecast(
      scenario, samples: 1_000,
      uncertainty: InflowUncertainty(countModel: .poisson, delayProbabilities: [0.5, 0.5]))
    for offset in [2, 3] {
      let row = try #require(result.row("course", Small.month(offset)))
      let spread = try #require(row.spread)
      #expect(spread.p50 == Poisson.quantile(2.5, 0.5))
      #expect(spread.p50 == 2)
      // 1 − e^−2.5 = 0.918, standard error 0.0087.
      #expect(abs(try #require(row.minimumReached) - (1 - Poisson.cdf(2.5, 0))) < 0.035)
      #expect(abs(spread.mean - 2.5) < 0.2)
    }
    // The provider total per month is the same count as the single programme's.
    let total = try #require(result.providerTotals.first { $0.month == Small.month(3) })
    #expect(total.spread == result.row("course", Small.month(3))?.spread)
  }

  /// Fixed counts and a certain delay of one month: every sample is the same, so every
  /// percentile is exactly the count and the minimum is always reached, one month later.
  @Test func degenerateInflowGivesExactFigures() throws {
    let scenario = Small.scenario(
      programmes: [Small.course(minSize: 3)], inflow: [InflowGroup(month: Small.month(1), count: 4, route: "r")])
    let result = try forecast(
      scenario, samples: 25, uncertainty: InflowUncertainty(countModel: .fixed, delayProbabilities: [0, 1]))
    let april = try #require(result.row("course", Small.month(3)))
    #expect(april.spread == StarterSpread(p10: 4, p50: 4, p90: 4, mean: 4))
    #expect(april.minimumReached == 1)
    let march = try #require(result.row("course", Small.month(2)))
    #expect(march.expected == 4)  // the stated scenario has no delay
    #expect(march.spread == StarterSpread(p10: 0, p50: 0, p90: 0, mean: 0))
    #expect(march.minimumReached == 0)
  }

  @Test func nearestRankPercentiles() {
    #expect(StarterSpread.percentile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 10) == 1)
    #expect(StarterSpread.percentile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 50) == 5)
    #expect(StarterSpread.percentile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 90) == 9)
    #expect(StarterSpread.percentile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11], 90) == 10)
    #expect(StarterSpread.percentile([7], 10) == 7)
  }

  /// SplitMix64's reference output for seed 0 (Vigna's splitmix64.c), then the Poisson sampler's
  /// mean and variance over many draws.
  @Test func generatorAndPoissonDraws() {
    var random = SplitMix64(seed: 0)
    #expect(random.next() == 0xE220_A839_7B1D_CDAF)
    #expect(random.next() == 0x6E78_9E6A_A1B9_65F4)
    var draws = SplitMix64(seed: 42)
    let values = (0..<50_000).map { _ in draws.poisson(mean: 3.5) }
    let mean = Double(values.reduce(0, +)) / Double(values.count)
    let variance = values.reduce(0.0) { $0 + (Double($1) - mean) * (Double($1) - mean) } / Double(values.count - 1)
    #expect(abs(mean - 3.5) < 0.04)
    #expect(abs(variance - 3.5) < 0.15)
    var large = SplitMix64(seed: 9)
    let big = (0..<2_000).map { _ in large.poisson(mean: 600) }
    #expect(abs(Double(big.reduce(0, +)) / 2_000 - 600) < 3)
  }
}

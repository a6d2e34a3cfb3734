import PlannerDomain
import PlannerInsight
import Testing

/// The CSV for the schools, the filters and the JSON keys, on a forecast built by hand.
@Suite struct ForecastRenderingTests {
  static let forecast = Forecast(
    scenarioName: "hand", start: Small.month(0), horizon: 24, status: .optimal, waitingMonths: 7,
    sampling: SamplingSummary(
      samples: 4, seed: 9, uncertainty: .standard, sampleTimeLimit: 30, proven: 4, unproven: 0, withoutPlan: 0),
    cohorts: [
      CohortForecast(
        provider: "north", programme: "a2", month: Small.month(2), seats: 12, minSize: 6, maxGroups: 2, expected: 14,
        groups: 2, spread: StarterSpread(p10: 9, p50: 13, p90: 18, mean: 13.25), minimumReached: 0.75),
      CohortForecast(
        provider: "north", programme: "a2", month: Small.month(14), seats: 12, minSize: 6, maxGroups: 2, expected: 0,
        groups: 0, spread: StarterSpread(p10: 0, p50: 0, p90: 6, mean: 1.5), minimumReached: 0.25),
      CohortForecast(
        provider: "south, east", programme: "b1", month: Small.month(2), seats: 10, minSize: 1, maxGroups: 1,
        expected: 3, groups: 1, spread: StarterSpread(p10: 1, p50: 3, p90: 5, mean: 3), minimumReached: 1),
    ],
    providerTotals: [
      ProviderMonthForecast(provider: "north", month: Small.month(2), expected: 14),
      ProviderMonthForecast(provider: "north", month: Small.month(14), expected: 0),
      ProviderMonthForecast(provider: "south, east", month: Small.month(2), expected: 3),
    ])

  @Test func csvForTheSchools() {
    #expect(
      Self.forecast.csv() == """
        provider,programme,month,expected,p10,p50,p90,p_min_reached
        north,a2,2025-03,14,9,13,18,0.750
        north,a2,2026-03,0,0,0,6,0.250
        "south, east",b1,2025-03,3,1,3,5,1.000

        """)
  }

  @Test func filtersByProviderAndYear() {
    let north2026 = Self.forecast.filtered(provider: "north", year: 2026)
    #expect(north2026.cohorts.map(\.month) == [Small.month(14)])
    #expect(north2026.providerTotals.map(\.month) == [Small.month(14)])
    #expect(Self.forecast.filtered(provider: nil, year: 2025).cohorts.count == 2)
    #expect(Self.forecast.filtered(provider: "west", year: nil).text().contains("no programme rows"))
  }

  @Test func textAndJSONCarryTheSpread() {
    let text = Self.forecast.text()
    #expect(text.contains("P(min)"))
    #expect(text.contains("75%"))
    #expect(text.contains("seed 9"))
    let json = Self.forecast.json()
    #expect(json.contains("\"format\": \"cohortplan.forecast/1\""))
    #expect(json.contains("\"pMinReached\": 0.75"))
    #expect(json.contains("\"seed\": \"9\""))
  }
}

import PlannerDomain

/// Turns the starters of the stated plan and of the sampled plans into forecast rows.
enum ForecastTable {
  static func build(
    _ scenario: Scenario, plan: Plan, expected: CohortStarters,
    samples: (summary: SamplingSummary, planned: [CohortStarters])?
  ) -> Forecast {
    let planned = samples?.planned ?? []
    var providers: [String] = []
    for programme in scenario.programmes where !providers.contains(programme.provider) {
      providers.append(programme.provider)
    }
    var cohorts: [CohortForecast] = []
    var totals: [ProviderMonthForecast] = []
    for provider in providers {
      var providerKeys: [CohortStarters.Key] = []
      for (index, programme) in scenario.programmes.enumerated() where programme.provider == provider {
        let keys = rowKeys(programme: index, scenario: scenario, plans: [expected] + planned)
        providerKeys += keys
        for key in keys {
          var row = CohortForecast(
            provider: provider, programme: programme.id, month: scenario.month(at: key.month), seats: programme.seats,
            minSize: programme.minSize, maxGroups: programme.groups, expected: expected.starters[key] ?? 0,
            groups: expected.groups[key] ?? 0)
          if !planned.isEmpty {
            let values = planned.map { $0.starters[key] ?? 0 }
            row.spread = StarterSpread(values)
            let minimum = max(programme.minSize, 1)
            row.minimumReached = Double(values.count { $0 >= minimum }) / Double(values.count)
          }
          cohorts.append(row)
        }
      }
      for month in Set(providerKeys.map(\.month)).sorted() {
        let keys = providerKeys.filter { $0.month == month }
        let total = { (plan: CohortStarters) in keys.reduce(0) { $0 + (plan.starters[$1] ?? 0) } }
        totals.append(
          ProviderMonthForecast(
            provider: provider, month: scenario.month(at: month), expected: total(expected),
            spread: planned.isEmpty ? nil : StarterSpread(planned.map(total))))
      }
    }
    return Forecast(
      scenarioName: scenario.name, start: scenario.start, horizon: scenario.horizon, status: plan.status,
      waitingMonths: plan.waitingMonths, sampling: samples?.summary, cohorts: cohorts, providerTotals: totals)
  }

  /// The programme's start months inside the horizon allowed by its calendar, plus any month
  /// in which one of the plans starts it (a pinned start may lie outside the calendar).
  private static func rowKeys(programme: Int, scenario: Scenario, plans: [CohortStarters]) -> [CohortStarters.Key] {
    var months = Set(
      (0..<max(scenario.horizon, 0)).filter { scenario.programmes[programme].starts.allows(scenario.month(at: $0)) })
    for plan in plans {
      for key in plan.starters.keys where key.programme == programme { months.insert(key.month) }
    }
    return months.sorted().map { CohortStarters.Key(programme: programme, month: $0) }
  }
}

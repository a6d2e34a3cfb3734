import PlannerDomain
import PlannerFormulation

/// The first-come-first-served plan an office would make by hand, for comparison.
enum Baseline {
  static func plan(_ scenario: Scenario) -> PlanningResult {
    FirstComeFirstServedPlanner.plan(scenario)
  }
}

import ArgumentParser

/// The root command: configuration only; each subcommand lives in `Commands/`, one file each.
@main
struct CohortPlan: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "cohortplan",
    abstract: "Plan intakes, cohorts and caseloads for statushouders so that nobody waits idle.",
    discussion: """
      CohortPlanner reads a scenario (clients and expected inflow, specialists with their caseload \
      cap, providers and their programmes) and computes a plan that assigns every client an intake \
      month, a specialist and cohort start dates, minimising the months clients spend waiting.

      Start with `cohortplan validate scenarios/tutorial.yaml`, then `cohortplan plan` on it.
      """,
    version: "0.1.0",
    subcommands: [
      Plan.self,
      Validate.self,
      Check.self,
      Report.self,
      Replan.self,
      Diff.self,
      Generate.self,
      Export.self,
      Compare.self,
      Staff.self,
      Forecast.self,
      Explain.self,
    ]
  )
}

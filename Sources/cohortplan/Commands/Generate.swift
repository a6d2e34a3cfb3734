import ArgumentParser
import Foundation
import PlannerDomain
import PlannerReporting
import ScenarioIO
import ScenarioSynthesis

extension CohortPlan {
  /// `cohortplan generate`: writes a seeded synthetic scenario for tests and benchmarks.
  struct Generate: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Write a seeded synthetic scenario of any size.",
      discussion: """
        Generates a municipality-shaped scenario (routes b1, education and z; a voortraject; \
        language programmes after Meerinzicht's tracks; clients on a caseload, waiting and \
        arriving month by month) with the given head count. The same options always give the \
        same file, byte for byte. The scenario passes `cohortplan validate`; every value that \
        no source report gives is an assumption, listed in the ScenarioSynthesis module.

        Example: cohortplan generate --clients 650 --specialists 7 --providers 4 \
        --horizon 36 --seed 1 --out synthetic-650.yaml
        """
    )

    enum Basis: String, ExpressibleByArgument, CaseIterable {
      case annual
      case monthly

      var caseloadBasis: CaseloadBasis { self == .annual ? .annual : .monthly }
    }

    @Option(help: "Head count: clients known at the start plus every client of the inflow.")
    var clients: Int

    @Option(help: "Number of specialists (klantmanagers); about clients / 90 is the field's norm.")
    var specialists: Int

    @Option(help: "Number of language providers, each running one or two programmes.")
    var providers: Int

    @Option(help: "Months to plan.")
    var horizon: Int

    @Option(help: "The seed; the same seed and options give the same scenario.")
    var seed: UInt64

    @Option(help: "How the caseload cap counts clients.")
    var basis: Basis = .annual

    @Option(help: "Clients per FTE (100 is the norm, 90 the ideal under the 2021 law).")
    var cap: String = "100"

    @Option(help: "Month 0 of the plan (YYYY-MM).")
    var start: String = "2025-01"

    @Option(help: "Write the scenario to this file instead of stdout.")
    var out: String?

    func validate() throws {
      let problems = try spec().problems
      if let first = problems.first { throw ValidationError(first) }
    }

    func run() throws {
      let scenario = SyntheticScenario.make(try spec())
      let text = ScenarioWriter.yaml(scenario)
      guard let out else {
        print(text, terminator: "")
        return
      }
      do {
        try OutputFile.write(text, to: out)
      } catch {
        Terminal.error("error: \(error)")
        throw ExitCode(2)
      }
      let inflow = scenario.inflow.reduce(0) { $0 + $1.count }
      let pinned = scenario.clients.count { !$0.pins.isEmpty }
      Terminal.error(
        "wrote \(out): \(scenario.clients.count) known clients (\(pinned) on a caseload), "
          + "\(inflow) in \(scenario.inflow.count) inflow groups, \(scenario.specialists.count) specialists, "
          + "\(scenario.programmes.count) programmes")
    }

    private func spec() throws -> SyntheticScenarioSpec {
      guard let capValue = ExactDecimal(parsing: cap) else {
        throw ValidationError("--cap must be a number such as 100 or 90.5 (found '\(cap)')")
      }
      guard let startMonth = Month(parsing: start) else {
        throw ValidationError("--start must be a month written YYYY-MM (found '\(start)')")
      }
      return SyntheticScenarioSpec(
        clients: clients, specialists: specialists, providers: providers, horizon: horizon, seed: seed,
        caseloadBasis: basis.caseloadBasis, cap: capValue, start: startMonth)
    }
  }
}

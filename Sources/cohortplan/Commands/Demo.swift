import ArgumentParser

extension CohortPlan {
  /// Placeholder until the real demo lands.
  struct Demo: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Solve a built-in demonstration model.")
    func run() throws { print("demo") }
  }
}

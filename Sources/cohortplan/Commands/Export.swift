import ArgumentParser
import Foundation
import GLPK
import OptimizationModel
import PlannerFormulation

extension CohortPlan {
  /// `cohortplan export SCENARIO --mps FILE`: writes the optimisation model for other solvers.
  struct Export: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Write the scenario's optimisation model as MPS or LP for another solver.",
      discussion: """
        Builds the same mixed-integer model that `cohortplan plan` solves and writes it as \
        free MPS (--mps) and/or CPLEX LP (--lp), as GLPK writes them. The objective is the \
        plan's idle waiting months, so any solver's optimum can be compared with the plan's \
        `objective.waitingMonths`. Prints the model's size and the seconds spent building it.

        Exit codes:
          0  the model was written
          1  the scenario is invalid
          2  the scenario cannot be read or a file cannot be written
        """
    )

    @Argument(help: "The scenario file (YAML, format version 1).")
    var scenario: String

    @Option(name: .long, help: "Write the model in free MPS format to this file.")
    var mps: String?

    @Option(name: .long, help: "Write the model in CPLEX LP format to this file.")
    var lp: String?

    func validate() throws {
      guard mps != nil || lp != nil else { throw ValidationError("name at least one output: --mps FILE or --lp FILE") }
      for path in [mps, lp].compactMap({ $0 }) where Self.samePath(path, scenario) {
        throw ValidationError("\(path) is the scenario itself and is never overwritten")
      }
    }

    func run() throws {
      let loaded = try ScenarioInput.load(scenario)
      let clock = ContinuousClock()
      let started = clock.now
      let model = OptimalPlanner.model(loaded.scenario)
      let built = clock.now - started
      let solver = GLPKSolver()
      let outputs: [(String?, (LinearModel, String) throws -> Void)] = [
        (mps, solver.writeMPS), (lp, solver.writeLP),
      ]
      for case (let path?, let write) in outputs {
        do {
          try Self.writeAtomically(to: path) { try write(model, $0) }
        } catch SolverError.fileWriteFailed(_, let reason) {
          Terminal.error("error: cannot write \(path): \(reason)")
          throw ExitCode(2)
        } catch {
          Terminal.error("error: cannot write \(path): \(error)")
          throw ExitCode(2)
        }
      }
      let seconds = built.inSeconds
      print(
        "model: \(model.constraints.count) rows, \(model.variables.count) columns "
          + "(\(model.integerVariableCount) integer), \(model.nonzeroCount) nonzeros; "
          + "built in \(String(format: "%.3f", seconds)) s")
    }

    /// Writes through a temporary file in the target's folder, then renames it, so a reader
    /// sees the old file or the complete new one.
    static func writeAtomically(to path: String, _ write: (String) throws -> Void) throws {
      let target = URL(fileURLWithPath: path)
      var isFolder: ObjCBool = false
      let folder = target.deletingLastPathComponent().path
      guard FileManager.default.fileExists(atPath: folder, isDirectory: &isFolder), isFolder.boolValue else {
        throw WriteError(reason: "the folder \(folder) does not exist")
      }
      let temporary = target.deletingLastPathComponent().appendingPathComponent(
        ".\(target.lastPathComponent).\(ProcessInfo.processInfo.processIdentifier).tmp")
      defer { try? FileManager.default.removeItem(at: temporary) }
      try write(temporary.path)
      if rename(temporary.path, target.path) != 0 { throw WriteError(reason: String(cString: strerror(errno))) }
    }

    struct WriteError: Error, CustomStringConvertible {
      let reason: String
      var description: String { reason }
    }

    static func samePath(_ first: String, _ second: String) -> Bool {
      URL(fileURLWithPath: first).standardizedFileURL.resolvingSymlinksInPath()
        == URL(fileURLWithPath: second).standardizedFileURL.resolvingSymlinksInPath()
    }
  }
}

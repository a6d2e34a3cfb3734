import ArgumentParser
import Foundation
import PlannerDomain
import ScenarioIO

/// Loads a scenario for a command: problems go to stderr, the process exits with 2 for an
/// unreadable file and 1 for an invalid scenario (the same codes as `validate`).
enum ScenarioInput {
  static func load(_ path: String) throws -> LoadedScenario {
    do {
      return try ScenarioLoader.load(path: path)
    } catch {
      Terminal.error(error.diagnostics.map(\.description).joined(separator: "\n"))
      Terminal.error(
        "\(error.errors.count) error(s): the scenario cannot be planned; `cohortplan validate` lists them too.")
      throw ExitCode(error.isUnreadable ? 2 : 1)
    }
  }
}

/// Writing to the terminal: results on stdout, diagnostics and progress on stderr.
enum Terminal {
  static func error(_ text: String) {
    FileHandle.standardError.write(Data((text.hasSuffix("\n") ? text : text + "\n").utf8))
  }

  /// Whether stderr is an interactive terminal (progress lines then overwrite each other).
  static var stderrIsTerminal: Bool { isatty(STDERR_FILENO) != 0 }
}

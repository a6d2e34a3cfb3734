import Foundation
import PlannerFormulation

/// Shows a long solve's progress on stderr: nothing in the first second, then at most one
/// line a second with the best plan so far, the bound and the gap (or, while the model is solved
/// part by part, which part is running).
final class ProgressReporter: @unchecked Sendable {
  private let lock = NSLock()
  private var lastShown = 0.0
  private var shownAny = false
  private let enabled: Bool
  private let label: String

  init(enabled: Bool, label: String) {
    self.enabled = enabled
    self.label = label
  }

  func report(_ progress: PlanningProgress) {
    guard enabled, progress.elapsedSeconds >= 1 else { return }
    lock.withLock {
      guard progress.elapsedSeconds - lastShown >= 1 else { return }
      lastShown = progress.elapsedSeconds
      shownAny = true
      var line = "\(label): \(Int(progress.elapsedSeconds)) s"
      if let part = progress.part {
        line += ", part \(part.number) of \(part.count) (no whole plan yet)"
      } else {
        line += ", best \(progress.waitingMonths.map(String.init) ?? "none yet") waiting months"
      }
      if let bound = progress.bound { line += ", bound \(Int(bound))" }
      if let gap = progress.gap { line += ", gap \(Int((gap * 1000).rounded()) / 10)%" }
      line += ", \(progress.nodes) nodes"
      if Terminal.stderrIsTerminal {
        FileHandle.standardError.write(Data(("\r\u{1B}[2K" + line).utf8))
      } else {
        Terminal.error(line)
      }
    }
  }

  /// Ends an overwriting progress line so the next output starts on its own line.
  func finish() {
    lock.withLock {
      if shownAny && Terminal.stderrIsTerminal { FileHandle.standardError.write(Data("\n".utf8)) }
    }
  }
}

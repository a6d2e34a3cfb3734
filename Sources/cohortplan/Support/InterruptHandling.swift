import Dispatch
import Foundation
import OptimizationModel

/// Ctrl-C (SIGINT) or SIGTERM during a solve raises the interruption: the search stops and
/// the best plan found so far is written with status `interrupted`. A second signal exits at
/// once with code 130.
final class InterruptHandling: @unchecked Sendable {
  let interruption = Interruption()
  private var sources: [DispatchSourceSignal] = []
  private let queue = DispatchQueue(label: "cohortplan.signals")

  init() {
    for signalNumber in [SIGINT, SIGTERM] {
      signal(signalNumber, SIG_IGN)
      let source = DispatchSource.makeSignalSource(signal: signalNumber, queue: queue)
      source.setEventHandler { [interruption, source] in
        // Signals that arrive together are delivered as one event with a count.
        if interruption.isRaised || source.data > 1 {
          Terminal.error("\nstopped at once")
          exit(130)
        }
        Terminal.error("\ninterrupting: keeping the best plan found so far (signal again to quit at once)")
        interruption.raise()
      }
      source.resume()
      sources.append(source)
    }
  }
}

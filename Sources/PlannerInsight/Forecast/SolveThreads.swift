import Dispatch
import Foundation
import Synchronization

/// Runs independent jobs on dedicated OS threads, one job at a time per thread.
///
/// GLPK problems belong to the thread that created them (GLPK-NOTES.md §4), and a solve is
/// synchronous, so each worker is a plain `Thread` that takes the next job index until none
/// is left; no job ever changes thread. Results come back in index order, so the outcome does
/// not depend on the number of threads or on which thread ran which job.
enum SolveThreads {
  /// `body(0) … body(count − 1)`, each called exactly once on one of `threads` worker threads
  /// (at least 1, at most `count`). Blocks until all have finished.
  static func map<Result: Sendable>(
    count: Int, threads: Int, _ body: @escaping @Sendable (Int) -> Result
  ) -> [Result] {
    guard count > 0 else { return [] }
    let shared = Shared<Result>(count: count)
    let workers = min(max(threads, 1), count)
    let finished = DispatchSemaphore(value: 0)
    for worker in 0..<workers {
      let thread = Thread {
        while true {
          let index = shared.next.add(1, ordering: .relaxed).oldValue
          guard index < count else { break }
          let result = body(index)
          shared.results.withLock { $0[index] = result }
        }
        finished.signal()
      }
      thread.name = "cohortplan.solve.\(worker + 1)"
      // GLPK's branch and bound recurses little, but the model build and assembly need room.
      thread.stackSize = 16 << 20
      thread.start()
    }
    for _ in 0..<workers { finished.wait() }
    let results = shared.results.withLock { $0.compactMap { $0 } }
    precondition(results.count == count, "every job runs exactly once")
    return results
  }

  private final class Shared<Result: Sendable>: Sendable {
    let next = Atomic<Int>(0)
    let results: Mutex<[Result?]>

    init(count: Int) { results = Mutex(Array(repeating: nil, count: count)) }
  }
}

import Dispatch
import Foundation

/// Runs independent solves side by side, each wholly on one thread.
///
/// A GLPK problem belongs to the thread that made it (GLPK-NOTES.md §4), and
/// `LinearSolver.solve` is synchronous, so each element's whole `body` runs on one worker
/// thread from start to end. Results come back in input order whatever the thread count, so
/// anything computed from them is byte-identical serial or parallel.
public enum ParallelSolves {
  /// The cores this process may use, at least 1.
  public static var availableThreads: Int { max(1, ProcessInfo.processInfo.activeProcessorCount) }

  /// `body` applied to every element of `items`, on at most `threads` threads at a time
  /// (1 = one after another on the calling thread); the results in the order of `items`.
  public static func map<Element: Sendable, Result: Sendable>(
    _ items: [Element], threads: Int, _ body: @escaping @Sendable (Element) -> Result
  ) -> [Result] {
    let workers = min(max(1, threads), items.count)
    guard workers > 1 else { return items.map(body) }
    let queue = WorkQueue<Result>(count: items.count)
    DispatchQueue.concurrentPerform(iterations: workers) { _ in
      while let index = queue.next() {
        queue.store(body(items[index]), at: index)
      }
    }
    return queue.results()
  }
}

/// The next unclaimed index and the results so far, shared by the workers under a lock.
private final class WorkQueue<Result: Sendable>: @unchecked Sendable {
  private let lock = NSLock()
  private var nextIndex = 0
  private let count: Int
  private var slots: [Result?]

  init(count: Int) {
    self.count = count
    self.slots = Array(repeating: nil, count: count)
  }

  func next() -> Int? {
    lock.withLock {
      guard nextIndex < count else { return nil }
      defer { nextIndex += 1 }
      return nextIndex
    }
  }

  func store(_ result: Result, at index: Int) {
    lock.withLock { slots[index] = result }
  }

  func results() -> [Result] {
    lock.withLock { slots.compactMap { $0 } }
  }
}

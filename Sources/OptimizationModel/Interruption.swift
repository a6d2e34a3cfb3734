import Synchronization

/// A flag raised from any thread (a signal handler's task, a UI) to stop a running solve
/// cooperatively; the solver keeps its best solution and reports ``SolveStatus/interrupted``.
public final class Interruption: Sendable {
  private let raised = Atomic<Bool>(false)

  public init() {}

  public func raise() { raised.store(true, ordering: .sequentiallyConsistent) }

  public var isRaised: Bool { raised.load(ordering: .sequentiallyConsistent) }
}

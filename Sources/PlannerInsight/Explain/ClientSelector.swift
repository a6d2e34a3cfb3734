import PlannerDomain

/// Which client to explain: a known client by its id, or an inflow group by its 0-based
/// position in the scenario's `inflow` list, written `inflow[3]` (as in plan.json's `inflow`).
public enum ClientSelector: Hashable, Sendable, CustomStringConvertible {
  case known(id: String)
  case inflow(index: Int)

  /// `inflow[N]` selects inflow group N; anything else is a known client's id.
  public init(parsing text: String) {
    if text.hasPrefix("inflow["), text.hasSuffix("]"),
      let index = Int(text.dropFirst("inflow[".count).dropLast()), index >= 0
    {
      self = .inflow(index: index)
    } else {
      self = .known(id: text)
    }
  }

  public var description: String {
    switch self {
    case .known(let id): return id
    case .inflow(let index): return "inflow[\(index)]"
    }
  }

  var reference: ClientReference {
    switch self {
    case .known(let id): return .known(id: id)
    case .inflow(let index): return .inflow(index: index)
    }
  }

  /// Why the selector names no client of the scenario, or nil when it does.
  public func problem(in scenario: Scenario) -> String? {
    switch self {
    case .known(let id):
      guard !scenario.clients.contains(where: { $0.id == id }) else { return nil }
      let close = scenario.clients.map(\.id).filter { $0.lowercased() == id.lowercased() }
      return "the scenario has no client '\(id)'" + (close.first.map { " (did you mean '\($0)'?)" } ?? "")
        + "; inflow groups are written inflow[0] … inflow[\(max(scenario.inflow.count - 1, 0))]"
    case .inflow(let index):
      guard index >= scenario.inflow.count else { return nil }
      return scenario.inflow.isEmpty
        ? "the scenario has no inflow"
        : "the scenario has inflow[0] … inflow[\(scenario.inflow.count - 1)], not inflow[\(index)]"
    }
  }
}

import PlannerDomain

/// Waiting months broken down by route, profile, language and provider, so that one group
/// waiting for the others becomes visible (DOMAIN.md §5: "creaming" shows in waits per profile).
public struct SegmentWaits: Hashable, Sendable {
  public enum Dimension: String, Hashable, Sendable, CaseIterable {
    case route
    case profile
    case language
    /// Waits for a step, attributed to the provider whose cohort the client waited for.
    case provider
  }

  public var dimension: Dimension
  /// The segment's value, e.g. `b1`, `A2`, `ar`; `(none)` for a client without profile or
  /// language, `(not started)` for step waits that ended in no cohort.
  public var value: String
  public var clients: Int
  public var waitingMonths: Int
  public var maxWait: Int
  public var meanWait: Double { clients == 0 ? 0 : Double(waitingMonths) / Double(clients) }

  /// All segments of a plan, dimension by dimension, values in alphabetical order.
  public static func of(_ plan: Plan, scenario: Scenario) -> [SegmentWaits] {
    var totals: [Dimension: [String: (clients: Int, months: Int, max: Int)]] = [:]
    func add(_ dimension: Dimension, _ value: String, clients: Int, months: Int, wait: Int) {
      var entry = totals[dimension, default: [:]][value, default: (0, 0, 0)]
      entry.clients += clients
      entry.months += months
      entry.max = max(entry.max, wait)
      totals[dimension, default: [:]][value] = entry
    }
    let providerOf = Dictionary(scenario.programmes.map { ($0.id, $0.provider) }) { first, _ in first }
    for entry in plan.clients {
      add(.route, entry.route, clients: entry.count, months: entry.count * entry.wait, wait: entry.wait)
      add(.profile, entry.profile ?? "(none)", clients: entry.count, months: entry.count * entry.wait, wait: entry.wait)
      let languages = entry.languages.isEmpty ? ["(none)"] : Array(Set(entry.languages)).sorted()
      for language in languages {
        add(.language, language, clients: entry.count, months: entry.count * entry.wait, wait: entry.wait)
      }
      for step in entry.steps {
        switch step.outcome {
        case .started(let programme, _, let ready, _, let wait) where ready != nil:
          let provider = providerOf[programme] ?? programme
          add(.provider, provider, clients: entry.count, months: entry.count * wait, wait: wait)
        case .unstarted(.some, let wait):
          add(.provider, "(not started)", clients: entry.count, months: entry.count * wait, wait: wait)
        default: break
        }
      }
    }
    return Dimension.allCases.flatMap { dimension in
      (totals[dimension] ?? [:]).keys.sorted().map { value in
        let entry = totals[dimension]?[value] ?? (0, 0, 0)
        return SegmentWaits(
          dimension: dimension, value: value, clients: entry.clients, waitingMonths: entry.months, maxWait: entry.max)
      }
    }
  }
}

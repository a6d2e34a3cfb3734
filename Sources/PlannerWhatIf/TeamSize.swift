import PlannerDomain

/// Changing the size of a scenario's team by whole specialists, the way `cohortplan staff`
/// and `--add-specialist` do.
///
/// - An added specialist is 1.0 FTE (or the FTE given) with the languages of the last
///   specialist listed, available over the whole horizon, without a personal cap. Its id
///   continues the last id's number (`SP5` → `SP6`, `SP7`, …), skipping ids in use, or is
///   `extra-1`, `extra-2`, … when the last id ends in no number.
/// - A removed specialist is the last listed one that no client is pinned to: pinned clients
///   keep their specialists, so a team cannot shrink below the specialists they name.
/// - ``sharingCaseload(_:)`` lifts that for the clients already on a caseload at the start.
public enum TeamSize {
  /// The team's FTE: the sum over specialists.
  public static func fte(of scenario: Scenario) -> ExactDecimal {
    ExactDecimal(scaled: scenario.specialists.reduce(0) { $0 + $1.fte.scaled })
  }

  /// `scenario` with `count` specialists added (see ``TeamSize``).
  public static func adding(_ count: Int, fte: ExactDecimal = ExactDecimal(1), to scenario: Scenario) -> Scenario {
    var changed = scenario
    let languages = scenario.specialists.last?.languages ?? []
    for _ in 0..<max(0, count) {
      changed.specialists.append(Specialist(id: nextID(in: changed), fte: fte, languages: languages))
    }
    return changed
  }

  /// `scenario` with its last `count` unpinned specialists removed, or nil when fewer than
  /// `count` specialists have no pinned client.
  public static func removing(_ count: Int, from scenario: Scenario) -> Scenario? {
    let removable = removableSpecialists(in: scenario)
    guard count <= removable.count else { return nil }
    let removed = Set(removable.suffix(count))
    var changed = scenario
    changed.specialists.removeAll { removed.contains($0.id) }
    return changed
  }

  /// `scenario` with the specialist pins of clients whose pinned intake lies before the start
  /// removed: the plan then chooses their specialist (MODEL.md "Fine points"), so a changed
  /// team shares the caseload it inherits, as a team-level caseload sum assumes. Specialist
  /// pins of later intakes stay.
  public static func sharingCaseload(_ scenario: Scenario) -> Scenario {
    var changed = scenario
    for index in changed.clients.indices {
      if let intake = changed.clients[index].pins.intake, intake < scenario.start {
        changed.clients[index].pins.specialist = nil
      }
    }
    return changed
  }

  /// Ids of the specialists no client is pinned to, in list order.
  public static func removableSpecialists(in scenario: Scenario) -> [String] {
    let pinned = Set(scenario.clients.compactMap(\.pins.specialist))
    return scenario.specialists.map(\.id).filter { !pinned.contains($0) }
  }

  /// The id the next added specialist gets.
  static func nextID(in scenario: Scenario) -> String {
    let used = Set(scenario.specialists.map(\.id))
    let last = scenario.specialists.last?.id ?? ""
    let digits = String(last.reversed().prefix { $0.isASCII && $0.isNumber }.reversed())
    let prefix = digits.isEmpty ? "extra-" : String(last.dropLast(digits.count))
    var number = digits.isEmpty ? 1 : (Int(digits) ?? 0) + 1
    var candidate = prefix + String(number)
    while used.contains(candidate) {
      number += 1
      candidate = prefix + String(number)
    }
    return candidate
  }
}

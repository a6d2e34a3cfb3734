import PlannerDomain

/// One change to a scenario that might save waiting months, tried by solving again.
public enum ScenarioChange: Hashable, Sendable {
  /// The programme may also start in calendar month 1–12 (every year).
  case addStartMonth(programme: String, calendarMonth: Int)
  /// One more seat in every cohort of the programme.
  case addSeat(programme: String)
  /// One more parallel cohort per start month of the programme.
  case addGroup(programme: String)
  /// The programme's `min_size` becomes `minimum`.
  case lowerMinimum(programme: String, minimum: Int)
  /// One more specialist: a copy of `copyOf` (FTE, cap, availability, languages) named `id`,
  /// speaking `languages` instead when given.
  case addSpecialist(id: String, copyOf: String, languages: [String]?)

  /// A stable name for files, e.g. `add-start-month`.
  public var name: String {
    switch self {
    case .addStartMonth: return "add-start-month"
    case .addSeat: return "add-seat"
    case .addGroup: return "add-group"
    case .lowerMinimum: return "lower-minimum"
    case .addSpecialist: return "add-specialist"
    }
  }

  public func sentence(in scenario: Scenario) -> String {
    switch self {
    case .addStartMonth(let programme, let month):
      return "let \(programme) also start in \(BindingRule.monthNames[month - 1])"
    case .addSeat(let programme):
      let seats = scenario.programme(id: programme)?.seats ?? 0
      return "one more seat in every cohort of \(programme) (\(seats) → \(seats + 1))"
    case .addGroup(let programme):
      let groups = scenario.programme(id: programme)?.groups ?? 0
      return "one more parallel cohort per start month of \(programme) (\(groups) → \(groups + 1))"
    case .lowerMinimum(let programme, let minimum):
      let current = scenario.programme(id: programme)?.minSize ?? 0
      return "lower the minimum size of \(programme) by \(current - minimum) (\(current) → \(minimum))"
    case .addSpecialist(let id, let copyOf, let languages):
      return "one more specialist, \(id): a copy of \(copyOf)"
        + (languages.map { " speaking " + $0.joined(separator: "/") } ?? "")
    }
  }

  /// The scenario with this change made.
  public func applied(to scenario: Scenario) -> Scenario {
    var changed = scenario
    switch self {
    case .addStartMonth(let programme, let month):
      changed.programmes = scenario.programmes.map { candidate in
        guard candidate.id == programme, case .months(let months) = candidate.starts else { return candidate }
        var updated = candidate
        updated.starts = .months(months.union([month]))
        return updated
      }
    case .addSeat(let programme): changed.programmes = update(scenario, programme) { $0.seats += 1 }
    case .addGroup(let programme): changed.programmes = update(scenario, programme) { $0.groups += 1 }
    case .lowerMinimum(let programme, let minimum):
      changed.programmes = update(scenario, programme) { $0.minSize = max(1, minimum) }
    case .addSpecialist(let id, let copyOf, let languages):
      guard var copy = scenario.specialist(id: copyOf) else { return scenario }
      copy.id = id
      if let languages { copy.languages = languages }
      changed.specialists.append(copy)
    }
    return changed
  }

  private func update(_ scenario: Scenario, _ id: String, _ change: (inout Programme) -> Void) -> [Programme] {
    scenario.programmes.map { programme in
      guard programme.id == id else { return programme }
      var updated = programme
      change(&updated)
      return updated
    }
  }

  /// An id for a new specialist modelled on `model` that the scenario does not use yet.
  static func newSpecialistID(like model: String, in scenario: Scenario) -> String {
    var candidate = model + "-extra"
    var number = 2
    while scenario.specialist(id: candidate) != nil {
      candidate = model + "-extra\(number)"
      number += 1
    }
    return candidate
  }
}

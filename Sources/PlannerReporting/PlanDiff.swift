import PlannerDomain

/// What changed between two plans of the same municipality, in domain words: per client
/// (intake, specialist, starts, waiting months), per cohort (opened, cancelled, resized) and
/// per specialist (peak caseload). Months are compared as calendar months, so an old plan and
/// a re-plan from a later month line up.
public struct PlanDiff: Sendable {
  public struct Change: Hashable, Sendable {
    public enum Subject: String, Hashable, Sendable {
      case client
      case cohort
      case specialist
      case total
    }

    public var subject: Subject
    /// A client id, `inflow[i]`, `programme start group`, a specialist id, or `plan`.
    public var name: String
    public var sentence: String
    /// Change in waiting months this change stands for (new − old), where it has one.
    public var waitingMonths: Int?
  }

  public var changes: [Change]
  public var oldWaitingMonths: Int
  public var newWaitingMonths: Int

  public init(old: Plan, new: Plan) {
    oldWaitingMonths = old.waitingMonths
    newWaitingMonths = new.waitingMonths
    var changes: [Change] = []
    changes += Self.clientChanges(old: old, new: new)
    changes += Self.cohortChanges(old: old, new: new)
    changes += Self.specialistChanges(old: old, new: new)
    if old.start != new.start {
      changes.append(
        Change(
          subject: .total, name: "plan",
          sentence:
            "The plans start in \(old.start) and \(new.start); each counts waiting months from its own start.",
          waitingMonths: nil))
    }
    let delta = new.waitingMonths - old.waitingMonths
    changes.append(
      Change(
        subject: .total, name: "plan",
        sentence: delta == 0
          ? "Waiting months unchanged at \(new.waitingMonths)."
          : "Waiting months \(delta < 0 ? "fall" : "rise") from \(old.waitingMonths) to \(new.waitingMonths) (\(signed(delta))).",
        waitingMonths: delta))
    self.changes = changes
  }

  public var text: String {
    changes.map { "- " + $0.sentence }.joined(separator: "\n") + "\n"
  }

  private static func clientChanges(old: Plan, new: Plan) -> [Change] {
    var changes: [Change] = []
    let oldKnown = Dictionary(
      old.clients.compactMap { entry -> (String, PlannedClient)? in
        if case .known(let id) = entry.reference { return (id, entry) }
        return nil
      }
    ) { first, _ in first }
    for entry in new.clients {
      guard case .known(let id) = entry.reference else { continue }
      guard let before = oldKnown[id] else {
        changes.append(
          Change(
            subject: .client, name: id, sentence: "\(id) is new in this plan (waits \(entry.wait) months).",
            waitingMonths: nil))
        continue
      }
      var parts: [String] = []
      if before.intake != entry.intake {
        parts.append("intake \(month(before.intake, none: "none")) → \(month(entry.intake, none: "none"))")
      }
      if before.specialist != entry.specialist {
        parts.append("specialist \(before.specialist ?? "none") → \(entry.specialist ?? "none")")
      }
      for step in entry.steps {
        let previous = before.steps.first { $0.step == step.step }
        if previous?.outcome.start != step.outcome.start || previous?.outcome.programme != step.outcome.programme {
          parts.append(
            "\(step.step) \(describe(previous?.outcome)) → \(describe(step.outcome))")
        }
      }
      guard !parts.isEmpty || before.wait != entry.wait else { continue }
      if before.wait != entry.wait { parts.append("waits \(before.wait) → \(entry.wait) months") }
      changes.append(
        Change(
          subject: .client, name: id, sentence: "\(id): " + parts.joined(separator: ", ") + ".",
          waitingMonths: entry.wait - before.wait))
    }
    let newIDs = Set(
      new.clients.compactMap { entry -> String? in
        if case .known(let id) = entry.reference { return id }
        return nil
      })
    for id in oldKnown.keys.sorted() where !newIDs.contains(id) {
      changes.append(
        Change(subject: .client, name: id, sentence: "\(id) is no longer in the plan.", waitingMonths: nil))
    }
    // Inflow: compared per group, by total waiting months.
    let oldGroups = inflowWaits(old)
    let newGroups = inflowWaits(new)
    for group in Set(oldGroups.keys).union(newGroups.keys).sorted() {
      let before = oldGroups[group] ?? (0, 0)
      let after = newGroups[group] ?? (0, 0)
      guard before != after else { continue }
      changes.append(
        Change(
          subject: .client, name: "inflow[\(group)]",
          sentence:
            "Expected clients of inflow[\(group)]: \(before.clients) → \(after.clients) planned, waiting \(before.months) → \(after.months) months.",
          waitingMonths: after.months - before.months))
    }
    return changes
  }

  private static func cohortChanges(old: Plan, new: Plan) -> [Change] {
    struct Key: Hashable, Comparable {
      let programme: String
      let start: Month
      let group: Int
      static func < (lhs: Key, rhs: Key) -> Bool {
        (lhs.programme, lhs.start, lhs.group) < (rhs.programme, rhs.start, rhs.group)
      }
    }
    func sizes(_ plan: Plan) -> [Key: Int] {
      Dictionary(plan.cohorts.map { (Key(programme: $0.programme, start: $0.start, group: $0.group), $0.size) }) {
        $0 + $1
      }
    }
    let before = sizes(old)
    let after = sizes(new)
    var changes: [Change] = []
    for key in Set(before.keys).union(after.keys).sorted() {
      let name = "\(key.programme) \(key.start) group \(key.group)"
      switch (before[key], after[key]) {
      case (nil, let size?):
        changes.append(
          Change(
            subject: .cohort, name: name, sentence: "Cohort \(name) opens with \(size) clients.", waitingMonths: nil))
      case (let size?, nil):
        changes.append(
          Change(
            subject: .cohort, name: name, sentence: "Cohort \(name) (\(size) clients) no longer runs.",
            waitingMonths: nil))
      case (let previous?, let size?) where previous != size:
        changes.append(
          Change(
            subject: .cohort, name: name, sentence: "Cohort \(name): \(previous) → \(size) clients.", waitingMonths: nil
          ))
      default: break
      }
    }
    return changes
  }

  private static func specialistChanges(old: Plan, new: Plan) -> [Change] {
    var changes: [Change] = []
    let before = Dictionary(old.specialists.map { ($0.id, $0.caseload.max() ?? 0) }) { first, _ in first }
    for load in new.specialists {
      let peak = load.caseload.max() ?? 0
      guard let previous = before[load.id], previous != peak else { continue }
      changes.append(
        Change(
          subject: .specialist, name: load.id,
          sentence: "\(load.id): peak caseload \(previous) → \(peak) (cap \(load.cap)).", waitingMonths: nil))
    }
    return changes
  }

  private static func inflowWaits(_ plan: Plan) -> [Int: (clients: Int, months: Int)] {
    var totals: [Int: (clients: Int, months: Int)] = [:]
    for entry in plan.clients {
      guard case .inflow(let index) = entry.reference else { continue }
      totals[index, default: (0, 0)].clients += entry.count
      totals[index, default: (0, 0)].months += entry.count * entry.wait
    }
    return totals
  }

  private static func month(_ month: Month?, none: String) -> String { month?.description ?? none }

  private static func describe(_ outcome: PlannedStep.Outcome?) -> String {
    switch outcome {
    case .started(let programme, let group, _, let start, _)?: return "\(programme) \(start) group \(group)"
    case .unstarted?: return "not started"
    case .beyondHorizon?: return "beyond the horizon"
    case nil: return "not planned"
    }
  }
}

private func signed(_ value: Int) -> String { value > 0 ? "+\(value)" : String(value) }

extension PlannedStep.Outcome {
  var start: Month? {
    if case .started(_, _, _, let start, _) = self { return start }
    return nil
  }

  var programme: String? {
    if case .started(let programme, _, _, _, _) = self { return programme }
    return nil
  }
}

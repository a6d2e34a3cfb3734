import PlannerDomain

extension PlanAudit {
  /// Coverage (every known client exactly once, inflow counts summing to each group), then
  /// every entry on its own: intake, specialist, steps, exit, pins and waits.
  mutating func checkClients(_ entries: [PlanClientEntry]) -> [EntryOutcome] {
    let scenario = rules.scenario
    var outcomes: [EntryOutcome] = []
    var firstPath: [String: String] = [:]
    var inflowHeads = Array(repeating: 0, count: scenario.inflow.count)
    var inflowEntries = Array(repeating: 0, count: scenario.inflow.count)

    for (index, entry) in entries.enumerated() {
      let base = "clients[\(index)]"
      switch (entry.id, entry.inflow) {
      case (.value(let id), .missing), (.value(let id), .null):
        let path = "\(base) (\(id))"
        guard let client = rules.clients[id] else {
          flag(.coverage, path, "\(id) is not a client of the scenario")
          continue
        }
        if let first = firstPath[id] {
          flag(.coverage, path, "client \(id) appears again; its entry is \(first)")
          continue
        }
        firstPath[id] = path
        if case .value(let count) = entry.count, count != 1 {
          flag(.coverage, path, "a known client is one head, but the entry has count \(count)")
        }
        guard let route = rules.routes[client.route] else { continue }
        let subject = Subject(
          label: id, available: client.available, route: route, profile: client.profile,
          languages: client.languages, done: client.done, pins: client.pins)
        outcomes.append(checkEntry(entry, of: subject, count: 1, at: path))
      case (.missing, .value(let group)), (.null, .value(let group)):
        let path = "\(base) (inflow \(group))"
        guard scenario.inflow.indices.contains(group) else {
          flag(.coverage, path, "inflow \(group) is not an inflow group of the scenario")
          continue
        }
        guard case .value(let count) = entry.count else {
          flagMissing(path, "count")
          continue
        }
        guard count >= 1 else {
          flag(.coverage, path, "count \(count) is not a number of clients")
          continue
        }
        let inflow = scenario.inflow[group]
        inflowHeads[group] = Saturating.add(inflowHeads[group], count)
        inflowEntries[group] += 1
        guard let route = rules.routes[inflow.route] else { continue }
        let subject = Subject(
          label: "inflow \(group)", available: inflow.month, route: route, profile: inflow.profile,
          languages: inflow.languages, done: [], pins: ClientPins())
        outcomes.append(checkEntry(entry, of: subject, count: count, at: path))
      case (.value, .value):
        flag(.format, base, "has both id and inflow; an entry is a known client or part of an inflow group")
      default:
        flag(.format, base, "has neither id nor inflow")
      }
    }

    for client in scenario.clients where firstPath[client.id] == nil {
      flag(.coverage, "clients", "client \(client.id) has no entry; every known client appears exactly once")
    }
    for (group, inflow) in scenario.inflow.enumerated() where inflowHeads[group] != inflow.count {
      flag(
        .coverage, "clients",
        "inflow \(group) (\(inflow.count) clients available \(inflow.month), route \(inflow.route)) has "
          + "\(inflowEntries[group]) entries for \(inflowHeads[group]) clients")
    }
    return outcomes
  }

  /// MODEL.md rules 1, 2, 4 and 6 for one entry.
  private mutating func checkEntry(
    _ entry: PlanClientEntry, of subject: Subject, count: Int, at path: String
  ) -> EntryOutcome {
    var evaluable = true
    let available = max(rules.offset(subject.available), 0)

    // Rule 1: intake window; a pinned intake before month 0 is history.
    var intake: Int?
    switch entry.intake {
    case .missing:
      flagMissing(path, "intake", nullAllowed: true)
      evaluable = false
    case .null:
      break
    case .value:
      intake = offset(of: entry.intake, at: path, key: "intake")
      if intake == nil { evaluable = false }
    }
    let pinnedIntake = subject.pins.intake.map(rules.offset)
    var intakeWait = max(0, horizon - available)
    if let intake {
      if intake < 0, let pinnedIntake, pinnedIntake < 0 {
        intakeWait = 0
      } else {
        intakeWait = max(0, intake - available)
        if intake < 0 {
          flag(
            .intake, path,
            "intake \(text(intake)) lies before the scenario start; only a pinned intake may (history)")
        } else if intake < available {
          flag(.intake, path, "intake \(text(intake)) lies before the client is available (\(text(available)))")
        }
        if intake >= horizon {
          flag(.intake, path, "intake \(text(intake)) lies after the last month of the horizon (\(text(horizon - 1)))")
        }
      }
    }

    let specialist = checkSpecialist(entry, of: subject, intake: intake, evaluable: evaluable, at: path)
    // An intake that cannot be read gives no ready months to check the steps against.
    let walk = evaluable ? walkSteps(of: subject, entry: entry, path: path, intake: intake) : StepWalk()
    if walk.ending == .unknown { evaluable = false }
    let caseloadEnd = checkExit(entry, of: subject, ending: evaluable ? walk.ending : .unknown, at: path)
    if evaluable { checkPins(of: subject, intake: intake, records: walk.records, at: path) }

    let wait = Saturating.add(intakeWait, walk.wait)
    if evaluable {
      switch entry.wait {
      case .value(let stated) where stated != wait:
        flag(
          .wait, path,
          "states \(plural(stated, "waiting month")) per client, but intake and steps wait \(wait) "
            + "(\(intakeWait) before the intake, \(walk.wait) in the steps)")
      case .value: break
      default: flagMissing(path, "wait")
      }
    }

    var caseload = 0..<0
    if let intake, let caseloadEnd {
      let first = max(intake, 0)
      caseload = first..<max(first, min(caseloadEnd, horizon))
    }
    return EntryOutcome(
      path: path, count: count, specialist: specialist, caseload: caseload, wait: evaluable ? wait : nil,
      memberships: walk.memberships)
  }

  /// Rule 1 and 6: one known specialist with an intake, none without; language under `required`.
  private mutating func checkSpecialist(
    _ entry: PlanClientEntry, of subject: Subject, intake: Int?, evaluable: Bool, at path: String
  ) -> Specialist? {
    var found: Specialist?
    switch entry.specialist {
    case .missing:
      flagMissing(path, "specialist", nullAllowed: true)
    case .null:
      if intake != nil {
        flag(.specialist, path, "has an intake in \(text(intake ?? 0)) but no specialist")
      }
    case .value(let id):
      found = rules.specialists[id]
      if found == nil {
        flag(.specialist, path, "specialist \(id) is not a specialist of the scenario")
      } else if intake == nil, evaluable {
        flag(.specialist, path, "has no intake, so no specialist, but names \(id)")
        found = nil
      }
    }
    if let pinned = subject.pins.specialist, entry.specialist.value != pinned {
      flag(.pins, path, "specialist is pinned to \(pinned), but the plan gives \(entry.specialist.value ?? "none")")
    }
    if let found, rules.scenario.languageMatch == .required,
      !ScenarioRules.languagesShared(subject.languages, found.languages)
    {
      flag(
        .language, path,
        "language_match is required, but the client speaks \(subject.languages.joined(separator: ", ")) and "
          + "specialist \(found.id) speaks \(found.languages.joined(separator: ", "))")
    }
    return found
  }

  /// Rule 4: the exit the steps imply, or the pin. Returns the exclusive end of the months on
  /// the caseload (H for a client who stays to the end of the horizon).
  private mutating func checkExit(
    _ entry: PlanClientEntry, of subject: Subject, ending: StepEnding, at path: String
  ) -> Int? {
    let stated: Int?
    switch entry.exit {
    case .missing:
      flagMissing(path, "exit", nullAllowed: true)
      return nil
    case .null:
      stated = nil
    case .value:
      guard let parsed = offset(of: entry.exit, at: path, key: "exit") else { return nil }
      stated = parsed
    }
    let statedText = stated.map(text) ?? "null"
    if let pinned = subject.pins.exit {
      let pin = rules.offset(pinned)
      if stated != pin { flag(.pins, path, "exit is pinned to \(text(pin)), but the plan gives \(statedText)") }
      return pin
    }
    switch ending {
    case .noIntake:
      if stated != nil { flag(.exit, path, "has no intake, so no exit, but the plan gives \(statedText)") }
      return nil
    case .finished(let exit):
      if stated != exit {
        flag(.exit, path, "exit is \(statedText), but the last step and aftercare end in \(text(exit))")
      }
      return exit
    case .unstarted:
      if stated != nil {
        flag(
          .exit, path,
          "has an unstarted step and stays on the caseload to the end of the horizon, so exit is null, "
            + "not \(statedText)")
      }
      return horizon
    case .beyondHorizon:
      if let stated, stated < horizon {
        flag(
          .exit, path,
          "has a step beyond the horizon, so exit is null or \(text(horizon)) or later, not \(statedText)")
      }
      return horizon
    case .unknown:
      return stated ?? horizon
    }
  }

  /// Rule 6 and "Fine points": a pinned client has an intake; intake and steps hold their pins;
  /// a pinned step and every step before it start.
  private mutating func checkPins(of subject: Subject, intake: Int?, records: [StepRecord]?, at path: String) {
    let pins = subject.pins
    guard !pins.isEmpty else { return }
    guard let intake else {
      flag(.pins, path, "the client has pins, so it gets an intake, but the plan gives none")
      return
    }
    if let pinned = pins.intake, rules.offset(pinned) != intake {
      flag(.pins, path, "intake is pinned to \(pinned), but the plan gives \(text(intake))")
    }
    guard let records else { return }
    var mustStart = Set<Int>()
    for (name, pin) in pins.steps.sorted(by: { $0.key < $1.key }) {
      guard let index = records.firstIndex(where: { $0.name == name }) else {
        warn(
          .pins, path, "the pin on step \(name) is not checked: the step is done or not on route \(subject.route.name)")
        continue
      }
      let record = records[index]
      let pinStart = rules.offset(pin.start)
      let holds =
        (record.kind == .started && record.programme == pin.programme && record.start == pinStart)
        || (record.kind == .beyondHorizon && pinStart >= horizon)
      if !holds {
        let planned =
          record.kind == .started
          ? "\(record.programme ?? "?") starting \(record.start.map(text) ?? "?")"
          : (record.kind == .unstarted ? "leaves it unstarted" : "places it beyond the horizon")
        flag(
          .pins, "\(path).steps[\(index)] (\(name))",
          "step \(name) is pinned to \(pin.programme) starting \(pin.start), but the plan has \(planned)")
      }
      mustStart.formUnion(0..<index)
    }
    for index in mustStart.sorted() where records[index].kind != .started {
      flag(
        .pins, "\(path).steps[\(index)] (\(records[index].name))",
        "comes before a pinned step, so it starts, but the plan leaves it unstarted or beyond the horizon")
    }
  }
}

import PlannerDomain

/// Where the walk through a client's steps stands.
private enum WalkMode {
  /// Steps are still being planned from a ready month.
  case planning
  /// The client has no intake: every step is unstarted.
  case noIntake
  /// A step stayed unstarted: the journey ends there.
  case unstarted
  /// A step is ready at or after H: it and the steps after it lie beyond the horizon.
  case beyondHorizon
}

extension PlanAudit {
  /// MODEL.md rule 2 for one client entry: the step list, ready months, starts, calendars,
  /// eligibility, step waits and the unstarted / beyond-horizon markings.
  ///
  /// - Parameter intake: the intake offset, nil for a client without intake.
  mutating func walkSteps(of subject: Subject, entry: PlanClientEntry, path: String, intake: Int?) -> StepWalk {
    var walk = StepWalk()
    let expected = subject.route.steps.filter { !subject.done.contains($0) }
    guard case .value(let steps) = entry.steps else {
      flagMissing(path, "steps")
      return walk
    }
    var names: [String] = []
    for (index, step) in steps.enumerated() {
      guard case .value(let name) = step.step else {
        flagMissing("\(path).steps[\(index)]", "step")
        return walk
      }
      names.append(name)
    }
    guard names == expected else {
      let doneText = subject.done.isEmpty ? "" : " (done: \(subject.done.joined(separator: ", ")))"
      flag(
        .steps, path + ".steps",
        "lists steps [\(names.joined(separator: ", "))], but route \(subject.route.name) leaves "
          + "[\(expected.joined(separator: ", "))] to plan\(doneText)")
      return walk
    }

    var records: [StepRecord] = []
    var ready: Int? = intake.map { max(0, $0 + subject.route.intakeMonths) }
    var lastEnd: Int?
    var mode: WalkMode = intake == nil ? .noIntake : .planning
    for (index, step) in steps.enumerated() {
      let stepPath = "\(path).steps[\(index)] (\(names[index]))"
      guard let kind = kind(of: step, at: stepPath) else { return walk }
      let programme = step.programme.value
      let start = offset(of: step.start, at: stepPath, key: "start")
      records.append(StepRecord(name: names[index], kind: kind, programme: programme, start: start))

      switch mode {
      case .noIntake:
        if kind != .unstarted || !step.ready.isAbsent {
          flag(.steps, stepPath, "the client has no intake, so the step is marked unstarted without a ready month")
        }
        checkNoWait(step, at: stepPath)
        continue
      case .unstarted:
        if kind != .unstarted || !step.ready.isAbsent {
          flag(.steps, stepPath, "follows an unstarted step, so it is marked unstarted without a ready month")
        }
        checkNoWait(step, at: stepPath)
        continue
      case .beyondHorizon:
        if kind != .beyondHorizon {
          flag(.steps, stepPath, "follows a step beyond the horizon, so it lies beyond the horizon too")
        }
        checkNoWait(step, at: stepPath)
        continue
      case .planning:
        break
      }
      guard let readyMonth = ready else { return walk }

      switch kind {
      case .unstarted:
        if readyMonth >= horizon {
          flag(
            .steps, stepPath,
            "is ready in \(text(readyMonth)), at or after the end of the horizon, so it is marked beyondHorizon")
        } else {
          checkReady(step, readyMonth, at: stepPath)
          walk.wait += horizon - readyMonth
          checkWait(
            step, horizon - readyMonth, at: stepPath, reason: "unstarted from \(text(readyMonth)) to the horizon")
        }
        mode = .unstarted
      case .beyondHorizon:
        if readyMonth < horizon {
          flag(
            .steps, stepPath,
            "is ready in \(text(readyMonth)), inside the horizon; only a step ready in \(text(horizon)) or later "
              + "lies beyond it")
          walk.wait += horizon - readyMonth
        } else {
          if !step.ready.isAbsent { checkReady(step, readyMonth, at: stepPath) }
          checkNoWait(step, at: stepPath)
        }
        mode = .beyondHorizon
      case .started:
        guard let started = checkStart(of: subject, step, ready: readyMonth, at: stepPath, start: start) else {
          return walk
        }
        walk.wait += started.wait
        walk.memberships.append(started.cohort)
        lastEnd = started.end
        ready = max(0, started.end)
      }
    }
    walk.records = records
    switch mode {
    case .noIntake: walk.ending = .noIntake
    case .unstarted: walk.ending = .unstarted
    case .beyondHorizon: walk.ending = .beyondHorizon
    case .planning:
      guard let intake else { return walk }
      walk.ending = .finished(exit: (lastEnd ?? intake + subject.route.intakeMonths) + subject.route.aftercare)
    }
    return walk
  }

  /// A started step: ready, start window, calendar, eligibility and wait. Returns nil when
  /// the entry cannot be read or names no programme of the scenario.
  private mutating func checkStart(
    of subject: Subject, _ step: PlanStepEntry, ready: Int, at path: String, start: Int?
  ) -> (wait: Int, cohort: CohortKey, end: Int)? {
    guard case .value(let programmeID) = step.programme else {
      flagMissing(path, "programme")
      return nil
    }
    guard let start else {
      if step.start.value == nil { flagMissing(path, "start") }
      return nil
    }
    guard case .value(let group) = step.group else {
      flagMissing(path, "group")
      return nil
    }
    guard let programme = rules.programmes[programmeID] else {
      flag(.eligibility, path, "programme \(programmeID) is not a programme of the scenario")
      return nil
    }
    let name = step.step.value ?? programme.step
    if let reason = ScenarioRules.ineligibility(
      of: programme, step: name, route: subject.route.name, profile: subject.profile)
    {
      flag(.eligibility, path, reason)
    }

    var wait = 0
    let pinnedStart = subject.pins.steps[name].map { rules.offset($0.start) }
    if start < 0, let pinnedStart, pinnedStart < 0 {
      // History: no ready or calendar check, and no waiting.
      checkNoWait(step, at: path)
    } else if ready >= horizon {
      flag(
        .steps, path,
        "is ready in \(text(ready)), at or after the end of the horizon, so it is marked beyondHorizon, not started")
    } else {
      checkReady(step, ready, at: path)
      if start < 0 {
        flag(
          .start, path,
          "starts in \(text(start)), before the scenario start; a start before month 0 exists only as a pin")
      } else if start < ready {
        flag(.start, path, "starts in \(text(start)), before the client is ready for it in \(text(ready))")
      }
      if start >= horizon {
        flag(.start, path, "starts in \(text(start)), after the last month of the horizon (\(text(horizon - 1)))")
      }
      if !rules.calendarAllows(programme, at: start) {
        flag(
          .calendar, path,
          "starts in \(text(start)), but programme \(programme.id) starts cohorts only in calendar months "
            + calendarText(programme.starts))
      }
      wait = max(0, start - ready)
      checkWait(step, wait, at: path, reason: "ready \(text(ready)), start \(text(start))")
    }
    let end = start + ScenarioRules.months(of: programme.duration)
    return (wait, CohortKey(programme: programme.id, start: start, group: group), end)
  }

  private mutating func kind(of step: PlanStepEntry, at path: String) -> StepKind? {
    let started = !step.programme.isAbsent || !step.start.isAbsent
    let unstarted = step.unstarted.value == true
    let beyond = step.beyondHorizon.value == true
    switch (started, unstarted, beyond) {
    case (true, false, false): return .started
    case (false, true, false): return .unstarted
    case (false, false, true): return .beyondHorizon
    case (false, false, false):
      flag(.format, path, "is neither started (programme, start) nor marked unstarted or beyondHorizon")
    default:
      flag(.format, path, "mixes a start, unstarted and beyondHorizon; a step is exactly one of them")
    }
    return nil
  }

  private mutating func checkReady(_ step: PlanStepEntry, _ ready: Int, at path: String) {
    guard case .value(let text) = step.ready else {
      flagMissing(path, "ready")
      return
    }
    guard let stated = offset(of: .value(text), at: path, key: "ready") else { return }
    if stated != ready {
      flag(.ready, path, "states ready month \(text), but the step is ready in \(self.text(ready))")
    }
  }

  private mutating func checkWait(_ step: PlanStepEntry, _ wait: Int, at path: String, reason: String) {
    guard case .value(let stated) = step.wait else {
      flagMissing(path, "wait")
      return
    }
    if stated != wait {
      flag(.wait, path, "states \(plural(stated, "waiting month")), but the step waits \(wait) (\(reason))")
    }
  }

  /// Steps that are history, beyond the horizon or after an unstarted step wait 0 months.
  private mutating func checkNoWait(_ step: PlanStepEntry, at path: String) {
    if case .value(let stated) = step.wait, stated != 0 {
      flag(.wait, path, "states \(plural(stated, "waiting month")), but this step does not count as waiting")
    }
  }

  private func calendarText(_ starts: StartCalendar) -> String {
    switch starts {
    case .monthly: return "(every month)"
    case .months(let months): return months.sorted().map(String.init).joined(separator: ", ")
    }
  }
}

extension Field {
  /// Missing or null: the key says nothing.
  var isAbsent: Bool { value == nil }
}

import PlannerDomain
import PlannerReporting

extension ClientExplanation {
  public static let format = "cohortplan.explain/1"

  /// Domain sentences: the schedule, each waiting period with its binding rules, and the
  /// changes tried with their re-solved effect.
  public func text() -> String {
    let who = selector.description
    var lines = [
      "\(who) in the optimal plan of \(scenario.name) (\(status.rawValue), \(waitingMonths) waiting months in all)"
    ]
    for schedule in schedules {
      let entry = schedule.entry
      lines.append("")
      lines += Self.describe(entry, selector: selector).map { "  " + $0 }
      if schedule.periods.isEmpty {
        lines.append("  No waiting months: every step starts as soon as it is ready.")
        continue
      }
      for period in schedule.periods { lines.append("  - " + Self.sentence(period, scenario: scenario)) }
    }
    lines.append("")
    guard !counterfactuals.isEmpty else {
      lines.append(
        clientWait == 0
          ? "Nothing to save: \(who) does not wait."
          : "No change to try: the binding rules are pins or no single rule (see above).")
      return lines.joined(separator: "\n") + "\n"
    }
    lines.append(
      "What would save months (each change solved again for the whole scenario; the optimiser may re-arrange "
        + "other clients, so both \(who)'s wait and the total are shown):")
    for counterfactual in counterfactuals { lines.append("  - " + sentence(counterfactual)) }
    return lines.joined(separator: "\n") + "\n"
  }

  public func json() -> String {
    let members: [(String, JSONValue)] = [
      ("format", .string(Self.format)),
      ("scenario", .string(scenario.name)),
      ("client", .string(selector.description)),
      ("plan", .object([("status", .string(status.rawValue)), ("waitingMonths", .int(waitingMonths))])),
      ("clients", .int(heads)),
      ("clientWait", .int(clientWait)),
      ("schedules", .array(schedules.map { scheduleJSON($0) })),
      ("counterfactuals", .array(counterfactuals.map { counterfactualJSON($0) })),
    ]
    return JSONValue.object(members).serialized() + "\n"
  }

  // MARK: - Text

  static func describe(_ entry: PlannedClient, selector: ClientSelector) -> [String] {
    let heads = entry.count == 1 ? "" : "\(entry.count) clients of \(selector): "
    var facts = ["route \(entry.route)"]
    if let profile = entry.profile { facts.append("profile \(profile)") }
    facts.append(entry.languages.isEmpty ? "no language listed" : "languages " + entry.languages.joined(separator: "/"))
    var lines = [heads + facts.joined(separator: ", ") + "; available \(entry.available)"]
    if let intake = entry.intake {
      lines.append(
        "intake \(intake)" + (entry.specialist.map { " with \($0)" } ?? "")
          + (entry.intakeWait == 0 ? "" : " (\(entry.intakeWait) \(months(entry.intakeWait)) waiting)"))
    } else {
      lines.append("no intake inside the horizon (\(entry.intakeWait) waiting \(months(entry.intakeWait)))")
    }
    for step in entry.steps {
      switch step.outcome {
      case .started(let programme, let group, let ready, let start, let wait):
        lines.append(
          "\(step.step): \(programme) cohort \(group) from \(start)"
            + (ready.map { " (ready \($0), \(wait) \(months(wait)) waiting)" } ?? " (history)"))
      case .unstarted(let ready?, let wait):
        lines.append("\(step.step): no start inside the horizon (ready \(ready), \(wait) \(months(wait)) to its end)")
      case .unstarted(nil, _): lines.append("\(step.step): not reached inside the horizon")
      case .beyondHorizon: lines.append("\(step.step): ready only after the horizon")
      }
    }
    lines.append("waits \(entry.wait) \(months(entry.wait)) in all" + (entry.count > 1 ? " each" : "") + ":")
    return lines
  }

  static func sentence(_ period: WaitPeriod, scenario: Scenario) -> String {
    let span = period.months == 1 ? period.from.description : "\(period.from) to \(period.until)"
    let stage = period.waitingFor == "intake" ? "the intake" : period.waitingFor
    var text = "\(span) (\(period.months) \(months(period.months))) waiting for \(stage): "
    if let movedOn = period.movedOn {
      text +=
        (period.waitingFor == "intake" ? "an earlier intake" : "an earlier start")
        + " was possible, but \(movedOn.stage) "
        + "could not have started sooner (ready from \(movedOn.from)): "
    }
    return text + period.rules.map { $0.sentence(in: scenario) }.joined(separator: "; ") + "."
  }

  private func sentence(_ counterfactual: Counterfactual) -> String {
    var text = counterfactual.change.sentence(in: scenario) + ": "
    guard let after = counterfactual.clientWait, let total = counterfactual.waitingMonths else {
      return text + "no plan (\(counterfactual.status.rawValue))."
    }
    let who = heads > 1 ? "\(selector)'s \(heads) clients" : selector.description
    let verb = heads > 1 ? "wait" : "waits"
    text +=
      after == clientWait
      ? "\(who) still \(verb) \(after) \(Self.months(after)) (no saving)"
      : "\(who) \(verb) \(after) \(Self.months(after)) instead of \(clientWait) (\(Self.saving(clientWait - after)))"
    text +=
      total == waitingMonths
      ? "; all clients still \(total) (no saving)"
      : "; all clients \(total) instead of \(waitingMonths) (\(Self.saving(waitingMonths - total)))"
    if counterfactual.status != .optimal { text += "; not proven optimal (\(counterfactual.status.rawValue))" }
    return text + "."
  }

  static func saving(_ months: Int) -> String {
    months > 0 ? "saves \(months)" : months == 0 ? "no saving" : "\(-months) more"
  }

  static func months(_ count: Int) -> String { count == 1 ? "month" : "months" }

  // MARK: - JSON

  private func scheduleJSON(_ schedule: ScheduleExplanation) -> JSONValue {
    let entry = schedule.entry
    return .object([
      ("count", .int(entry.count)),
      ("available", .string(entry.available.description)),
      ("intake", entry.intake.map { .string($0.description) } ?? .null),
      ("specialist", entry.specialist.map(JSONValue.string) ?? .null),
      ("wait", .int(entry.wait)),
      ("intakeWait", .int(entry.intakeWait)),
      ("periods", .array(schedule.periods.map { periodJSON($0) })),
    ])
  }

  private func periodJSON(_ period: WaitPeriod) -> JSONValue {
    .object([
      ("waitingFor", .string(period.waitingFor)),
      ("from", .string(period.from.description)),
      ("until", .string(period.until.description)),
      ("months", .int(period.months)),
      (
        "movedOn",
        period.movedOn.map { .object([("stage", .string($0.stage)), ("from", .string($0.from.description))]) } ?? .null
      ),
      ("rules", .array(period.rules.map { $0.json(in: scenario) })),
      ("text", .string(Self.sentence(period, scenario: scenario))),
    ])
  }

  private func counterfactualJSON(_ counterfactual: Counterfactual) -> JSONValue {
    .object([
      ("change", .string(counterfactual.change.name)),
      ("description", .string(counterfactual.change.sentence(in: scenario))),
      ("addresses", .string(counterfactual.addresses)),
      ("status", .string(counterfactual.status.rawValue)),
      (
        "clientWait",
        .object([("before", .int(clientWait)), ("after", counterfactual.clientWait.map(JSONValue.int) ?? .null)])
      ),
      (
        "waitingMonths",
        .object([("before", .int(waitingMonths)), ("after", counterfactual.waitingMonths.map(JSONValue.int) ?? .null)])
      ),
    ])
  }
}

extension BindingRule {
  func json(in scenario: Scenario) -> JSONValue {
    var members: [(String, JSONValue)] = [("rule", .string(name))]
    switch self {
    case .startCalendar(let programmes): members.append(("programmes", .array(programmes.map(JSONValue.string))))
    case .minimumSize(let programme, let minimum, let ready):
      members += [("programme", .string(programme)), ("minSize", .int(minimum)), ("ready", .int(ready))]
    case .seatsFull(let programme, let groups, let seats):
      members += [("programme", .string(programme)), ("groups", .int(groups)), ("seats", .int(seats))]
    case .cohortNeedsClient(let programme, let start, let minimum):
      members += [("programme", .string(programme)), ("start", .string(start.description)), ("minSize", .int(minimum))]
    case .specialistCaps(let specialists, let basis):
      members += [("specialists", .array(specialists.map(JSONValue.string))), ("basis", .string(basis.rawValue))]
    case .languageMatch(let languages, let matching):
      members += [
        ("languages", .array(languages.map(JSONValue.string))), ("matching", .array(matching.map(JSONValue.string))),
      ]
    case .pinnedIntake(let month): members.append(("intake", .string(month.description)))
    case .pinnedStart(let programme, let start):
      members += [("programme", .string(programme)), ("start", .string(start.description))]
    case .pinnedSpecialist(let id): members.append(("specialist", .string(id)))
    case .noEligibleProgramme(let step): members.append(("step", .string(step)))
    case .noSpecialistAvailable, .noSingleRule: break
    }
    members.append(("text", .string(sentence(in: scenario))))
    return .object(members)
  }
}

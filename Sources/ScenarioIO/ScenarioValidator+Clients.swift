import PlannerDomain

extension ScenarioValidator {
  /// Programmes that may serve `step` for a client of `route` and `profile`.
  func eligibleProgrammes(step: String, route: String, profile: String?) -> [Programme] {
    draft.programmes.map(\.value).filter { $0.step == step && $0.admits(route: route, profile: profile) }
  }

  mutating func checkClients() {
    for entry in draft.clients {
      let client = entry.value
      let path = entry.path
      checkRouteReference(client.route, at: KeyPath.child(path, "route"))
      guard let route = routesByName[client.route] else { continue }
      for (index, step) in client.done.enumerated() where !route.steps.contains(step) {
        report(
          .error, KeyPath.element(KeyPath.child(path, "done"), index),
          "route '\(route.name)' has no step '\(step)'",
          hint: Suggestions.hint(for: step, in: route.steps)
            ?? "steps of '\(route.name)': \(route.steps.joined(separator: ", "))")
      }
      if let end = horizonEnd, client.available >= end {
        report(
          .warning, KeyPath.child(path, "available"),
          "'\(client.id)' becomes available (\(client.available)) after the horizon and is not planned")
      }
      checkPins(client, route: route, path: path)
    }
  }

  private mutating func checkPins(_ client: Client, route: Route, path: String) {
    let pins = client.pins
    let intakeOffset = pins.intake.flatMap(offset)
    if let name = pins.specialist {
      let specialistPath = KeyPath.child(path, "specialist")
      if !knownSpecialists.contains(name) {
        report(
          .error, specialistPath, "unknown specialist '\(name)'",
          hint: Suggestions.hint(for: name, in: knownSpecialists)
            ?? "specialists: \(knownSpecialists.prefix(10).joined(separator: ", "))")
      } else if let specialist = specialistsByID[name] {
        if let intake = pins.intake, let intakeOffset, intakeOffset >= 0, !specialist.isAvailable(in: intake) {
          report(
            .error, specialistPath, "'\(name)' is not available in the pinned intake month \(intake)",
            hint: "check the specialist's from/until")
        }
        if draft.languageMatch == .required, !languagesMatch(client.languages, specialist.languages) {
          report(
            .error, specialistPath,
            "'\(name)' speaks none of the client's languages (\(client.languages.joined(separator: ", "))), "
              + "but language_match is required")
        }
      }
    }
    if let intake = pins.intake, let intakeOffset, let horizon = draft.horizon, intakeOffset >= 0 {
      if intake < client.available {
        report(
          .error, KeyPath.child(path, "intake"),
          "the pinned intake \(intake) lies before the client is available (\(client.available))")
      }
      if intakeOffset >= horizon, let end = horizonEnd {
        report(
          .error, KeyPath.child(path, "intake"),
          "the pinned intake \(intake) lies after the horizon (last month \(end.adding(-1)))")
      }
    }
    if let exit = pins.exit, let intake = pins.intake, exit < intake {
      report(.error, KeyPath.child(path, "exit"), "the pinned exit \(exit) lies before the pinned intake \(intake)")
    }
    let stepsPath = KeyPath.child(path, "steps")
    var validPins: [String: (pin: StepPin, programme: Programme)] = [:]
    for step in pins.steps.keys.sorted() {
      guard let pin = pins.steps[step] else { continue }
      let stepPath = KeyPath.child(stepsPath, step)
      if !route.steps.contains(step) {
        report(
          .error, stepPath, "route '\(route.name)' has no step '\(step)'",
          hint: Suggestions.hint(for: step, in: route.steps)
            ?? "steps of '\(route.name)': \(route.steps.joined(separator: ", "))")
        continue
      }
      if client.done.contains(step) {
        report(.error, stepPath, "step '\(step)' is pinned but also listed as done", hint: "remove one of the two")
        continue
      }
      let programmePath = KeyPath.child(stepPath, "programme")
      guard knownProgrammes.contains(pin.programme) else {
        report(
          .error, programmePath, "unknown programme '\(pin.programme)'",
          hint: Suggestions.hint(for: pin.programme, in: knownProgrammes))
        continue
      }
      guard let programme = programmesByID[pin.programme] else { continue }
      if programme.step != step {
        report(
          .error, programmePath, "programme '\(programme.id)' serves step '\(programme.step)', not '\(step)'",
          hint: hintForStep(step, route: route, profile: client.profile))
        continue
      }
      if !programme.admits(route: route.name, profile: client.profile) {
        report(
          .error, programmePath, admissionProblem(programme, route: route.name, profile: client.profile),
          hint: hintForStep(step, route: route, profile: client.profile))
        continue
      }
      let startPath = KeyPath.child(stepPath, "start")
      if let startOffset = offset(pin.start), let horizon = draft.horizon, startOffset >= 0 {
        if startOffset >= horizon, let end = horizonEnd {
          report(
            .error, startPath, "the pinned start \(pin.start) lies after the horizon (last month \(end.adding(-1)))")
          continue
        }
        if !programme.starts.allows(pin.start) {
          report(
            .error, startPath,
            "'\(programme.id)' starts no cohort in \(monthName(pin.start.month)) (pinned start \(pin.start))",
            hint:
              "its cohorts start in \(calendarText(programme.starts)); pins before the plan's start are history and not checked"
          )
          continue
        }
      }
      validPins[step] = (pin, programme)
    }
    checkPinnedReadiness(client, route: route, path: stepsPath, pins: validPins)
  }

  /// A pinned future start must not lie before the step can be ready: intake plus
  /// `intake_months`, then each earlier step's shortest eligible duration (a lower bound).
  private mutating func checkPinnedReadiness(
    _ client: Client, route: Route, path: String, pins: [String: (pin: StepPin, programme: Programme)]
  ) {
    guard !pins.isEmpty, let start = draft.start else { return }
    let intake = client.pins.intake.map { $0.offset(from: start) } ?? max(client.available.offset(from: start), 0)
    var ready = max(0, intake + route.intakeMonths)
    var reason = "the intake (\(start.adding(intake)))"
    for step in route.steps where !client.done.contains(step) {
      if let (pin, programme) = pins[step] {
        let pinned = pin.start.offset(from: start)
        if pinned >= 0, pinned < ready {
          report(
            .error, KeyPath.child(KeyPath.child(path, step), "start"),
            "the pinned start \(pin.start) lies before '\(step)' can be ready (\(start.adding(ready)) at the earliest, after \(reason))"
          )
        }
        ready = max(0, pinned + programme.duration.months)
        reason = "'\(step)' pinned at \(pin.start)"
        continue
      }
      let durations = eligibleProgrammes(step: step, route: route.name, profile: client.profile).map(\.duration.months)
      guard let shortest = durations.min() else { return }
      ready = max(0, ready + shortest)
      reason = "'\(step)' (at least \(shortest) months)"
    }
  }

  func admissionProblem(_ programme: Programme, route: String, profile: String?) -> String {
    if let routes = programme.routes, !routes.contains(route) {
      return "programme '\(programme.id)' does not admit route '\(route)' (only \(routes.joined(separator: ", ")))"
    }
    if let profile {
      return
        "programme '\(programme.id)' does not admit profile '\(profile)' (only \((programme.profiles ?? []).joined(separator: ", ")))"
    }
    return
      "programme '\(programme.id)' admits only profiles \((programme.profiles ?? []).joined(separator: ", ")) and the client has none"
  }

  func hintForStep(_ step: String, route: Route, profile: String?) -> String? {
    let eligible = eligibleProgrammes(step: step, route: route.name, profile: profile).map(\.id)
    guard !eligible.isEmpty else { return nil }
    return "programmes for '\(step)' that admit this client: \(eligible.joined(separator: ", "))"
  }

  func monthName(_ month: Int) -> String {
    let names = [
      "January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
      "November", "December",
    ]
    return (1...12).contains(month) ? names[month - 1] : "month \(month)"
  }

  func calendarText(_ calendar: StartCalendar) -> String {
    switch calendar {
    case .monthly: return "every month"
    case .months(let months): return months.sorted().map(monthName).joined(separator: ", ")
    }
  }

  /// One error per route, profile and step that some client or inflow group needs but no
  /// programme serves, naming the first few people affected.
  mutating func checkServedSteps() {
    struct Need: Hashable {
      var route: String
      var profile: String?
      var step: String
    }
    var needs: [Need: [(path: String, name: String, people: Int)]] = [:]
    var order: [Need] = []
    func add(_ need: Need, _ path: String, _ name: String, _ people: Int) {
      if needs[need] == nil { order.append(need) }
      needs[need, default: []].append((path, name, people))
    }
    var served: [Need: Bool] = [:]
    func isServed(_ need: Need) -> Bool {
      if let known = served[need] { return known }
      let result = !eligibleProgrammes(step: need.step, route: need.route, profile: need.profile).isEmpty
      served[need] = result
      return result
    }
    for entry in draft.clients {
      let client = entry.value
      guard let route = routesByName[client.route] else { continue }
      for step in route.steps where !client.done.contains(step) && client.pins.steps[step] == nil {
        let need = Need(route: route.name, profile: client.profile, step: step)
        if !isServed(need) { add(need, entry.path, "'\(client.id)'", 1) }
      }
    }
    for entry in draft.inflow {
      let group = entry.value
      guard let route = routesByName[group.route] else { continue }
      for step in route.steps {
        let need = Need(route: route.name, profile: group.profile, step: step)
        if !isServed(need) { add(need, entry.path, entry.path, group.count) }
      }
    }
    // Programmes that failed to decode might have served the step: stay quiet then.
    guard draft.programmes.count == draft.programmeIDs.count else { return }
    for need in order {
      guard let affected = needs[need], let first = affected.first else { continue }
      let people = affected.map(\.people).reduce(0, +)
      let names = affected.prefix(5).map(\.name).joined(separator: ", ") + (affected.count > 5 ? ", …" : "")
      let who =
        need.profile.map { "route '\(need.route)' with profile '\($0)'" } ?? "route '\(need.route)' without a profile"
      var hint = "add a programme with step: \(need.step) that admits them, or list the step under done"
      if need.profile == nil {
        hint += "; clients without a profile join only programmes without profiles"
      }
      report(
        .error, first.path,
        "no programme serves step '\(need.step)' for \(who) (\(people) \(people == 1 ? "client" : "clients"): \(names))",
        hint: hint)
    }
  }

  /// Specialists who match no client's languages (clients listing none match anyone); under
  /// `required`, clients whom no specialist matches.
  mutating func checkLanguages() {
    var clientLanguages: Set<String> = []
    var languageSets: [[String]] = []
    var pathsBySet: [[String]: [String]] = [:]
    var everyoneListsLanguages = true
    for (path, languages) in draft.clients.map({ ($0.path, $0.value.languages) })
      + draft.inflow.map({ ($0.path, $0.value.languages) })
    {
      guard !languages.isEmpty else {
        everyoneListsLanguages = false
        continue
      }
      clientLanguages.formUnion(languages)
      if pathsBySet[languages] == nil { languageSets.append(languages) }
      pathsBySet[languages, default: []].append(path)
    }
    guard !clientLanguages.isEmpty else { return }
    if draft.languageMatch != .none, everyoneListsLanguages {
      for entry in draft.specialists
      where !entry.value.languages.isEmpty && clientLanguages.isDisjoint(with: entry.value.languages) {
        report(
          .warning, KeyPath.child(entry.path, "languages"),
          "'\(entry.value.id)' speaks no language of any client (\(entry.value.languages.joined(separator: ", ")))",
          hint: "check the spelling; clients list \(clientLanguages.sorted().prefix(8).joined(separator: ", "))")
      }
    }
    guard draft.languageMatch == .required, draft.specialists.count == draft.specialistIDs.count else { return }
    for languages in languageSets {
      guard let paths = pathsBySet[languages], let first = paths.first else { continue }
      let speakers = draft.specialists.filter { languagesMatch($0.value.languages, languages) }
      if speakers.isEmpty {
        report(
          .warning, KeyPath.child(first, "languages"),
          "no specialist speaks \(languages.joined(separator: " or ")); under language_match: required "
            + "\(paths.count == 1 ? "this client" : "these \(paths.count) clients and groups") can never get an intake")
      }
    }
  }

  /// Programmes that no client or inflow group could ever join.
  mutating func checkProgrammesUsed() {
    guard !draft.clients.isEmpty || !draft.inflow.isEmpty else { return }
    struct Candidate: Hashable {
      var route: String
      var profile: String?
      var steps: [String]
    }
    var candidates: Set<Candidate> = []
    for client in draft.clients.map(\.value) {
      guard let route = routesByName[client.route] else { continue }
      candidates.insert(
        Candidate(route: route.name, profile: client.profile, steps: route.steps.filter { !client.done.contains($0) }))
    }
    for group in draft.inflow.map(\.value) {
      guard let route = routesByName[group.route] else { continue }
      candidates.insert(Candidate(route: route.name, profile: group.profile, steps: route.steps))
    }
    for entry in draft.programmes {
      let programme = entry.value
      let used = candidates.contains {
        $0.steps.contains(programme.step) && programme.admits(route: $0.route, profile: $0.profile)
      }
      if !used {
        report(
          .warning, entry.path,
          "no client or inflow group can join '\(programme.id)' (step '\(programme.step)'\(eligibilityText(programme)))"
        )
      }
    }
  }

  private func eligibilityText(_ programme: Programme) -> String {
    var parts: [String] = []
    if let routes = programme.routes { parts.append("routes " + routes.joined(separator: ", ")) }
    if let profiles = programme.profiles { parts.append("profiles " + profiles.joined(separator: ", ")) }
    return parts.isEmpty ? "" : ", " + parts.joined(separator: "; ")
  }
}

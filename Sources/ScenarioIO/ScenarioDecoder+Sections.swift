import PlannerDomain
import Yams

/// Limits that keep every later computation (grids, caps, durations) far from overflow; no real
/// scenario comes near them.
enum Limits {
  static let horizon = 1200
  static let months = 1200
  static let weeks = 5200
  static let seats = 100_000
  static let groups = 1000
  static let count = 1_000_000
  static let fte = 1000
  static let cap = 100_000
}

extension ScenarioDecoder {
  static let topLevelKeys = [
    "version", "name", "start", "horizon", "caseload", "language_match", "routes", "programmes", "specialists",
    "clients", "inflow",
  ]

  func decodeScenario(_ root: Node) -> ScenarioDraft {
    var draft = ScenarioDraft()
    guard
      let top = fields(
        root, "", allowed: Self.topLevelKeys,
        required: ["version", "name", "start", "horizon", "caseload", "routes", "programmes", "specialists"],
        what: "a scenario")
    else {
      draft.isComplete = false
      return draft
    }
    if let node = top["version"], let version = integer(node, "version", in: Int.min...Int.max) {
      draft.version = version
      if version != 1 {
        error("version", at: node, "unsupported version \(version)", hint: "this cohortplan reads version 1")
      }
    }
    if let node = top["name"] { draft.name = text(node, "name", what: "the scenario's name") }
    if let node = top["start"] { draft.start = month(node, "start") }
    if let node = top["horizon"] { draft.horizon = integer(node, "horizon", in: 1...Limits.horizon) }
    if let node = top["caseload"] { draft.caseload = decodeCaseload(node) }
    if let node = top["language_match"] {
      draft.languageMatch = choice(node, "language_match", of: LanguageMatch.self) ?? .preferred
    }
    if let node = top["routes"] { decodeRoutes(node, into: &draft) }
    if let node = top["programmes"], let elements = list(node, "programmes", of: "programmes") {
      for element in elements {
        if let programme = decodeProgramme(element.node, element.path, draft: &draft) {
          draft.programmes.append(.init(path: element.path, value: programme))
        } else {
          draft.isComplete = false
        }
      }
    }
    if let node = top["specialists"], let elements = list(node, "specialists", of: "specialists") {
      for element in elements {
        if let specialist = decodeSpecialist(element.node, element.path, draft: &draft) {
          draft.specialists.append(.init(path: element.path, value: specialist))
        } else {
          draft.isComplete = false
        }
      }
    }
    if let node = top["clients"] { decodeClients(node, into: &draft) }
    if let node = top["inflow"] { decodeInflow(node, into: &draft) }
    if diagnostics.contains(where: { $0.severity == .error }) { draft.isComplete = false }
    return draft
  }

  private func decodeCaseload(_ node: Node) -> CaseloadPolicy? {
    guard let keys = fields(node, "caseload", allowed: ["cap", "basis"], required: ["cap"], what: "caseload")
    else { return nil }
    var policy = CaseloadPolicy()
    var complete = true
    if let node = keys["cap"] {
      if let cap = positiveDecimal(node, "caseload.cap", maximum: Limits.cap) {
        policy.cap = cap
      } else {
        complete = false
      }
    }
    if let node = keys["basis"] {
      if let basis = choice(node, "caseload.basis", of: CaseloadBasis.self) {
        policy.basis = basis
      } else {
        complete = false
      }
    }
    return complete && keys["cap"] != nil ? policy : nil
  }

  private func decodeRoutes(_ node: Node, into draft: inout ScenarioDraft) {
    guard case .mapping(let mapping) = node else {
      error(
        "routes", at: node, "expected a mapping from route name to its steps, found \(describe(node))",
        hint: "write e.g.  routes: {b1: {steps: [voortraject, language]}}")
      draft.isComplete = false
      return
    }
    if mapping.count == 0 {
      error("routes", at: node, "at least one route is needed")
    }
    for (keyNode, value) in mapping {
      guard let name = text(keyNode, "routes", what: "a route name") else {
        draft.isComplete = false
        continue
      }
      let path = KeyPath.child("routes", name)
      note(path, keyNode)
      draft.routeNames.append(name)
      if let route = decodeRoute(value, name: name, path: path) {
        draft.routes.append(route)
      } else {
        draft.isComplete = false
      }
    }
  }

  private func decodeRoute(_ node: Node, name: String, path: String) -> Route? {
    guard
      let keys = fields(
        node, path, allowed: ["steps", "intake_months", "intake_within", "aftercare"], required: ["steps"],
        what: "a route")
    else { return nil }
    var route = Route(name: name, steps: [])
    var complete = true
    if let node = keys["steps"] {
      let stepsPath = KeyPath.child(path, "steps")
      if let steps = textList(node, stepsPath, what: "step names") {
        var seen: Set<String> = []
        for (index, step) in steps.enumerated() where !seen.insert(step).inserted {
          error(
            KeyPath.element(stepsPath, index), at: node, "step '\(step)' appears twice in route '\(name)'",
            hint: "a route lists each step once")
          complete = false
        }
        route.steps = steps
        if steps.isEmpty {
          report(.warning, stepsPath, at: node, "route '\(name)' has no steps: its clients only get an intake")
        }
      } else {
        complete = false
      }
    }
    let numbers: [(key: String, apply: (inout Route, Int) -> Void)] = [
      ("intake_months", { $0.intakeMonths = $1 }),
      ("intake_within", { $0.intakeWithin = $1 }),
      ("aftercare", { $0.aftercare = $1 }),
    ]
    for (key, apply) in numbers {
      guard let node = keys[key] else { continue }
      if let value = integer(node, KeyPath.child(path, key), in: 0...Limits.months) {
        apply(&route, value)
      } else {
        complete = false
      }
    }
    return complete ? route : nil
  }

  static let programmeKeys = [
    "id", "provider", "step", "routes", "profiles", "duration_months", "duration_weeks", "starts", "seats",
    "min_size", "groups",
  ]

  private func decodeProgramme(_ node: Node, _ path: String, draft: inout ScenarioDraft) -> Programme? {
    guard
      let keys = fields(
        node, path, allowed: Self.programmeKeys, required: ["id", "provider", "step", "starts", "seats"],
        what: "a programme")
    else { return nil }
    var complete = true
    func read<Value>(_ key: String, _ decode: (Node, String) -> Value?) -> Value? {
      guard let node = keys[key] else { return nil }
      let value = decode(node, KeyPath.child(path, key))
      if value == nil { complete = false }
      return value
    }
    let id = read("id") { text($0, $1, what: "a programme id") }
    if let id { draft.programmeIDs.append(.init(path: KeyPath.child(path, "id"), value: id)) }
    let provider = read("provider") { text($0, $1, what: "a provider name") }
    let step = read("step") { text($0, $1, what: "a step name") }
    let routes = read("routes") { textList($0, $1, what: "route names") }
    let profiles = read("profiles") { textList($0, $1, what: "profile names") }
    let months = read("duration_months") { integer($0, $1, in: 1...Limits.months) }
    let weeks = read("duration_weeks") { integer($0, $1, in: 1...Limits.weeks) }
    let starts = read("starts") { decodeStarts($0, $1) }
    let seats = read("seats") { integer($0, $1, in: 1...Limits.seats) }
    let minSize = read("min_size") { integer($0, $1, in: 1...Limits.seats) } ?? 1
    let groups = read("groups") { integer($0, $1, in: 1...Limits.groups) } ?? 1

    var duration: Duration?
    switch (keys["duration_months"], keys["duration_weeks"]) {
    case (nil, nil):
      error(
        path, at: node, "missing the programme's duration",
        hint: "give duration_months or duration_weeks (exactly one)")
      complete = false
    case (.some, .some(let weeksNode)):
      error(
        KeyPath.child(path, "duration_weeks"), at: weeksNode,
        "give either duration_months or duration_weeks, not both")
      complete = false
    default:
      duration = months.map(Duration.months) ?? weeks.map(Duration.weeks)
    }
    if let seats, minSize > seats, let minNode = keys["min_size"] {
      error(
        KeyPath.child(path, "min_size"), at: minNode,
        "min_size (\(minSize)) is larger than seats (\(seats)): no cohort could ever start",
        hint: "lower min_size or raise seats")
      complete = false
    }
    guard complete, let id, let provider, let step, let duration, let starts, let seats else { return nil }
    return Programme(
      id: id, provider: provider, step: step, routes: routes, profiles: profiles, duration: duration,
      starts: starts, seats: seats, minSize: minSize, groups: groups)
  }

  private func decodeStarts(_ node: Node, _ path: String) -> StartCalendar? {
    let expected = "'monthly' or a list of calendar months 1–12, such as [3, 9]"
    switch node {
    case .scalar(let scalar) where !Self.isNull(scalar):
      if scalar.string == "monthly" { return .monthly }
      error(
        path, at: node, "expected \(expected), found \(describe(node))",
        hint: Suggestions.hint(for: scalar.string, in: ["monthly"]) ?? "write [\(scalar.string)] for a single month")
      return nil
    case .sequence:
      guard let elements = list(node, path, of: "calendar months") else { return nil }
      if elements.isEmpty {
        error(
          path, at: node, "lists no month, so no cohort could ever start", hint: "list months 1–12 or write monthly")
        return nil
      }
      var months: Set<Int> = []
      var complete = true
      for element in elements {
        guard let month = integer(element.node, element.path, in: 1...12) else {
          complete = false
          continue
        }
        if !months.insert(month).inserted {
          report(.warning, element.path, at: element.node, "month \(month) is listed twice")
        }
      }
      return complete ? .months(months) : nil
    default:
      error(path, at: node, "expected \(expected), found \(describe(node))")
      return nil
    }
  }

  private func decodeSpecialist(_ node: Node, _ path: String, draft: inout ScenarioDraft) -> Specialist? {
    guard
      let keys = fields(
        node, path, allowed: ["id", "fte", "languages", "from", "until", "cap"], required: ["id"],
        what: "a specialist")
    else { return nil }
    var complete = true
    func read<Value>(_ key: String, _ decode: (Node, String) -> Value?) -> Value? {
      guard let node = keys[key] else { return nil }
      let value = decode(node, KeyPath.child(path, key))
      if value == nil { complete = false }
      return value
    }
    let id = read("id") { text($0, $1, what: "a specialist id") }
    if let id { draft.specialistIDs.append(.init(path: KeyPath.child(path, "id"), value: id)) }
    let fte = read("fte") { positiveDecimal($0, $1, maximum: Limits.fte) } ?? ExactDecimal(1)
    let languages = read("languages") { textList($0, $1, what: "languages") } ?? []
    let from = read("from") { month($0, $1) }
    let until = read("until") { month($0, $1) }
    let cap = read("cap") { positiveDecimal($0, $1, maximum: Limits.cap) }
    if let from, let until, until < from, let untilNode = keys["until"] {
      error(
        KeyPath.child(path, "until"), at: untilNode, "until (\(until)) lies before from (\(from))",
        hint: "both months are inclusive; swap them")
      complete = false
    }
    guard complete, let id else { return nil }
    return Specialist(id: id, fte: fte, languages: languages, from: from, until: until, cap: cap)
  }
}

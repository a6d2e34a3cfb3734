import PlannerDomain

/// Checks that need the whole scenario: references between elements, eligibility, pins
/// against calendars, inflow against the horizon, and warnings for legal but odd input.
///
/// Works on a ``ScenarioDraft`` so that one broken element does not hide problems elsewhere;
/// names of elements that failed to decode still count as known.
struct ScenarioValidator {
  let draft: ScenarioDraft
  let sourceMap: SourceMap
  private(set) var diagnostics: [Diagnostic] = []

  let routesByName: [String: Route]
  let programmesByID: [String: Programme]
  let specialistsByID: [String: Specialist]
  let knownRoutes: [String]
  let knownProgrammes: [String]
  let knownSpecialists: [String]
  let allSteps: [String]

  init(draft: ScenarioDraft, sourceMap: SourceMap) {
    self.draft = draft
    self.sourceMap = sourceMap
    routesByName = Dictionary(draft.routes.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
    programmesByID = Dictionary(
      draft.programmes.map { ($0.value.id, $0.value) }, uniquingKeysWith: { first, _ in first })
    specialistsByID = Dictionary(
      draft.specialists.map { ($0.value.id, $0.value) }, uniquingKeysWith: { first, _ in first })
    knownRoutes = draft.routeNames
    knownProgrammes = draft.programmeIDs.map(\.value)
    knownSpecialists = draft.specialistIDs.map(\.value)
    var steps: [String] = []
    for route in draft.routes { for step in route.steps where !steps.contains(step) { steps.append(step) } }
    allSteps = steps
  }

  mutating func report(_ severity: Diagnostic.Severity, _ path: String, _ message: String, hint: String? = nil) {
    diagnostics.append(sourceMap.diagnostic(severity, at: path, message, hint: hint))
  }

  /// Where `path` is shown to the user (`clients[3]`, or `row 5` in a CSV file).
  func shown(_ path: String) -> String {
    let (location, _) = sourceMap.locate(path)
    if let display = location.displayPath { return "\(location.file) \(display)" }
    return path
  }

  /// The grid offset of a month, when the scenario's start is known.
  func offset(_ month: Month) -> Int? { draft.start.map { month.offset(from: $0) } }

  var horizonEnd: Month? {
    guard let start = draft.start, let horizon = draft.horizon else { return nil }
    return start.adding(horizon)
  }

  mutating func validate() -> [Diagnostic] {
    checkDuplicateIDs()
    checkProgrammes()
    checkSpecialists()
    checkClients()
    checkInflow()
    checkServedSteps()
    checkLanguages()
    checkProgrammesUsed()
    return diagnostics
  }

  private mutating func checkDuplicateIDs() {
    func duplicates(_ ids: [ScenarioDraft.Indexed<String>], what: String) -> [(String, String, String)] {
      var first: [String: String] = [:]
      var found: [(String, String, String)] = []
      for id in ids {
        if let earlier = first[id.value] {
          found.append((id.path, id.value, earlier))
        } else {
          first[id.value] = id.path
        }
      }
      return found
    }
    for (path, id, earlier) in duplicates(draft.programmeIDs, what: "programme") {
      report(
        .error, path, "programme id '\(id)' is used twice (first at \(shown(earlier)))", hint: "ids must be unique")
    }
    for (path, id, earlier) in duplicates(draft.specialistIDs, what: "specialist") {
      report(
        .error, path, "specialist id '\(id)' is used twice (first at \(shown(earlier)))", hint: "ids must be unique")
    }
    let clientIDs = draft.clients.map { ScenarioDraft.Indexed(path: KeyPath.child($0.path, "id"), value: $0.value.id) }
    for (path, id, earlier) in duplicates(clientIDs, what: "client") {
      report(.error, path, "client id '\(id)' is used twice (first at \(shown(earlier)))", hint: "ids must be unique")
    }
  }

  private mutating func checkProgrammes() {
    for entry in draft.programmes {
      let programme = entry.value
      let path = entry.path
      if !allSteps.contains(programme.step), draft.routes.count == draft.routeNames.count {
        report(
          .error, KeyPath.child(path, "step"), "no route has a step '\(programme.step)'",
          hint: Suggestions.hint(for: programme.step, in: allSteps) ?? "steps: \(allSteps.joined(separator: ", "))")
      }
      for (index, name) in (programme.routes ?? []).enumerated() {
        let routePath = KeyPath.element(KeyPath.child(path, "routes"), index)
        if !knownRoutes.contains(name) {
          report(
            .error, routePath, "unknown route '\(name)'",
            hint: Suggestions.hint(for: name, in: knownRoutes) ?? "routes: \(knownRoutes.joined(separator: ", "))")
        } else if let route = routesByName[name], !route.steps.contains(programme.step),
          allSteps.contains(programme.step)
        {
          report(
            .warning, routePath,
            "route '\(name)' has no step '\(programme.step)', so its clients never join '\(programme.id)'")
        }
      }
      if programme.routes?.isEmpty == true {
        report(.warning, KeyPath.child(path, "routes"), "lists no route, so no client can join '\(programme.id)'")
      }
      if programme.profiles?.isEmpty == true {
        report(.warning, KeyPath.child(path, "profiles"), "lists no profile, so no client can join '\(programme.id)'")
      }
      if case .months(let months) = programme.starts, let start = draft.start, let horizon = draft.horizon {
        let reachable = (0..<min(horizon, 12)).contains { months.contains(start.adding($0).month) }
        if !reachable {
          report(
            .warning, KeyPath.child(path, "starts"),
            "no start month of '\(programme.id)' falls within the horizon (\(start) to \(start.adding(horizon - 1)))")
        }
      }
    }
  }

  private mutating func checkSpecialists() {
    guard let start = draft.start, let end = horizonEnd else { return }
    for entry in draft.specialists {
      let specialist = entry.value
      if let until = specialist.until, until < start {
        report(
          .warning, KeyPath.child(entry.path, "until"),
          "'\(specialist.id)' leaves (\(until)) before the plan starts (\(start)) and takes no clients")
      }
      if let from = specialist.from, from >= end {
        report(
          .warning, KeyPath.child(entry.path, "from"),
          "'\(specialist.id)' starts (\(from)) after the horizon ends and takes no clients")
      }
    }
  }

  private mutating func checkInflow() {
    for entry in draft.inflow {
      let group = entry.value
      checkRouteReference(group.route, at: KeyPath.child(entry.path, "route"))
      if let start = draft.start, let end = horizonEnd, group.month < start || group.month >= end {
        report(
          .error, KeyPath.child(entry.path, "month"),
          "inflow month \(group.month) lies outside the horizon (\(start) to \(end.adding(-1)))",
          hint: "inflow is expected arrivals; list clients already known under clients")
      }
    }
  }

  mutating func checkRouteReference(_ name: String, at path: String) {
    guard !knownRoutes.contains(name) else { return }
    report(
      .error, path, "unknown route '\(name)'",
      hint: Suggestions.hint(for: name, in: knownRoutes) ?? "routes: \(knownRoutes.joined(separator: ", "))")
  }
}

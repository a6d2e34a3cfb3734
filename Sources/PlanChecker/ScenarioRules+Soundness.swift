import PlannerDomain

extension ScenarioRules {
  /// Problems that keep the scenario itself from being checked against: a negative horizon,
  /// months far outside any calendar, negative durations, clients on routes the scenario does
  /// not define. The scenario loader rejects all of these; a ``Scenario`` built in code may not.
  static func soundnessProblems(of scenario: Scenario) -> [PlanViolation] {
    var problems: [PlanViolation] = []
    func flag(_ path: String, _ message: String) {
      problems.append(PlanViolation(.scenario, "scenario." + path, message))
    }
    func checkMonth(_ month: Month?, _ path: String) {
      guard let month else { return }
      if !(-100_000...100_000).contains(month.year) { flag(path, "year \(month.year) is outside any calendar") }
    }
    func checkCount(_ value: Int, _ path: String, _ what: String) {
      if !(0...100_000).contains(value) { flag(path, "\(what) \(value) is not a count of months") }
    }

    if !(0...100_000).contains(scenario.horizon) {
      flag("horizon", "horizon \(scenario.horizon) is not a number of months")
    }
    checkMonth(scenario.start, "start")
    if scenario.caseload.cap.scaled < 0 { flag("caseload.cap", "cap \(scenario.caseload.cap.scaled) is negative") }
    for (index, route) in scenario.routes.enumerated() {
      checkCount(route.intakeMonths, "routes[\(index)] (\(route.name)).intake_months", "intake_months")
      checkCount(route.aftercare, "routes[\(index)] (\(route.name)).aftercare", "aftercare")
    }
    for (index, programme) in scenario.programmes.enumerated() {
      let path = "programmes[\(index)] (\(programme.id))"
      switch programme.duration {
      case .months(let months): checkCount(months, path + ".duration_months", "duration")
      case .weeks(let weeks): checkCount(weeks, path + ".duration_weeks", "duration")
      }
    }
    for (index, specialist) in scenario.specialists.enumerated() {
      let path = "specialists[\(index)] (\(specialist.id))"
      checkMonth(specialist.from, path + ".from")
      checkMonth(specialist.until, path + ".until")
      if specialist.fte.scaled < 0 || (specialist.cap?.scaled ?? 0) < 0 {
        flag(path, "fte and cap must not be negative")
      }
    }
    let routeNames = Set(scenario.routes.map(\.name))
    for (index, client) in scenario.clients.enumerated() {
      let path = "clients[\(index)] (\(client.id))"
      checkMonth(client.available, path + ".available")
      checkMonth(client.pins.intake, path + ".intake")
      checkMonth(client.pins.exit, path + ".exit")
      for (step, pin) in client.pins.steps.sorted(by: { $0.key < $1.key }) {
        checkMonth(pin.start, path + ".steps.\(step).start")
      }
      if !routeNames.contains(client.route) { flag(path + ".route", "route \(client.route) is not defined") }
    }
    for (index, group) in scenario.inflow.enumerated() {
      let path = "inflow[\(index)]"
      checkMonth(group.month, path + ".month")
      if group.count < 0 { flag(path + ".count", "count \(group.count) is negative") }
      if !routeNames.contains(group.route) { flag(path + ".route", "route \(group.route) is not defined") }
    }
    return problems
  }
}

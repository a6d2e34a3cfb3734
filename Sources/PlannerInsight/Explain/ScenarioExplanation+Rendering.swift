import PlannerDomain
import PlannerReporting

extension ScenarioExplanation {
  public func text() -> String {
    var lines: [String] = []
    guard hasPlan, let waitingMonths else {
      lines.append("\(scenario.name): no plan (\(status.rawValue)).")
      for reason in reasons { lines.append("  - " + reason) }
      if let conflictingPins {
        if conflictingPins.isEmpty {
          lines.append("No set of pinned clients explains it: without any pins the scenario is not infeasible either.")
        } else {
          lines.append(
            "These clients' pins cannot all hold together; keeping the pins of all but any one of them has a plan "
              + "(checked by solving): " + conflictingPins.joined(separator: ", ") + ".")
          if !conflictSearchComplete {
            lines.append("  (some checks stopped at their time limit, so the set may be larger than needed)")
          }
        }
      }
      return lines.joined(separator: "\n") + "\n"
    }
    lines.append("\(scenario.name): \(status.rawValue) plan, \(waitingMonths) waiting months.")
    if unplanned.isEmpty {
      lines.append("Every client gets an intake and every step that is ready inside the horizon starts.")
    }
    for group in unplanned {
      let what =
        group.waitingFor == "intake"
        ? "\(group.heads) \(group.heads == 1 ? "client gets" : "clients get") no intake inside the horizon"
        : "\(group.heads) \(group.heads == 1 ? "client is" : "clients are") ready for \(group.waitingFor) but "
          + "\(group.heads == 1 ? "starts" : "start") no cohort inside the horizon"
      lines.append("- \(what), costing \(group.waitingMonths) waiting months: " + Self.clientList(group.clients) + ".")
      for rule in group.rules.prefix(4) { lines.append("    " + rule.sentence(in: scenario)) }
      if group.rules.count > 4 { lines.append("    and \(group.rules.count - 4) more") }
    }
    if !longestWaits.isEmpty {
      lines.append(
        "Longest waits per client: "
          + longestWaits.map { "\($0.selector) \($0.wait) \(ClientExplanation.months($0.wait))" }.joined(
            separator: ", ") + ".")
    }
    lines.append("`cohortplan explain SCENARIO --client ID` (or --client 'inflow[N]') explains one client's months.")
    return lines.joined(separator: "\n") + "\n"
  }

  public func json() -> String {
    var members: [(String, JSONValue)] = [
      ("format", .string(ClientExplanation.format)),
      ("scenario", .string(scenario.name)),
      (
        "plan",
        .object([("status", .string(status.rawValue)), ("waitingMonths", waitingMonths.map(JSONValue.int) ?? .null)])
      ),
      ("reasons", .array(reasons.map(JSONValue.string))),
    ]
    if let conflictingPins {
      members.append(("conflictingPins", .array(conflictingPins.map(JSONValue.string))))
      members.append(("conflictSearchComplete", .bool(conflictSearchComplete)))
    }
    members.append(
      (
        "unplanned",
        .array(
          unplanned.map { group in
            .object([
              ("waitingFor", .string(group.waitingFor)),
              ("clients", .int(group.heads)),
              ("waitingMonths", .int(group.waitingMonths)),
              (
                "members",
                .array(
                  group.clients.map {
                    .object([("client", .string($0.selector.description)), ("count", .int($0.heads))])
                  })
              ),
              ("rules", .array(group.rules.map { $0.json(in: scenario) })),
            ])
          })
      ))
    members.append(
      (
        "longestWaits",
        .array(longestWaits.map { .object([("client", .string($0.selector.description)), ("wait", .int($0.wait))]) })
      ))
    return JSONValue.object(members).serialized() + "\n"
  }

  static func clientList(_ members: [UnplannedGroup.Member]) -> String {
    let shown = members.prefix(8).map { $0.heads == 1 ? $0.selector.description : "\($0.selector) ×\($0.heads)" }
    return shown.joined(separator: ", ") + (members.count > 8 ? " and \(members.count - 8) more" : "")
  }
}

import PlannerDomain

/// Pseudonyms for reports that leave the office: client ids become `client-0001`, … in plan
/// order and specialists `specialist-01`, … in scenario order, in the plan and in the scenario
/// alike, so the report stays consistent. Programmes, providers and all numbers stay.
public enum Redaction {
  public static func redact(_ plan: Plan, scenario: Scenario) -> (plan: Plan, scenario: Scenario) {
    var clientNames: [String: String] = [:]
    for entry in plan.clients {
      if case .known(let id) = entry.reference, clientNames[id] == nil {
        clientNames[id] = "client-" + padded(clientNames.count + 1, to: 4)
      }
    }
    for client in scenario.clients where clientNames[client.id] == nil {
      clientNames[client.id] = "client-" + padded(clientNames.count + 1, to: 4)
    }
    var specialistNames: [String: String] = [:]
    for (index, specialist) in scenario.specialists.enumerated() {
      specialistNames[specialist.id] = "specialist-" + padded(index + 1, to: 2)
    }
    var plan = plan
    plan.clients = plan.clients.map { entry in
      var entry = entry
      if case .known(let id) = entry.reference { entry.reference = .known(id: clientNames[id] ?? id) }
      entry.specialist = entry.specialist.map { specialistNames[$0] ?? $0 }
      return entry
    }
    plan.specialists = plan.specialists.map { load in
      var load = load
      load.id = specialistNames[load.id] ?? load.id
      return load
    }
    var scenario = scenario
    scenario.clients = scenario.clients.map { client in
      var client = client
      client.id = clientNames[client.id] ?? client.id
      client.pins.specialist = client.pins.specialist.map { specialistNames[$0] ?? $0 }
      return client
    }
    scenario.specialists = scenario.specialists.map { specialist in
      var specialist = specialist
      specialist.id = specialistNames[specialist.id] ?? specialist.id
      return specialist
    }
    return (plan, scenario)
  }

  private static func padded(_ number: Int, to width: Int) -> String {
    let text = String(number)
    return String(repeating: "0", count: max(0, width - text.count)) + text
  }
}

import PlannerDomain
import Yams

extension ScenarioDecoder {
  static let clientKeys = [
    "id", "available", "route", "profile", "languages", "done", "specialist", "intake", "exit", "steps",
  ]
  static let inflowKeys = ["month", "count", "route", "profile", "languages"]

  func decodeClients(_ node: Node, into draft: inout ScenarioDraft) {
    if case .mapping = node {
      guard let csv = readReferencedCSV(node, "clients") else {
        draft.isComplete = false
        return
      }
      decodeClientsCSV(csv, into: &draft)
      return
    }
    guard let elements = list(node, "clients", of: "clients") else {
      draft.isComplete = false
      return
    }
    for element in elements {
      if let client = decodeClient(element.node, element.path) {
        draft.clients.append(.init(path: element.path, value: client))
      } else {
        draft.isComplete = false
      }
    }
  }

  func decodeInflow(_ node: Node, into draft: inout ScenarioDraft) {
    if case .mapping = node {
      guard let csv = readReferencedCSV(node, "inflow") else {
        draft.isComplete = false
        return
      }
      decodeInflowCSV(csv, into: &draft)
      return
    }
    guard let elements = list(node, "inflow", of: "inflow groups") else {
      draft.isComplete = false
      return
    }
    for element in elements {
      if let group = decodeInflowGroup(element.node, element.path) {
        draft.inflow.append(.init(path: element.path, value: group))
      } else {
        draft.isComplete = false
      }
    }
  }

  private func decodeClient(_ node: Node, _ path: String) -> Client? {
    guard
      let keys = fields(
        node, path, allowed: Self.clientKeys, required: ["id", "available", "route"], what: "a client")
    else { return nil }
    var complete = true
    func read<Value>(_ key: String, _ decode: (Node, String) -> Value?) -> Value? {
      guard let node = keys[key] else { return nil }
      let value = decode(node, KeyPath.child(path, key))
      if value == nil { complete = false }
      return value
    }
    let id = read("id") { text($0, $1, what: "a client id") }
    let available = read("available") { month($0, $1) }
    let route = read("route") { text($0, $1, what: "a route name") }
    let profile = read("profile") { text($0, $1, what: "a profile name") }
    let languages = read("languages") { textList($0, $1, what: "languages") } ?? []
    let done = read("done") { textList($0, $1, what: "step names") } ?? []
    var pins = ClientPins()
    pins.specialist = read("specialist") { text($0, $1, what: "a specialist id") }
    pins.intake = read("intake") { month($0, $1) }
    pins.exit = read("exit") { month($0, $1) }
    if let stepsNode = keys["steps"] {
      if let steps = decodeStepPins(stepsNode, KeyPath.child(path, "steps")) {
        pins.steps = steps
      } else {
        complete = false
      }
    }
    guard complete, let id, let available, let route else { return nil }
    return Client(
      id: id, available: available, route: route, profile: profile, languages: languages, done: done, pins: pins)
  }

  private func decodeStepPins(_ node: Node, _ path: String) -> [String: StepPin]? {
    guard case .mapping(let mapping) = node else {
      error(
        path, at: node, "expected a mapping from step name to {programme, start}, found \(describe(node))",
        hint: "write e.g.  steps: {language: {programme: vwn, start: 2024-09}}")
      return nil
    }
    var pins: [String: StepPin] = [:]
    var complete = true
    for (keyNode, value) in mapping {
      guard let step = text(keyNode, path, what: "a step name") else {
        complete = false
        continue
      }
      let stepPath = KeyPath.child(path, step)
      note(stepPath, keyNode)
      guard
        let keys = fields(
          value, stepPath, allowed: ["programme", "start"], required: ["programme", "start"], what: "a pinned step")
      else {
        complete = false
        continue
      }
      let programme = keys["programme"].flatMap {
        text($0, KeyPath.child(stepPath, "programme"), what: "a programme id")
      }
      let start = keys["start"].flatMap { month($0, KeyPath.child(stepPath, "start")) }
      guard let programme, let start else {
        complete = false
        continue
      }
      pins[step] = StepPin(programme: programme, start: start)
    }
    return complete ? pins : nil
  }

  private func decodeInflowGroup(_ node: Node, _ path: String) -> InflowGroup? {
    guard
      let keys = fields(
        node, path, allowed: Self.inflowKeys, required: ["month", "count", "route"], what: "an inflow group")
    else { return nil }
    var complete = true
    func read<Value>(_ key: String, _ decode: (Node, String) -> Value?) -> Value? {
      guard let node = keys[key] else { return nil }
      let value = decode(node, KeyPath.child(path, key))
      if value == nil { complete = false }
      return value
    }
    let month = read("month") { self.month($0, $1) }
    let count = read("count") { integer($0, $1, in: 1...Limits.count) }
    let route = read("route") { text($0, $1, what: "a route name") }
    let profile = read("profile") { text($0, $1, what: "a profile name") }
    let languages = read("languages") { textList($0, $1, what: "languages") } ?? []
    guard complete, let month, let count, let route else { return nil }
    return InflowGroup(month: month, count: count, route: route, profile: profile, languages: languages)
  }
}

import Foundation
import PlannerDomain

extension PlanJSON {
  /// Why a plan file could not be read back, with the key path of the culprit.
  public struct ReadError: Error, CustomStringConvertible, Equatable {
    /// Key path in the file, e.g. `clients[3].steps[0].start`; empty for the whole file.
    public let path: String
    public let message: String

    public init(path: String, message: String) {
      self.path = path
      self.message = message
    }

    public var description: String { path.isEmpty ? message : "\(path): \(message)" }
  }

  /// Reads a plan file (`cohortplan.plan/1`) back into a ``Plan``: the inverse of
  /// ``document(_:extras:)`` for everything the file holds.
  ///
  /// The file does not hold a client's route, profile and languages, nor a programme's minimum
  /// size: they come back empty (`""`, nil, `[]`, 1). `available` is reconstructed from the
  /// waits: exact for clients available at or after `start`; for earlier ones it is `start`,
  /// or the intake month when that intake is history (before `start`). ``decode(_:scenario:)`` restores all of them from the
  /// scenario.
  public static func decode(_ data: Data) throws(ReadError) -> Plan {
    try PlanFileReader(data: data, scenario: nil).plan()
  }

  /// Reads a plan file and completes it from its scenario: each client's availability, route,
  /// profile and languages, and each cohort's minimum size (and seats, when the file has none).
  /// For a plan written from `scenario`, `decode(Data(text(plan).utf8), scenario:)` equals
  /// `plan` (gap and bound to the six decimals the file keeps).
  public static func decode(_ data: Data, scenario: Scenario) throws(ReadError) -> Plan {
    try PlanFileReader(data: data, scenario: scenario).plan()
  }
}

/// The plan file's shape as JSON; every key the writer emits, extras optional.
private struct FileDocument: Decodable {
  struct Objective: Decodable { let waitingMonths: Int }
  struct Entry: Decodable {
    let id: String?
    let inflow: Int?
    let count: Int?
    let specialist: String?
    let intake: String?
    let exit: String?
    let wait: Int?
    let steps: [Step]
  }
  struct Step: Decodable {
    let step: String
    let programme: String?
    let group: Int?
    let ready: String?
    let start: String?
    let wait: Int?
    let unstarted: Bool?
    let beyondHorizon: Bool?
  }
  struct Cohort: Decodable {
    let programme: String
    let provider: String
    let start: String
    let group: Int
    let size: Int
    let seats: Int?
  }
  struct Load: Decodable {
    struct MonthCount: Decodable {
      let month: String
      let clients: Int
    }
    struct YearCount: Decodable {
      let year: Int
      let clients: Int
      let cap: Int
    }
    let id: String
    let cap: Int
    let caseload: [MonthCount]
    let years: [YearCount]?
  }

  let format: String
  let scenario: String
  let strategy: String?
  let start: String?
  let horizon: Int?
  let status: String
  let gap: Double?
  let bound: Double?
  let objective: Objective
  let clients: [Entry]
  let cohorts: [Cohort]
  let specialists: [Load]
}

/// Turns the decoded JSON into domain values, naming the key path of anything malformed.
private struct PlanFileReader {
  let data: Data
  let scenario: Scenario?

  func plan() throws(PlanJSON.ReadError) -> Plan {
    let file = try decoded()
    guard let status = PlanStatus(rawValue: file.status) else {
      let known = PlanStatus.allCases.map(\.rawValue).joined(separator: ", ")
      throw .init(path: "status", message: "unknown status '\(file.status)' (one of \(known))")
    }
    let firstMonth = try file.specialists.first?.caseload.first.map { entry throws(PlanJSON.ReadError) in
      try month(entry.month, at: "specialists[0].caseload[0].month")
    }
    guard
      let start = try file.start.map({ text throws(PlanJSON.ReadError) in try month(text, at: "start") })
        ?? scenario?.start ?? firstMonth
    else { throw .init(path: "start", message: "missing, and no caseload month to infer it from") }
    let horizon = file.horizon ?? scenario?.horizon ?? file.specialists.first?.caseload.count ?? 0
    var clients: [PlannedClient] = []
    for (index, entry) in file.clients.enumerated() {
      clients.append(try client(entry, path: "clients[\(index)]", start: start, horizon: horizon))
    }
    var cohorts: [PlannedCohort] = []
    for (index, cohort) in file.cohorts.enumerated() {
      let programme = scenario?.programme(id: cohort.programme)
      cohorts.append(
        PlannedCohort(
          programme: cohort.programme, provider: cohort.provider,
          start: try month(cohort.start, at: "cohorts[\(index)].start"), group: cohort.group, size: cohort.size,
          seats: cohort.seats ?? programme?.seats ?? 0, minSize: programme?.minSize ?? 1))
    }
    let specialists = file.specialists.map { load in
      SpecialistCaseload(
        id: load.id, cap: load.cap, caseload: load.caseload.map(\.clients),
        years: load.years.map { $0.map { SpecialistCaseload.Year(year: $0.year, clients: $0.clients, cap: $0.cap) } })
    }
    return Plan(
      scenarioName: file.scenario, start: start, horizon: horizon, strategy: file.strategy ?? "", status: status,
      gap: file.gap, bound: file.bound, waitingMonths: file.objective.waitingMonths, clients: clients,
      cohorts: cohorts, specialists: specialists)
  }

  private func decoded() throws(PlanJSON.ReadError) -> FileDocument {
    struct Header: Decodable { let format: String? }
    // The format first, so another kind of file is named as such rather than by a missing key.
    if let header = try? JSONDecoder().decode(Header.self, from: data), header.format != PlanJSON.format {
      let found = header.format.map { "'\($0)'" } ?? "none"
      throw .init(path: "format", message: "expected \(PlanJSON.format), found \(found): not a plan file")
    }
    do {
      return try JSONDecoder().decode(FileDocument.self, from: data)
    } catch let error as DecodingError {
      throw Self.readError(error)
    } catch {
      throw .init(path: "", message: "not a plan file: \(error)")
    }
  }

  private func client(_ entry: FileDocument.Entry, path: String, start: Month, horizon: Int) throws(PlanJSON.ReadError)
    -> PlannedClient
  {
    let reference: ClientReference
    var identity: (available: Month?, route: String, profile: String?, languages: [String]) = (nil, "", nil, [])
    if let id = entry.id {
      reference = .known(id: id)
      if let client = scenario?.clients.first(where: { $0.id == id }) {
        identity = (client.available, client.route, client.profile, client.languages)
      }
    } else if let index = entry.inflow {
      reference = .inflow(index: index)
      if let scenario, scenario.inflow.indices.contains(index) {
        let group = scenario.inflow[index]
        identity = (group.month, group.route, group.profile, group.languages)
      }
    } else {
      throw .init(path: path, message: "an entry needs `id` (a known client) or `inflow` (an inflow group)")
    }
    var steps: [PlannedStep] = []
    for (index, step) in entry.steps.enumerated() {
      steps.append(try self.step(step, path: "\(path).steps[\(index)]"))
    }
    let intake = try optionalMonth(entry.intake, at: "\(path).intake")
    let wait = entry.wait ?? 0
    let stepWaits = steps.reduce(0) { total, step in
      switch step.outcome {
      case .started(_, _, _, _, let wait), .unstarted(_, let wait): return total + wait
      case .beyondHorizon: return total
      }
    }
    let intakeWait = wait - stepWaits
    let available = identity.available ?? (intake ?? start.adding(horizon)).adding(-intakeWait)
    return PlannedClient(
      reference: reference, count: entry.count ?? 1, available: available, route: identity.route,
      profile: identity.profile, languages: identity.languages, specialist: entry.specialist, intake: intake,
      exit: try optionalMonth(entry.exit, at: "\(path).exit"), steps: steps, wait: wait, intakeWait: intakeWait)
  }

  private func step(_ step: FileDocument.Step, path: String) throws(PlanJSON.ReadError) -> PlannedStep {
    let ready = try optionalMonth(step.ready, at: "\(path).ready")
    if step.unstarted == true {
      return PlannedStep(step: step.step, outcome: .unstarted(ready: ready, wait: step.wait ?? 0))
    }
    if step.beyondHorizon == true {
      return PlannedStep(step: step.step, outcome: .beyondHorizon(ready: ready))
    }
    guard let programme = step.programme, let group = step.group, let startText = step.start else {
      throw .init(
        path: path, message: "a started step needs `programme`, `group` and `start` (or `unstarted` / `beyondHorizon`)")
    }
    let start = try month(startText, at: "\(path).start")
    return PlannedStep(
      step: step.step,
      outcome: .started(programme: programme, group: group, ready: ready, start: start, wait: step.wait ?? 0))
  }

  private func month(_ text: String, at path: String) throws(PlanJSON.ReadError) -> Month {
    guard let month = Month(parsing: text) else {
      throw .init(path: path, message: "'\(text)' is not a month (YYYY-MM)")
    }
    return month
  }

  private func optionalMonth(_ text: String?, at path: String) throws(PlanJSON.ReadError) -> Month? {
    guard let text else { return nil }
    return try month(text, at: path)
  }

  /// Foundation's decoding errors as a key path and a sentence.
  private static func readError(_ error: DecodingError) -> PlanJSON.ReadError {
    func path(_ codingPath: [any CodingKey]) -> String {
      codingPath.reduce("") { text, key in
        if let index = key.intValue { return text + "[\(index)]" }
        return text.isEmpty ? key.stringValue : text + "." + key.stringValue
      }
    }
    switch error {
    case .keyNotFound(let key, let context):
      let parent = path(context.codingPath)
      return .init(path: parent.isEmpty ? key.stringValue : parent + "." + key.stringValue, message: "missing")
    case .typeMismatch(let type, let context):
      return .init(path: path(context.codingPath), message: "expected \(Self.typeName(type))")
    case .valueNotFound(let type, let context):
      return .init(path: path(context.codingPath), message: "expected \(Self.typeName(type)), found null")
    case .dataCorrupted(let context):
      return .init(path: path(context.codingPath), message: "not valid JSON")
    @unknown default:
      return .init(path: "", message: "not a plan file")
    }
  }

  private static func typeName(_ type: Any.Type) -> String {
    switch type {
    case is String.Type: return "a string"
    case is Int.Type: return "an integer"
    case is Double.Type: return "a number"
    case is Bool.Type: return "true or false"
    default:
      let name = String(describing: type)
      if name.hasPrefix("Array") { return "a list" }
      return name.hasPrefix("Dictionary") ? "an object" : name
    }
  }
}

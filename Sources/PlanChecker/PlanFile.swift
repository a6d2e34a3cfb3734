import Foundation

// The checker's own reading of `cohortplan.plan/1`. It shares nothing with the code that writes
// plans: every key is optional here so that a missing key becomes a located violation instead
// of a decoding failure, and months stay strings until the checker parses them with a path.

/// A key as found in the file: absent, explicitly `null`, or a value.
enum Field<Value> {
  case missing
  case null
  case value(Value)

  var value: Value? {
    if case .value(let value) = self { return value }
    return nil
  }

  var isMissing: Bool {
    if case .missing = self { return true }
    return false
  }
}

extension Field: Sendable where Value: Sendable {}

extension KeyedDecodingContainer {
  /// Reads `key` without conflating a missing key with `null`.
  func field<Value: Decodable>(_ type: Value.Type, _ key: Key) throws -> Field<Value> {
    guard contains(key) else { return .missing }
    if try decodeNil(forKey: key) { return .null }
    return .value(try decode(type, forKey: key))
  }
}

/// The whole plan file.
struct PlanDocument: Decodable {
  var format: Field<String>
  var scenario: Field<String>
  var start: Field<String>
  var horizon: Field<Int>
  var status: Field<String>
  var gap: Field<Double>
  var bound: Field<Double>
  var objective: Field<PlanObjective>
  var clients: Field<[PlanClientEntry]>
  var cohorts: Field<[PlanCohort]>
  var specialists: Field<[PlanSpecialist]>

  private enum CodingKeys: String, CodingKey {
    case format, scenario, start, horizon, status, gap, bound, objective, clients, cohorts, specialists
  }

  init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    format = try container.field(String.self, .format)
    scenario = try container.field(String.self, .scenario)
    start = try container.field(String.self, .start)
    horizon = try container.field(Int.self, .horizon)
    status = try container.field(String.self, .status)
    gap = try container.field(Double.self, .gap)
    bound = try container.field(Double.self, .bound)
    objective = try container.field(PlanObjective.self, .objective)
    clients = try container.field([PlanClientEntry].self, .clients)
    cohorts = try container.field([PlanCohort].self, .cohorts)
    specialists = try container.field([PlanSpecialist].self, .specialists)
  }
}

/// `objective`: the primary value as the plan states it.
struct PlanObjective: Decodable {
  var waitingMonths: Field<Int>

  private enum CodingKeys: String, CodingKey { case waitingMonths }

  init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    waitingMonths = try container.field(Int.self, .waitingMonths)
  }
}

/// One entry of `clients`: a known client (`id`) or `count` heads of an inflow group (`inflow`).
struct PlanClientEntry: Decodable {
  var id: Field<String>
  var inflow: Field<Int>
  var count: Field<Int>
  var specialist: Field<String>
  var intake: Field<String>
  var exit: Field<String>
  var wait: Field<Int>
  var steps: Field<[PlanStepEntry]>

  private enum CodingKeys: String, CodingKey {
    case id, inflow, count, specialist, intake, exit, wait, steps
  }

  init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    id = try container.field(String.self, .id)
    inflow = try container.field(Int.self, .inflow)
    count = try container.field(Int.self, .count)
    specialist = try container.field(String.self, .specialist)
    intake = try container.field(String.self, .intake)
    exit = try container.field(String.self, .exit)
    wait = try container.field(Int.self, .wait)
    steps = try container.field([PlanStepEntry].self, .steps)
  }
}

/// One entry of a client's `steps`: started (`programme`, `group`, `ready`, `start`, `wait`),
/// `unstarted`, or `beyondHorizon`.
struct PlanStepEntry: Decodable {
  var step: Field<String>
  var programme: Field<String>
  var group: Field<Int>
  var ready: Field<String>
  var start: Field<String>
  var wait: Field<Int>
  var unstarted: Field<Bool>
  var beyondHorizon: Field<Bool>

  private enum CodingKeys: String, CodingKey {
    case step, programme, group, ready, start, wait, unstarted, beyondHorizon
  }

  init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    step = try container.field(String.self, .step)
    programme = try container.field(String.self, .programme)
    group = try container.field(Int.self, .group)
    ready = try container.field(String.self, .ready)
    start = try container.field(String.self, .start)
    wait = try container.field(Int.self, .wait)
    unstarted = try container.field(Bool.self, .unstarted)
    beyondHorizon = try container.field(Bool.self, .beyondHorizon)
  }
}

/// One entry of `cohorts`.
struct PlanCohort: Decodable {
  var programme: Field<String>
  var provider: Field<String>
  var start: Field<String>
  var group: Field<Int>
  var size: Field<Int>

  private enum CodingKeys: String, CodingKey { case programme, provider, start, group, size }

  init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    programme = try container.field(String.self, .programme)
    provider = try container.field(String.self, .provider)
    start = try container.field(String.self, .start)
    group = try container.field(Int.self, .group)
    size = try container.field(Int.self, .size)
  }
}

/// One entry of `specialists`: the stated cap and caseload.
struct PlanSpecialist: Decodable {
  var id: Field<String>
  var cap: Field<Int>
  var caseload: Field<[PlanCaseloadMonth]>
  var years: Field<[PlanCaseloadYear]>

  private enum CodingKeys: String, CodingKey { case id, cap, caseload, years }

  init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    id = try container.field(String.self, .id)
    cap = try container.field(Int.self, .cap)
    caseload = try container.field([PlanCaseloadMonth].self, .caseload)
    years = try container.field([PlanCaseloadYear].self, .years)
  }
}

/// `{month, clients}` in a specialist's `caseload`.
struct PlanCaseloadMonth: Decodable {
  var month: Field<String>
  var clients: Field<Int>

  private enum CodingKeys: String, CodingKey { case month, clients }

  init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    month = try container.field(String.self, .month)
    clients = try container.field(Int.self, .clients)
  }
}

/// `{year, clients, cap}` in a specialist's `years`.
struct PlanCaseloadYear: Decodable {
  var year: Field<Int>
  var clients: Field<Int>
  var cap: Field<Int>

  private enum CodingKeys: String, CodingKey { case year, clients, cap }

  init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    year = try container.field(Int.self, .year)
    clients = try container.field(Int.self, .clients)
    cap = try container.field(Int.self, .cap)
  }
}

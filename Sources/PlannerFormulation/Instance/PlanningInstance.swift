import PlannerDomain

/// A scenario on the integer month grid: offsets instead of calendar months, durations in
/// months, start calendars as flags, every client (known or expected) as a ``Member``.
///
/// Both the optimiser and the baseline plan from this view; the plan file is built back in
/// calendar months by ``PlanAssembler``.
public struct PlanningInstance: Sendable {
  public let scenario: Scenario
  public let horizon: Int
  public let programmes: [GridProgramme]
  public let members: [Member]
  public let specialists: [GridSpecialist]

  public init(_ scenario: Scenario) {
    self.scenario = scenario
    horizon = scenario.horizon
    programmes = scenario.programmes.enumerated().map { GridProgramme($1, index: $0, scenario: scenario) }
    specialists = scenario.specialists.enumerated().map { GridSpecialist($1, index: $0, scenario: scenario) }
    var members: [Member] = []
    for client in scenario.clients {
      members.append(Member(client: client, index: members.count, scenario: scenario, programmes: programmes))
    }
    for (index, group) in scenario.inflow.enumerated() {
      members.append(Member(inflow: group, inflowIndex: index, index: members.count, scenario: scenario))
    }
    self.members = members
  }

  public func route(of member: Member) -> Route {
    scenario.route(named: member.route) ?? Route(name: member.route, steps: [])
  }

  /// Programmes that serve `step` and admit the member's route and profile.
  public func eligibleProgrammes(step: String, for member: Member) -> [GridProgramme] {
    programmes.filter { $0.step == step && $0.programme.admits(route: member.route, profile: member.profile) }
  }

  public func specialistIndex(id: String) -> Int? { specialists.firstIndex { $0.specialist.id == id } }
}

/// A programme with its duration in months and its start calendar over the horizon.
public struct GridProgramme: Sendable {
  public let index: Int
  public let programme: Programme
  public let durationMonths: Int
  /// `startAllowed[t]` for grid months 0…H−1.
  public let startAllowed: [Bool]

  init(_ programme: Programme, index: Int, scenario: Scenario) {
    self.index = index
    self.programme = programme
    durationMonths = programme.duration.months
    startAllowed = (0..<max(scenario.horizon, 0)).map { programme.starts.allows(scenario.month(at: $0)) }
  }

  public var id: String { programme.id }
  public var step: String { programme.step }
  public var seats: Int { programme.seats }
  public var minSize: Int { programme.minSize }
  public var groups: Int { programme.groups }

  /// `extra` clients pinned to start in grid month `month` (written `monthText`) beyond what the
  /// programme takes then, in the words both planners report: no cohort starts that month (a
  /// month inside the horizon outside the calendar), or its seats × groups are taken.
  func overbooked(by extra: Int, month: Int, monthText: String) -> String {
    let reason =
      month >= 0 && month < startAllowed.count && !startAllowed[month]
      ? "starts no cohort in \(monthText)"
      : "has \(seats * groups) seats (\(seats) × \(groups) groups) in \(monthText)"
    return "\(extra) more client(s) are pinned to \(id) in \(monthText) than it takes: it \(reason)"
  }
}

/// A known client or an inflow group, on the grid.
public struct Member: Sendable {
  public let index: Int
  public let reference: ClientReference
  /// Heads: 1 for a known client, the group's count for inflow.
  public let count: Int
  public let available: Month
  /// Grid offset of availability; negative when before the scenario start.
  public let availableOffset: Int
  public let route: String
  public let profile: String?
  public let languages: [String]
  /// Steps of the route not yet done, in route order.
  public let openSteps: [String]
  public let pins: GridPins?

  /// The earliest intake month: availability clamped to month 0.
  public var earliestIntake: Int { max(availableOffset, 0) }

  init(client: Client, index: Int, scenario: Scenario, programmes: [GridProgramme]) {
    self.index = index
    reference = .known(id: client.id)
    count = 1
    available = client.available
    availableOffset = scenario.offset(of: client.available)
    route = client.route
    profile = client.profile
    languages = client.languages
    let steps = scenario.route(named: client.route)?.steps ?? []
    openSteps = steps.filter { !client.done.contains($0) }
    pins =
      client.pins.isEmpty
      ? nil : GridPins(client.pins, openSteps: openSteps, scenario: scenario, programmes: programmes)
  }

  init(inflow: InflowGroup, inflowIndex: Int, index: Int, scenario: Scenario) {
    self.index = index
    reference = .inflow(index: inflowIndex)
    count = inflow.count
    available = inflow.month
    availableOffset = scenario.offset(of: inflow.month)
    route = inflow.route
    profile = inflow.profile
    languages = inflow.languages
    openSteps = scenario.route(named: inflow.route)?.steps ?? []
    pins = nil
  }
}

/// A member's pins as grid offsets.
public struct GridPins: Sendable {
  public let specialist: String?
  public let intake: Int?
  public let exit: Int?
  /// Position in ``Member/openSteps`` → (programme index, start offset).
  public let steps: [Int: (programme: Int, start: Int)]

  init(_ pins: ClientPins, openSteps: [String], scenario: Scenario, programmes: [GridProgramme]) {
    specialist = pins.specialist
    intake = pins.intake.map(scenario.offset(of:))
    exit = pins.exit.map(scenario.offset(of:))
    var steps: [Int: (programme: Int, start: Int)] = [:]
    for (step, pin) in pins.steps {
      guard let position = openSteps.firstIndex(of: step),
        let programme = programmes.firstIndex(where: { $0.id == pin.programme })
      else { continue }
      steps[position] = (programme, scenario.offset(of: pin.start))
    }
    self.steps = steps
  }

  /// Equal for pins that constrain a plan identically. A history intake matters only through
  /// the month the first step is ready, as long as the exit is pinned or follows the steps.
  func canonicalKey(intakeMonths: Int, hasOpenSteps: Bool) -> String {
    let historyMatters = !steps.isEmpty || (exit == nil && !hasOpenSteps)
    let stepText = steps.keys.sorted().map { "\($0):\(steps[$0]?.programme ?? 0)@\(steps[$0]?.start ?? 0)" }
    let intakeText = intake.map { $0 < 0 && !historyMatters ? "h\(max(0, $0 + intakeMonths))" : String($0) } ?? ""
    return ["s=\(specialist ?? "")", "i=\(intakeText)", "e=\(exit.map(String.init) ?? "")"]
      .joined(separator: ";") + ";" + stepText.joined(separator: ",")
  }

  /// The last open-step position that is pinned, if any.
  public var lastPinnedStep: Int? { steps.keys.max() }
}

import PlannerDomain

/// Counts the variables, rows and nonzeros ``FlowNetwork`` would create, commodity by
/// commodity, without creating them. It mirrors the network's rules: a queue node per month
/// from the first availability, an intake arc per allowed team and month, then per open step a
/// ready node per team and month from the earliest ready month, with a wait arc and a start arc
/// per eligible programme that may start that month (one of twins standing for the others:
/// ``TwinProgrammes``).
struct SizeCounter {
  let instance: PlanningInstance
  let teams: [SpecialistType]
  let horizon: Int
  /// `startsBefore[p][m]`: months t < m in which programme p may start (m in 0…H).
  private let startsBefore: [[Int]]
  /// `nextStart[p][m]`: the first month t ≥ m in which programme p may start, or H.
  private let nextStart: [[Int]]

  private(set) var variables = 0
  private(set) var constraints = 0
  private(set) var nonzeros = 0
  /// Ready nodes (all teams and steps) and the start arcs leaving them.
  private(set) var readyNodes = 0
  private(set) var startArcs = 0
  private(set) var queueNodes = 0
  /// Per programme: the earliest month a start arc of it may exist (H when none).
  private var earliestStart: [Int]
  /// Teams with any client on their caseload, and specialists who share a team but hold pinned
  /// clients (each gets a caseload of their own as well).
  private var teamHasClients: [Bool]
  private var pinnedSpecialists: Set<Int> = []

  init(instance: PlanningInstance, teams: [SpecialistType], twins: TwinProgrammes = .none) {
    self.instance = instance
    self.teams = teams
    horizon = instance.horizon
    var before: [[Int]] = []
    var next: [[Int]] = []
    for programme in instance.programmes {
      let startAllowed = programme.startAllowed.indices.map { month in
        programme.startAllowed[month] && twins.standsForItself(programme.index, month: month)
      }
      var counts = [0]
      for allowed in startAllowed { counts.append(counts[counts.count - 1] + (allowed ? 1 : 0)) }
      var firsts = Array(repeating: instance.horizon, count: instance.horizon + 1)
      for month in stride(from: instance.horizon - 1, through: 0, by: -1) {
        firsts[month] = startAllowed[month] ? month : firsts[month + 1]
      }
      before.append(counts)
      next.append(firsts)
    }
    startsBefore = before
    nextStart = next
    earliestStart = Array(repeating: instance.horizon, count: instance.programmes.count)
    teamHasClients = Array(repeating: false, count: teams.count)
  }

  /// Months t in `lower..<upper` (clipped to the grid) in which programme `programme` may start.
  private func starts(_ programme: Int, from lower: Int, to upper: Int) -> Int {
    let low = min(max(lower, 0), horizon)
    let high = min(max(upper, 0), horizon)
    return high > low ? startsBefore[programme][high] - startsBefore[programme][low] : 0
  }

  private mutating func count(variables added: Int, rows: Int, nonzeros entries: Int) {
    variables = Saturating.sum([variables, added])
    constraints = Saturating.sum([constraints, rows])
    nonzeros = Saturating.sum([nonzeros, entries])
  }

  mutating func add(_ commodity: Commodity) {
    let teamCount = commodity.allowedTypes.count
    let annual = instance.scenario.caseload.basis == .annual
    let pins = commodity.pins
    let intakeMonths = commodity.route.intakeMonths
    let hasSteps = !commodity.openSteps.isEmpty
    let pinnedSpecialist = sharedPinnedSpecialist(commodity)
    // Entries of an intake arc: its queue row and landing row, then the caseload row, the year
    // row and the pinned exit, once for the team and once more for a pinned specialist in it.
    let caseloadEntries = 1 + (annual ? 1 : 0) + (pins?.exit != nil ? 1 : 0)
    let intakeEntries = 2 + caseloadEntries * (pinnedSpecialist == nil ? 1 : 2)
    let first = commodity.supply.keys.filter { $0 < horizon }.min()
    if teamCount > 0, let intake = pins?.intake ?? first, countsOnCaseload(commodity, intake: intake) {
      for team in commodity.allowedTypes { teamHasClients[team] = true }
      if let pinnedSpecialist { pinnedSpecialists.insert(pinnedSpecialist) }
    }
    // The raw months the first step is ready: one chain of step nodes from the earliest, which
    // later intakes share, except for clients with history, whose nodes remember the intake
    // month (see `NodeKey`): one chain per intake month.
    var readyMonths: [Int]
    if let intake = pins?.intake, intake < 0 {
      queueNodes += 1
      count(variables: teamCount, rows: 1, nonzeros: teamCount * intakeEntries)
      readyMonths = [intake + intakeMonths]
    } else {
      guard let first else { return }
      let nodes = horizon - first
      queueNodes += nodes
      let intakes = pins?.intake.map { $0 >= first && $0 < horizon ? 1 : 0 } ?? nodes
      let waits = pins?.intake.map { max(0, min($0, horizon) - first) } ?? nodes
      count(
        variables: Saturating.product(teamCount, intakes) + waits, rows: nodes,
        nonzeros: Saturating.product(teamCount, intakes * intakeEntries) + 2 * waits)
      let possibleIntakes = pins?.intake.map { [$0] } ?? Array(first..<horizon)
      readyMonths =
        FlowNetwork.hasHistory(commodity)
        ? possibleIntakes.map { $0 + intakeMonths } : [(pins?.intake ?? first) + intakeMonths]
    }
    guard teamCount > 0, hasSteps else { return }
    addNewcomers(of: commodity, teamCount: teamCount, intakeEntries: intakeEntries)
    for readyMonth in readyMonths {
      var ready = readyMonth
      for step in commodity.openSteps.indices {
        guard let next = addStep(step, of: commodity, ready: ready, teamCount: teamCount) else { break }
        ready = next
      }
    }
  }

  /// A month's newcomers held apart (``FlowNetwork/newcomerMonths``): a queue node with its
  /// intake and wait arcs, and per team the window's ready nodes with their start arcs (each with
  /// an opening row where a minimum applies).
  private mutating func addNewcomers(of commodity: Commodity, teamCount: Int, intakeEntries: Int) {
    for month in FlowNetwork.newcomerMonths(of: commodity, instance: instance) {
      queueNodes += 1
      count(variables: teamCount + 1, rows: 1, nonzeros: teamCount * intakeEntries + 2)
      let ready = month + commodity.route.intakeMonths
      let window = min(FlowNetwork.newcomerWindow, horizon - ready)
      var arcs = 0
      var openingRows = 0
      var entries = 2 * window
      for index in commodity.eligible[0] {
        let programme = instance.programmes[index]
        let options = starts(index, from: ready, to: ready + window)
        arcs += options
        // Origin, seats and landing rows; minimum and opening rows where a minimum applies.
        entries += options * (3 + (programme.minSize > 1 ? 3 : 0))
        if programme.minSize > 1 { openingRows += options }
      }
      readyNodes = Saturating.sum([readyNodes, Saturating.product(teamCount, window)])
      startArcs = Saturating.sum([startArcs, Saturating.product(teamCount, arcs)])
      count(
        variables: Saturating.product(teamCount, window + arcs),
        rows: Saturating.product(teamCount, window + openingRows), nonzeros: Saturating.product(teamCount, entries))
    }
  }

  /// Counts one open step's ready nodes and start arcs; returns the raw month the next step is
  /// ready at the earliest, or nil when no later step can be reached.
  private mutating func addStep(_ step: Int, of commodity: Commodity, ready rawReady: Int, teamCount: Int) -> Int? {
    let pin = commodity.pins?.steps[step]
    if let pin, pin.start < 0 { return pin.start + instance.programmes[pin.programme].durationMonths }
    let ready = max(0, rawReady)
    guard ready < horizon else { return nil }
    // A pinned step waits only up to its start (or not at all when ready after it).
    let nodes = pin.map { $0.start >= ready ? min($0.start, horizon - 1) - ready + 1 : 1 } ?? horizon - ready
    let isLast = step == commodity.openSteps.count - 1
    let exitCounted = commodity.pins?.exit == nil
    var arcs = 0
    var entries = 2 * nodes
    var earliestNext: Int?
    for index in commodity.eligible[step] {
      if let pin, pin.programme != index { continue }
      let programme = instance.programmes[index]
      let duration = programme.durationMonths
      let first = pin.map { $0.start >= ready && $0.start < horizon ? $0.start : horizon } ?? nextStart[index][ready]
      guard first < horizon else { continue }
      let options = pin == nil ? starts(index, from: ready, to: horizon) : 1
      earliestStart[index] = min(earliestStart[index], first)
      earliestNext = min(earliestNext ?? Int.max, first + duration)
      arcs += options
      // Origin row and cohort seats row; minimum and opening rows for cohorts with a minimum.
      let small = commodity.heads < programme.seats
      entries += options * (2 + (programme.minSize > 1 ? 1 + (small ? 2 : 0) : 0))
      if programme.minSize > 1 && small { count(variables: 0, rows: teamCount * options, nonzeros: 0) }
      let landingLimit =
        isLast ? horizon - duration - (exitCounted ? commodity.route.aftercare : horizon) : horizon - duration
      entries += pin == nil ? starts(index, from: ready, to: landingLimit) : (first < landingLimit ? 1 : 0)
    }
    readyNodes = Saturating.sum([readyNodes, Saturating.product(teamCount, nodes)])
    startArcs = Saturating.sum([startArcs, Saturating.product(teamCount, arcs)])
    count(
      variables: Saturating.product(teamCount, nodes + arcs), rows: Saturating.product(teamCount, nodes),
      nonzeros: Saturating.product(teamCount, entries))
    return earliestNext
  }

  /// Whether a client with intake in `month` is ever on a caseload (as ``FlowNetwork`` decides):
  /// not when a pinned exit comes at or before the intake, nor with no steps, intake months or
  /// aftercare.
  private func countsOnCaseload(_ commodity: Commodity, intake month: Int) -> Bool {
    if let exit = commodity.pins?.exit { return exit > max(month, 0) }
    return !(commodity.openSteps.isEmpty && commodity.route.intakeMonths + commodity.route.aftercare == 0)
  }

  /// The pinned specialist of a commodity when they share a team with others.
  private func sharedPinnedSpecialist(_ commodity: Commodity) -> Int? {
    guard let id = commodity.pins?.specialist, let specialist = instance.specialistIndex(id: id) else { return nil }
    let shared = commodity.allowedTypes.contains {
      teams[$0].members.count > 1 && teams[$0].members.contains(specialist)
    }
    return shared ? specialist : nil
  }

  /// Rows and variables of cohort sizes (one or two rows per programme and start month, and a
  /// cohort count where a minimum applies) and of caseloads (a variable and a row per team and
  /// month, a row per team and year on the annual basis).
  mutating func addCohortsAndCaseloads() {
    for programme in instance.programmes where earliestStart[programme.index] < horizon {
      let months = starts(programme.index, from: earliestStart[programme.index], to: horizon)
      if programme.minSize > 1 {
        count(variables: months, rows: 2 * months, nonzeros: 2 * months)
      } else {
        count(variables: 0, rows: months, nonzeros: 0)
      }
    }
    let years = instance.scenario.caseload.basis == .annual ? GridSpecialist.years(of: instance.scenario).count : 0
    let loaded = teamHasClients.count { $0 } + pinnedSpecialists.count
    count(
      variables: loaded * horizon, rows: loaded * (horizon + years),
      nonzeros: loaded * (2 * horizon - 1 + years))
  }
}

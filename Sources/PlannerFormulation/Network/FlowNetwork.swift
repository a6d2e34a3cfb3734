import OptimizationModel
import PlannerDomain

/// The time-expanded network of every commodity, with the bookkeeping the constraint families
/// need: which arcs start which cohorts, and when clients join or leave a caseload.
struct FlowNetwork {
  var model: LinearModel
  let instance: PlanningInstance
  let commodities: [Commodity]
  let types: [SpecialistType]
  /// See ``newcomerMonths``.
  let holdsNewcomersApart: Bool
  /// Alike programmes whose cohorts one count stands for (``TwinProgrammes``).
  let twins: TwinProgrammes

  private(set) var arcs: [Arc] = []
  private(set) var outgoing: [NodeKey: [Int]] = [:]
  private(set) var incoming: [NodeKey: [Int]] = [:]
  private(set) var nodes: [NodeKey] = []
  private(set) var supply: [NodeKey: Int] = [:]
  /// (programme, month) → start arcs with the heads of their commodity, in creation order.
  private(set) var cohortStarts: [CohortKey: [(variable: Variable, heads: Int)]] = [:]
  private(set) var cohortOrder: [CohortKey] = []
  /// Per type: grid month → variables whose flow joins (+1) or leaves (−1) the caseload.
  private(set) var caseloadChanges: [[Int: [CaseloadChange]]]
  /// Per specialist pinned by clients of a larger team: the same changes for those clients only,
  /// so the specialist's own cap can be kept for them (``SpecialistSlots`` places them first).
  private(set) var pinnedCaseloadChanges: [Int: [Int: [CaseloadChange]]] = [:]
  /// Pins that cannot hold whatever the plan does, in domain words.
  private(set) var pinConflicts: [String] = []
  /// For planning part by part (``BlockDecomposition``). Without the caseload rows a client
  /// without pins gains nothing by waiting for the intake: taken on at once, the client waits
  /// the same months at the first step instead. So the parts keep those intake waits at 0,
  /// and the merge decides every intake and wait again, under the caseload caps, around the
  /// parts' cohort starts (which fix the waiting months). The parts are first solved with
  /// intakes and starts continuous (cohort counts and waits integer): the flows of clients then
  /// came out whole in every part measured, and branch and bound has far fewer choices
  /// (BENCHMARKS.md).
  private(set) var partHints = BlockDecomposition.Hints()

  /// Flow that joins (`sign` +1) or leaves (−1) a caseload in a month. A leave that
  /// `cancelsIntake` falls in the intake's own month: the client was never on the caseload, so
  /// is not one of the year's distinct clients either.
  struct CaseloadChange {
    let variable: Variable
    let sign: Double
    var cancelsIntake = false
  }

  struct CohortKey: Hashable {
    let programme: Int
    let month: Int
  }

  init(
    instance: PlanningInstance, commodities: [Commodity], types: [SpecialistType], holdsNewcomersApart: Bool = true,
    twins: TwinProgrammes = .none
  ) {
    self.instance = instance
    self.commodities = commodities
    self.types = types
    self.holdsNewcomersApart = holdsNewcomersApart
    self.twins = twins
    model = LinearModel(name: "cohortplan")
    caseloadChanges = Array(repeating: [:], count: types.count)
    for commodity in commodities { addNetwork(of: commodity) }
    addHistoryCohortConflicts()
  }

  var horizon: Int { instance.horizon }

  // MARK: - Building one commodity's network

  private mutating func addNetwork(of commodity: Commodity) {
    var worklist: [NodeKey] = []
    var seen: Set<NodeKey> = []
    func enqueue(_ node: NodeKey) {
      if seen.insert(node).inserted {
        worklist.append(node)
        nodes.append(node)
      }
    }
    if let intake = commodity.pins?.intake, intake < 0 {
      let source = NodeKey.awaitingIntake(commodity: commodity.index, month: intake)
      supply[source] = commodity.heads
      enqueue(source)
    } else {
      if let pins = commodity.pins {
        let available = commodity.supply.keys.min() ?? 0
        if let intake = pins.intake, intake < available {
          pinConflicts.append("the intake is pinned to \(monthLabel(intake)), before the client is available")
        }
        if available >= horizon {
          pinConflicts.append("the client has pins but becomes available only after the horizon")
        }
        if instance.scenario.languageMatch == .required, let pinned = pins.specialist,
          let specialist = instance.specialistIndex(id: pinned),
          !languagesMatch(commodity.languages, instance.specialists[specialist].specialist.languages)
        {
          pinConflicts.append("the client is pinned to \(pinned), who speaks none of the client's languages")
        }
      }
      let newcomers = holdsNewcomersApart ? Self.newcomerMonths(of: commodity, instance: instance) : []
      for month in commodity.supply.keys.sorted() where month < horizon {
        let node: NodeKey =
          newcomers.contains(month)
          ? .newcomers(commodity: commodity.index, month: month)
          : .awaitingIntake(commodity: commodity.index, month: month)
        supply[node] = commodity.supply[month]
        if newcomers.contains(month) { enqueue(node) }
      }
      // The queue holds clients from their month of availability, newcomers from the month after.
      let queued = commodity.supply.keys.filter { $0 < horizon }.map { newcomers.contains($0) ? $0 + 1 : $0 }
      if let first = queued.min(), first < horizon {
        for month in first..<horizon { enqueue(.awaitingIntake(commodity: commodity.index, month: month)) }
      }
    }
    var position = 0
    while position < worklist.count {
      let node = worklist[position]
      position += 1
      for destination in expand(node, commodity: commodity) {
        if case .node(let next) = destination { enqueue(next) }
      }
    }
  }

  /// Starts pinned before month 0 are history: no arc carries them, so no seats row counts them.
  /// Their cohorts still take at most seats × groups (MODEL.md, "Fine points"), so more pins
  /// than that cannot all hold.
  private mutating func addHistoryCohortConflicts() {
    var pinned: [CohortKey: Int] = [:]
    for commodity in commodities {
      for pin in (commodity.pins?.steps ?? [:]).values where pin.start < 0 {
        pinned[CohortKey(programme: pin.programme, month: pin.start), default: 0] += commodity.heads
      }
    }
    for (key, count) in pinned.sorted(by: { ($0.key.programme, $0.key.month) < ($1.key.programme, $1.key.month) }) {
      let programme = instance.programmes[key.programme]
      let seats = programme.seats * programme.groups
      guard count > seats else { continue }
      pinConflicts.append(programme.overbooked(by: count - seats, month: key.month, monthText: monthLabel(key.month)))
    }
  }

  /// An intake arc in `month` per allowed type, landing at the first step (or further after
  /// history); newcomers (`arrival`) land on their own nodes. Returns the landings.
  private mutating func addIntakes(commodity: Commodity, month: Int, from node: NodeKey, arrival: Int?)
    -> [Destination]
  {
    var destinations: [Destination] = []
    let heads = commodity.heads(arrival: arrival)
    for type in commodity.allowedTypes {
      let landing = land(
        commodity: commodity, type: type, rawMonth: month + commodity.route.intakeMonths, step: 0,
        intake: Self.hasHistory(commodity) ? month : nil, arrival: arrival)
      guard let landing else { continue }
      let variable = model.addVariable(
        "intake[\(commodity.label),\(types[type].label),\(monthLabel(month))\(arrivalLabel(arrival))]",
        kind: .integer, lower: 0, upper: Double(heads))
      let counts = countsOnCaseload(commodity, intake: month, landing: landing)
      addArc(
        variable, commodity: commodity.index, kind: .intake(type: type, month: month), from: node, to: landing,
        recordsExit: counts)
      destinations.append(landing)
      if counts { recordIntake(variable, commodity: commodity, type: type, month: month) }
    }
    return destinations
  }

  /// Adds the arcs leaving `node` and returns their destinations.
  private mutating func expand(_ node: NodeKey, commodity: Commodity) -> [Destination] {
    switch node {
    case .awaitingIntake(let index, let month):
      return expandAwaiting(commodity: commodity, index: index, month: month, node: node)
    case .newcomers(let index, let month):
      return expandNewcomers(commodity: commodity, index: index, month: month, node: node)
    case .readyForStep(_, let type, let step, let month, let intake, let arrival):
      return expandReady(
        commodity: commodity, type: type, step: step, month: month, intake: intake, arrival: arrival, node: node)
    }
  }

  /// A month's newcomers are taken on at once onto nodes of their own, or join the queue.
  private mutating func expandNewcomers(commodity: Commodity, index: Int, month: Int, node: NodeKey) -> [Destination] {
    var destinations = addIntakes(commodity: commodity, month: month, from: node, arrival: month)
    let heads = commodity.heads(arrival: month)
    let next: Destination =
      month + 1 >= horizon ? .noIntake : .node(.awaitingIntake(commodity: index, month: month + 1))
    let variable = model.addVariable(
      "waitForIntake[\(commodity.label),\(monthLabel(month))\(arrivalLabel(month))]", kind: .integer, lower: 0,
      upper: Double(heads), cost: 1)
    addArc(variable, commodity: index, kind: .waitForIntake, from: node, to: next)
    destinations.append(next)
    return destinations
  }

  private mutating func expandAwaiting(commodity: Commodity, index: Int, month: Int, node: NodeKey) -> [Destination] {
    var destinations: [Destination] = []
    let pinnedIntake = commodity.pins?.intake
    if pinnedIntake == nil || pinnedIntake == month {
      destinations += addIntakes(commodity: commodity, month: month, from: node, arrival: nil)
    }
    guard month >= 0 else { return destinations }
    let mayWait = pinnedIntake.map { month < $0 } ?? true
    let reachesHorizon = month + 1 >= horizon
    if mayWait && !(reachesHorizon && commodity.pins != nil) {
      let next: Destination =
        reachesHorizon ? .noIntake : .node(.awaitingIntake(commodity: index, month: month + 1))
      // Whole clients wait whole months, so waits are integers in every plan anyway; saying so
      // lets the solver see that the objective is whole and round its bound up, which prunes
      // far more of the search (BENCHMARKS.md, "Planning part by part").
      let variable = model.addVariable(
        "waitForIntake[\(commodity.label),\(monthLabel(month))]", kind: .integer, lower: 0, cost: 1)
      addArc(variable, commodity: index, kind: .waitForIntake, from: node, to: next)
      destinations.append(next)
    }
    return destinations
  }

  private mutating func expandReady(
    commodity: Commodity, type: Int, step: Int, month: Int, intake: Int?, arrival: Int?, node: NodeKey
  ) -> [Destination] {
    var destinations: [Destination] = []
    // Newcomers' arcs carry at most the month's heads, and so do their cohort opening rows.
    let heads = commodity.heads(arrival: arrival)
    let pin = commodity.pins?.steps[step]
    let mustStartThisStep = (commodity.pins?.lastPinnedStep).map { step <= $0 } ?? false
    for programmeIndex in commodity.eligible[step] {
      let programme = instance.programmes[programmeIndex]
      if let pin, pin.programme != programmeIndex || pin.start != month { continue }
      guard pin != nil || (programme.startAllowed[month] && twins.standsForItself(programmeIndex, month: month)) else {
        continue
      }
      let landing = land(
        commodity: commodity, type: type, rawMonth: month + programme.durationMonths, step: step + 1, intake: intake)
      guard let landing else { continue }
      let variable = model.addVariable(
        "start[\(commodity.label),\(types[type].label),\(programmeLabel(programmeIndex)),\(monthLabel(month))\(intakeLabel(intake))\(arrivalLabel(arrival))]",
        kind: .integer,
        lower: 0, upper: Double(heads))
      addArc(
        variable, commodity: commodity.index, kind: .start(programme: programmeIndex, month: month, step: step),
        from: node, to: landing)
      destinations.append(landing)
      let key = CohortKey(programme: programmeIndex, month: month)
      if cohortStarts[key] == nil { cohortOrder.append(key) }
      cohortStarts[key, default: []].append((variable, heads))
    }
    let mayWait = pin.map { month < $0.start } ?? true
    let reachesHorizon = month + 1 >= horizon
    if mayWait && !(reachesHorizon && mustStartThisStep) {
      // Newcomers join the others after the window.
      let stillApart = arrival.flatMap {
        month + 1 < $0 + commodity.route.intakeMonths + Self.newcomerWindow ? $0 : nil
      }
      let next: Destination =
        reachesHorizon
        ? .unstarted(type: type, step: step)
        : .node(
          .readyForStep(
            commodity: commodity.index, type: type, step: step, month: month + 1, intake: intake, arrival: stillApart))
      let variable = model.addVariable(
        "waitForStep[\(commodity.label),\(types[type].label),\(stepLabel(commodity, step)),\(monthLabel(month))\(intakeLabel(intake))\(arrivalLabel(arrival))]",
        kind: .integer, lower: 0, cost: 1)
      addArc(variable, commodity: commodity.index, kind: .waitForStep, from: node, to: next)
      destinations.append(next)
    }
    return destinations
  }

  /// Where a client lands when `step` becomes ready at raw month `rawMonth`, after any steps
  /// pinned before month 0 (history), remembering `intake` (see ``NodeKey``) and, at the first
  /// step, the newcomers' `arrival`. Nil when pins forbid landing there.
  ///
  /// MODEL.md exempts history starts from the ready check, and a step's readiness follows from
  /// the previous start alone. So history decides where the journey continues whatever came
  /// before it: at its end, or at the next step, ready when the history ends, perhaps before
  /// the intake or before a step planned earlier on the path (flow balance does not mind an arc
  /// that goes back in time; the exit is counted no earlier than the intake).
  private mutating func land(
    commodity: Commodity, type: Int, rawMonth: Int, step: Int, intake: Int?, arrival: Int? = nil
  )
    -> Destination?
  {
    var rawMonth = rawMonth
    var step = step
    while step < commodity.openSteps.count, let pin = commodity.pins?.steps[step], pin.start < 0 {
      rawMonth = pin.start + instance.programmes[pin.programme].durationMonths
      step += 1
    }
    if step == commodity.openSteps.count { return .finished(type: type, month: rawMonth) }
    let ready = max(0, rawMonth)
    if ready >= horizon {
      let mustStart = (commodity.pins?.lastPinnedStep).map { step <= $0 } ?? false
      return mustStart ? nil : .beyondHorizon(type: type, step: step)
    }
    return .node(
      .readyForStep(
        commodity: commodity.index, type: type, step: step, month: ready, intake: intake,
        arrival: step == 0 ? arrival : nil))
  }

  private mutating func addArc(
    _ variable: Variable, commodity: Int, kind: ArcKind, from: NodeKey, to: Destination, recordsExit: Bool = true
  ) {
    arcs.append(Arc(variable: variable, commodity: commodity, kind: kind, origin: from, destination: to))
    recordPartHints(variable, kind: kind, commodity: commodity)
    outgoing[from, default: []].append(arcs.count - 1)
    if case .node(let next) = to { incoming[next, default: []].append(arcs.count - 1) }
    if recordsExit, case .finished(let type, let month) = to, commodity < commodities.count,
      commodities[commodity].pins?.exit == nil, !isZeroLength(commodities[commodity])
    {
      // After history the journey may end before a later intake: +1 at the intake and −1 at
      // the same month then leave the client off the caseload, as MODEL.md counts it.
      var exit = month + commodities[commodity].route.aftercare
      var cancelsIntake = false
      if case .readyForStep(_, _, _, _, let intake?, _) = from, exit <= max(intake, 0) {
        exit = max(intake, 0)
        cancelsIntake = true
      }
      recordExit(
        variable, type: type, month: exit, pinned: pinnedSpecialist(commodities[commodity], type: type),
        cancelsIntake: cancelsIntake)
    }
  }

  /// See ``partHints``: every arc but a cohort start is decided again by the merge; intake waits
  /// of clients without pins (who have an intake to take) stay 0 in the parts; intakes and starts
  /// are relaxed in the parts, while waits stay integer: they carry the cost, so the solver still
  /// sees a whole objective.
  private mutating func recordPartHints(_ variable: Variable, kind: ArcKind, commodity index: Int) {
    switch kind {
    case .start:
      partHints.relaxedInBlocks.insert(variable.index)
    case .intake:
      partHints.relaxedInBlocks.insert(variable.index)
      partHints.redecidedInMerge.insert(variable.index)
    case .waitForIntake:
      partHints.redecidedInMerge.insert(variable.index)
      let commodity = commodities[index]
      if commodity.pins == nil && !commodity.allowedTypes.isEmpty { partHints.fixedInBlocks.insert(variable.index) }
    case .waitForStep:
      partHints.redecidedInMerge.insert(variable.index)
    }
  }

  private mutating func recordIntake(_ variable: Variable, commodity: Commodity, type: Int, month: Int) {
    guard month < horizon else { return }
    let pinned = pinnedSpecialist(commodity, type: type)
    let change = CaseloadChange(variable: variable, sign: 1)
    caseloadChanges[type][max(month, 0), default: []].append(change)
    if let pinned { pinnedCaseloadChanges[pinned, default: [:]][max(month, 0), default: []].append(change) }
    if let exit = commodity.pins?.exit { recordExit(variable, type: type, month: exit, pinned: pinned) }
  }

  private mutating func recordExit(
    _ variable: Variable, type: Int, month: Int, pinned: Int?, cancelsIntake: Bool = false
  ) {
    guard month < horizon else { return }
    let change = CaseloadChange(variable: variable, sign: -1, cancelsIntake: cancelsIntake)
    caseloadChanges[type][max(month, 0), default: []].append(change)
    if let pinned { pinnedCaseloadChanges[pinned, default: [:]][max(month, 0), default: []].append(change) }
  }

  /// Whether a client with intake in `month` that lands at `landing` is on the caseload in any
  /// month. A pinned exit at or before the intake leaves it off; so does an exit at or before the
  /// intake of a client landing straight at the end of the journey (every open step done or
  /// started in the history), where counting the intake and its earlier exit would free a place
  /// that does not exist; and so do no steps, no intake months and no aftercare.
  private func countsOnCaseload(_ commodity: Commodity, intake month: Int, landing: Destination) -> Bool {
    if let exit = commodity.pins?.exit { return exit > max(month, 0) }
    if case .finished(_, let finish) = landing { return finish + commodity.route.aftercare > max(month, 0) }
    return !isZeroLength(commodity)
  }

  /// Whether any open step of the commodity started before the plan.
  static func hasHistory(_ commodity: Commodity) -> Bool {
    commodity.pins?.steps.values.contains { $0.start < 0 } ?? false
  }

  private func isZeroLength(_ commodity: Commodity) -> Bool {
    commodity.openSteps.isEmpty && commodity.route.intakeMonths + commodity.route.aftercare == 0
      && commodity.pins?.exit == nil
  }

  /// The specialist a commodity is pinned to, when that specialist shares a larger team.
  private func pinnedSpecialist(_ commodity: Commodity, type: Int) -> Int? {
    guard types[type].members.count > 1, let id = commodity.pins?.specialist else { return nil }
    return instance.specialistIndex(id: id)
  }

  func monthLabel(_ month: Int) -> String { instance.scenario.month(at: month).description }

  /// Tells apart the nodes and arcs of one step that remember different intake months.
  func intakeLabel(_ intake: Int?) -> String { intake.map { ",intake=\(monthLabel($0))" } ?? "" }

  /// Tells apart the nodes and arcs of a month's newcomers.
  func arrivalLabel(_ arrival: Int?) -> String { arrival.map { ",newcomers=\(monthLabel($0))" } ?? "" }

  func programmeLabel(_ index: Int) -> String { ModelName.safe(instance.programmes[index].id, index: index) }

  func stepLabel(_ commodity: Commodity, _ step: Int) -> String {
    ModelName.safe(commodity.openSteps[step], index: step)
  }
}

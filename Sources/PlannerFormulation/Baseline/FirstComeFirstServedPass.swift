import PlannerDomain

/// One pass of the first-come-first-served planner over every head, with this round's slot
/// capacities.
///
/// Pinned starts hold their seats from the outset; then the pinned clients are placed (in the
/// order of ``BaselineRoster/pinned``), then every other head in order of availability. A head
/// takes the earliest intake month from which its steps, each in the earliest month with a free
/// seat, keep a specialist under the cap for the whole of its time on the caseload.
struct FirstComeFirstServedPass {
  let instance: PlanningInstance
  let roster: BaselineRoster
  private(set) var slots: CohortSlots
  private(set) var caseloads: CaseloadLedger
  /// One schedule per head, grouped by member.
  private(set) var schedules: [[ClientSchedule]]
  /// Pins that did not hold, in domain words.
  private(set) var conflicts: [String]

  init(instance: PlanningInstance, roster: BaselineRoster, capacity: [[Int]], pinned: [[Int]]) {
    self.instance = instance
    self.roster = roster
    slots = CohortSlots(instance: instance, capacity: capacity, pinned: pinned)
    caseloads = CaseloadLedger(instance: instance)
    schedules = instance.members.map { _ in [] }
    conflicts = roster.conflicts
    reservePinnedSeats()
  }

  /// Every head's schedule, members in scenario order.
  var allSchedules: [ClientSchedule] { schedules.flatMap(\.self) }

  mutating func run() {
    for index in roster.pinned { placePinned(instance.members[index]) }
    for index in roster.queue { placeHeads(of: instance.members[index]) }
  }

  // MARK: Pinned clients

  /// Books every pinned start before anyone chooses, so that no earlier head takes its seat.
  private mutating func reservePinnedSeats() {
    var booked: [CohortSlots.Slot: Int] = [:]
    for index in roster.pinned {
      for pin in (instance.members[index].pins?.steps ?? [:]).values where pin.start < instance.horizon {
        let slot = CohortSlots.Slot(programme: pin.programme, month: pin.start)
        guard slots.hasSeat(slot) else {
          booked[slot, default: 0] += 1
          continue
        }
        slots.book(slot)
      }
    }
    for (slot, extra) in booked.sorted(by: { ($0.key.programme, $0.key.month) < ($1.key.programme, $1.key.month) }) {
      conflicts.append(
        instance.programmes[slot.programme].overbooked(by: extra, month: slot.month, monthText: text(slot.month)))
    }
  }

  private mutating func placePinned(_ member: Member) {
    guard let pins = member.pins else { return }
    let horizon = instance.horizon
    let intakes: [Int]
    var reason: String?
    if let pinned = pins.intake {
      intakes = [pinned]
      if pinned >= 0 && pinned < member.earliestIntake {
        reason =
          "the intake is pinned to \(text(pinned)), before the client is available in \(text(member.earliestIntake))"
      } else if pinned >= horizon {
        reason = "the intake is pinned to \(text(pinned)), after the horizon"
      }
    } else {
      intakes = Array(member.earliestIntake..<max(member.earliestIntake, horizon))
      if intakes.isEmpty {
        reason = "the client has pins, so it needs an intake, but becomes available after the horizon"
      }
    }
    if roster.candidates[member.index].isEmpty && pins.specialist == nil {
      reason = reason ?? "language_match is required, but no specialist speaks the client's languages"
    }
    if reason == nil && !roster.candidates[member.index].isEmpty {
      let who = pins.specialist.map { "the pinned specialist \($0) has no" } ?? "no specialist has"
      for intake in intakes {
        do {
          let steps = try tentativeSteps(of: member, intake: intake)
          if place(member, intake: intake, steps: steps) { return }
          reason = reason ?? "\(who) room on the caseload for it from an intake in \(text(intake)) to its exit"
        } catch {
          reason = reason ?? error.reason
        }
      }
    }
    if let reason { conflicts.append("\(member.domainName): \(reason)") }
    schedules[member.index].append(Self.withoutIntake(member))
  }

  // MARK: Everyone else

  /// Places the member's heads one by one. Heads of one inflow group are alike, so once one of
  /// them finds no intake (leaving every counter as it was), neither do the others.
  private mutating func placeHeads(of member: Member) {
    let route = instance.route(of: member)
    // A head is on the caseload from its intake month whenever intake or aftercare takes time.
    let screen = route.intakeMonths + route.aftercare > 0
    let candidates = roster.candidates[member.index]
    for _ in 0..<member.count {
      var placed = false
      for intake in member.earliestIntake..<max(member.earliestIntake, instance.horizon) {
        if screen && !candidates.contains(where: { caseloads.hasRoom($0, in: intake) }) { continue }
        guard let steps = try? tentativeSteps(of: member, intake: intake) else { continue }
        if place(member, intake: intake, steps: steps) {
          placed = true
          break
        }
      }
      guard placed else {
        let missing = member.count - schedules[member.index].count
        schedules[member.index] += Array(repeating: Self.withoutIntake(member), count: missing)
        return
      }
    }
  }

  // MARK: Shared

  /// Gives the head with this intake and these starts the least-loaded specialist (clients in
  /// the intake month, ties by scenario order) who stays under the cap over its whole time on
  /// the caseload, and books it all. False when nobody fits.
  private mutating func place(_ member: Member, intake: Int, steps: [ScheduledStep]) -> Bool {
    var schedule = ClientSchedule(member: member.index, specialist: nil, intake: intake, steps: steps)
    let counted = ClientTimeline(schedule, in: instance).counted
    guard let chosen = caseloads.leastLoaded(among: roster.candidates[member.index], in: intake, fitting: counted)
    else { return false }
    schedule.specialist = chosen
    caseloads.book(chosen, months: counted)
    let pinnedSteps = member.pins?.steps ?? [:]
    for (position, step) in steps.enumerated() where pinnedSteps[position] == nil {
      if case .started(let programme, let start) = step {
        slots.book(CohortSlots.Slot(programme: programme, month: start))
      }
    }
    schedules[member.index].append(schedule)
    return true
  }

  /// Each open step after an intake in `intake`: a pinned step at its pin, any other in the
  /// earliest month with a free seat in an eligible programme. A step ready at or after the
  /// horizon, or without a seat inside it, is not started, nor are the steps after it.
  ///
  /// - Throws: ``PinConflict`` when the member's step pins cannot hold after this intake.
  func tentativeSteps(of member: Member, intake: Int) throws(PinConflict) -> [ScheduledStep] {
    let horizon = instance.horizon
    let pins = member.pins
    let lastPinned = pins?.lastPinnedStep ?? -1
    var steps: [ScheduledStep] = []
    var raw = intake + instance.route(of: member).intakeMonths
    for (position, name) in member.openSteps.enumerated() {
      let pin = pins?.steps[position]
      let ready = max(0, raw)
      // A start pinned before month 0 is history: no ready or calendar check.
      let history = pin.map { $0.start < 0 } ?? false
      if ready >= horizon && !history {
        // Beyond the horizon: this step and the later ones are neither planned nor counted.
        guard position >= lastPinned, (pin?.start ?? horizon) >= horizon else {
          throw PinConflict(
            "\(name) is ready only in \(text(ready)), after the horizon, but it or a later step is pinned")
        }
        break
      }
      if let pin {
        guard roster.eligible[member.index][position].contains(pin.programme) else {
          throw PinConflict("\(name) is pinned to \(instance.programmes[pin.programme].id), which does not admit it")
        }
        guard history || (ready...(horizon - 1)).contains(pin.start) else {
          throw PinConflict("\(name) is pinned to start in \(text(pin.start)), but it is ready in \(text(ready))")
        }
        steps.append(.started(programme: pin.programme, month: pin.start))
        raw = pin.start + instance.programmes[pin.programme].durationMonths
        continue
      }
      guard let slot = slots.earliestSeat(from: ready, among: roster.eligible[member.index][position]) else {
        guard position > lastPinned else {
          throw PinConflict("\(name) comes before a pinned step but finds no free seat from \(text(ready)) on")
        }
        break
      }
      steps.append(.started(programme: slot.programme, month: slot.month))
      raw = slot.month + instance.programmes[slot.programme].durationMonths
    }
    return steps + Array(repeating: .notStarted, count: member.openSteps.count - steps.count)
  }

  static func withoutIntake(_ member: Member) -> ClientSchedule {
    ClientSchedule(
      member: member.index, specialist: nil, intake: nil,
      steps: Array(repeating: .notStarted, count: member.openSteps.count))
  }

  private func text(_ month: Int) -> String { instance.scenario.month(at: month).description }
}

/// Why a pinned client's pins cannot hold, in domain words.
struct PinConflict: Error {
  let reason: String
  init(_ reason: String) { self.reason = reason }
}

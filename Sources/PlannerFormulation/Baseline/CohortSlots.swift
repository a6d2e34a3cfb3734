import PlannerDomain

/// Seats of every start slot (programme, start month) during one first-come-first-served pass.
///
/// A slot takes at most `seats × groups` clients (MODEL.md "Cohorts"); the planner lowers a
/// slot's capacity between passes when its clients cannot form cohorts of `min_size`. Starts
/// before month 0 are pinned history: no calendar, no minimum, but seats and groups still hold.
struct CohortSlots {
  struct Slot: Hashable {
    let programme: Int
    let month: Int
  }

  let programmes: [GridProgramme]
  let horizon: Int
  /// `capacity[programme][month]`: clients the slot may take in this pass (0 when no cohort may start).
  let capacity: [[Int]]
  /// `pinned[programme][month]`: starts pinned to the slot; its capacity never drops below them.
  let pinned: [[Int]]
  /// `taken[programme][month]`: clients booked so far.
  private(set) var taken: [[Int]]
  /// Clients booked in slots before month 0 (history).
  private(set) var history: [Slot: Int] = [:]

  init(instance: PlanningInstance, capacity: [[Int]], pinned: [[Int]]) {
    programmes = instance.programmes
    horizon = instance.horizon
    self.capacity = capacity
    self.pinned = pinned
    taken = capacity.map { Array(repeating: 0, count: $0.count) }
  }

  /// `seats × groups` in every month the programme's calendar allows, 0 elsewhere.
  static func fullCapacity(of instance: PlanningInstance) -> [[Int]] {
    instance.programmes.map { programme in
      programme.startAllowed.map { $0 ? programme.seats * programme.groups : 0 }
    }
  }

  /// Starts pinned inside the horizon, per programme and month.
  static func pinnedStarts(of instance: PlanningInstance) -> [[Int]] {
    var pinned = instance.programmes.map { _ in Array(repeating: 0, count: instance.horizon) }
    for member in instance.members {
      for pin in (member.pins?.steps ?? [:]).values where (0..<instance.horizon).contains(pin.start) {
        pinned[pin.programme][pin.start] += member.count
      }
    }
    return pinned
  }

  /// Whether the slot has a free seat (history slots: seats × groups, whatever the calendar).
  func hasSeat(_ slot: Slot) -> Bool {
    if slot.month < 0 {
      let programme = programmes[slot.programme]
      return history[slot, default: 0] < programme.seats * programme.groups
    }
    guard slot.month < horizon else { return false }
    return taken[slot.programme][slot.month] < capacity[slot.programme][slot.month]
  }

  /// The earliest month ≥ `ready` with a free seat in one of `eligible` (programme indices in
  /// scenario order); in the same month the first programme wins.
  func earliestSeat(from ready: Int, among eligible: [Int]) -> Slot? {
    guard ready >= 0 else { return nil }
    for month in ready..<max(ready, horizon) {
      for programme in eligible where taken[programme][month] < capacity[programme][month] {
        return Slot(programme: programme, month: month)
      }
    }
    return nil
  }

  mutating func book(_ slot: Slot, heads: Int = 1) {
    if slot.month < 0 {
      history[slot, default: 0] += heads
    } else {
      taken[slot.programme][slot.month] += heads
    }
  }

  // MARK: Minimum sizes

  /// Whether `size` clients starting together can be split into cohorts of `min_size`…`seats`,
  /// at most `groups` of them: some g ≤ groups with min_size·g ≤ size ≤ seats·g. Then the
  /// assembler's split into ⌈size / seats⌉ even groups reaches the minimum too.
  static func admits(size: Int, in programme: GridProgramme) -> Bool {
    guard size > 0 else { return true }
    return (1...max(programme.groups, 1)).contains { groups in
      programme.minSize * groups <= size && size <= programme.seats * groups
    }
  }

  /// Slots inside the horizon whose clients cannot form cohorts, earliest month first, then
  /// in programme order.
  func undersized() -> [Slot] {
    var slots: [Slot] = []
    for month in 0..<horizon {
      for programme in programmes.indices where !Self.admits(size: taken[programme][month], in: programmes[programme]) {
        slots.append(Slot(programme: programme, month: month))
      }
    }
    return slots
  }

  /// The largest size below the slot's current one that can run and keeps every pinned start:
  /// 0 closes the slot. Nil when no such size exists (the pinned starts alone cannot run).
  func reducedCapacity(of slot: Slot) -> Int? {
    let programme = programmes[slot.programme]
    let keep = pinned[slot.programme][slot.month]
    // Below the current capacity too, so that every reduction takes a seat away.
    let size = min(taken[slot.programme][slot.month], capacity[slot.programme][slot.month])
    guard keep < size else { return nil }
    return (keep..<size).reversed().first { Self.admits(size: $0, in: programme) }
  }

  /// For a slot that holds pinned starts but too few clients: the latest earlier slot of a
  /// programme serving the same step that holds clients without a pin there, with the seats it
  /// keeps (its pinned starts). Closing it sends those clients on, perhaps into `slot`.
  func feeder(of slot: Slot) -> (slot: Slot, seats: Int)? {
    let step = programmes[slot.programme].step
    for month in stride(from: min(slot.month, horizon) - 1, through: 0, by: -1) {
      for programme in programmes.indices
      where programmes[programme].step == step && taken[programme][month] > pinned[programme][month]
        && capacity[programme][month] > pinned[programme][month]
      {
        return (Slot(programme: programme, month: month), pinned[programme][month])
      }
    }
    return nil
  }
}

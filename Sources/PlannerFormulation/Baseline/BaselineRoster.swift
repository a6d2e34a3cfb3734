import PlannerDomain

/// What every first-come-first-served pass needs and no pass changes: who goes in which order,
/// which programmes serve each member's steps and which specialists each member may have.
struct BaselineRoster {
  /// Members with pins: their commitments are booked before anyone else. Those with a pinned
  /// specialist go first (they have no other), then the rest; each in scenario order.
  let pinned: [Int]
  /// Members without pins in order of availability; ties keep scenario order, so inflow heads
  /// follow the known clients of the same month.
  let queue: [Int]
  /// `eligible[member][step]`: programme indices serving the open step, in scenario order.
  let eligible: [[[Int]]]
  /// `candidates[member]`: specialist indices the member may get, in scenario order.
  let candidates: [[Int]]
  /// `component[programme]`: the smallest programme index of the programme's group: programmes
  /// join a group when one member is eligible for both (for any of its steps).
  let component: [Int]

  /// Pins that cannot hold whatever the plan does (an unknown or unsuitable pinned specialist).
  let conflicts: [String]

  init(_ instance: PlanningInstance) {
    let members = instance.members
    let withPins = members.filter { $0.pins != nil }
    pinned =
      withPins.filter { $0.pins?.specialist != nil }.map(\.index)
      + withPins.filter { $0.pins?.specialist == nil }.map(\.index)
    queue = members.filter { $0.pins == nil }
      .sorted { ($0.availableOffset, $0.index) < ($1.availableOffset, $1.index) }
      .map(\.index)
    eligible = members.map { member in
      member.openSteps.map { step in instance.eligibleProgrammes(step: step, for: member).map(\.index) }
    }
    component = Self.components(instance.programmes.count, eligible: eligible)
    let required = instance.scenario.languageMatch == .required
    var conflicts: [String] = []
    candidates = members.map { member in
      let speaking = instance.specialists.filter {
        !required || languagesMatch(member.languages, $0.specialist.languages)
      }
      guard let id = member.pins?.specialist else { return speaking.map(\.index) }
      guard let index = instance.specialistIndex(id: id) else {
        conflicts.append("\(member.domainName): the pinned specialist \(id) is not a specialist of the scenario")
        return []
      }
      guard speaking.contains(where: { $0.index == index }) else {
        conflicts.append(
          "\(member.domainName): language_match is required, but the pinned specialist \(id) speaks none of "
            + "the client's languages")
        return []
      }
      return [index]
    }
    self.conflicts = conflicts
  }
}

extension BaselineRoster {
  /// Groups of programmes that share an eligible member, each named by its smallest index.
  static func components(_ count: Int, eligible: [[[Int]]]) -> [Int] {
    var parent = Array(0..<count)
    func root(_ programme: Int) -> Int {
      var node = programme
      while parent[node] != node { node = parent[node] }
      return node
    }
    for steps in eligible {
      let programmes = steps.flatMap(\.self)
      guard let first = programmes.first else { continue }
      for other in programmes.dropFirst() {
        let (left, right) = (root(first), root(other))
        if left != right { parent[max(left, right)] = min(left, right) }
      }
    }
    return (0..<count).map(root)
  }
}

extension Member {
  /// `client C07`, or `inflow 2` for an inflow group.
  var domainName: String {
    switch reference {
    case .known(let id): return "client \(id)"
    case .inflow(let index): return "inflow \(index)"
    }
  }
}

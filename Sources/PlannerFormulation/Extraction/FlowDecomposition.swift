import OptimizationModel
import PlannerDomain

/// Turns the optimal integer flows back into one schedule per head.
///
/// Heads walk the network month by month. At each node the earliest available (then the
/// longest ready) take the start and intake arcs first, so any decomposition is equally
/// cheap but this one is first come, first served among equals.
struct FlowDecomposition {
  let network: FlowNetwork
  let solution: SolveResult

  struct Head {
    let member: Int
    let available: Int
    var type: Int?
    var intake: Int?
    var steps: [ScheduledStep]
    var readySince: Int
  }

  /// Schedules per head, with the specialist type each head was given (nil without intake).
  func schedules() -> [(schedule: ClientSchedule, type: Int?)] {
    var result: [(schedule: ClientSchedule, type: Int?)] = []
    let nodesByCommodity = Dictionary(grouping: network.nodes, by: \.commodity)
    for commodity in network.commodities {
      var waiting: [NodeKey: [Head]] = [:]
      var finished: [Head] = []
      var heads: [Head] = []
      for memberIndex in commodity.members {
        let member = network.instance.members[memberIndex]
        let steps = Array(repeating: ScheduledStep.notStarted, count: member.openSteps.count)
        for _ in 0..<member.count {
          heads.append(
            Head(
              member: memberIndex, available: member.earliestIntake, type: nil, intake: nil, steps: steps,
              readySince: member.earliestIntake))
        }
      }
      for head in heads {
        let month = commodity.pins?.intake.flatMap { $0 < 0 ? $0 : nil } ?? head.available
        let newcomers = NodeKey.newcomers(commodity: commodity.index, month: month)
        let node =
          network.supply[newcomers] != nil
          ? newcomers : NodeKey.awaitingIntake(commodity: commodity.index, month: month)
        if network.supply[node] != nil { waiting[node, default: []].append(head) } else { finished.append(head) }
      }
      let ordered = (nodesByCommodity[commodity.index] ?? []).sorted(by: NodeKey.processingOrder)
      for node in ordered {
        let present = (waiting.removeValue(forKey: node) ?? []).sorted {
          ($0.readySince, $0.available, $0.member) < ($1.readySince, $1.available, $1.member)
        }
        var queue = present[...]
        let arcs = network.outgoing[node] ?? []
        let waits = arcs.filter { network.arcs[$0].kind.isWait }
        for arcIndex in arcs where !network.arcs[arcIndex].kind.isWait {
          let arc = network.arcs[arcIndex]
          let flow = min(solution.count(arc.variable), queue.count)
          for _ in 0..<max(flow, 0) {
            guard var head = queue.popFirst() else { break }
            apply(arc, to: &head)
            route(head, along: arc, waiting: &waiting, finished: &finished)
          }
        }
        // Whoever did not start waits (flow conservation makes the counts agree).
        for head in queue {
          if let waitArc = waits.first {
            route(head, along: network.arcs[waitArc], waiting: &waiting, finished: &finished)
          } else {
            finished.append(head)
          }
        }
      }
      for head in finished + waiting.values.flatMap({ $0 }) {
        result.append(
          (ClientSchedule(member: head.member, specialist: nil, intake: head.intake, steps: head.steps), head.type))
      }
    }
    return result.sorted {
      ($0.schedule.member, $0.schedule.intake ?? .max) < ($1.schedule.member, $1.schedule.intake ?? .max)
    }
  }

  private func apply(_ arc: Arc, to head: inout Head) {
    switch arc.kind {
    case .intake(let type, let month):
      head.type = type
      // Members of one commodity may differ in a history intake month (same ready month).
      head.intake = network.instance.members[head.member].pins?.intake ?? month
      if let pins = network.instance.members[head.member].pins {
        for (step, pin) in pins.steps where pin.start < 0 {
          head.steps[step] = .started(programme: pin.programme, month: pin.start)
        }
      }
    case .start(let programme, let month, let step):
      head.steps[step] = .started(programme: programme, month: month)
    case .waitForIntake, .waitForStep:
      break
    }
  }

  private func route(_ head: Head, along arc: Arc, waiting: inout [NodeKey: [Head]], finished: inout [Head]) {
    var head = head
    if case .node(let next) = arc.destination {
      if !arc.kind.isWait { head.readySince = next.month }
      waiting[next, default: []].append(head)
    } else {
      finished.append(head)
    }
  }
}

extension NodeKey {
  var commodity: Int {
    switch self {
    case .awaitingIntake(let commodity, _), .newcomers(let commodity, _), .readyForStep(let commodity, _, _, _, _, _):
      return commodity
    }
  }

  var month: Int {
    switch self {
    case .awaitingIntake(_, let month), .newcomers(_, let month), .readyForStep(_, _, _, let month, _, _): return month
    }
  }

  /// The intake queue month by month (a month's newcomers after the queue of that month), then
  /// the steps in order, each month by month, teams, remembered intake months and newcomers in
  /// order: every arc leads to a node later in this order. (After history an arc may land at a
  /// month before its own, so months come after queue and steps.)
  static func processingOrder(_ lhs: NodeKey, _ rhs: NodeKey) -> Bool {
    func rank(_ node: NodeKey) -> (Int, Int, Int, Int, Int, Int) {
      switch node {
      case .awaitingIntake(_, let month): return (0, month, 0, 0, 0, 0)
      case .newcomers(_, let month): return (0, month, 1, 0, 0, 0)
      case .readyForStep(_, let type, let step, let month, let intake, let arrival):
        return (1, step, month, type, intake ?? .min, arrival ?? .min)
      }
    }
    return rank(lhs) < rank(rhs)
  }
}

extension ArcKind {
  var isWait: Bool {
    switch self {
    case .waitForIntake, .waitForStep: return true
    case .intake, .start: return false
    }
  }
}

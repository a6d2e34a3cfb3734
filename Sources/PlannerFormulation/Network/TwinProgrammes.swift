import PlannerDomain

/// Programmes alike in everything MODEL.md's rules see (step, duration, start calendar, the
/// clients they admit, seats and minimum size) differ only in id and provider: the clients who
/// start any of them in a month can be seated in cohorts of any of them. So, in a month where no
/// client is pinned to one of them, the model keeps one cohort count for the lot, the first of
/// them standing for all with their groups added up, and the plan shares its cohorts out among
/// them afterwards (``shareOut(_:instance:)``). A month with an announced cohort of one of them
/// is kept apart too when moving it costs (re-planning with stability).
///
/// That is the aggregation already used for clients and for a programme's parallel groups: the
/// same plans, without a search over which twin takes which cohort. A scenario that lists one
/// course twice (two classes of one provider, two locations) is then as easy as one that writes
/// `groups: 2` (BENCHMARKS.md, "Twin programmes").
struct TwinProgrammes {
  /// Every programme with a twin → all its twins in scenario order (the first stands for them).
  private let twins: [Int: [Int]]
  /// Programmes and months a client is pinned to, or whose announced cohort moving costs (with
  /// stability): the twins keep cohorts of their own then.
  private let apart: Set<FlowNetwork.CohortKey>

  static let none = TwinProgrammes(twins: [:], apart: [])

  private init(twins: [Int: [Int]], apart: Set<FlowNetwork.CohortKey>) {
    self.twins = twins
    self.apart = apart
  }

  init(instance: PlanningInstance, commodities: [Commodity], apart announced: [FlowNetwork.CohortKey] = []) {
    // Whom a programme admits, as the commodities see it: each commodity's step positions.
    func admitted(_ programme: Int) -> [[Int]] {
      commodities.map { commodity in commodity.eligible.indices.filter { commodity.eligible[$0].contains(programme) } }
    }
    struct Likeness: Hashable {
      let step: String
      let durationMonths: Int
      let startAllowed: [Bool]
      let seats: Int
      let minSize: Int
      let admitted: [[Int]]
    }
    var alike: [Likeness: [Int]] = [:]
    for programme in instance.programmes {
      let likeness = Likeness(
        step: programme.step, durationMonths: programme.durationMonths, startAllowed: programme.startAllowed,
        seats: programme.seats, minSize: programme.minSize, admitted: admitted(programme.index))
      alike[likeness, default: []].append(programme.index)
    }
    var twins: [Int: [Int]] = [:]
    for group in alike.values where group.count > 1 {
      for programme in group { twins[programme] = group }
    }
    let apart = Commodity.pinnedCohorts(commodities).union(announced).filter { twins[$0.programme] != nil }
    self.init(twins: twins, apart: apart)
  }

  /// The programmes whose cohorts `programme`'s count stands for in `month`: its twins when it
  /// is the first of them and none of them is kept apart then (``apart``), else itself alone;
  /// empty when another twin stands for it.
  func sharing(_ programme: Int, month: Int) -> [Int] {
    guard let group = twins[programme] else { return [programme] }
    let shared = !group.contains { apart.contains(FlowNetwork.CohortKey(programme: $0, month: month)) }
    guard shared else { return [programme] }
    return group[0] == programme ? group : []
  }

  /// Whether clients without a pin into `programme` start it in `month` in the model.
  func standsForItself(_ programme: Int, month: Int) -> Bool { !sharing(programme, month: month).isEmpty }

  /// Parallel cohorts `programme`'s count may open in `month`: its twins' groups added up where
  /// it stands for them.
  func groups(of programme: Int, month: Int, in instance: PlanningInstance) -> Int {
    sharing(programme, month: month).reduce(0) { $0 + instance.programmes[$1].groups }
  }

  /// Shares out the cohorts of each month where one twin stood for the others: the clients who
  /// start it are split into as few cohorts as the seats allow (``CohortGrouping/split(_:seats:)``,
  /// each within seats and minimum since the model's count allowed them), and the first twin
  /// takes as many of them as its groups, the next twin the next ones, and so on.
  func shareOut(_ schedules: inout [ClientSchedule], instance: PlanningInstance) {
    guard !twins.isEmpty else { return }
    let starters = CohortGrouping.starters(schedules)
    for key in starters.keys.sorted(by: { ($0.programme, $0.month) < ($1.programme, $1.month) }) {
      let group = sharing(key.programme, month: key.month)
      guard group.count > 1, let seats = starters[key] else { continue }
      let ordered = CohortGrouping.ordered(seats, schedules: schedules, instance: instance)
      let cohorts = CohortGrouping.split(ordered, seats: instance.programmes[key.programme].seats)
      var twin = 0
      var taken = 0
      for cohort in cohorts {
        while taken >= instance.programmes[group[twin]].groups && twin + 1 < group.count {
          twin += 1
          taken = 0
        }
        taken += 1
        for seat in cohort {
          schedules[seat.schedule].steps[seat.step] = .started(programme: group[twin], month: key.month)
        }
      }
    }
  }
}

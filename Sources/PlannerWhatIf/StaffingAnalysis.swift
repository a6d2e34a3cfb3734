import OptimizationModel
import PlannerDomain
import PlannerReporting

/// What `cohortplan staff` asks: for each caseload cap, how waiting falls as the team grows by
/// whole specialists, and the smallest team that meets the service targets.
public struct StaffingQuestion: Hashable, Sendable {
  /// Caseload caps per FTE, each compared as `caseload.cap` (personal caps stay as they are).
  public var caps: [ExactDecimal]
  /// Lowest and highest team FTE to plan; nil: from 2 below to 4 above the scenario's team.
  public var fteRange: ClosedRange<ExactDecimal>?
  /// Every one must be met.
  public var targets: [ServiceTarget]
  /// Whether clients already on a caseload at the start may move to another specialist
  /// (``TeamSize/sharingCaseload(_:)``); by default they keep theirs.
  public var shareCaseload: Bool

  public init(
    caps: [ExactDecimal], fteRange: ClosedRange<ExactDecimal>? = nil, targets: [ServiceTarget],
    shareCaseload: Bool = false
  ) {
    self.caps = caps
    self.fteRange = fteRange
    self.targets = targets
    self.shareCaseload = shareCaseload
  }
}

/// The answer to a ``StaffingQuestion``: one series of team sizes per cap.
public struct StaffingAnalysis: Hashable, Sendable {
  /// A team size: the scenario's specialists with whole specialists added or removed
  /// (``TeamSize``).
  public struct Team: Hashable, Sendable {
    public var fte: ExactDecimal
    public var specialists: Int
    public var added: [String]
    public var removed: [String]
  }

  /// One team at one cap, solved.
  public struct Point: Hashable, Sendable {
    public var team: Team
    public var result: VariantResult
    /// The team's yearly slots in the first year (``CaseloadArithmetic/slots(_:)``).
    public var slots: Int
    /// Whether the plan meets every target.
    public var meetsTargets: Bool
  }

  public struct Series: Hashable, Sendable {
    public var cap: ExactDecimal
    /// Teams in ascending FTE.
    public var points: [Point]
    /// The smallest team in ``points`` whose plan meets the targets; nil when none does.
    public var smallest: Point? { points.first(where: \.meetsTargets) }
    /// The smallest FTE, adding 1.0-FTE specialists to the scenario's team (or removing
    /// unpinned ones), whose yearly slots hold every client counted in the first year; nil on
    /// a monthly basis.
    public var arithmeticFTE: ExactDecimal?

    /// Waiting months saved by each point against the one before (one specialist fewer).
    public var savings: [Int?] {
      points.indices.map { index in
        guard index > 0, let current = points[index].result.kpis, let previous = points[index - 1].result.kpis
        else { return nil }
        return previous.waitingMonths - current.waitingMonths
      }
    }
  }

  public var scenario: Scenario
  public var question: StaffingQuestion
  public var arithmetic: CaseloadArithmetic
  public var series: [Series]
  /// Team sizes inside the range that cannot be planned because every remaining specialist
  /// has pinned clients, as FTE.
  public var unreachable: [ExactDecimal]
}

extension StaffingAnalysis {
  /// Plans every team size of the range at every cap with `solver`, in parallel up to
  /// `options.threads`; the results are ordered by cap, then FTE, whatever the thread count.
  public static func run(
    _ scenario: Scenario, question: StaffingQuestion, solver: some LinearSolver, options: WhatIfOptions
  ) -> StaffingAnalysis {
    let shared = question.shareCaseload ? TeamSize.sharingCaseload(scenario) : scenario
    let (teams, unreachable) = Self.teams(of: shared, range: question.fteRange ?? defaultRange(scenario))
    let variants = question.caps.flatMap { cap in
      teams.map { team, teamScenario in
        var changed = teamScenario
        changed.caseload.cap = cap
        return WhatIfVariant(
          label: "cap \(cap), \(team.fte) FTE", changes: Self.changes(team, cap: cap), scenario: changed)
      }
    }
    let comparison = Comparison.solve(variants, solver: solver, options: options)
    let arithmetic = CaseloadArithmetic(scenario)
    var series: [Series] = []
    for (capIndex, cap) in question.caps.enumerated() {
      let points = teams.indices.map { teamIndex in
        let result = comparison.results[capIndex * teams.count + teamIndex]
        let met = result.kpis.map { kpis in question.targets.allSatisfy { $0.isMet(by: kpis) } } ?? false
        return Point(
          team: teams[teamIndex].team, result: result, slots: arithmetic.slots(result.scenario), meetsTargets: met)
      }
      series.append(Series(cap: cap, points: points, arithmeticFTE: arithmeticFTE(shared, cap: cap, arithmetic)))
    }
    return StaffingAnalysis(
      scenario: scenario, question: question, arithmetic: arithmetic, series: series, unreachable: unreachable)
  }

  /// The smallest team, by the same steps as the grid, whose first-year slots at `cap` hold
  /// every client counted in that year (nil on a monthly basis, or beyond 1000 added).
  static func arithmeticFTE(_ scenario: Scenario, cap: ExactDecimal, _ arithmetic: CaseloadArithmetic)
    -> ExactDecimal?
  {
    guard scenario.caseload.basis == .annual else { return nil }
    var capped = scenario
    capped.caseload.cap = cap
    var best: Scenario?
    var count = 0
    while let smaller = count == 0 ? capped : TeamSize.removing(count, from: capped),
      arithmetic.slots(smaller) >= arithmetic.clients
    {
      best = smaller
      count += 1
      if count > scenario.specialists.count { break }
    }
    if let best { return TeamSize.fte(of: best) }
    var larger = capped
    for _ in 1...1000 {
      larger = TeamSize.adding(1, to: larger)
      if arithmetic.slots(larger) >= arithmetic.clients { return TeamSize.fte(of: larger) }
    }
    return nil
  }

  /// From 2 FTE below the scenario's team (at least 1) to 4 above.
  public static func defaultRange(_ scenario: Scenario) -> ClosedRange<ExactDecimal> {
    let fte = TeamSize.fte(of: scenario)
    let lower = ExactDecimal(scaled: max(ExactDecimal.scale, fte.scaled - 2 * ExactDecimal.scale))
    return lower...ExactDecimal(scaled: fte.scaled + 4 * ExactDecimal.scale)
  }

  /// The scenario's team grown and shrunk by whole specialists within `range`, ascending, and
  /// the sizes in the range that would need a specialist with pinned clients removed.
  static func teams(of scenario: Scenario, range: ClosedRange<ExactDecimal>) -> (
    [(team: Team, scenario: Scenario)], [ExactDecimal]
  ) {
    let base = TeamSize.fte(of: scenario)
    let ids = scenario.specialists.map(\.id)
    func team(_ changed: Scenario) -> (team: Team, scenario: Scenario) {
      let changedIDs = changed.specialists.map(\.id)
      return (
        Team(
          fte: TeamSize.fte(of: changed), specialists: changed.specialists.count,
          added: changedIDs.filter { !ids.contains($0) }, removed: ids.filter { !changedIDs.contains($0) }),
        changed
      )
    }
    var smaller: [(team: Team, scenario: Scenario)] = []
    var unreachable: [ExactDecimal] = []
    var count = 1
    while count <= scenario.specialists.count {
      guard let changed = TeamSize.removing(count, from: scenario) else {
        // Whole 1.0-FTE steps below the smallest reachable team, as far as the range goes.
        var fte = ExactDecimal(scaled: (smaller.first?.team.fte ?? base).scaled - ExactDecimal.scale)
        while fte >= range.lowerBound && fte.scaled > 0 {
          if fte <= range.upperBound { unreachable.insert(fte, at: 0) }
          fte = ExactDecimal(scaled: fte.scaled - ExactDecimal.scale)
        }
        break
      }
      let fte = TeamSize.fte(of: changed)
      guard fte >= range.lowerBound, changed.specialists.count > 0 else { break }
      if fte <= range.upperBound { smaller.insert(team(changed), at: 0) }
      count += 1
    }
    var teams = smaller
    if range.contains(base) { teams.append(team(scenario)) }
    var added = 1
    while ExactDecimal(scaled: base.scaled + added * ExactDecimal.scale) <= range.upperBound {
      let changed = TeamSize.adding(added, to: scenario)
      if range.contains(TeamSize.fte(of: changed)) { teams.append(team(changed)) }
      added += 1
    }
    return (teams, unreachable)
  }

  private static func changes(_ team: Team, cap: ExactDecimal) -> [String] {
    ["caseload.cap=\(cap)"] + team.added.map { "add-specialist \($0)" } + team.removed.map { "specialists-=\($0)" }
  }
}

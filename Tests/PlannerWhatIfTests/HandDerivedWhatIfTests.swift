import GLPK
import PlannerDomain
import PlannerFormulation
import PlannerReporting
import PlannerWhatIf
import Testing

/// What-if answers derived by hand (the fixtures say how).
@Suite struct HandDerivedWhatIfTests {
  /// One specialist at cap 1: B waits 2 months; a second specialist takes B at once.
  @Test func oneMoreSpecialistSavesExactlyTheDelay() throws {
    let base = Small.crowdedSpecialist()
    let comparison = Comparison.solve(
      [
        WhatIfVariant(label: "one", scenario: base),
        WhatIfVariant(label: "two", changes: ["add-specialist"], scenario: TeamSize.adding(1, to: base)),
      ], solver: GLPKSolver(), options: Small.options)
    #expect(comparison.results.map { $0.kpis?.waitingMonths } == [2, 0])
    let row = try #require(comparison.rows.first { $0.key == "waitingMonths" })
    #expect(row.cells.map(\.difference) == [nil, -2])
    #expect(comparison.results[1].plan.specialists.map(\.id) == ["S1", "S2"])
  }

  /// The same question as a staffing grid: 1 FTE waits 2 months, 2 FTE none; so 2 FTE is the
  /// smallest team with no waiting, and the second specialist saves 2 months.
  @Test func staffingGridFindsTheSecondSpecialist() throws {
    let target = try ServiceTarget(parsing: "waiting-months<=0")
    let analysis = StaffingAnalysis.run(
      Small.crowdedSpecialist(),
      question: StaffingQuestion(
        caps: [ExactDecimal(1)], fteRange: ExactDecimal(1)...ExactDecimal(3), targets: [target]),
      solver: GLPKSolver(), options: Small.options)
    let series = try #require(analysis.series.first)
    #expect(series.points.map(\.team.fte) == [ExactDecimal(1), ExactDecimal(2), ExactDecimal(3)])
    #expect(series.points.map { $0.result.kpis?.waitingMonths } == [2, 0, 0])
    #expect(series.savings == [nil, 2, 0])
    #expect(series.smallest?.team.fte == ExactDecimal(2))
    #expect(series.smallest?.team.added == ["S2"])
  }

  /// Starts only in April cost 2 + 7 = 9 waiting months; adding October as a start month
  /// serves B 3 months sooner: 6.
  @Test func aSecondStartDateSavesThreeMonths() throws {
    let once = try Small.load().scenario
    let twice = try Small.load(overrides: ["programmes[course].starts=[4, 10]"]).scenario
    #expect(twice.programmes.first?.starts == .months([4, 10]))
    let comparison = Comparison.solve(
      [
        WhatIfVariant(label: "April", scenario: once),
        WhatIfVariant(label: "April and October", changes: ["programmes[course].starts=[4, 10]"], scenario: twice),
      ], solver: GLPKSolver(), options: Small.options)
    #expect(comparison.results.map { $0.kpis?.waitingMonths } == [9, 6])
    #expect(comparison.results.map { $0.kpis?.unstartedSteps } == [1, 0])
    let row = try #require(comparison.rows.first { $0.key == "waitingMonths" })
    #expect(row.cells[1].difference == -3)
  }

  /// Waits by segment are reported per variant and compared: all of the saving is B's wait
  /// for the school's course (the provider), from 7 unstarted months to 4.
  @Test func segmentRowsShowWhereTheSavingFalls() throws {
    let comparison = Comparison.solve(
      [
        WhatIfVariant(label: "April", scenario: try Small.load().scenario),
        WhatIfVariant(
          label: "April and October", scenario: try Small.load(overrides: ["programmes[course].starts=[4,10]"]).scenario
        ),
      ], solver: GLPKSolver(), options: Small.options)
    let rows = Dictionary(uniqueKeysWithValues: comparison.segmentRows.map { ($0.key, $0) })
    #expect(rows["segment.provider.school.waitingMonths"]?.cells.map(\.value) == [2, 6])
    #expect(rows["segment.provider.(not started).waitingMonths"]?.cells.map(\.value) == [7, 0])
    #expect(rows["segment.route.r.waitingMonths"]?.cells.map(\.difference) == [nil, -3])
  }
}

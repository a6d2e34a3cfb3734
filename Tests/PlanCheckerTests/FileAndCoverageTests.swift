import Foundation
import PlanChecker
import PlannerDomain
import Testing

@Suite("The plan file, coverage and the objective")
struct FileAndCoverageTests {
  // MARK: format, scenario, status

  @Test("malformed JSON is a format violation, never a crash")
  func malformedJSON() {
    let report = Tiny.check(#"{"format": "cohortplan.plan/1", "clients": ["#)
    #expect(report.rules == ["format"])
    #expect(!report.checkedSchedule)
  }

  @Test("a value of the wrong type is a format violation located by its path")
  func wrongType() throws {
    let plan = try Tiny.plan((line: #""id": "C4""#, old: #""wait": 2, "steps""#, new: #""wait": "2", "steps""#))
    let report = Tiny.check(plan)
    #expect(report.rules == ["format"])
    #expect(report.violations.first?.path == "clients[4].wait")
  }

  @Test("another format name, a missing key and a month not written YYYY-MM are format violations")
  func formatKeys() throws {
    let name = try Tiny.plan((line: #""format""#, old: "plan/1", new: "plan/2"))
    #expect(Tiny.check(name).rules == ["format"])
    let gap = try Tiny.plan((line: #""gap""#, old: #""gap": 0.0, "#, new: ""))
    #expect(Tiny.check(gap).rules == ["format"])
    let month = try Tiny.plan((line: #""id": "C1""#, old: #""exit": "2020-08""#, new: #""exit": "2020-8""#))
    #expect(Tiny.check(month).reports(.format))
  }

  @Test("the plan names the scenario, its start and its horizon")
  func scenarioName() throws {
    let name = try Tiny.plan((line: #""scenario""#, old: #""tiny""#, new: #""other""#))
    #expect(Tiny.check(name).rules == ["scenario"])
    let horizon = try Tiny.plan((line: #""horizon""#, old: #""horizon": 8"#, new: #""horizon": 9"#))
    #expect(Tiny.check(horizon).rules == ["scenario"])
  }

  @Test("an unknown status is a violation")
  func unknownStatus() throws {
    let plan = try Tiny.plan((line: #""status""#, old: #""optimal""#, new: #""solved""#))
    #expect(Tiny.check(plan).rules == ["status"])
  }

  // MARK: coverage

  @Test("a known client without an entry is reported, and the objective no longer adds up")
  func missingClient() throws {
    let report = Tiny.check(try Tiny.plan(removingLineWith: #""id": "C3""#))
    #expect(report.rules == ["coverage", "objective"])
    #expect(report.violations.contains { $0.message.contains("client C3 has no entry") })
    #expect(report.recomputedWaitingMonths == 7)
  }

  @Test("a client listed twice is reported")
  func duplicateClient() throws {
    let report = Tiny.check(try Tiny.plan(duplicatingLineWith: #""id": "C3""#))
    #expect(report.rules == ["coverage"])
  }

  @Test("an id that is not a client of the scenario is reported")
  func unknownClient() throws {
    let plan = try Tiny.plan((line: #""id": "C3""#, old: #""C3""#, new: #""C9""#))
    let report = Tiny.check(plan)
    #expect(report.violations.contains { $0.rule == "coverage" && $0.message.contains("C9 is not a client") })
  }

  @Test("inflow counts that do not sum to the group are reported")
  func inflowCounts() throws {
    let plan = try Tiny.plan((line: #""inflow": 0"#, old: #""count": 2"#, new: #""count": 1"#))
    let report = Tiny.check(plan)
    #expect(report.violations.contains { $0.rule == "coverage" && $0.message.contains("inflow 0") })
    let unknownGroup = try Tiny.plan((line: #""inflow": 0"#, old: #""inflow": 0"#, new: #""inflow": 3"#))
    #expect(Tiny.check(unknownGroup).violations.contains { $0.rule == "coverage" && $0.path.contains("inflow 3") })
  }

  @Test("a known client's entry counts one head")
  func knownClientCount() throws {
    let plan = try Tiny.plan((line: #""id": "C3""#, old: #""id": "C3", "#, new: #""id": "C3", "count": 2, "#))
    #expect(Tiny.check(plan).rules == ["coverage"])
  }

  // MARK: objective and waits

  @Test("a stated objective other than the recomputed one is reported")
  func wrongObjective() throws {
    let plan = try Tiny.plan((line: #""waitingMonths""#, old: "13", new: "14"))
    let report = Tiny.check(plan)
    #expect(report.rules == ["objective"])
    #expect(report.recomputedWaitingMonths == 13)
    #expect(report.statedWaitingMonths == 14)
  }

  @Test("an entry's wait is its intake wait plus its step waits")
  func wrongEntryWait() throws {
    let plan = try Tiny.plan((line: #""id": "C1""#, old: #""wait": 2, "steps""#, new: #""wait": 3, "steps""#))
    #expect(Tiny.check(plan).rules == ["wait"])
  }

  @Test("a step's wait is start minus ready; unstarted, H minus ready; history, zero")
  func wrongStepWaits() throws {
    let started = try Tiny.plan(
      (line: #""id": "C1""#, old: #""start": "2020-05", "wait": 1"#, new: #""start": "2020-05", "wait": 0"#))
    #expect(Tiny.check(started).rules == ["wait"])
    let unstarted = try Tiny.plan(
      (line: #""id": "C4""#, old: #""ready": "2020-07", "wait": 2"#, new: #""ready": "2020-07", "wait": 1"#))
    #expect(Tiny.check(unstarted).rules == ["wait"])
    let history = try Tiny.plan(
      (line: #""id": "C6""#, old: #""start": "2019-11", "wait": 0"#, new: #""start": "2019-11", "wait": 2"#))
    #expect(Tiny.check(history).rules == ["wait"])
  }
}

import Foundation
import PlanChecker
import PlannerDomain
import Testing

@Suite("Cohorts, caseload, language and pins")
struct CohortCaseloadPinTests {
  // MARK: cohorts

  @Test("a cohort above its seats is reported")
  func seatsExceeded() {
    let report = Tiny.check(Tiny.plan, Tiny.scenario { $0.programmes[0].seats = 1 })
    #expect(report.rules == ["seats"])
    #expect(report.violations.first?.message == "cohort vt 2020-03 group 1 has 2 clients, above its 1 seat")
  }

  @Test("a cohort below its minimum size is reported; a history cohort is exempt")
  func belowMinimumSize() {
    let report = Tiny.check(Tiny.plan, Tiny.scenario { $0.programmes[0].minSize = 3 })
    #expect(report.rules == ["min-size"])
    #expect(
      report.violations.map(\.message) == [
        "cohort vt 2020-03 group 1 has 2 clients, below the minimum size 3",
        "cohort vt 2020-03 group 2 has 2 clients, below the minimum size 3",
      ])
    // taal 2019-11 has one client against a minimum of 2 in every report above: history.
    let history = Tiny.check(Tiny.plan, Tiny.scenario { $0.programmes[1].minSize = 5 })
    #expect(
      history.violations.map(\.message) == ["cohort taal 2020-05 group 1 has 4 clients, below the minimum size 5"])
  }

  @Test("a group number outside 1 … groups is reported")
  func groupOutOfRange() {
    let report = Tiny.check(Tiny.plan, Tiny.scenario { $0.programmes[0].groups = 1 })
    #expect(report.rules == ["groups"])
  }

  @Test("a cohort's provider is its programme's provider")
  func wrongProvider() throws {
    let plan = try Tiny.plan((line: #""group": 1, "size": 2"#, old: #""gemeente""#, new: #""roc""#))
    #expect(Tiny.check(plan).rules == ["provider"])
  }

  @Test("the cohort list matches the membership the client steps imply")
  func cohortListMismatch() throws {
    let size = try Tiny.plan((line: #""group": 2, "size": 2"#, old: #""size": 2"#, new: #""size": 3"#))
    #expect(Tiny.check(size).rules == ["cohorts"])
    let missing = try Tiny.plan(removingLineWith: #""start": "2019-11", "group": 1, "size": 1"#)
    #expect(Tiny.check(missing).rules == ["cohorts"])
    let extra = try Tiny.plan(
      (
        line: #""start": "2019-11", "group": 1, "size": 1"#, old: #"{"programme": "taal""#,
        new:
          #"{"programme": "taal-open", "provider": "roc", "start": "2020-04", "group": 1, "size": 1}, {"programme": "taal""#
      ))
    #expect(Tiny.check(extra).rules == ["cohorts"])
  }

  // MARK: caseload

  @Test("listed caseloads, caps and years are the recomputed ones")
  func caseloadListMismatch() throws {
    let month = try Tiny.plan(
      (line: #""id": "s1""#, old: #"{"month": "2020-02", "clients": 3}"#, new: #"{"month": "2020-02", "clients": 2}"#))
    #expect(Tiny.check(month).rules == ["caseload"])
    let cap = try Tiny.plan((line: #""id": "s2""#, old: #""id": "s2", "cap": 4"#, new: #""id": "s2", "cap": 5"#))
    #expect(Tiny.check(cap).rules == ["caseload"])
    let year = try Tiny.plan((line: #""id": "s1""#, old: #""clients": 4, "cap": 4"#, new: #""clients": 3, "cap": 4"#))
    #expect(Tiny.check(year).rules == ["caseload"])
    let unknown = try Tiny.plan((line: #""id": "s2""#, old: #""id": "s2""#, new: #""id": "s3""#))
    #expect(
      Tiny.check(unknown).violations.map(\.message) == [
        "s3 is not a specialist of the scenario", "specialist s2 has no entry",
      ])
  }

  @Test("monthly basis: more clients in a month than ⌊cap × fte⌋ is reported")
  func monthlyCapExceeded() throws {
    let scenario = Tiny.scenario { $0.caseload = CaseloadPolicy(cap: ExactDecimal(2), basis: .monthly) }
    let plan = try Tiny.plan((line: #""id": "s1""#, old: #""id": "s1", "cap": 4"#, new: #""id": "s1", "cap": 2"#))
    let report = Tiny.check(plan, scenario)
    #expect(report.rules == ["monthly-cap"])
    #expect(report.violations.count == 6)  // s1 has 3 clients in 2020-02 … 2020-07
    #expect(report.violations.first?.message == "specialist s1 has 3 clients in 2020-02, above the cap 2 (⌊2 × 1⌋)")
  }

  @Test(
    "annual basis: more distinct clients in a year than ⌊cap × fte × a / 12⌋, while every month is within ⌊cap × fte⌋")
  func annualCapExceededWhileMonthlyFine() throws {
    let plan = try Tiny.plan(
      (line: #""id": "s1""#, old: #""id": "s1", "cap": 4"#, new: #""id": "s1", "cap": 3"#),
      (line: #""id": "s1""#, old: #""clients": 4, "cap": 4"#, new: #""clients": 4, "cap": 3"#))
    let annual = Tiny.check(plan, Tiny.scenario { $0.caseload.cap = ExactDecimal(3) })
    #expect(annual.rules == ["annual-cap"])
    #expect(
      annual.violations.first?.message
        == "specialist s1 has 4 distinct clients in 2020, above the yearly cap 3 (⌊3 × 1 × 12 / 12⌋)")
    // The same caseloads on the monthly basis stay within 3 in every month.
    let monthly = Tiny.check(
      plan, Tiny.scenario { $0.caseload = CaseloadPolicy(cap: ExactDecimal(3), basis: .monthly) })
    #expect(monthly.violations == [])
  }

  @Test("the yearly cap counts only the months of the year in which the specialist is available")
  func annualCapWithAvailability() throws {
    // s2 until 2020-08: a = 8, ⌊8 × 0.5 × 8 / 12⌋ = 2 < 3 distinct clients.
    let plan = try Tiny.plan((line: #""id": "s2""#, old: #""clients": 3, "cap": 3"#, new: #""clients": 3, "cap": 2"#))
    let report = Tiny.check(plan, Tiny.scenario { $0.specialists[1].until = Tiny.month("2020-08") })
    #expect(report.rules == ["annual-cap"])
  }

  @Test("a specialist has no clients outside from/until")
  func specialistOutsideAvailability() {
    let scenario = Tiny.scenario {
      $0.caseload = CaseloadPolicy(cap: ExactDecimal(4), basis: .monthly)
      $0.specialists[1].until = Tiny.month("2020-07")
    }
    let report = Tiny.check(Tiny.plan, scenario)
    #expect(report.rules == ["availability"])
    #expect(report.violations.map(\.path) == ["clients[4] (C4)", "clients[5] (C5)"])
  }

  // MARK: language

  @Test("under language_match required, a specialist who shares no language is reported")
  func languageMismatch() {
    let required = Tiny.scenario { $0.client("C2") { $0.languages = ["fa"] } }
    #expect(Tiny.check(Tiny.plan, required).rules == ["language"])
    var preferred = required
    preferred.languageMatch = .preferred
    #expect(Tiny.check(Tiny.plan, preferred).violations == [])
  }

  // MARK: pins

  @Test("pinned intake, specialist and exit hold exactly")
  func pinsNotHeld() {
    let intake = Tiny.scenario { $0.client("C1") { $0.pins.intake = Tiny.month("2020-03") } }
    #expect(Tiny.check(Tiny.plan, intake).rules == ["pins"])
    let specialist = Tiny.scenario { $0.client("C1") { $0.pins.specialist = "s2" } }
    #expect(Tiny.check(Tiny.plan, specialist).rules == ["pins"])
    let exit = Tiny.scenario { $0.client("C6") { $0.pins.exit = Tiny.month("2020-03") } }
    #expect(Tiny.check(Tiny.plan, exit).reports(.pins))
  }

  @Test("a pinned exit wins over the exit the steps imply")
  func pinnedExitWins() throws {
    let scenario = Tiny.scenario { $0.client("C4") { $0.pins.exit = Tiny.month("2020-07") } }
    let plan = try Tiny.plan((line: #""id": "C4""#, old: #""exit": null"#, new: #""exit": "2020-07""#))
    let report = Tiny.check(plan, scenario)
    #expect(!report.reports(.exit) && !report.reports(.pins))
    #expect(Tiny.check(Tiny.plan, scenario).reports(.pins))
  }

  @Test("a pinned step starts as pinned, and every step before it starts")
  func pinnedSteps() throws {
    let moved = Tiny.scenario { $0.client("C2") { $0.pins.steps["language"]?.start = Tiny.month("2020-03") } }
    #expect(
      Tiny.check(Tiny.plan, moved).violations.contains {
        $0.rule == "pins" && $0.path == "clients[1] (C2).steps[1] (language)"
      })
    let unstarted = try Tiny.plan(
      (
        line: #""id": "C2""#,
        old:
          #""steps": [{"step": "voortraject", "programme": "vt", "group": 1, "ready": "2020-03", "start": "2020-03", "wait": 0}, {"step": "language", "programme": "taal", "group": 1, "ready": "2020-04", "start": "2020-05", "wait": 1}]"#,
        new:
          #""steps": [{"step": "voortraject", "unstarted": true, "ready": "2020-03", "wait": 6}, {"step": "language", "unstarted": true}]"#
      ))
    let paths = Tiny.check(unstarted).violations.filter { $0.rule == "pins" }.map(\.path)
    #expect(paths == ["clients[1] (C2).steps[1] (language)", "clients[1] (C2).steps[0] (voortraject)"])
  }

  @Test("a client with any pin gets an intake")
  func pinnedClientWithoutIntake() {
    let scenario = Tiny.scenario { $0.client("C3") { $0.pins.exit = Tiny.month("2020-08") } }
    let report = Tiny.check(Tiny.plan, scenario)
    #expect(report.violations.contains { $0.rule == "pins" && $0.message.contains("gets an intake") })
  }
}

import Foundation
import PlanChecker
import PlannerDomain
import Testing

@Suite("Intake, specialist, steps and exit")
struct ScheduleRuleTests {
  // MARK: intake

  @Test("an intake before the client is available is reported")
  func intakeBeforeAvailable() {
    let scenario = Tiny.scenario { $0.client("C1") { $0.available = Tiny.month("2020-03") } }
    let report = Tiny.check(Tiny.plan, scenario)
    #expect(
      report.violations.contains {
        $0.rule == "intake" && $0.path == "clients[0] (C1)"
          && $0.message == "intake 2020-02 lies before the client is available (2020-03)"
      })
  }

  @Test("an intake at or after H is reported")
  func intakeAfterHorizon() throws {
    let plan = try Tiny.plan((line: #""id": "C5""#, old: #""intake": "2020-08""#, new: #""intake": "2020-09""#))
    #expect(Tiny.check(plan).reports(.intake))
  }

  @Test("an intake before the start is history only when pinned")
  func unpinnedIntakeBeforeStart() {
    let scenario = Tiny.scenario { $0.client("C6") { $0.pins.intake = nil } }
    let report = Tiny.check(Tiny.plan, scenario)
    #expect(report.rules == ["intake"])
  }

  // MARK: specialist

  @Test("a client with an intake has exactly one known specialist")
  func specialistRequired() throws {
    let none = try Tiny.plan((line: #""id": "C1""#, old: #""specialist": "s1""#, new: #""specialist": null"#))
    #expect(Tiny.check(none).reports(.specialist))
    let unknown = try Tiny.plan((line: #""id": "C1""#, old: #""specialist": "s1""#, new: #""specialist": "s9""#))
    #expect(Tiny.check(unknown).reports(.specialist))
  }

  @Test("a client without an intake has no specialist")
  func noSpecialistWithoutIntake() throws {
    let plan = try Tiny.plan((line: #""id": "C3""#, old: #""specialist": null"#, new: #""specialist": "s1""#))
    #expect(Tiny.check(plan).rules == ["specialist"])
  }

  // MARK: steps

  @Test("the step list follows the route, without the done steps")
  func wrongStepList() throws {
    let plan = try Tiny.plan((line: #""id": "C3""#, old: #"{"step": "voortraject", "unstarted": true}, "#, new: ""))
    let report = Tiny.check(plan)
    #expect(report.rules == ["steps"])
    #expect(report.recomputedWaitingMonths == nil)
  }

  @Test("a stated ready month other than the recomputed one is reported")
  func wrongReady() throws {
    let plan = try Tiny.plan((line: #""id": "C1""#, old: #""ready": "2020-04""#, new: #""ready": "2020-03""#))
    #expect(Tiny.check(plan).rules == ["ready"])
  }

  @Test("a step ready inside the horizon is not beyond it, and one ready at H is not unstarted")
  func unstartedVersusBeyond() throws {
    let beyond = try Tiny.plan(
      (line: #""id": "C4""#, old: #""unstarted": true, "ready": "2020-07", "wait": 2"#, new: #""beyondHorizon": true"#),
      (
        line: #""id": "C4""#, old: #"{"step": "language", "unstarted": true}"#,
        new: #"{"step": "language", "beyondHorizon": true}"#
      ))
    #expect(Tiny.check(beyond).rules == ["steps"])
    let unstarted = try Tiny.plan(
      (
        line: #""id": "C5""#, old: #""beyondHorizon": true, "ready": "2020-09""#,
        new: #""unstarted": true, "ready": "2020-09", "wait": 0"#
      ),
      (
        line: #""id": "C5""#, old: #"{"step": "language", "beyondHorizon": true}"#,
        new: #"{"step": "language", "unstarted": true}"#
      ))
    #expect(Tiny.check(unstarted).rules == ["steps"])
  }

  @Test("steps after an unstarted step, and of a client without intake, stay unstarted")
  func stepsAfterUnstarted() throws {
    let plan = try Tiny.plan(
      (
        line: #""id": "C4""#, old: #"{"step": "language", "unstarted": true}"#,
        new:
          #"{"step": "language", "programme": "taal-open", "group": 1, "ready": "2020-08", "start": "2020-08", "wait": 0}"#
      ))
    #expect(Tiny.check(plan).rules == ["steps"])
    let noIntake = try Tiny.plan(
      (
        line: #""id": "C3""#, old: #"{"step": "language", "unstarted": true}"#,
        new: #"{"step": "language", "unstarted": true, "ready": "2020-05"}"#
      ))
    #expect(Tiny.check(noIntake).rules == ["steps"])
  }

  @Test("a start before the ready month is reported")
  func startBeforeReady() throws {
    let plan = try Tiny.plan(
      (
        line: #""id": "C2""#, old: #""ready": "2020-03", "start": "2020-03""#,
        new: #""ready": "2020-03", "start": "2020-02""#
      ))
    let report = Tiny.check(plan)
    #expect(
      report.violations.contains {
        $0.rule == "start" && $0.path == "clients[1] (C2).steps[0] (voortraject)"
          && $0.message.contains("before the client is ready for it in 2020-03")
      })
  }

  @Test("a start at or after H is reported")
  func startAfterHorizon() throws {
    let plan = try Tiny.plan(
      (
        line: #""id": "C4""#, old: #""unstarted": true, "ready": "2020-07", "wait": 2"#,
        new: #""programme": "vt", "group": 1, "ready": "2020-07", "start": "2020-09", "wait": 2"#
      ))
    #expect(Tiny.check(plan).reports(.start))
  }

  @Test("a start before month 0 exists only as a pin")
  func unpinnedHistoryStart() {
    let scenario = Tiny.scenario { $0.client("C6") { $0.pins.steps = [:] } }
    let report = Tiny.check(Tiny.plan, scenario)
    #expect(report.violations.contains { $0.rule == "start" && $0.message.contains("exists only as a pin") })
  }

  @Test("a start in a calendar month the programme does not start in is reported")
  func wrongCalendarMonth() {
    let scenario = Tiny.scenario { $0.programmes[1].starts = .months([3]) }
    let report = Tiny.check(Tiny.plan, scenario)
    #expect(report.rules == ["calendar"])
    #expect(report.violations.count == 3)
  }

  // MARK: eligibility

  @Test("a programme that serves another step is reported")
  func wrongProgrammeStep() throws {
    let plan = try Tiny.plan((line: #""id": "C1""#, old: #""programme": "vt""#, new: #""programme": "taal-open""#))
    let report = Tiny.check(plan)
    #expect(
      report.violations.contains {
        $0.rule == "eligibility" && $0.message == "programme taal-open serves step language, not voortraject"
      })
  }

  @Test("a programme that does not admit the client's profile is reported")
  func ineligibleProfile() {
    let scenario = Tiny.scenario { $0.client("C1") { $0.profile = "B" } }
    #expect(Tiny.check(Tiny.plan, scenario).rules == ["eligibility"])
  }

  @Test("a client without a profile joins only programmes without profiles")
  func noProfile() {
    let scenario = Tiny.scenario { $0.client("C1") { $0.profile = nil } }
    let report = Tiny.check(Tiny.plan, scenario)
    #expect(report.rules == ["eligibility"])
    #expect(report.violations.first?.message.contains("has no profile") == true)
  }

  @Test("a programme that does not admit the client's route is reported")
  func ineligibleRoute() {
    let scenario = Tiny.scenario { $0.programmes[0].routes = ["z"] }
    #expect(Tiny.check(Tiny.plan, scenario).rules == ["eligibility"])
  }

  // MARK: exit

  @Test("the exit is the end of the last step plus aftercare")
  func wrongExit() throws {
    let plan = try Tiny.plan((line: #""id": "C1""#, old: #""exit": "2020-08""#, new: #""exit": "2020-07""#))
    let report = Tiny.check(plan)
    #expect(report.rules == ["exit"])
    #expect(report.violations.first?.message == "exit is 2020-07, but the last step and aftercare end in 2020-08")
  }

  @Test("a client with an unstarted step has no exit, and one beyond the horizon exits at H or later")
  func exitOfUnfinishedJourneys() throws {
    let unstarted = try Tiny.plan((line: #""id": "C4""#, old: #""exit": null"#, new: #""exit": "2020-08""#))
    #expect(Tiny.check(unstarted).rules == ["exit"])
    let beyond = try Tiny.plan((line: #""id": "C5""#, old: #""exit": null"#, new: #""exit": "2020-08""#))
    #expect(Tiny.check(beyond).rules == ["exit"])
  }

  @Test("with every step done, exit = intake + intake months + aftercare")
  func exitWithEveryStepDone() throws {
    let scenario = Tiny.scenario {
      $0.clients.append(
        Client(id: "C7", available: Tiny.month("2020-01"), route: "b1", done: ["voortraject", "language"]))
    }
    func plan(exit: String) throws -> String {
      try Tiny.plan(
        (
          line: #""id": "C3""#, old: #"{"id": "C3""#,
          new: #"{"id": "C7", "specialist": "s2", "intake": "2020-01", "exit": ""# + exit
            + #"", "wait": 0, "steps": []}, {"id": "C3""#
        ))
    }
    // Intake 2020-01 + 1 + aftercare 1 = 2020-03.
    #expect(!Tiny.check(try plan(exit: "2020-03"), scenario).reports(.exit))
    #expect(Tiny.check(try plan(exit: "2020-04"), scenario).reports(.exit))
  }

  @Test("durations in weeks round up to whole months: ⌈weeks × 12 / 52⌉")
  func weeksRoundUp() {
    // 5 weeks → ⌈60 / 52⌉ = 2 months, as 8 weeks: same plan. 9 weeks → 3 and 4 weeks → 1 move the exits.
    #expect(Tiny.check(Tiny.plan, Tiny.scenario { $0.programmes[1].duration = .weeks(5) }).violations == [])
    #expect(Tiny.check(Tiny.plan, Tiny.scenario { $0.programmes[1].duration = .weeks(9) }).reports(.exit))
    #expect(Tiny.check(Tiny.plan, Tiny.scenario { $0.programmes[1].duration = .weeks(4) }).reports(.exit))
  }
}

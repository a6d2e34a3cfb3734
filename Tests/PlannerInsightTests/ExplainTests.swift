import PlannerDomain
import PlannerInsight
import Testing

/// Scenarios in which exactly one rule makes a client wait; the explanation must name it, and
/// the change that lifts it must save the known months when the scenario is solved again.
@Suite struct ExplainTests {
  /// Available January, intake one month, ready February; the course starts only in April:
  /// 2 waiting months, whichever of the intake or the start the optimiser delays. A start date
  /// in February (the month the client could be ready) saves both.
  @Test func startCalendar() throws {
    let scenario = Small.scenario(
      programmes: [Small.course(starts: .months([4]))], clients: [Small.client("A", available: 0)])
    let explanation = try explain(.known(id: "A"), in: scenario)
    #expect(explanation.clientWait == 2)
    #expect(explanation.ruleNames == ["start-calendar"])
    let periods = explanation.schedules.flatMap(\.periods)
    #expect(periods.reduce(0) { $0 + $1.months } == 2)
    #expect(periods.first?.boundFrom == Small.month(1))
    let february = try #require(explanation.counterfactual(.addStartMonth(programme: "course", calendarMonth: 2)))
    #expect(february.status == .optimal)
    #expect(february.clientWait == 0)
    #expect(february.waitingMonths == 0)
    #expect(explanation.text().contains("start calendar"))
  }

  /// Minimum size 3 and only the client: no cohort ever opens. Ready in February (month 1) of a
  /// six-month horizon, the step stays unstarted: 5 months. A minimum of 1 saves all 5.
  @Test func minimumSize() throws {
    let scenario = Small.scenario(programmes: [Small.course(minSize: 3)], clients: [Small.client("A", available: 0)])
    let explanation = try explain(.known(id: "A"), in: scenario)
    #expect(explanation.clientWait == 5)
    #expect(explanation.ruleNames == ["minimum-size"])
    let rule = explanation.schedules.first?.periods.first?.rules.first
    #expect(rule == .minimumSize(programme: "course", minimum: 3, ready: 1))
    let lowered = try #require(explanation.counterfactual(.lowerMinimum(programme: "course", minimum: 1)))
    #expect(lowered.clientWait == 0)
    #expect(lowered.waitingMonths == 0)
  }

  /// One seat a month: of two clients ready in February, one starts in March. A second seat or
  /// a second group saves that month.
  @Test func seatsFull() throws {
    let scenario = Small.scenario(
      programmes: [Small.course(seats: 1)], clients: [Small.client("A", available: 0), Small.client("B", available: 0)])
    let first = try explain(.known(id: "A"), in: scenario)
    let explanation = first.clientWait == 1 ? first : try explain(.known(id: "B"), in: scenario)
    #expect(explanation.clientWait == 1)
    #expect(explanation.waitingMonths == 1)
    #expect(explanation.ruleNames == ["seats-full"])
    for change in [ScenarioChange.addSeat(programme: "course"), .addGroup(programme: "course")] {
      let tried = try #require(explanation.counterfactual(change))
      #expect(tried.clientWait == 0)
      #expect(tried.waitingMonths == 0)
    }
  }

  /// Cap 1 a month and no steps, two months on the caseload per client: A is pinned to the
  /// specialist from January, so B's intake waits two months. A second specialist saves both.
  @Test func specialistCaps() throws {
    let scenario = Small.scenario(
      cap: 1, routes: [Route(name: "r", steps: [], intakeMonths: 2)], programmes: [],
      clients: [
        Small.client("A", available: 0, pins: ClientPins(specialist: "s1", intake: Small.month(0))),
        Small.client("B", available: 0),
      ])
    let explanation = try explain(.known(id: "B"), in: scenario)
    #expect(explanation.clientWait == 2)
    #expect(explanation.ruleNames == ["specialist-caps"])
    let extra = try #require(
      explanation.counterfactual(.addSpecialist(id: "s1-extra", copyOf: "s1", languages: nil)))
    #expect(extra.clientWait == 0)
    #expect(extra.waitingMonths == 0)
  }

  /// Language match required: the only Tigrinya speaker is full with A; the Dutch speaker has
  /// room but may not take B. A copy of the Tigrinya speaker saves B's two months.
  @Test func languageMatchRequired() throws {
    let scenario = Small.scenario(
      cap: 1, match: .required, routes: [Route(name: "r", steps: [], intakeMonths: 2)], programmes: [],
      specialists: [Specialist(id: "nl", languages: ["nl"]), Specialist(id: "ti", languages: ["ti"])],
      clients: [
        Small.client("A", available: 0, languages: ["ti"], pins: ClientPins(specialist: "ti", intake: Small.month(0))),
        Small.client("B", available: 0, languages: ["ti"]),
      ])
    let explanation = try explain(.known(id: "B"), in: scenario)
    #expect(explanation.clientWait == 2)
    #expect(explanation.ruleNames == ["language-match"])
    let rule = explanation.schedules.first?.periods.first?.rules.first
    #expect(rule == .languageMatch(languages: ["ti"], matching: ["ti"]))
    let extra = try #require(explanation.counterfactual(.addSpecialist(id: "ti-extra", copyOf: "ti", languages: nil)))
    #expect(extra.clientWait == 0)
    // Without the requirement the Dutch speaker would do: the rule is the language, not the cap.
    var relaxed = scenario
    relaxed.languageMatch = .preferred
    #expect(try explain(.known(id: "B"), in: relaxed).clientWait == 0)
  }

  /// A pinned start in May of a monthly course: the client waits for the pin.
  @Test func pinnedStart() throws {
    let pins = ClientPins(steps: ["course": StepPin(programme: "course", start: Small.month(4))])
    let scenario = Small.scenario(clients: [Small.client("A", available: 0, pins: pins)])
    let explanation = try explain(.known(id: "A"), in: scenario)
    #expect(explanation.clientWait == 3)
    #expect(explanation.ruleNames == ["pin"])
    #expect(explanation.counterfactuals.isEmpty)
  }

  /// An inflow group is explained as a whole, addressed by its position: inflow[0].
  @Test func inflowGroupByPosition() throws {
    let scenario = Small.scenario(
      programmes: [Small.course(starts: .months([4]))],
      inflow: [InflowGroup(month: Small.month(0), count: 3, route: "r")])
    let explanation = try explain(ClientSelector(parsing: "inflow[0]"), in: scenario)
    #expect(explanation.heads == 3)
    #expect(explanation.clientWait == 6)
    #expect(explanation.ruleNames == ["start-calendar"])
    #expect(explanation.counterfactual(.addStartMonth(programme: "course", calendarMonth: 2))?.clientWait == 0)
    #expect(ClientSelector(parsing: "inflow[12]") == .inflow(index: 12))
    #expect(ClientSelector(parsing: "inflow[x]") == .known(id: "inflow[x]"))
    #expect(ClientSelector(parsing: "inflow[1]").problem(in: scenario) != nil)
    #expect(ClientSelector(parsing: "nobody").problem(in: scenario) != nil)
  }
}

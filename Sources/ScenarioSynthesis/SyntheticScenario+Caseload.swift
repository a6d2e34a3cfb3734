import PlannerDomain

extension Generator {
  /// Where a client already on a caseload stands, with its share in percent (assumption).
  enum CaseloadStage: CaseIterable {
    /// Every step done, in the rest of the journey (vervolgtraject, placement, nazorg) until a
    /// pinned exit: most of Eindhoven's 479 on the caseload (DOMAIN.md §7a).
    case finishing
    /// In a language class that started before the plan (a history pin), leaving at its end
    /// plus aftercare.
    case inClass
    /// Intake done (and the voortraject, on b1), waiting for a language class: the backlog
    /// between instruments (seed 000, L1934–1938). No exit pin: the plan decides it.
    case waitingForClass

    var percent: Int {
      switch self {
      case .finishing: return 60
      case .inClass: return 25
      case .waitingForClass: return 15
      }
    }
  }

  /// Up to `count` clients on a caseload: intake before the start and specialist pinned, as
  /// history. A client whose pins would not fit (no specialist with room, under the required
  /// language match no specialist who speaks the language) is left out; the caller adds a
  /// waiting client instead.
  mutating func makeCaseloadClients(
    count: Int, programmes: [Programme], specialists: [Specialist], book: inout CaseloadBook,
    history: inout HistoryCohorts
  ) -> [Client] {
    var clients: [Client] = []
    var nextSpecialist = 0
    let stages = CaseloadStage.allCases
    for _ in 0..<count {
      let (segment, languages) = drawClientKind()
      guard let route = routes[segment.route] else { continue }
      var stage = stages[random.index(weights: stages.map(\.percent))]
      var client = Client(
        id: clientID("K", clients.count + 1), available: spec.start, route: route.name, profile: segment.profile,
        languages: languages)
      var months = 0..<spec.horizon
      if stage == .inClass {
        if let placed = placeInClass(&client, route: route, programmes: programmes, history: history) {
          months = placed.months
          history.take(placed.programme, start: placed.start)
        } else {
          stage = .finishing
        }
      }
      switch stage {
      case .finishing:
        // A stay of 12–24 months (about 1.8 years on average in Eindhoven, DOMAIN.md §3),
        // leaving in the first 15 months of the plan.
        let exit = random.int(in: 1...15)
        let stay = random.int(in: max(exit + 1, 12)...24)
        client.pins.intake = spec.start.adding(exit - stay)
        client.pins.exit = spec.start.adding(exit)
        client.done = route.steps
        months = (exit - stay)..<exit
      case .waitingForClass:
        let intake =
          route.steps.contains(MunicipalityShape.voortrajectStep)
          ? -random.int(in: 4...8) : -random.int(in: 1...4)
        client.pins.intake = spec.start.adding(intake)
        client.done = route.steps.filter { $0 != MunicipalityShape.languageStep }
        months = intake..<spec.horizon
      case .inClass:
        break
      }
      if let intake = client.pins.intake { client.available = intake.adding(-random.int(in: 0...2)) }
      guard
        let chosen = chooseSpecialist(
          for: languages, months: months, specialists: specialists, book: book, startingAt: nextSpecialist)
      else { continue }
      book.take(chosen, months: months)
      nextSpecialist = (chosen + 1) % specialists.count
      client.pins.specialist = specialists[chosen].id
      clients.append(client)
    }
    return clients
  }

  /// Pins the language step of `client` to a cohort that started before month 0 and still
  /// runs, with the intake (and, on b1, the voortraject) before it and the exit at its end
  /// plus aftercare. Nil when no eligible programme started a cohort with room in that window.
  mutating func placeInClass(
    _ client: inout Client, route: Route, programmes: [Programme], history: HistoryCohorts
  ) -> (programme: String, start: Int, months: Range<Int>)? {
    let eligible = programmes.filter {
      $0.step == MunicipalityShape.languageStep && $0.admits(route: route.name, profile: client.profile)
    }
    guard let programme = random.element(of: eligible) else { return nil }
    let duration = programme.duration.months
    guard duration >= 2 else { return nil }
    let starts = (-(duration - 1)...(-1)).filter {
      programme.starts.allows(spec.start.adding($0)) && history.hasRoom(programme.id, start: $0)
    }
    guard let start = random.element(of: starts) else { return nil }
    let hasVoortraject = route.steps.contains(MunicipalityShape.voortrajectStep)
    let before = route.intakeMonths + (hasVoortraject ? Duration.weeks(MunicipalityShape.voortrajectWeeks).months : 0)
    let intake = start - before - random.int(in: 0...2)
    let exit = start + duration + route.aftercare
    client.pins.intake = spec.start.adding(intake)
    client.pins.exit = spec.start.adding(exit)
    client.pins.steps[MunicipalityShape.languageStep] = StepPin(
      programme: programme.id, start: spec.start.adding(start))
    client.done = route.steps.filter { $0 != MunicipalityShape.languageStep }
    return (programme.id, start, intake..<exit)
  }

  /// The next specialist, round robin from `startingAt`, with room for a client on the
  /// caseload in `months`: one who speaks the client's language if any has room, otherwise
  /// anyone (never a non-speaker under `language_match: required`).
  func chooseSpecialist(
    for languages: [String], months: Range<Int>, specialists: [Specialist], book: CaseloadBook, startingAt: Int
  ) -> Int? {
    let order = (0..<specialists.count).map { (startingAt + $0) % specialists.count }
    let matching = order.filter { languagesMatch(languages, specialists[$0].languages) }
    if let found = matching.first(where: { book.fits($0, months: months) }) { return found }
    guard spec.languageMatch != .required else { return nil }
    return order.first { book.fits($0, months: months) }
  }
}

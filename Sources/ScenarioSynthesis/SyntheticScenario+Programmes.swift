import PlannerDomain

extension Generator {
  /// Capacity offered per unit of steady demand, in percent (assumption: enough to absorb the
  /// inflow, too little to clear the starting backlog at once).
  static let capacityPercent = 130

  /// New clients who will need a step over the horizon, per month: the backlog and the
  /// inflow, spread evenly (the backlog is in fact all there at the start).
  var newClientsPerMonthTimesHorizon: Int { plannedBacklog + inflowCount }

  /// The voortraject, then each provider's one or two language programmes.
  mutating func makeProgrammes() -> [Programme] {
    [voortraject()] + languageProgrammes()
  }

  /// The municipality's 12-week voortraject (seed 000, L785): seats 10 ("about ten",
  /// seed 000, L1909), min_size 6, monthly starts (assumptions, DOMAIN.md §7a). Two parallel
  /// groups for a municipality (assumption); more where the b1 demand needs them.
  func voortraject() -> Programme {
    let seats = 10
    let b1Share = MunicipalityShape.segments.filter { $0.route == "b1" }.map(\.basisPoints).reduce(0, +)
    // Steady b1 arrivals per month × capacityPercent / 100, in seats.
    let needed = newClientsPerMonthTimesHorizon * b1Share * Self.capacityPercent
    let perMonth = 10_000 * 100 * spec.horizon
    let groups = max(2, ceilDiv(needed, perMonth * seats))
    return Programme(
      id: "voortraject", provider: "gemeente", step: MunicipalityShape.voortrajectStep, routes: ["b1"],
      duration: .weeks(MunicipalityShape.voortrajectWeeks), starts: .monthly, seats: seats, minSize: 6, groups: groups)
  }

  /// Providers run one or two language programmes each (assumption), at least four in all so
  /// that the covering kinds (``MunicipalityShape/coveringKinds``) admit every client; a
  /// single provider runs all four.
  mutating func languageProgrammes() -> [Programme] {
    var counts = (0..<spec.providers).map { _ in random.int(in: 1...2) }
    var provider = 0
    while counts.reduce(0, +) < MunicipalityShape.coveringKinds.count {
      if counts[provider] < 2 || spec.providers == 1 { counts[provider] += 1 }
      provider = (provider + 1) % spec.providers
    }
    let total = counts.reduce(0, +)
    var kinds = random.shuffled(MunicipalityShape.coveringKinds)
    let extraWeights = MunicipalityShape.extraKinds.map(\.weight)
    while kinds.count < total {
      kinds.append(MunicipalityShape.extraKinds[random.index(weights: extraWeights)].kind)
    }
    let width = max(2, String(total).count)
    var programmes: [Programme] = []
    var index = 0
    for (providerIndex, count) in counts.enumerated() {
      let providerName = "aanbieder-" + padded(providerIndex + 1, width: width)
      for _ in 0..<count {
        let kind = kinds[index]
        index += 1
        programmes.append(
          languageProgramme(
            kind, id: "taal-" + padded(index, width: width) + "-" + kind.slug, provider: providerName, kinds: kinds))
      }
    }
    return programmes
  }

  /// One language programme: seats 12–15, min_size 4–8, starts in 2–4 calendar months a year
  /// or monthly, groups from the demand (1–2 for a municipality). No report gives seats,
  /// minimum sizes or calendars (DOMAIN.md §4, §8): all assumptions, with "for example only
  /// twice a year" (seed 001, L1092–1093) and hard-to-fill classes (seed 001, L1244) in mind.
  mutating func languageProgramme(
    _ kind: MunicipalityShape.ProgrammeKind, id: String, provider: String, kinds: [MunicipalityShape.ProgrammeKind]
  ) -> Programme {
    let seats = random.int(in: 12...15)
    let calendar: StartCalendar
    let startsPerYear: Int
    if random.chance(percent: 25) {
      calendar = .monthly
      startsPerYear = 12
    } else {
      startsPerYear = random.int(in: 2...4)
      let spacing = 12 / startsPerYear
      let first = random.int(in: 1...spacing)
      calendar = .months(Set((0..<startsPerYear).map { first + $0 * spacing }))
    }
    // Basis points of the head count this programme expects: each segment it admits,
    // shared equally among all programmes that admit that segment.
    var basisPoints = 0
    for segment in MunicipalityShape.segments
    where segment.route == kind.route && kind.profiles.contains(segment.profile) {
      let sharing = kinds.filter { $0.route == segment.route && $0.profiles.contains(segment.profile) }.count
      basisPoints += segment.basisPoints / max(1, sharing)
    }
    // Expected starters a year, times capacityPercent / 100.
    let yearly = newClientsPerMonthTimesHorizon * basisPoints * 12 / (10_000 * spec.horizon)
    let groups = max(1, ceilDiv(yearly * Self.capacityPercent, 100 * seats * startsPerYear))
    let perStart = yearly / startsPerYear
    let minSize = min(random.int(in: 4...8), max(4, perStart))
    return Programme(
      id: id, provider: provider, step: MunicipalityShape.languageStep, routes: [kind.route], profiles: kind.profiles,
      duration: .weeks(kind.weeks), starts: calendar, seats: seats, minSize: minSize, groups: groups)
  }

  func padded(_ number: Int, width: Int) -> String {
    let digits = String(number)
    return String(repeating: "0", count: max(0, width - digits.count)) + digits
  }
}

/// ⌈numerator / denominator⌉ for a non-negative numerator and a positive denominator.
func ceilDiv(_ numerator: Int, _ denominator: Int) -> Int { (numerator + denominator - 1) / denominator }

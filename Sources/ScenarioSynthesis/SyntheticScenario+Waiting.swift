import PlannerDomain

extension Generator {
  /// Known clients without an intake: 70% housed in the nine months before the start (the
  /// housing wait often exceeds the legal 13 weeks, seed 004, L934–935) and 30% linked to the
  /// municipality and housed in the first three months of the plan (assumption; COA links in
  /// advance, seed 000, L529–530). About 10% of b1 clients skip the voortraject
  /// (seed 000, L779–783).
  mutating func makeWaitingClients(count: Int) -> [Client] {
    (0..<count).map { index in
      let (segment, languages) = drawClientKind()
      let offset = random.chance(percent: 70) ? -random.int(in: 0...9) : min(spec.horizon - 1, random.int(in: 1...3))
      var done: [String] = []
      if segment.route == "b1", random.chance(percent: 10) { done = [MunicipalityShape.voortrajectStep] }
      return Client(
        id: clientID("W", index + 1), available: spec.start.adding(max(offset, -9)), route: segment.route,
        profile: segment.profile, languages: languages, done: done)
    }
  }

  /// Expected arrivals (the taakstelling, DOMAIN.md §2): `count` clients spread over the
  /// horizon with ±25% noise per month (assumption; Eindhoven's inflow averaged 30 a month,
  /// seed 000, L1385–1386), grouped per month by route, profile and languages.
  mutating func makeInflow(count: Int) -> [InflowGroup] {
    guard count > 0 else { return [] }
    let weights = (0..<spec.horizon).map { _ in random.int(in: 75...125) }
    let perMonth = apportion(count, weights: weights)
    let segments = MunicipalityShape.segments
    let languageSets = MunicipalityShape.clientLanguages
    var groups: [InflowGroup] = []
    for (month, arrivals) in perMonth.enumerated() where arrivals > 0 {
      var tally = Array(repeating: Array(repeating: 0, count: languageSets.count), count: segments.count)
      for _ in 0..<arrivals {
        let segment = random.index(weights: segments.map(\.basisPoints))
        let languages = random.index(weights: languageSets.map(\.percent))
        tally[segment][languages] += 1
      }
      for (segmentIndex, segment) in segments.enumerated() {
        for (languageIndex, set) in languageSets.enumerated() where tally[segmentIndex][languageIndex] > 0 {
          groups.append(
            InflowGroup(
              month: spec.start.adding(month), count: tally[segmentIndex][languageIndex], route: segment.route,
              profile: segment.profile, languages: set.languages))
        }
      }
    }
    return groups
  }
}

/// Splits `total` into parts proportional to `weights` that add up to `total` exactly
/// (largest remainder; ties go to the earlier part).
func apportion(_ total: Int, weights: [Int]) -> [Int] {
  let sum = weights.reduce(0, +)
  guard sum > 0 else { return weights.map { _ in 0 } }
  var parts = weights.map { total * $0 / sum }
  let remainders = weights.enumerated().map { (index: $0.offset, rest: total * $0.element % sum) }
  let order = remainders.sorted { ($0.rest, -$0.index) > ($1.rest, -$1.index) }
  for entry in order.prefix(total - parts.reduce(0, +)) { parts[entry.index] += 1 }
  return parts
}

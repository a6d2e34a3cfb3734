import PlannerDomain

/// One specialist's caseload, recomputed from the client entries.
struct RecomputedCaseload {
  let specialist: Specialist
  /// Clients on the caseload in each grid month 0 ..< H.
  var months: [Int]
  /// Entries (with their heads) that count in at least one month.
  var entries: [(range: Range<Int>, count: Int)] = []
}

extension PlanAudit {
  /// MODEL.md rule 5: availability, the cap on the specialist's basis, and the plan's
  /// `specialists` list against the recomputed caseloads.
  mutating func checkCaseloads(_ listed: [PlanSpecialist], outcomes: [EntryOutcome]) {
    var caseloads: [String: RecomputedCaseload] = [:]
    var order: [String] = []
    for specialist in rules.scenario.specialists where caseloads[specialist.id] == nil {
      caseloads[specialist.id] = RecomputedCaseload(
        specialist: specialist, months: Array(repeating: 0, count: horizon))
      order.append(specialist.id)
    }
    for outcome in outcomes {
      guard let specialist = outcome.specialist, !outcome.caseload.isEmpty else { continue }
      let outside = outcome.caseload.filter { !rules.isAvailable(specialist, at: $0) }
      if let first = outside.first {
        flag(
          .availability, outcome.path,
          "counts on the caseload of \(specialist.id) in \(text(first))"
            + (outside.count > 1 ? " and \(outside.count - 1) more months" : "")
            + ", outside \(specialist.id)'s availability \(availabilityText(specialist))")
      }
      guard var caseload = caseloads.removeValue(forKey: specialist.id) else { continue }
      for month in outcome.caseload {
        caseload.months[month] = Saturating.add(caseload.months[month], outcome.count)
      }
      caseload.entries.append((outcome.caseload, outcome.count))
      caseloads[specialist.id] = caseload
    }

    var listedIndex: [String: Int] = [:]
    for (index, entry) in listed.enumerated() {
      guard case .value(let id) = entry.id else {
        flagMissing("specialists[\(index)]", "id")
        continue
      }
      let path = "specialists[\(index)] (\(id))"
      if caseloads[id] == nil {
        flag(.caseload, path, "\(id) is not a specialist of the scenario")
      } else if let first = listedIndex[id] {
        flag(.caseload, path, "specialist \(id) is listed again; it is listed at specialists[\(first)]")
      } else {
        listedIndex[id] = index
      }
    }

    for id in order {
      guard let caseload = caseloads[id] else { continue }
      let path = listedIndex[id].map { "specialists[\($0)] (\(id))" } ?? "specialists (\(id))"
      let entry = listedIndex[id].map { listed[$0] }
      if entry == nil { flag(.caseload, "specialists", "specialist \(id) has no entry") }
      switch rules.scenario.caseload.basis {
      case .monthly: checkMonthlyCap(caseload, at: path)
      case .annual: checkAnnualCap(caseload, stated: entry, at: path)
      }
      if let entry { compare(entry, with: caseload, at: path) }
    }
  }

  private mutating func checkMonthlyCap(_ caseload: RecomputedCaseload, at path: String) {
    let specialist = caseload.specialist
    guard let cap = rules.monthlyCap(specialist) else {
      flag(.scenario, path, "the cap of \(specialist.id) cannot be computed")
      return
    }
    for (month, clients) in caseload.months.enumerated() where clients > cap {
      flag(
        .monthlyCap, path,
        "specialist \(specialist.id) has \(plural(clients, "client")) in \(text(month)), above the cap \(cap) "
          + "(⌊\(rules.capPerFTE(specialist)) × \(specialist.fte)⌋)")
    }
  }

  /// Annual basis: distinct clients per calendar year that overlaps the horizon, against
  /// ⌊cap × fte × a / 12⌋; also the plan's `years` list.
  private mutating func checkAnnualCap(_ caseload: RecomputedCaseload, stated: PlanSpecialist?, at path: String) {
    let specialist = caseload.specialist
    var statedYears: [Int: PlanCaseloadYear] = [:]
    if let stated {
      switch stated.years {
      case .value(let years):
        for (index, year) in years.enumerated() {
          guard case .value(let number) = year.year else {
            flagMissing("\(path).years[\(index)]", "year")
            continue
          }
          if statedYears[number] != nil || !yearOverlapsHorizon(number) {
            flag(.caseload, "\(path).years[\(index)]", "year \(number) is listed again or lies outside the horizon")
          }
          statedYears[number] = year
        }
      default:
        flagMissing(path, "years")
      }
    }
    guard horizon > 0 else { return }
    let firstYear = Month(ordinal: rules.startOrdinal).year
    let lastYear = Month(ordinal: rules.startOrdinal + horizon - 1).year
    for year in firstYear...lastYear {
      let months = max(0, year * 12 - rules.startOrdinal)..<min(horizon, (year + 1) * 12 - rules.startOrdinal)
      var distinct = 0
      for entry in caseload.entries where entry.range.overlaps(months) {
        distinct = Saturating.add(distinct, entry.count)
      }
      guard let cap = rules.yearlyCap(specialist, in: year) else {
        flag(.scenario, path, "the yearly cap of \(specialist.id) cannot be computed")
        return
      }
      let available = rules.availableMonths(specialist, in: year)
      if distinct > cap {
        flag(
          .annualCap, path,
          "specialist \(specialist.id) has \(plural(distinct, "distinct client")) in \(year), above the yearly cap \(cap) "
            + "(⌊\(rules.capPerFTE(specialist)) × \(specialist.fte) × \(available) / 12⌋)")
      }
      guard stated != nil else { continue }
      guard let statedYear = statedYears[year] else {
        flag(.caseload, path + ".years", "year \(year) is not listed")
        continue
      }
      if statedYear.clients.value != distinct || statedYear.cap.value != cap {
        flag(
          .caseload, path + ".years",
          "year \(year) is listed with \(describe(statedYear.clients)) clients and cap \(describe(statedYear.cap)), "
            + "recomputed \(distinct) clients and cap \(cap)")
      }
    }
  }

  /// The stated `cap` and `caseload` list against the recomputed ones.
  private mutating func compare(_ stated: PlanSpecialist, with caseload: RecomputedCaseload, at path: String) {
    let specialist = caseload.specialist
    switch stated.cap {
    case .value(let cap):
      if let expected = rules.monthlyCap(specialist), cap != expected {
        flag(
          .caseload, path,
          "cap is \(cap), but ⌊\(rules.capPerFTE(specialist)) × \(specialist.fte)⌋ is \(expected)")
      }
    default:
      flagMissing(path, "cap")
    }
    guard case .value(let months) = stated.caseload else {
      flagMissing(path, "caseload")
      return
    }
    if months.count != horizon {
      flag(.caseload, path + ".caseload", "lists \(months.count) months, but the horizon has \(horizon)")
    }
    var differing: [(month: Int, stated: String)] = []
    for (month, recomputed) in caseload.months.enumerated() where month < months.count {
      let entry = months[month]
      let monthPath = "\(path).caseload[\(month)]"
      guard let statedMonth = offset(of: entry.month, at: monthPath, key: "month") else {
        if entry.month.isAbsent { flagMissing(monthPath, "month") }
        continue
      }
      if statedMonth != month || entry.clients.value != recomputed {
        differing.append((month, "\(describe(entry.month)): \(describe(entry.clients))"))
      }
    }
    if let first = differing.first {
      flag(
        .caseload, path + ".caseload",
        "differs from the recomputed caseload in \(plural(differing.count, "month")); first at position \(first.month), "
          + "stated \(first.stated), recomputed \(text(first.month)): \(caseload.months[first.month])")
    }
  }

  private func yearOverlapsHorizon(_ year: Int) -> Bool {
    guard horizon > 0, (-1_000_000...1_000_000).contains(year) else { return false }
    return year * 12 < rules.startOrdinal + horizon && (year + 1) * 12 > rules.startOrdinal
  }

  private func availabilityText(_ specialist: Specialist) -> String {
    let from = specialist.from.map { "from \($0)" }
    let until = specialist.until.map { "until \($0)" }
    return [from, until].compactMap(\.self).joined(separator: " ")
  }

  private func describe<Value>(_ field: Field<Value>) -> String {
    switch field {
    case .missing: return "nothing"
    case .null: return "null"
    case .value(let value): return "\(value)"
    }
  }
}

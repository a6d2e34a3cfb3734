import PlannerDomain

extension PlanAudit {
  /// MODEL.md rule 3 on the cohorts the client steps imply, then the plan's `cohorts` list
  /// against them: every cohort with its exact size, its programme's provider, nothing else.
  mutating func checkCohorts(_ listed: [PlanCohort], outcomes: [EntryOutcome]) {
    var implied: [CohortKey: Int] = [:]
    for outcome in outcomes {
      for key in outcome.memberships { implied[key] = Saturating.add(implied[key] ?? 0, outcome.count) }
    }

    for (key, size) in implied.sorted(by: { $0.key < $1.key }) {
      guard let programme = rules.programmes[key.programme] else { continue }
      let path = "cohorts (\(name(of: key)))"
      if size > programme.seats {
        flag(
          .seats, path,
          "cohort \(name(of: key)) has \(plural(size, "client")), above its \(plural(programme.seats, "seat"))")
      }
      if key.start >= 0, size < programme.minSize {
        flag(
          .minSize, path,
          "cohort \(name(of: key)) has \(plural(size, "client")), below the minimum size \(programme.minSize)")
      }
      if key.group < 1 || key.group > programme.groups {
        flag(
          .groups, path,
          "cohort \(name(of: key)) is group \(key.group), but programme \(programme.id) runs groups 1 … "
            + "\(programme.groups) per start month")
      }
    }

    var stated: [CohortKey: (size: Int, path: String)] = [:]
    for (index, cohort) in listed.enumerated() {
      let base = "cohorts[\(index)]"
      guard case .value(let programmeID) = cohort.programme else {
        flagMissing(base, "programme")
        continue
      }
      guard let start = offset(of: cohort.start, at: base, key: "start") else {
        if cohort.start.isAbsent { flagMissing(base, "start") }
        continue
      }
      guard case .value(let group) = cohort.group else {
        flagMissing(base, "group")
        continue
      }
      let key = CohortKey(programme: programmeID, start: start, group: group)
      let path = "\(base) (\(name(of: key)))"
      guard case .value(let size) = cohort.size else {
        flagMissing(path, "size")
        continue
      }
      guard let programme = rules.programmes[programmeID] else {
        flag(.cohorts, path, "programme \(programmeID) is not a programme of the scenario")
        continue
      }
      switch cohort.provider {
      case .value(let provider) where provider == programme.provider: break
      case .value(let provider):
        flag(
          .provider, path, "provider is \(provider), but programme \(programme.id) is run by \(programme.provider)")
      default: flagMissing(path, "provider")
      }
      if let earlier = stated[key] {
        flag(.cohorts, path, "cohort \(name(of: key)) is listed again; it is listed at \(earlier.path)")
        continue
      }
      stated[key] = (size, path)
    }

    for (key, size) in implied.sorted(by: { $0.key < $1.key }) {
      guard let listedSize = stated[key]?.size else {
        flag(
          .cohorts, "cohorts",
          "cohort \(name(of: key)) has \(plural(size, "client")) in the client steps but is not listed")
        continue
      }
      if listedSize != size {
        flag(
          .cohorts, stated[key]?.path ?? "cohorts",
          "cohort \(name(of: key)) is listed with \(plural(listedSize, "client")), but \(plural(size, "client step")) join it"
        )
      }
    }
    for (key, entry) in stated.sorted(by: { $0.key < $1.key }) where implied[key] == nil && entry.size != 0 {
      flag(
        .cohorts, entry.path,
        "cohort \(name(of: key)) is listed with \(plural(entry.size, "client")), but no client step joins it")
    }
  }

  /// `vt 2020-06 group 2`.
  func name(of cohort: CohortKey) -> String {
    "\(cohort.programme) \(text(cohort.start)) group \(cohort.group)"
  }
}

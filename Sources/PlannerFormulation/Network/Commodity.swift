import PlannerDomain

/// Clients who flow through the same network: identical route, profile, languages and open
/// steps, without pins. Their availability months differ only in where the flow enters, so
/// one network serves them all, and the model grows with distinct kinds of client, not heads.
/// A pinned client is a commodity of its own.
struct Commodity {
  let index: Int
  /// Member indices; one for a pinned client.
  let members: [Int]
  /// Heads entering the intake queue per grid month.
  let supply: [Int: Int]
  let route: Route
  let profile: String?
  let languages: [String]
  let openSteps: [String]
  /// Specialist types that may take these clients.
  let allowedTypes: [Int]
  let pins: GridPins?
  /// Eligible programme indices per open step.
  let eligible: [[Int]]

  var label: String { pins == nil ? "k\(index + 1)" : "p\(index + 1)" }
  var heads: Int { supply.values.reduce(0, +) }

  /// The heads on a path: a month's newcomers (``FlowNetwork/newcomerMonths``) when `arrival` is
  /// set, else the whole class.
  func heads(arrival: Int?) -> Int { arrival.map { supply[$0] ?? 0 } ?? heads }

  /// The programmes and start months some client is pinned to start (history included).
  static func pinnedCohorts(_ commodities: [Commodity]) -> Set<FlowNetwork.CohortKey> {
    Set(
      commodities.flatMap { commodity in
        (commodity.pins?.steps ?? [:]).values.map { FlowNetwork.CohortKey(programme: $0.programme, month: $0.start) }
      })
  }

  /// Builds commodities in a fixed order of their first member. Clients with the same route,
  /// eligible programmes, open steps and identical pins (and languages, where matching is
  /// required) are interchangeable, so even pinned clients (e.g. a caseload carried over with
  /// intake, specialist and exit fixed) share one.
  static func build(_ instance: PlanningInstance, types: [SpecialistType]) -> [Commodity] {
    var classes: [[Int]] = []
    var classOfKey: [String: Int] = [:]
    let languagesMatter = instance.scenario.languageMatch == .required
    for member in instance.members where member.earliestIntake < instance.horizon || member.pins != nil {
      // What the model can tell apart: the route, which programmes admit the client at each
      // step (not the profile's name), languages only where matching is required, and pins.
      let eligibility = member.openSteps.map { step in
        instance.eligibleProgrammes(step: step, for: member).map { String($0.index) }.joined(separator: ".")
      }
      let key = [
        member.route, eligibility.joined(separator: "/"),
        languagesMatter ? Set(member.languages).sorted().joined(separator: ",") : "",
        member.openSteps.joined(separator: ","),
        member.pins?.canonicalKey(
          intakeMonths: instance.route(of: member).intakeMonths, hasOpenSteps: !member.openSteps.isEmpty) ?? "",
        member.pins == nil ? "" : String(member.earliestIntake),
      ].joined(separator: "|")
      if let existing = classOfKey[key] {
        classes[existing].append(member.index)
      } else {
        classOfKey[key] = classes.count
        classes.append([member.index])
      }
    }
    var commodities: [Commodity] = []
    for group in classes {
      let first = instance.members[group[0]]
      var supply: [Int: Int] = [:]
      for index in group {
        let member = instance.members[index]
        supply[member.earliestIntake, default: 0] += member.count
      }
      commodities.append(
        Commodity(
          index: commodities.count, members: group, supply: supply, route: instance.route(of: first),
          profile: first.profile, languages: first.languages, openSteps: first.openSteps,
          allowedTypes: allowedTypes(for: first, instance: instance, types: types), pins: first.pins,
          eligible: first.openSteps.map { step in instance.eligibleProgrammes(step: step, for: first).map(\.index) }))
    }
    return commodities
  }

  private static func allowedTypes(for member: Member, instance: PlanningInstance, types: [SpecialistType]) -> [Int] {
    if let pinnedID = member.pins?.specialist, let specialist = instance.specialistIndex(id: pinnedID) {
      return types.filter { $0.members.contains(specialist) }.map(\.index)
    }
    if instance.scenario.languageMatch == .required {
      return types.filter { languagesMatch(member.languages, $0.languages) }.map(\.index)
    }
    return types.map(\.index)
  }
}

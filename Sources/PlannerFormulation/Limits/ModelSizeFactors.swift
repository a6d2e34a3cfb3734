import PlannerDomain

/// The scenario counts a model's size is a product of, for telling a user what to reduce.
public struct ModelSizeFactors: Hashable, Sendable {
  /// One of the factors the model size multiplies.
  public enum Factor: String, Hashable, Sendable, CaseIterable {
    case clientKinds
    case teamsPerKind
    case months
    case programmeStarts
  }

  /// The horizon H.
  public var months: Int
  /// Groups of clients planned as one: same route, open steps, eligible programmes per step and
  /// pins, and under `language_match: required` the same languages (``Commodity``).
  public var clientKinds: Int
  /// Kinds that are pinned clients (each with its own pins).
  public var pinnedKinds: Int
  /// Distinct lists of eligible programmes per open step, routes and (only counted where
  /// matching is required) language lists among the kinds.
  public var eligibilityPatterns: Int
  public var routes: Int
  public var languageLists: Int
  /// Whether languages split kinds of client and teams (`language_match: required`).
  public var languagesMatter: Bool
  /// Groups of interchangeable specialists, and how many of them are a specialist on their own
  /// (with `from`/`until`, or the only one with their languages where matching is required).
  public var specialistTeams: Int
  public var specialistsOnTheirOwn: Int
  /// Teams a kind of client may join, on average.
  public var teamsPerKind: Double
  /// Programme starts a ready client may choose among in a month, on average over open steps.
  public var startsPerReadyMonth: Double

  public init(
    months: Int, clientKinds: Int, pinnedKinds: Int, eligibilityPatterns: Int, routes: Int, languageLists: Int,
    languagesMatter: Bool, specialistTeams: Int, specialistsOnTheirOwn: Int, teamsPerKind: Double,
    startsPerReadyMonth: Double
  ) {
    self.months = months
    self.clientKinds = clientKinds
    self.pinnedKinds = pinnedKinds
    self.eligibilityPatterns = eligibilityPatterns
    self.routes = routes
    self.languageLists = languageLists
    self.languagesMatter = languagesMatter
    self.specialistTeams = specialistTeams
    self.specialistsOnTheirOwn = specialistsOnTheirOwn
    self.teamsPerKind = teamsPerKind
    self.startsPerReadyMonth = startsPerReadyMonth
  }

  init(instance: PlanningInstance, teams: [SpecialistType], commodities: [Commodity], counter: SizeCounter) {
    let kinds = max(commodities.count, 1)
    self.init(
      months: instance.horizon, clientKinds: commodities.count, pinnedKinds: commodities.count { $0.pins != nil },
      eligibilityPatterns: Set(commodities.map(\.eligible)).count, routes: Set(commodities.map(\.route.name)).count,
      languageLists: Set(commodities.map { Set($0.languages) }).count,
      languagesMatter: instance.scenario.languageMatch == .required, specialistTeams: teams.count,
      specialistsOnTheirOwn: teams.count { $0.members.count == 1 },
      teamsPerKind: Double(commodities.reduce(0) { $0 + $1.allowedTypes.count }) / Double(kinds),
      startsPerReadyMonth: counter.readyNodes > 0 ? Double(counter.startArcs) / Double(counter.readyNodes) : 0)
  }

  /// Values of a municipality's scenario that plans comfortably (the bundled scenarios lie
  /// around or below them); a factor far above its typical value is the one to reduce.
  public static func typicalValue(of factor: Factor) -> Double {
    switch factor {
    case .clientKinds: return 150
    case .teamsPerKind: return 6
    case .months: return 24
    case .programmeStarts: return 2
    }
  }

  public func value(of factor: Factor) -> Double {
    switch factor {
    case .clientKinds: return Double(clientKinds)
    case .teamsPerKind: return teamsPerKind
    case .months: return Double(months)
    case .programmeStarts: return startsPerReadyMonth
    }
  }

  /// The factors from the most to the least above their typical value.
  public var byExcess: [Factor] {
    Factor.allCases.sorted { value(of: $0) / Self.typicalValue(of: $0) > value(of: $1) / Self.typicalValue(of: $1) }
  }

  /// What the factor counts, with this scenario's numbers.
  public func explanation(of factor: Factor) -> String {
    switch factor {
    case .clientKinds:
      var causes = [
        "\(routes) \(routes == 1 ? "route" : "routes")",
        "\(eligibilityPatterns) \(eligibilityPatterns == 1 ? "set" : "sets") of eligible programmes",
      ]
      if languagesMatter { causes.insert("\(languageLists) language \(languageLists == 1 ? "list" : "lists")", at: 0) }
      if pinnedKinds > 0 { causes.append("\(pinnedKinds) pinned \(pinnedKinds == 1 ? "client" : "clients")") }
      return
        "\(clientKinds) kinds of client: clients who differ in route, steps done, the programmes open to them "
        + "(through route and profile), pins\(languagesMatter ? " or languages (language_match: required)" : "") "
        + "are planned separately (here \(causes.joined(separator: ", ")))"
    case .teamsPerKind:
      let languages =
        languagesMatter ? ", and so does one with a language list of their own under language_match: required" : ""
      return
        "\(Self.format(teamsPerKind)) specialist teams open to each kind of client, of \(specialistTeams) teams: "
        + "a specialist with from/until plans as a team of their own\(languages) (here \(specialistsOnTheirOwn))"
    case .months: return "a horizon of \(months) months"
    case .programmeStarts:
      return
        "\(Self.format(startsPerReadyMonth)) programme starts open to a ready client in a month, on average: "
        + "every eligible programme that may start that month"
    }
  }

  /// How to shrink the factor by `excess` (the factor the whole model is over its limit).
  public func remedy(for factor: Factor, excess: Double) -> String {
    let goal = { (value: Double) in Self.format(max(value / excess, 1)) }
    switch factor {
    case .clientKinds:
      let how =
        languagesMatter
        ? "list only the languages that decide the specialist, so that fewer clients differ in languages"
        : "admit the same profiles to the programmes of a step, so that fewer clients differ in what is open to them"
      return "\(how), down to about \(Int(max(Double(clientKinds) / excess, 1))) kinds of client, or pin fewer clients"
    case .teamsPerKind:
      return
        "leave out from/until where a specialist works the whole horizon"
        + (languagesMatter ? ", or use language_match: preferred" : "")
        + ", down to about \(goal(teamsPerKind)) teams per kind of client"
    case .months: return "shorten the horizon to about \(Int(max(Double(months) / excess, 1))) months"
    case .programmeStarts:
      return
        "give programmes that serve the same step fixed start months instead of monthly, or admit fewer "
        + "programmes per step, down to about \(goal(startsPerReadyMonth)) starts a month"
    }
  }

  static func format(_ value: Double) -> String {
    let tenths = Int((value * 10).rounded())
    return tenths % 10 == 0 ? String(tenths / 10) : "\(tenths / 10).\(tenths % 10)"
  }
}

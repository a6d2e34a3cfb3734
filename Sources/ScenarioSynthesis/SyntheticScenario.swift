import PlannerDomain

/// Seeded, municipality-shaped scenarios for tests and benchmarks.
///
/// A scenario has the routes b1 (voortraject, then language), education and Z (language
/// only) of the 2021 law; a voortraject run by the municipality; two to four language
/// programmes per pair of providers after Meerinzicht's tracks; specialists who speak Dutch,
/// some also Arabic or Tigrinya; and clients in three groups:
///
/// - **on a caseload** (``SyntheticScenarioSpec/caseloadPercent``, 15% by default): intake
///   before the start, specialist pinned; most have finished their steps and leave on a
///   pinned exit, some are in a language class that started before the plan (a history pin,
///   exit pinned to its end plus aftercare), and some wait for their language step;
/// - **waiting** (``SyntheticScenarioSpec/backlogPercent``, 25%): known, available in the
///   nine months before the start or the first three months of the plan, no intake yet;
/// - **inflow**: the rest, arriving month by month over the horizon in groups of identical
///   clients.
///
/// Capacities are sized from the expected demand so that the plan is tight but not hopeless:
/// language programmes and the voortraject offer about 1.3 times the steady monthly demand,
/// so the backlog at the start waits some months. Caseload pins fill at most 70% of any
/// specialist's cap in any year (or month, on a monthly basis), so the pins can always hold.
/// Whether the caseload cap binds depends on the ratio of clients to specialists: over a
/// 36-month horizon with about 90 clients per specialist, each specialist meets fewer
/// distinct clients in a year than a cap of 100 allows, and the waiting comes from the
/// voortraject, minimum class sizes and start calendars alone (DOMAIN.md §5, causes 2, 4, 5).
///
/// The result always passes ``ScenarioLoader`` validation once written with ``ScenarioWriter``.
public enum SyntheticScenario {
  /// The scenario for `spec`; the same spec always gives the same scenario.
  ///
  /// - Precondition: `spec.problems` is empty.
  public static func make(_ spec: SyntheticScenarioSpec) -> Scenario {
    precondition(spec.problems.isEmpty, "invalid spec: \(spec.problems.joined(separator: "; "))")
    var generator = Generator(spec: spec)
    return generator.scenario()
  }
}

/// Builds one scenario; every random draw comes from its one generator, in a fixed order.
struct Generator {
  let spec: SyntheticScenarioSpec
  var random: SplitMix64
  let routes: [String: Route]

  init(spec: SyntheticScenarioSpec) {
    self.spec = spec
    self.random = SplitMix64(seed: spec.seed)
    self.routes = Dictionary(uniqueKeysWithValues: MunicipalityShape.routes.map { ($0.name, $0) })
  }

  /// How the head count splits before any caseload client has to be moved to the backlog.
  var plannedCaseload: Int { spec.clients * spec.caseloadPercent / 100 }
  var plannedBacklog: Int { spec.clients * spec.backlogPercent / 100 }
  var inflowCount: Int { spec.clients - plannedCaseload - plannedBacklog }

  mutating func scenario() -> Scenario {
    let programmes = makeProgrammes()
    let specialists = makeSpecialists()
    var caseload = CaseloadBook(spec: spec, specialists: specialists)
    var history = HistoryCohorts(programmes: programmes)
    let onCaseload = makeCaseloadClients(
      count: plannedCaseload, programmes: programmes, specialists: specialists, book: &caseload, history: &history)
    // Caseload clients whose pins would not fit join the backlog, so the head count holds.
    let waiting = makeWaitingClients(count: plannedBacklog + plannedCaseload - onCaseload.count)
    let inflow = makeInflow(count: inflowCount)
    return Scenario(
      name: spec.scenarioName, start: spec.start, horizon: spec.horizon,
      caseload: CaseloadPolicy(cap: spec.cap, basis: spec.caseloadBasis), languageMatch: spec.languageMatch,
      routes: MunicipalityShape.routes, programmes: programmes, specialists: specialists,
      clients: onCaseload + waiting, inflow: inflow)
  }

  /// A segment and a language list drawn from the client mix.
  mutating func drawClientKind() -> (segment: MunicipalityShape.Segment, languages: [String]) {
    let segments = MunicipalityShape.segments
    let segment = segments[random.index(weights: segments.map(\.basisPoints))]
    let languages = MunicipalityShape.clientLanguages
    return (segment, languages[random.index(weights: languages.map(\.percent))].languages)
  }

  /// An id with a prefix and a number padded to the width of the head count (`W0042`).
  func clientID(_ prefix: String, _ number: Int) -> String {
    let digits = String(number)
    let width = max(4, String(spec.clients).count)
    return prefix + String(repeating: "0", count: max(0, width - digits.count)) + digits
  }
}

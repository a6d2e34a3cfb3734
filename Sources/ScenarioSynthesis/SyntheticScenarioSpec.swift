import PlannerDomain

/// What a synthetic scenario should look like: its size, its seed and the caseload rule.
///
/// The sizes the benchmarks use are a municipality (about 650 clients, 7 specialists,
/// 36 months: Eindhoven's 639 clients of 2020 and the seven specialists its evaluation asks
/// for at a caseload of about 90, DOMAIN.md §6), a region (about 3,000) and a national batch
/// (about 30,000, with specialists at about clients / 90).
public struct SyntheticScenarioSpec: Hashable, Sendable {
  /// Head count: known clients (on a caseload or waiting) plus every client of the inflow.
  public var clients: Int
  public var specialists: Int
  /// Language providers (taalaanbieders); each runs one or two language programmes.
  public var providers: Int
  /// Months planned.
  public var horizon: Int
  /// The same seed and spec always give the same scenario, byte for byte once written.
  public var seed: UInt64
  /// `annual` is the norm in practice (carried over + new per year, DOMAIN.md §4).
  public var caseloadBasis: CaseloadBasis
  /// Clients per FTE: 100 per year is the norm, about 90 the ideal under the 2021 law
  /// (seed 000, L1494–1498, DOMAIN.md §4).
  public var cap: ExactDecimal
  /// Month 0 of the plan.
  public var start: Month
  public var languageMatch: LanguageMatch
  /// Share of the head count already on a caseload at the start, in percent (10–20 is the
  /// intended range; assumption).
  public var caseloadPercent: Int
  /// Share of the head count known and waiting for an intake at the start, in percent
  /// (assumption; a backlog like Eindhoven's 60 not yet picked up, seed 000, L1476–1478).
  public var backlogPercent: Int
  /// The scenario's name; nil gives `synthetic-<clients>-<specialists>-<providers>-<horizon>-<seed>`.
  public var name: String?

  public init(
    clients: Int, specialists: Int, providers: Int, horizon: Int, seed: UInt64,
    caseloadBasis: CaseloadBasis = .annual, cap: ExactDecimal = ExactDecimal(100),
    start: Month = Month(year: 2025, month: 1), languageMatch: LanguageMatch = .preferred,
    caseloadPercent: Int = 15, backlogPercent: Int = 25, name: String? = nil
  ) {
    self.clients = clients
    self.specialists = specialists
    self.providers = providers
    self.horizon = horizon
    self.seed = seed
    self.caseloadBasis = caseloadBasis
    self.cap = cap
    self.start = start
    self.languageMatch = languageMatch
    self.caseloadPercent = caseloadPercent
    self.backlogPercent = backlogPercent
    self.name = name
  }

  /// The largest head count supported; the scenario file then stays well below the
  /// loader's size limit.
  public static let maximumClients = 100_000

  /// What is wrong with this spec, one sentence each; empty when ``SyntheticScenario/make(_:)``
  /// accepts it.
  public var problems: [String] {
    var found: [String] = []
    if clients < 1 || clients > Self.maximumClients {
      found.append("clients must be between 1 and \(Self.maximumClients) (found \(clients))")
    }
    if specialists < 1 || specialists > 10_000 {
      found.append("specialists must be between 1 and 10000 (found \(specialists))")
    }
    if providers < 1 || providers > 500 { found.append("providers must be between 1 and 500 (found \(providers))") }
    if horizon < 1 || horizon > 120 { found.append("horizon must be between 1 and 120 months (found \(horizon))") }
    if !cap.isPositive || cap > ExactDecimal(1000) {
      found.append("cap must be above 0 and at most 1000 clients per FTE (found \(cap))")
    }
    if !(0...100).contains(caseloadPercent) || !(0...100).contains(backlogPercent)
      || caseloadPercent + backlogPercent > 100
    {
      found.append(
        "caseload and backlog shares must be percentages adding up to at most 100 "
          + "(found \(caseloadPercent) and \(backlogPercent))")
    }
    return found
  }

  /// The name the scenario gets.
  public var scenarioName: String {
    name ?? "synthetic-\(clients)-\(specialists)-\(providers)-\(horizon)-\(seed)"
  }
}

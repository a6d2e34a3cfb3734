import PlannerDomain
import PlannerReporting

/// One scenario of a comparison: a column label and the scenario as changed.
public struct WhatIfVariant: Hashable, Sendable {
  /// The column heading, e.g. `base`, `cap 90` or a file name.
  public var label: String
  /// What sets it apart, in the user's words: override texts, or the scenario file.
  public var changes: [String]
  public var scenario: Scenario

  public init(label: String, changes: [String] = [], scenario: Scenario) {
    self.label = label
    self.changes = changes
    self.scenario = scenario
  }
}

/// A variant with the plan found for it and that plan's key figures.
public struct VariantResult: Hashable, Sendable {
  public var variant: WhatIfVariant
  /// The plan; when ``hasPlan`` is false it has no clients and its status says why.
  public var plan: Plan
  public var hasPlan: Bool
  /// Key figures of the plan; nil without a plan.
  public var kpis: PlanKPIs?
  /// Waits by route, profile, language and provider; empty without a plan.
  public var segments: [SegmentWaits]
  /// Why no plan exists or parts stay unplanned, in domain words.
  public var explanations: [String]
  /// Why the variant could not be solved at all (e.g. a model too large for this machine); nil
  /// when the solver ran.
  public var failure: String?
  /// The solver's name, e.g. `GLPK 5.0`.
  public var solver: String
  /// Wall-clock seconds of the solve. Never part of the printed or written comparison, which
  /// must not depend on timing.
  public var solveSeconds: Double

  public init(
    variant: WhatIfVariant, plan: Plan, hasPlan: Bool, kpis: PlanKPIs?, segments: [SegmentWaits],
    explanations: [String], failure: String? = nil, solver: String, solveSeconds: Double
  ) {
    self.variant = variant
    self.plan = plan
    self.hasPlan = hasPlan
    self.kpis = kpis
    self.segments = segments
    self.explanations = explanations
    self.failure = failure
    self.solver = solver
    self.solveSeconds = solveSeconds
  }

  public var label: String { variant.label }
  public var scenario: Scenario { variant.scenario }
}

/// Several variants solved with the same solver and options, in the order given: the first is
/// the reference that differences are taken against.
///
/// A plain value: text, JSON and CSV views (``text()``, ``json()``, ``csv()``) and reports
/// build on ``results``, ``rows`` and ``segmentRows``.
public struct Comparison: Hashable, Sendable {
  public var results: [VariantResult]

  public init(results: [VariantResult]) { self.results = results }

  public var labels: [String] { results.map(\.label) }
}

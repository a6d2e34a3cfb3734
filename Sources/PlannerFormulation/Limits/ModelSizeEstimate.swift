import PlannerDomain

/// The size of a scenario's optimisation model, estimated from counts before anything is built.
///
/// The model (``FlowNetwork``) has, for every kind of client and every specialist team it may
/// join, a node per month for "awaiting intake" and per open step a node per month for "ready
/// for the step", with an arc per programme start allowed in that month. So it grows as
///
///     kinds of client × teams per kind × months × (1 + steps × programme starts per month)
///
/// plus one caseload row and variable per team and month and a few rows per cohort. The
/// estimate follows the same reachability rules month by month, using prefix counts of each
/// programme's start calendar, so it costs about one pass over the clients and is exact for
/// the networks of clients without pins (pinned clients are counted as if their pins held no
/// decision fixed, an overestimate; clients with history get one chain of step nodes per
/// possible intake month, as the network remembers the intake month for them).
///
/// Complexity: O(clients + kinds × steps × eligible programmes + (programmes + specialists) × months).
public struct ModelSizeEstimate: Hashable, Sendable {
  public var variables: Int
  public var constraints: Int
  public var nonzeros: Int
  /// Estimated peak memory of building and solving the model, in bytes (see ``bytes(variables:constraints:nonzeros:)``).
  public var bytes: Int
  /// The counts the size grows with.
  public var factors: ModelSizeFactors

  public init(variables: Int, constraints: Int, nonzeros: Int, bytes: Int, factors: ModelSizeFactors) {
    self.variables = variables
    self.constraints = constraints
    self.nonzeros = nonzeros
    self.bytes = bytes
    self.factors = factors
  }

  /// Bytes per variable, constraint and nonzero of the whole run: the Swift model and its
  /// network bookkeeping, GLPK's copy of the problem, its presolved copy and the first 30 s of
  /// search. Measured as peak resident memory while planning generated scenarios (three steps,
  /// four monthly programmes each, one language per client): 499,064 variables, 102,827 rows
  /// and 1.37 million nonzeros took 731 MB (estimate 727 MB); 1.69 million variables, 340,070
  /// rows and 4.70 million nonzeros took 2.44 GB (estimate 2.47 GB). A long search grows the
  /// branch-and-bound tree beyond this.
  public static let bytesPerVariable = 900
  public static let bytesPerConstraint = 700
  public static let bytesPerNonzero = 150

  /// Estimated peak memory for a model of the given size.
  public static func bytes(variables: Int, constraints: Int, nonzeros: Int) -> Int {
    Saturating.sum([
      Saturating.product(variables, bytesPerVariable), Saturating.product(constraints, bytesPerConstraint),
      Saturating.product(nonzeros, bytesPerNonzero),
    ])
  }

  /// Estimates the model ``OptimalPlanner`` would build for `scenario`.
  public static func estimate(_ scenario: Scenario) -> ModelSizeEstimate {
    let instance = PlanningInstance(scenario)
    let teams = SpecialistType.group(instance)
    let commodities = Commodity.build(instance, types: teams)
    var counter = SizeCounter(
      instance: instance, teams: teams, twins: TwinProgrammes(instance: instance, commodities: commodities))
    for commodity in commodities { counter.add(commodity) }
    counter.addCohortsAndCaseloads()
    let factors = ModelSizeFactors(instance: instance, teams: teams, commodities: commodities, counter: counter)
    return ModelSizeEstimate(
      variables: counter.variables, constraints: counter.constraints, nonzeros: counter.nonzeros,
      bytes: bytes(variables: counter.variables, constraints: counter.constraints, nonzeros: counter.nonzeros),
      factors: factors)
  }
}

/// Arithmetic that stops at `Int.max` instead of trapping: an absurd scenario must yield an
/// absurd estimate, not a crash.
enum Saturating {
  static func product(_ lhs: Int, _ rhs: Int) -> Int {
    let (value, overflow) = lhs.multipliedReportingOverflow(by: rhs)
    return overflow ? Int.max : value
  }

  static func sum(_ values: [Int]) -> Int {
    var total = 0
    for value in values {
      let (next, overflow) = total.addingReportingOverflow(value)
      if overflow { return Int.max }
      total = next
    }
    return total
  }
}

import PlannerReporting

/// A service level a team must reach, judged on a plan's key figures (``PlanKPIs``).
///
/// Written as on the command line:
/// - `mean-wait<=X`: mean waiting months per client at most X (X may have decimals);
/// - `p90-wait<=N`, `max-wait<=N`: the 90th percentile or the longest wait at most N months;
/// - `waiting-months<=N`: total waiting months at most N;
/// - `late-intakes<=N`: at most N intakes later than the route's `intake_within` (or none at all);
/// - `no-late-intakes`: the same with N = 0: every client has the intake within the target;
/// - `all-intakes`: every client gets an intake inside the horizon.
///
/// A plan that is not found, or one with unstarted work, can still meet a target; a variant
/// without any plan never does.
public struct ServiceTarget: Hashable, Sendable, CustomStringConvertible {
  public enum Measure: String, Hashable, Sendable, CaseIterable {
    case meanWait = "mean-wait"
    case p90Wait = "p90-wait"
    case maxWait = "max-wait"
    case waitingMonths = "waiting-months"
    case lateIntakes = "late-intakes"
    case clientsWithoutIntake = "clients-without-intake"
  }

  public var measure: Measure
  /// The highest value that meets the target.
  public var limit: Double
  /// The target as written, e.g. `no-late-intakes`.
  public var description: String

  public init(measure: Measure, limit: Double, description: String) {
    self.measure = measure
    self.limit = limit
    self.description = description
  }

  /// Parses the forms listed on ``ServiceTarget``.
  public init(parsing text: String) throws(ServiceTargetError) {
    let trimmed = text.filter { !$0.isWhitespace }
    switch trimmed {
    case "no-late-intakes":
      self.init(measure: .lateIntakes, limit: 0, description: trimmed)
      return
    case "all-intakes":
      self.init(measure: .clientsWithoutIntake, limit: 0, description: trimmed)
      return
    default: break
    }
    let parts = trimmed.split(separator: "<=", maxSplits: 1, omittingEmptySubsequences: false)
    let names = Measure.allCases.map(\.rawValue).filter { $0 != Measure.clientsWithoutIntake.rawValue }
    let forms = names.map { $0 + "<=N" } + ["no-late-intakes", "all-intakes"]
    guard parts.count == 2 else {
      throw ServiceTargetError(text: text, problem: "expected one of " + forms.joined(separator: ", "))
    }
    guard let measure = Measure(rawValue: String(parts[0])) else {
      throw ServiceTargetError(
        text: text, problem: "unknown measure '\(parts[0])'; measures: " + names.joined(separator: ", "))
    }
    guard let limit = Double(String(parts[1])), limit.isFinite, limit >= 0 else {
      throw ServiceTargetError(text: text, problem: "the limit '\(parts[1])' is not a number of at least 0")
    }
    if measure != .meanWait && limit != limit.rounded() {
      throw ServiceTargetError(text: text, problem: "\(measure.rawValue) counts whole months or clients")
    }
    self.init(measure: measure, limit: limit, description: trimmed)
  }

  /// The measured value in a plan's key figures.
  public func value(in kpis: PlanKPIs) -> Double {
    switch measure {
    case .meanWait: return kpis.meanWait
    case .p90Wait: return Double(kpis.p90Wait)
    case .maxWait: return Double(kpis.maxWait)
    case .waitingMonths: return Double(kpis.waitingMonths)
    case .lateIntakes: return Double(kpis.lateIntakes)
    case .clientsWithoutIntake: return Double(kpis.clientsWithoutIntake)
    }
  }

  /// Whether the key figures meet the target; the mean wait is compared after rounding to
  /// two decimals, as it is shown.
  public func isMet(by kpis: PlanKPIs) -> Bool {
    let value = value(in: kpis)
    if measure == .meanWait { return (value * 100).rounded() <= (limit * 100).rounded() }
    return value <= limit
  }
}

public struct ServiceTargetError: Error, Hashable, Sendable, CustomStringConvertible {
  public let text: String
  public let problem: String
  public var description: String { "target '\(text)': \(problem)" }
}

import PlannerDomain

/// The state of one check: the scenario's rules, and what has been found so far.
///
/// Each concern lives in its own extension (`PlanAudit+Header.swift`, `+Clients`, `+Steps`,
/// `+Cohorts`, `+Caseload`), and ``PlanChecker/check(planJSON:scenario:)`` runs them in the
/// order of MODEL.md.
struct PlanAudit {
  let rules: ScenarioRules
  private(set) var violations: [PlanViolation] = []
  private(set) var warnings: [PlanViolation] = []

  init(rules: ScenarioRules) { self.rules = rules }

  var horizon: Int { rules.horizon }

  mutating func flag(_ rule: PlanRule, _ path: String, _ message: String) {
    violations.append(PlanViolation(rule, path, message))
  }

  mutating func warn(_ rule: PlanRule, _ path: String, _ message: String) {
    warnings.append(PlanViolation(rule, path, message))
  }

  /// Reports a key that the plan format requires but the file lacks or leaves null.
  mutating func flagMissing(_ path: String, _ key: String, nullAllowed: Bool = false) {
    flag(.format, path, nullAllowed ? "lacks the key \(key)" : "lacks \(key) (a value is required)")
  }

  /// The grid offset of a month written in the plan, or nil (with a `format` violation) when it
  /// is not `YYYY-MM`. `.missing` and `.null` return nil without a violation; the caller decides.
  mutating func offset(of field: Field<String>, at path: String, key: String) -> Int? {
    guard case .value(let text) = field else { return nil }
    guard let month = Month(parsing: text) else {
      flag(.format, path, "\(key) \"\(text)\" is not a month written YYYY-MM")
      return nil
    }
    return rules.offset(month)
  }

  /// `YYYY-MM` of a grid offset, for messages.
  func text(_ offset: Int) -> String { rules.text(offset) }
}

/// `1 month`, `3 months`: a count with its noun.
func plural(_ count: Int, _ noun: String) -> String { "\(count) \(noun)\(count == 1 ? "" : "s")" }

/// Integer arithmetic that saturates instead of trapping: counts in a plan may be anything.
enum Saturating {
  static func add(_ first: Int, _ second: Int) -> Int {
    let (sum, overflow) = first.addingReportingOverflow(second)
    if !overflow { return sum }
    return second > 0 ? Int.max : Int.min
  }

  static func multiply(_ first: Int, _ second: Int) -> Int {
    let (product, overflow) = first.multipliedReportingOverflow(by: second)
    if !overflow { return product }
    return (first < 0) == (second < 0) ? Int.max : Int.min
  }
}

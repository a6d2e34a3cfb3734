import Foundation
import PlannerDomain

/// How large a model this machine may build and solve.
///
/// Beyond 2,000,000 variables GLPK does not reach a useful plan in any reasonable time (already
/// from about 10⁵ columns, splitting a problem by time or region pays), and beyond half the
/// physical memory the machine would swap for minutes before failing. A scenario over either
/// limit is refused before its model is built.
public struct ModelSizeLimit: Hashable, Sendable {
  public var maximumVariables: Int
  public var maximumBytes: Int

  public init(maximumVariables: Int, maximumBytes: Int) {
    self.maximumVariables = maximumVariables
    self.maximumBytes = maximumBytes
  }

  public static let defaultMaximumVariables = 2_000_000

  /// 2,000,000 variables and half of `ProcessInfo.physicalMemory`.
  public static var machine: ModelSizeLimit {
    let memory = ProcessInfo.processInfo.physicalMemory
    let half = memory / 2 > UInt64(Int.max) ? Int.max : Int(memory / 2)
    return ModelSizeLimit(maximumVariables: defaultMaximumVariables, maximumBytes: half)
  }

  public func admits(_ estimate: ModelSizeEstimate) -> Bool {
    estimate.variables <= maximumVariables && estimate.bytes <= maximumBytes
  }

  /// Throws ``PlanningError/modelTooLarge(_:limit:)`` when the estimate exceeds the limit.
  public func check(_ estimate: ModelSizeEstimate) throws(PlanningError) {
    guard admits(estimate) else { throw .modelTooLarge(estimate, limit: self) }
  }
}

/// Why ``OptimalPlanner`` refuses to plan a valid scenario.
public enum PlanningError: Error, Hashable, Sendable, CustomStringConvertible {
  /// The model would not fit this machine; nothing was built.
  case modelTooLarge(ModelSizeEstimate, limit: ModelSizeLimit)

  public var description: String {
    switch self {
    case .modelTooLarge(let estimate, let limit): return Self.tooLargeMessage(estimate, limit: limit)
    }
  }

  private static func tooLargeMessage(_ estimate: ModelSizeEstimate, limit: ModelSizeLimit) -> String {
    let factors = estimate.factors
    let order = factors.byExcess
    let overVariables = Double(estimate.variables) / Double(max(limit.maximumVariables, 1))
    let overMemory = Double(estimate.bytes) / Double(max(limit.maximumBytes, 1))
    let excess = max(overVariables, overMemory, 1)
    var text =
      "the model would be too large for this machine: about \(count(estimate.variables)) variables, "
      + "\(count(estimate.constraints)) constraints and \(count(estimate.nonzeros)) nonzeros, needing about "
      + "\(gigabytes(estimate.bytes)) of memory (this machine allows \(count(limit.maximumVariables)) variables "
      + "and \(gigabytes(limit.maximumBytes)), half its memory). "
    text +=
      "The model grows with kinds of client × specialist teams per kind × months × programme starts per month: "
      + "here \(factors.clientKinds) × \(ModelSizeFactors.format(factors.teamsPerKind)) × \(factors.months) × "
      + "\(ModelSizeFactors.format(factors.startsPerReadyMonth)). "
    text += "Most of it comes from \(factors.explanation(of: order[0])); then \(factors.explanation(of: order[1])). "
    text += "To plan this scenario, make the model about \(ModelSizeFactors.format(excess)) times smaller: "
    text += factors.remedy(for: order[0], excess: excess) + "; or " + factors.remedy(for: order[1], excess: excess)
    text += "; or split the scenario by route or region and plan the parts one by one."
    return text
  }

  /// 14,600,000 → "14.6 million"; smaller numbers with thousands separators.
  static func count(_ value: Int) -> String {
    if value >= 1_000_000 {
      return ModelSizeFactors.format(Double(value) / 1_000_000) + " million"
    }
    var digits = String(value)
    var groups: [String] = []
    while digits.count > 3 {
      groups.insert(String(digits.suffix(3)), at: 0)
      digits = String(digits.dropLast(3))
    }
    groups.insert(digits, at: 0)
    return groups.joined(separator: ",")
  }

  static func gigabytes(_ bytes: Int) -> String {
    let value = Double(bytes) / 1_073_741_824
    return value >= 0.1 ? ModelSizeFactors.format(value) + " GB" : "\(max(1, bytes / 1_048_576)) MB"
  }
}

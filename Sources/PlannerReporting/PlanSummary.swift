import PlannerDomain

/// The terminal summary of a plan: a fixed header, the key figures, peaks and unplanned work.
public enum PlanSummary {
  public struct Context: Sendable {
    public var solver: String
    public var seconds: Double
    public var baseline: PlanKPIs?
    public var explanations: [String]
    public var segments: [SegmentWaits]

    public init(
      solver: String, seconds: Double, baseline: PlanKPIs? = nil, explanations: [String] = [],
      segments: [SegmentWaits] = []
    ) {
      self.solver = solver
      self.seconds = seconds
      self.baseline = baseline
      self.explanations = explanations
      self.segments = segments
    }
  }

  /// The summary; with `colour`, the status sentence is green (optimal), yellow (a plan that
  /// is not proven optimal) or red (infeasible) and `OVER CAP` is red. Without it the text
  /// carries no escape sequences.
  public static func text(_ plan: Plan, kpis: PlanKPIs, context: Context, colour: Bool = false) -> String {
    var lines: [String] = []
    let status = TerminalColour.paint(statusSentence(plan), statusStyle(plan.status), enabled: colour)
    lines.append("\(plan.scenarioName): \(status) (\(context.solver), \(seconds(context.seconds)))")
    guard plan.status != .infeasible else {
      lines += context.explanations.map { "  " + $0 }
      return lines.joined(separator: "\n") + "\n"
    }
    var rows: [(String, String)] = []
    var objective = "\(kpis.waitingMonths)"
    if plan.strategy == "fcfs" {
      objective += "  (no bound: the baseline does not search)"
    } else if plan.status != .optimal {
      objective += "  (bound \(plan.bound.map(format) ?? "unknown"), gap \(plan.gap.map(percent) ?? "unknown"))"
    }
    rows.append(("waiting months", objective))
    rows.append(
      (
        "per client",
        "mean \(format(kpis.meanWait)), P90 \(kpis.p90Wait), max \(kpis.maxWait) months over \(kpis.clients) clients"
      ))
    rows.append(("late intakes", "\(kpis.lateIntakes) later than the route's intake target"))
    rows.append(
      (
        "cohorts opened",
        "\(kpis.cohortsOpened), mean fill \(percent(kpis.meanFill)), \(kpis.underFullCohorts) under-full"
      ))
    rows.append(
      ("unplanned", "\(kpis.clientsWithoutIntake) clients without intake, \(kpis.unstartedSteps) steps unstarted"))
    if let baseline = context.baseline {
      let saving = baseline.waitingMonths - kpis.waitingMonths
      let share = baseline.waitingMonths > 0 ? Double(saving) / Double(baseline.waitingMonths) : 0
      rows.append(
        ("vs first come", "\(baseline.waitingMonths) waiting months by FCFS; saves \(saving) (\(percent(share)))"))
    }
    lines += table(rows).map { "  " + $0 }
    if !kpis.peakCaseloads.isEmpty {
      lines.append("peak caseload per specialist (clients / cap):")
      let peaks = kpis.peakCaseloads.map { peak in
        let flag = peak.overCap ? "  " + TerminalColour.paint("OVER CAP", .boldRed, enabled: colour) : ""
        return (peak.specialist, "\(peak.peak) / \(peak.cap) in \(peak.when)\(flag)")
      }
      lines += table(peaks).map { "  " + $0 }
    }
    if !context.segments.isEmpty {
      lines.append("waits by segment (clients, waiting months, mean, max):")
      let rows = context.segments.map { segment in
        (
          "\(segment.dimension.rawValue) \(segment.value)",
          "\(segment.clients), \(segment.waitingMonths), mean \(format(segment.meanWait)), max \(segment.maxWait)"
        )
      }
      lines += table(rows).map { "  " + $0 }
    }
    if !context.explanations.isEmpty {
      lines.append("unplanned work:")
      lines += context.explanations.map { "  - " + $0 }
    }
    return lines.joined(separator: "\n") + "\n"
  }

  static func statusStyle(_ status: PlanStatus) -> TerminalColour.Style {
    switch status {
    case .optimal: return .green
    case .feasible, .timeLimit, .interrupted: return .yellow
    case .infeasible: return .red
    }
  }

  public static func statusSentence(_ plan: Plan) -> String {
    switch plan.status {
    case .optimal: return "optimal plan, proven"
    case .feasible where plan.strategy == "fcfs": return "feasible plan, not optimised"
    case .feasible: return "feasible plan within the requested gap"
    case .timeLimit: return "best plan found before the time limit"
    case .interrupted: return "best plan found before the interruption"
    case .infeasible: return "no plan: the scenario is infeasible"
    }
  }

  /// Left column padded to its widest entry.
  public static func table(_ rows: [(String, String)]) -> [String] {
    let width = rows.map(\.0.count).max() ?? 0
    return rows.map { $0.0 + String(repeating: " ", count: width - $0.0.count + 2) + $0.1 }
  }

  public static func format(_ value: Double) -> String {
    let rounded = (value * 10).rounded() / 10
    return rounded == rounded.rounded() ? String(Int(rounded)) : String(rounded)
  }

  public static func percent(_ share: Double) -> String { format(share * 100) + "%" }

  static func seconds(_ value: Double) -> String { value < 10 ? String(format2(value)) + " s" : "\(Int(value)) s" }

  private static func format2(_ value: Double) -> Double { (value * 100).rounded() / 100 }
}

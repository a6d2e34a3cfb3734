import PlannerDomain
import PlannerReporting

/// One figure across the variants of a comparison, with each variant's difference to the first.
public struct ComparisonRow: Hashable, Sendable {
  /// A stable name for files, e.g. `waitingMonths` or `segment.route.b1.waitingMonths`.
  public var key: String
  /// The row heading, e.g. `waiting months`.
  public var label: String
  /// One cell per variant.
  public var cells: [Cell]
  /// Decimals the values (and their differences) are shown with; percentages are in points.
  public var decimals: Int

  public struct Cell: Hashable, Sendable {
    /// The number behind the cell; nil for text (a status) or when the variant has no plan.
    public var value: Double?
    /// The cell as shown: `812`, `1.35`, `87.5%`, `optimal`, or `-` without a value.
    public var text: String
    /// This value minus the first variant's; nil for the first variant, for text and when
    /// either value is missing.
    public var difference: Double?
  }

  init(key: String, label: String, values: [Value]) {
    self.key = key
    self.label = label
    self.decimals = values.first { $0.number != nil }?.decimals ?? 0
    let reference = values.first?.number
    cells = values.enumerated().map { index, value in
      let difference = index == 0 ? nil : value.number.flatMap { number in reference.map { number - $0 } }
      return Cell(value: value.number, text: value.text, difference: difference)
    }
  }

  /// A value as computed, before it becomes a cell.
  struct Value {
    var number: Double?
    var text: String
    var decimals = 0

    static let missing = Value(number: nil, text: "-")
    static func integer(_ value: Int) -> Value { Value(number: Double(value), text: String(value)) }
    static func decimal(_ value: Double, digits: Int = 2) -> Value {
      Value(number: value, text: Format.fixed(value, digits: digits), decimals: digits)
    }
    static func percent(_ share: Double) -> Value {
      Value(number: share * 100, text: Format.fixed(share * 100, digits: 1) + "%", decimals: 1)
    }
    static func text(_ text: String) -> Value { Value(number: nil, text: text) }
  }
}

extension Comparison {
  /// The key figures of every variant (MODEL.md objective, waits, cohorts, caseload, unplanned
  /// work, solver status), in a fixed order.
  public var rows: [ComparisonRow] {
    typealias Value = ComparisonRow.Value
    func row(_ key: String, _ label: String, _ value: (VariantResult, PlanKPIs) -> Value) -> ComparisonRow {
      ComparisonRow(
        key: key, label: label, values: results.map { result in result.kpis.map { value(result, $0) } ?? .missing })
    }
    func scenarioRow(_ key: String, _ label: String, _ value: (Scenario) -> Value) -> ComparisonRow {
      ComparisonRow(key: key, label: label, values: results.map { value($0.scenario) })
    }
    return [
      scenarioRow("teamFTE", "team FTE") { scenario in
        let fte = TeamSize.fte(of: scenario)
        return Value(number: Double(fte.scaled) / Double(ExactDecimal.scale), text: fte.description, decimals: 1)
      },
      scenarioRow("caseloadCap", "caseload cap per FTE") { scenario in
        let cap = scenario.caseload.cap
        return Value(
          number: Double(cap.scaled) / Double(ExactDecimal.scale),
          text: cap.description + " " + scenario.caseload.basis.rawValue)
      },
      row("clients", "clients planned") { .integer($1.clients) },
      row("waitingMonths", "waiting months") { .integer($1.waitingMonths) },
      row("meanWait", "mean wait per client") { .decimal($1.meanWait) },
      row("p90Wait", "P90 wait") { .integer($1.p90Wait) },
      row("maxWait", "max wait") { .integer($1.maxWait) },
      row("lateIntakes", "late intakes") { .integer($1.lateIntakes) },
      row("cohortsOpened", "cohorts opened") { .integer($1.cohortsOpened) },
      row("meanFill", "mean cohort fill") { $1.cohortsOpened == 0 ? .missing : .percent($1.meanFill) },
      row("peakCaseload", "peak caseload (max)") { _, kpis in
        guard let peak = Self.highestPeak(kpis) else { return .missing }
        return Value(number: Double(peak.peak), text: "\(peak.peak) / \(peak.cap) \(peak.specialist) \(peak.when)")
      },
      row("peakCaseloadShare", "peak caseload, % of cap") { _, kpis in
        guard let peak = Self.highestPeak(kpis), peak.cap > 0 else { return .missing }
        return .percent(Double(peak.peak) / Double(peak.cap))
      },
      row("clientsWithoutIntake", "clients without intake") { .integer($1.clientsWithoutIntake) },
      row("unstartedSteps", "unstarted steps") { .integer($1.unstartedSteps) },
      ComparisonRow(
        key: "status", label: "solver status",
        values: results.map { .text($0.failure == nil ? $0.plan.status.rawValue : "not solved") }),
      row("gap", "gap") { _, kpis in kpis.gap.map { .percent($0) } ?? .missing },
    ]
  }

  /// The specialist whose peak is highest against the cap (peak / cap, then peak, then the
  /// first listed), as ``PlanKPIs/peakCaseloads`` reports it.
  static func highestPeak(_ kpis: PlanKPIs) -> PlanKPIs.Peak? {
    var best: PlanKPIs.Peak?
    for peak in kpis.peakCaseloads {
      guard let current = best else {
        best = peak
        continue
      }
      // peak / cap > current.peak / current.cap, compared exactly.
      let lhs = peak.peak * max(current.cap, 1)
      let rhs = current.peak * max(peak.cap, 1)
      if lhs > rhs || (lhs == rhs && peak.peak > current.peak) { best = peak }
    }
    return best
  }

  /// Waits by segment across the variants: for every route, profile, language and provider
  /// that occurs in any plan, its waiting months and mean wait per client.
  public var segmentRows: [ComparisonRow] {
    typealias Value = ComparisonRow.Value
    var keys: [SegmentWaits.Dimension: Set<String>] = [:]
    for result in results {
      for segment in result.segments { keys[segment.dimension, default: []].insert(segment.value) }
    }
    var rows: [ComparisonRow] = []
    for dimension in SegmentWaits.Dimension.allCases {
      for value in (keys[dimension] ?? []).sorted() {
        let found = results.map { result in
          result.segments.first { $0.dimension == dimension && $0.value == value }
        }
        let base = "segment.\(dimension.rawValue).\(value)"
        let heading = "\(dimension.rawValue) \(value)"
        func values(_ pick: (SegmentWaits) -> Value, absent: Value = .integer(0)) -> [Value] {
          zip(results, found).map { result, segment in
            guard result.hasPlan else { return .missing }
            return segment.map(pick) ?? absent
          }
        }
        rows.append(
          ComparisonRow(key: base + ".clients", label: heading + ": clients", values: values { .integer($0.clients) }))
        rows.append(
          ComparisonRow(
            key: base + ".waitingMonths", label: heading + ": waiting months",
            values: values { .integer($0.waitingMonths) }))
        rows.append(
          ComparisonRow(
            key: base + ".meanWait", label: heading + ": mean wait",
            values: values({ .decimal($0.meanWait) }, absent: .decimal(0))))
        rows.append(
          ComparisonRow(key: base + ".maxWait", label: heading + ": max wait", values: values { .integer($0.maxWait) }))
      }
    }
    return rows
  }
}

/// Number formatting shared by the views.
enum Format {
  /// `value` with exactly `digits` decimals, rounded half away from zero; `-0` never shows.
  static func fixed(_ value: Double, digits: Int) -> String {
    guard value.isFinite else { return "-" }
    var factor = 1.0
    for _ in 0..<digits { factor *= 10 }
    let scaled = (abs(value) * factor).rounded(.toNearestOrAwayFromZero)
    let whole = Int(scaled / factor)
    let fraction = Int(scaled) - whole * Int(factor)
    let sign = value < 0 && scaled > 0 ? "-" : ""
    guard digits > 0 else { return sign + String(whole) }
    let fractionText = String(fraction)
    return sign + String(whole) + "." + String(repeating: "0", count: digits - fractionText.count) + fractionText
  }

  /// A difference with its sign: `+12`, `-0.25`, `0`.
  static func signed(_ value: Double, digits: Int) -> String {
    let text = fixed(value, digits: digits)
    if text.hasPrefix("-") || Double(text) == 0 { return Double(text) == 0 ? fixed(0, digits: digits) : text }
    return "+" + text
  }
}

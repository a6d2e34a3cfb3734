import PlannerDomain
import PlannerReporting

extension Forecast {
  /// The file format name of ``json()``.
  public static let format = "cohortplan.forecast/1"

  /// One table per provider: its cohorts, then (with more than one programme) all its
  /// programmes together per month.
  public func text() -> String {
    var lines = [
      "\(scenarioName): starters per cohort in the optimal plan (\(status.rawValue), \(waitingMonths) waiting months)"
    ]
    if let sampling { lines += sampling.sentences() }
    for provider in providers {
      lines.append("")
      lines.append("provider \(provider)")
      let sampled = sampling != nil
      var header = ["programme", "start", "expected", "groups", "seats", "min"]
      if sampled { header += ["P10", "P50", "P90", "P(min)"] }
      var rows = [header]
      for row in cohorts where row.provider == provider {
        var cells = [
          row.programme, row.month.description, String(row.expected), "\(row.groups)/\(row.maxGroups)",
          String(row.seats), String(row.minSize),
        ]
        if sampled { cells += Self.spreadCells(row.spread) + [row.minimumReached.map(Self.percent) ?? "-"] }
        rows.append(cells)
      }
      // A provider with one programme: its totals are its cohort rows.
      if Set(cohorts.filter { $0.provider == provider }.map(\.programme)).count > 1 {
        for total in providerTotals where total.provider == provider {
          rows.append(
            ["all programmes", total.month.description, String(total.expected), "", "", ""]
              + (sampled ? Self.spreadCells(total.spread) + [""] : []))
        }
      }
      lines += Self.aligned(rows, rightAligned: 2)
    }
    if cohorts.isEmpty { lines.append("(no programme rows match the filter)") }
    return lines.joined(separator: "\n") + "\n"
  }

  /// For the schools: one row per provider, programme and start month. Without sampling the
  /// percentile and probability columns are empty.
  public func csv() -> String {
    var rows = [["provider", "programme", "month", "expected", "p10", "p50", "p90", "p_min_reached"]]
    for row in cohorts {
      let spread = row.spread.map { [String($0.p10), String($0.p50), String($0.p90)] } ?? ["", "", ""]
      rows.append(
        [row.provider, row.programme, row.month.description, String(row.expected)] + spread
          + [row.minimumReached.map(Self.fraction) ?? ""])
    }
    return PlanTables.csv(rows)
  }

  public func json() -> String {
    var members: [(String, JSONValue)] = [
      ("format", .string(Self.format)),
      ("scenario", .string(scenarioName)),
      ("start", .string(start.description)),
      ("horizon", .int(horizon)),
      ("plan", .object([("status", .string(status.rawValue)), ("waitingMonths", .int(waitingMonths))])),
      ("sampling", sampling.map(\.json) ?? .null),
    ]
    members.append(
      (
        "providers",
        .array(
          providers.map { provider in
            .object([
              ("provider", .string(provider)),
              ("cohorts", .array(cohorts.filter { $0.provider == provider }.map(\.json))),
              ("totals", .array(providerTotals.filter { $0.provider == provider }.map(\.json))),
            ])
          })
      ))
    return JSONValue.object(members).serialized() + "\n"
  }

  private static func spreadCells(_ spread: StarterSpread?) -> [String] {
    guard let spread else { return ["-", "-", "-"] }
    return [String(spread.p10), String(spread.p50), String(spread.p90)]
  }

  static func percent(_ value: Double) -> String { String(Int((value * 100).rounded())) + "%" }

  /// Three decimals, e.g. `0.715`.
  static func fraction(_ value: Double) -> String {
    let thousandths = Int((value * 1000).rounded())
    let decimals = String(thousandths % 1000)
    return String(thousandths / 1000) + "." + String(repeating: "0", count: 3 - decimals.count) + decimals
  }

  /// Columns padded to their widest cell; columns from `rightAligned` on are right-aligned.
  static func aligned(_ rows: [[String]], rightAligned: Int) -> [String] {
    let columns = rows.map(\.count).max() ?? 0
    let widths = (0..<columns).map { column in rows.map { column < $0.count ? $0[column].count : 0 }.max() ?? 0 }
    return rows.map { row in
      let cells = row.enumerated().map { column, cell in
        let padding = String(repeating: " ", count: widths[column] - cell.count)
        return column >= rightAligned ? padding + cell : cell + padding
      }
      var line = "  " + cells.joined(separator: "  ")
      while line.last == " " { line.removeLast() }
      return line
    }
  }
}

extension SamplingSummary {
  func sentences() -> [String] {
    let delays = uncertainty.delayProbabilities.enumerated().map { months, probability in
      "\(months) \(months == 1 ? "month" : "months") \(Forecast.percent(probability))"
    }
    let counts =
      uncertainty.countModel == .poisson ? "Poisson counts with mean = the stated count" : "the stated counts"
    var lines = [
      "sampled: \(samples) inflows (seed \(seed)): \(counts) per inflow group, housing delay per client "
        + delays.joined(separator: ", ") + "; known clients fixed",
      "solved: \(proven) proven optimal, \(unproven) stopped at the \(Int(sampleTimeLimit)) s limit with a plan, "
        + "\(withoutPlan) without a plan"
        + (withoutPlan > 0 ? " (left out of P10/P50/P90 and P(min))" : ""),
      "P10/P50/P90: starters in 10%, 50%, 90% of the sampled plans are at most this; "
        + "P(min): share of sampled plans in which the month reaches the minimum size (a cohort opens)",
    ]
    if unproven > 0 { lines.append("note: plans not proven optimal may depend on machine speed") }
    return lines
  }

  var json: JSONValue {
    .object([
      ("samples", .int(samples)),
      ("seed", .string(String(seed))),
      ("countModel", .string(uncertainty.countModel.rawValue)),
      ("delayProbabilities", .array(uncertainty.delayProbabilities.map(JSONValue.double))),
      ("sampleTimeLimit", .double(sampleTimeLimit)),
      ("proven", .int(proven)),
      ("unproven", .int(unproven)),
      ("withoutPlan", .int(withoutPlan)),
    ])
  }
}

extension CohortForecast {
  var json: JSONValue {
    var members: [(String, JSONValue)] = [
      ("programme", .string(programme)),
      ("month", .string(month.description)),
      ("seats", .int(seats)),
      ("minSize", .int(minSize)),
      ("maxGroups", .int(maxGroups)),
      ("expected", .int(expected)),
      ("groups", .int(groups)),
    ]
    members += spread.map(\.jsonMembers) ?? []
    if let minimumReached { members.append(("pMinReached", .double(minimumReached))) }
    return .object(members)
  }
}

extension ProviderMonthForecast {
  var json: JSONValue {
    .object([("month", .string(month.description)), ("expected", .int(expected))] + (spread.map(\.jsonMembers) ?? []))
  }
}

extension StarterSpread {
  var jsonMembers: [(String, JSONValue)] {
    [("p10", .int(p10)), ("p50", .int(p50)), ("p90", .int(p90)), ("mean", .double(mean))]
  }
}

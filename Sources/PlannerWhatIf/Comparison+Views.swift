import PlannerReporting

extension Comparison {
  public static let format = "cohortplan.comparison/1"

  /// The comparison for a terminal: the variants and their changes, then one table of key
  /// figures and one of waits by segment (waiting months, mean per client in brackets), each
  /// later variant with its difference to the first.
  public func text() -> String {
    var lines: [String] = []
    let reference = labels.first ?? ""
    lines.append("variants (differences are to '\(reference)'):")
    for result in results {
      let changes = result.variant.changes.isEmpty ? "as written" : result.variant.changes.joined(separator: "; ")
      lines.append("  \(result.label): \(result.scenario.name), \(changes)")
    }
    lines.append("")
    let kpiRows = rows.map { row in [row.label] + row.cells.map { cell in Self.cellText(cell, decimals: row.decimals) }
    }
    lines += TextTable.render(header: ["key figure"] + labels, rows: kpiRows)
    let segments = segmentTable()
    if !segments.isEmpty {
      lines.append("")
      lines.append("waits by segment: waiting months (difference), mean wait per client")
      lines += TextTable.render(header: ["segment"] + labels, rows: segments)
    }
    for result in results {
      let notes = (result.failure.map { ["not solved: " + $0] } ?? []) + result.explanations
      guard !notes.isEmpty else { continue }
      lines.append("")
      lines.append("\(result.label):")
      lines += notes.map { "  " + $0 }
    }
    return lines.joined(separator: "\n") + "\n"
  }

  /// `812`, or `812 (+12)` for a later variant.
  static func cellText(_ cell: ComparisonRow.Cell, decimals: Int) -> String {
    guard let difference = cell.difference else { return cell.text }
    return cell.text + " (" + Format.signed(difference, digits: decimals) + ")"
  }

  private func segmentTable() -> [[String]] {
    var table: [[String]] = []
    let rows = segmentRows
    var index = 0
    while index + 3 < rows.count {
      let months = rows[index + 1]
      let mean = rows[index + 2]
      let heading = String(months.label.dropLast(": waiting months".count))
      table.append(
        [heading]
          + zip(months.cells, mean.cells).map { monthsCell, meanCell in
            guard monthsCell.value != nil else { return "-" }
            return Self.cellText(monthsCell, decimals: 0) + ", mean " + meanCell.text
          })
      index += 4
    }
    return table
  }

  /// The comparison as JSON (`cohortplan.comparison/1`): variants, key figures and waits by
  /// segment, each row with one value per variant and the differences to the first.
  public func json() -> String {
    func rowJSON(_ row: ComparisonRow) -> JSONValue {
      .object([
        ("key", .string(row.key)), ("label", .string(row.label)),
        (
          "values",
          .array(row.cells.map { $0.value.map(JSONValue.double) ?? ($0.text == "-" ? .null : .string($0.text)) })
        ),
        ("differences", .array(row.cells.map { $0.difference.map(JSONValue.double) ?? .null })),
      ])
    }
    let variants: [JSONValue] = results.map { result in
      var members: [(String, JSONValue)] = [
        ("label", .string(result.label)), ("scenario", .string(result.scenario.name)),
        ("changes", .array(result.variant.changes.map(JSONValue.string))),
        ("status", .string(result.plan.status.rawValue)), ("hasPlan", .bool(result.hasPlan)),
      ]
      if let failure = result.failure { members.append(("failure", .string(failure))) }
      members.append(("explanations", .array(result.explanations.map(JSONValue.string))))
      return .object(members)
    }
    let document = JSONValue.object([
      ("format", .string(Self.format)),
      ("reference", labels.first.map(JSONValue.string) ?? .null),
      ("variants", .array(variants)),
      ("kpis", .array(rows.map(rowJSON))),
      ("segments", .array(segmentRows.map(rowJSON))),
    ])
    return document.serialized() + "\n"
  }

  /// The key figures and waits by segment as one CSV table: `key`, `label`, then per variant
  /// its value and, after the first, its difference to the first.
  public func csv() -> String {
    var header = ["key", "label"]
    for (index, label) in labels.enumerated() {
      header.append(label)
      if index > 0 { header.append("\(label) - \(labels[0])") }
    }
    var table = [header]
    for row in rows + segmentRows {
      var line = [row.key, row.label]
      for (index, cell) in row.cells.enumerated() {
        line.append(cell.value.map { Format.fixed($0, digits: row.decimals) } ?? (cell.text == "-" ? "" : cell.text))
        if index > 0 { line.append(cell.difference.map { Format.signed($0, digits: row.decimals) } ?? "") }
      }
      table.append(line)
    }
    return PlanTables.csv(table)
  }
}

/// Left-aligned columns separated by two spaces.
enum TextTable {
  static func render(header: [String], rows: [[String]], indent: String = "") -> [String] {
    let all = [header] + rows
    let columns = all.map(\.count).max() ?? 0
    let widths = (0..<columns).map { column in all.map { $0.count > column ? $0[column].count : 0 }.max() ?? 0 }
    return all.map { row in
      let cells = row.enumerated().map { column, text in
        column == row.count - 1 ? text : text + String(repeating: " ", count: widths[column] - text.count)
      }
      return indent + cells.joined(separator: "  ")
    }
  }
}

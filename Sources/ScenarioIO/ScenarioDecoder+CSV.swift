import Foundation
import PlannerDomain
import Yams

/// A CSV file named by `clients: {file: …}` or `inflow: {file: …}`, read and parsed.
struct ReferencedCSV {
  /// The file as diagnostics name it: relative to the working directory when the scenario's
  /// own name has a directory, else as written in the scenario.
  var displayName: String
  var table: CSVTable
}

extension ScenarioDecoder {
  /// Reads `{file: clients.csv}` relative to the scenario's directory.
  func readReferencedCSV(_ node: Node, _ key: String) -> ReferencedCSV? {
    guard let keys = fields(node, key, allowed: ["file"], required: ["file"], what: "a file reference"),
      let fileNode = keys["file"],
      let name = text(fileNode, KeyPath.child(key, "file"), what: "a CSV file name")
    else { return nil }
    let filePath = KeyPath.child(key, "file")
    guard let baseDirectory else {
      error(
        filePath, at: fileNode, "cannot read '\(name)': the scenario was given as text, without a directory",
        hint: "load the scenario from its file, or write the \(key) inline")
      return nil
    }
    let fullPath = name.hasPrefix("/") ? name : (baseDirectory as NSString).appendingPathComponent(name)
    let scenarioDirectory = (file as NSString).deletingLastPathComponent
    let displayName =
      name.hasPrefix("/") || scenarioDirectory.isEmpty
      ? name : (scenarioDirectory as NSString).appendingPathComponent(name)
    let bytes: [UInt8]
    switch FileInput.read(fullPath) {
    case .success(let data): bytes = data
    case .failure(let problem):
      error(filePath, at: fileNode, "cannot read '\(displayName)': \(problem.message)", hint: problem.hint)
      return nil
    }
    referencedFiles.append((name, bytes))
    guard let text = String(validating: bytes, as: UTF8.self) else {
      error(
        filePath, at: fileNode, "'\(displayName)' is not UTF-8 text",
        hint: "save it as CSV UTF-8 (comma delimited)")
      return nil
    }
    switch CSVTable.parse(text) {
    case .success(let table):
      guard table.header != nil else {
        error(filePath, at: fileNode, "'\(displayName)' is empty", hint: "the first row names the columns")
        return nil
      }
      return ReferencedCSV(displayName: displayName, table: table)
    case .failure(let problem):
      diagnostics.append(
        Diagnostic(
          severity: .error, file: displayName, path: "row \(problem.line)", line: problem.line,
          column: problem.column, message: "CSV syntax: " + problem.message,
          hint: "enclose a cell in double quotes and double any quote inside it"))
      return nil
    }
  }

  private func csvReport(
    _ csv: ReferencedCSV, _ field: CSVTable.Field, column: String?, _ message: String, hint: String? = nil,
    severity: Diagnostic.Severity = .error
  ) {
    let path = column.map { "row \(field.line), column \($0)" } ?? "row \(field.line)"
    diagnostics.append(
      Diagnostic(
        severity: severity, file: csv.displayName, path: path, line: field.line, column: field.column,
        message: message, hint: hint))
  }

  /// Checks the header: known columns (with suggestions), no duplicates, required ones present.
  /// Returns the column names, or nil when the rows cannot be read.
  private func csvColumns(
    _ csv: ReferencedCSV, allowed: [String], required: [String], isAllowed: (String) -> String?
  ) -> [String]? {
    guard let header = csv.table.header else { return nil }
    let names = header.fields.map { $0.text.trimmingCharacters(in: .whitespaces) }
    var valid = true
    if names.count == 1, let only = names.first, only.contains(";") {
      csvReport(
        csv, header.fields[0], column: nil, "the header has one column '\(ValueParser.shorten(only))'",
        hint: "separate columns with commas (save as 'CSV UTF-8 (comma delimited)'); ';' separates list items")
      return nil
    }
    var seen: Set<String> = []
    for (name, field) in zip(names, header.fields) {
      if !seen.insert(name).inserted {
        csvReport(csv, field, column: name, "column '\(name)' appears twice")
        valid = false
      } else if let problem = isAllowed(name) {
        csvReport(
          csv, field, column: name, problem,
          hint: Suggestions.hint(for: name, in: allowed) ?? "columns: \(allowed.joined(separator: ", "))")
        valid = false
      }
    }
    for name in required where !names.contains(name) {
      csvReport(csv, header.fields[0], column: nil, "missing required column '\(name)'")
      valid = false
    }
    return valid ? names : nil
  }

  /// The row's cells by column name, skipping empty cells; nil when the cell count is wrong.
  private func csvCells(_ csv: ReferencedCSV, _ row: CSVTable.Record, columns: [String], canonical: String)
    -> [String: CSVTable.Field]?
  {
    guard row.fields.count == columns.count, let first = row.fields.first else {
      if let first = row.fields.first {
        csvReport(
          csv, first, column: nil, "has \(row.fields.count) cells but the header has \(columns.count) columns",
          hint: "quote cells that contain commas")
      }
      return nil
    }
    sourceMap.record(
      canonical,
      SourceMap.Location(file: csv.displayName, displayPath: "row \(row.line)", line: first.line, column: first.column))
    var cells: [String: CSVTable.Field] = [:]
    for (name, field) in zip(columns, row.fields) {
      var trimmed = field
      trimmed.text = field.text.trimmingCharacters(in: .whitespaces)
      let location = SourceMap.Location(
        file: csv.displayName, displayPath: "row \(row.line), column \(name)", line: field.line,
        column: field.column)
      sourceMap.record(Self.canonicalPath(canonical, column: name), location)
      if name.hasSuffix(".programme") {
        sourceMap.record(KeyPath.parent(of: Self.canonicalPath(canonical, column: name)) ?? canonical, location)
      }
      if !trimmed.text.isEmpty { cells[name] = trimmed }
    }
    return cells
  }

  /// `clients[3].steps.language.start` for column `language.start` of that row.
  static func canonicalPath(_ row: String, column: String) -> String {
    for suffix in ["programme", "start"] where column.hasSuffix("." + suffix) {
      let step = String(column.dropLast(suffix.count + 1))
      return KeyPath.child(KeyPath.child(KeyPath.child(row, "steps"), step), suffix)
    }
    return KeyPath.child(row, column)
  }

  private func csvText(_ cells: [String: CSVTable.Field], _ column: String) -> String? { cells[column]?.text }

  private func csvList(_ cells: [String: CSVTable.Field], _ column: String) -> [String] {
    guard let text = cells[column]?.text else { return [] }
    return text.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
  }

  /// The month in a cell: `valid` is false (after reporting) when the cell holds something else.
  private func csvMonth(_ csv: ReferencedCSV, _ cells: [String: CSVTable.Field], _ column: String)
    -> (valid: Bool, month: Month?)
  {
    guard let field = cells[column] else { return (true, nil) }
    switch ValueParser.month(field.text) {
    case .success(let month): return (true, month)
    case .failure(let problem):
      csvReport(csv, field, column: column, problem.message, hint: problem.hint)
      return (false, nil)
    }
  }

  static let clientColumns = [
    "id", "available", "route", "profile", "languages", "done", "specialist", "intake", "exit",
  ]

  func decodeClientsCSV(_ csv: ReferencedCSV, into draft: inout ScenarioDraft) {
    let allSteps = Set(draft.routes.flatMap(\.steps))
    let stepColumns = allSteps.sorted().flatMap { ["\($0).programme", "\($0).start"] }
    guard
      let columns = csvColumns(
        csv, allowed: Self.clientColumns + stepColumns, required: ["id", "available", "route"],
        isAllowed: { name in
          if Self.clientColumns.contains(name) { return nil }
          for suffix in [".programme", ".start"] where name.hasSuffix(suffix) {
            let step = String(name.dropLast(suffix.count))
            if allSteps.contains(step) || draft.routes.count < draft.routeNames.count { return nil }
            return "no route has a step '\(step)'"
          }
          return "unknown column '\(name)'"
        })
    else {
      draft.isComplete = false
      return
    }
    let pinnedSteps = columns.compactMap { name -> String? in
      name.hasSuffix(".programme") ? String(name.dropLast(".programme".count)) : nil
    }
    for step in Set(columns.compactMap { $0.hasSuffix(".start") ? String($0.dropLast(".start".count)) : nil })
      .subtracting(pinnedSteps).sorted()
    {
      if let header = csv.table.header?.fields.first {
        csvReport(csv, header, column: nil, "column '\(step).start' has no matching '\(step).programme'")
      }
      draft.isComplete = false
    }
    for (index, row) in csv.table.rows.enumerated() {
      let canonical = KeyPath.element("clients", index)
      guard let cells = csvCells(csv, row, columns: columns, canonical: canonical), let first = row.fields.first
      else {
        draft.isComplete = false
        continue
      }
      var complete = true
      for column in ["id", "available", "route"] where cells[column] == nil {
        csvReport(csv, first, column: column, "the cell '\(column)' is empty; every client needs one")
        complete = false
      }
      var pins = ClientPins(specialist: csvText(cells, "specialist"))
      var months: [String: Month] = [:]
      for column in ["available", "intake", "exit"] {
        let cell = csvMonth(csv, cells, column)
        months[column] = cell.month
        if !cell.valid { complete = false }
      }
      pins.intake = months["intake"]
      pins.exit = months["exit"]
      for step in pinnedSteps {
        let programme = cells["\(step).programme"]
        let startCell = cells["\(step).start"]
        switch (programme, startCell) {
        case (nil, nil): continue
        case (.some(let programme), .some):
          if let start = csvMonth(csv, cells, "\(step).start").month {
            pins.steps[step] = StepPin(programme: programme.text, start: start)
          } else {
            complete = false
          }
        case (.some(let field), nil), (nil, .some(let field)):
          csvReport(
            csv, field, column: field == programme ? "\(step).programme" : "\(step).start",
            "a pinned step needs both '\(step).programme' and '\(step).start'")
          complete = false
        }
      }
      guard complete, let id = csvText(cells, "id"), let available = months["available"],
        let route = csvText(cells, "route")
      else {
        draft.isComplete = false
        continue
      }
      let client = Client(
        id: id, available: available, route: route, profile: csvText(cells, "profile"),
        languages: csvList(cells, "languages"), done: csvList(cells, "done"), pins: pins)
      draft.clients.append(.init(path: canonical, value: client))
    }
  }

  func decodeInflowCSV(_ csv: ReferencedCSV, into draft: inout ScenarioDraft) {
    guard
      let columns = csvColumns(
        csv, allowed: Self.inflowKeys, required: ["month", "count", "route"],
        isAllowed: { Self.inflowKeys.contains($0) ? nil : "unknown column '\($0)'" })
    else {
      draft.isComplete = false
      return
    }
    for (index, row) in csv.table.rows.enumerated() {
      let canonical = KeyPath.element("inflow", index)
      guard let cells = csvCells(csv, row, columns: columns, canonical: canonical), let first = row.fields.first
      else {
        draft.isComplete = false
        continue
      }
      var complete = true
      for column in ["month", "count", "route"] where cells[column] == nil {
        csvReport(csv, first, column: column, "the cell '\(column)' is empty; every inflow group needs one")
        complete = false
      }
      let monthCell = csvMonth(csv, cells, "month")
      let month = monthCell.month
      if !monthCell.valid { complete = false }
      var count: Int?
      if let field = cells["count"] {
        switch ValueParser.integer(field.text, quoted: false, in: 1...Limits.count) {
        case .success(let value): count = value
        case .failure(let problem):
          csvReport(csv, field, column: "count", problem.message, hint: problem.hint)
          complete = false
        }
      }
      guard complete, let month, let count, let route = csvText(cells, "route") else {
        draft.isComplete = false
        continue
      }
      let group = InflowGroup(
        month: month, count: count, route: route, profile: csvText(cells, "profile"),
        languages: csvList(cells, "languages"))
      draft.inflow.append(.init(path: canonical, value: group))
    }
  }
}

/// A small RFC 4180 reader that remembers where every field starts.
///
/// Fields are separated by commas, records by LF or CRLF; a field in double quotes may hold
/// commas, line breaks and doubled quotes (`""`). Blank lines are skipped and a leading byte
/// order mark is ignored. Lines and columns are 1-based, columns counted in Unicode scalars.
struct CSVTable {
  struct Field: Hashable {
    var text: String
    var line: Int
    var column: Int
    var quoted: Bool
  }

  struct Record: Hashable {
    var fields: [Field]
    /// Line on which the record starts (the header is line 1 in a file without blank lines).
    var line: Int
  }

  struct Problem: Error, Hashable {
    var message: String
    var line: Int
    var column: Int
  }

  var header: Record?
  var rows: [Record]

  /// Parses the whole text; the first problem stops parsing because the record boundaries after
  /// it are unknown.
  static func parse(_ text: String) -> Result<CSVTable, Problem> {
    var records: [Record] = []
    var fields: [Field] = []
    var current = String.UnicodeScalarView()
    var fieldLine = 1
    var fieldColumn = 1
    var recordLine = 1
    var line = 1
    var column = 1
    var inQuotes = false
    var wasQuoted = false
    var afterClosingQuote = false
    var fieldStarted = false

    func finishField() {
      fields.append(Field(text: String(current), line: fieldLine, column: fieldColumn, quoted: wasQuoted))
      current = String.UnicodeScalarView()
      wasQuoted = false
      afterClosingQuote = false
      fieldStarted = false
    }
    func finishRecord() {
      let isBlank = fields.count == 1 && fields[0].text.isEmpty && !fields[0].quoted
      if !isBlank { records.append(Record(fields: fields, line: recordLine)) }
      fields = []
    }

    var scalars = Array(text.unicodeScalars)
    if scalars.first == "\u{FEFF}" { scalars.removeFirst() }
    var index = 0
    while index < scalars.count {
      let scalar = scalars[index]
      if !fieldStarted {
        fieldStarted = true
        fieldLine = line
        fieldColumn = column
        if fields.isEmpty { recordLine = line }
      }
      if inQuotes {
        if scalar == "\"" {
          if index + 1 < scalars.count, scalars[index + 1] == "\"" {
            current.append("\"")
            index += 2
            column += 2
            continue
          }
          inQuotes = false
          afterClosingQuote = true
        } else {
          current.append(scalar)
          if scalar == "\n" {
            line += 1
            column = 0
          }
        }
        index += 1
        column += 1
        continue
      }
      switch scalar {
      case ",":
        finishField()
        fieldStarted = true
        fieldLine = line
        fieldColumn = column + 1
      case "\r" where index + 1 < scalars.count && scalars[index + 1] == "\n":
        index += 1
        fallthrough
      case "\n", "\r":
        finishField()
        finishRecord()
        line += 1
        column = 0
      case "\"" where current.isEmpty && !wasQuoted:
        inQuotes = true
        wasQuoted = true
      default:
        if afterClosingQuote {
          return .failure(
            Problem(message: "unexpected text after a closing quote", line: line, column: column))
        }
        current.append(scalar)
      }
      index += 1
      column += 1
    }
    if inQuotes {
      return .failure(Problem(message: "a quoted field is never closed", line: fieldLine, column: fieldColumn))
    }
    if fieldStarted || !fields.isEmpty {
      finishField()
      finishRecord()
    }
    guard let first = records.first else { return .success(CSVTable(header: nil, rows: [])) }
    return .success(CSVTable(header: first, rows: Array(records.dropFirst())))
  }
}

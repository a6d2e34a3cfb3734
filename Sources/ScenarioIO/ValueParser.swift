import PlannerDomain

/// Parsing of single values, shared by YAML scalars and CSV cells, with messages that say what
/// was expected and how to write it.
enum ValueParser {
  struct Problem: Error {
    var message: String
    var hint: String?
  }

  static func integer(_ text: String, quoted: Bool, in range: ClosedRange<Int>) -> Result<Int, Problem> {
    var digits = Substring(text)
    if digits.first == "+" || digits.first == "-" { digits = digits.dropFirst() }
    let isInteger = !digits.isEmpty && digits.allSatisfy { $0.isASCII && $0.isNumber }
    guard isInteger else {
      if ScenarioDecoder.isPlainNumber(text) {
        return .failure(Problem(message: "must be a whole number (found \(text))"))
      }
      return .failure(Problem(message: "expected a whole number, found '\(shorten(text))'"))
    }
    if quoted {
      return .failure(
        Problem(message: "expected a whole number, found the text \"\(text)\"", hint: "remove the quotes"))
    }
    guard let value = Int(text) else {
      return .failure(Problem(message: "must be at most \(range.upperBound) (found \(shorten(text)))"))
    }
    if value < range.lowerBound {
      return .failure(Problem(message: "must be at least \(range.lowerBound) (found \(value))"))
    }
    if value > range.upperBound {
      return .failure(Problem(message: "must be at most \(range.upperBound) (found \(value))"))
    }
    return .success(value)
  }

  static func positiveDecimal(_ text: String, quoted: Bool, maximum: Int) -> Result<ExactDecimal, Problem> {
    guard ScenarioDecoder.isPlainNumber(text) else {
      if text.hasPrefix(".") || text.hasPrefix("-.") {
        return .failure(Problem(message: "expected a number, found '\(shorten(text))'", hint: "write 0\(text)"))
      }
      if text.contains(",") {
        return .failure(
          Problem(
            message: "expected a number, found '\(shorten(text))'",
            hint: "use a decimal point: \(text.replacingCharacters(",", by: "."))"))
      }
      return .failure(Problem(message: "expected a number such as 0.8, found '\(shorten(text))'"))
    }
    if quoted {
      return .failure(Problem(message: "expected a number, found the text \"\(text)\"", hint: "remove the quotes"))
    }
    if text.hasPrefix("-") {
      return .failure(Problem(message: "must be greater than 0 (found \(text))"))
    }
    let unsigned = text.hasPrefix("+") ? String(text.dropFirst()) : text
    let fraction = unsigned.split(separator: ".", omittingEmptySubsequences: false).dropFirst().first
    if let fraction, fraction.count > 4 {
      return .failure(Problem(message: "at most four decimals are allowed (found \(text))"))
    }
    guard let value = ExactDecimal(parsing: unsigned), value.scaled <= maximum * ExactDecimal.scale else {
      return .failure(Problem(message: "must be at most \(maximum) (found \(shorten(text)))"))
    }
    guard value.isPositive else { return .failure(Problem(message: "must be greater than 0 (found \(text))")) }
    return .success(value)
  }

  static func month(_ text: String) -> Result<Month, Problem> {
    let parts = text.split(separator: "-", omittingEmptySubsequences: false)
    let digitsOnly = parts.allSatisfy { !$0.isEmpty && $0.allSatisfy { $0.isASCII && $0.isNumber } }
    if parts.count == 2, digitsOnly, parts[0].count == 4, parts[1].count == 2, let month = Month(parsing: text) {
      return .success(month)
    }
    let found = "expected a month as YYYY-MM, found '\(shorten(text))'"
    if parts.count == 3, digitsOnly, parts[0].count == 4 {
      return .failure(Problem(message: found, hint: "plans run per month: write \(parts[0])-\(parts[1])"))
    }
    if parts.count == 2, digitsOnly, parts[0].count == 4, let number = Int(parts[1]) {
      if (1...12).contains(number) {
        return .failure(
          Problem(
            message: found, hint: "write the month with two digits: \(parts[0])-\(number < 10 ? "0" : "")\(number)"))
      }
      return .failure(
        Problem(message: "month \(parts[1]) does not exist (found '\(shorten(text))')", hint: "months run 01–12"))
    }
    return .failure(Problem(message: found, hint: "write a month such as 2025-03"))
  }

  static func shorten(_ text: String) -> String { text.count > 40 ? String(text.prefix(40)) + "…" : text }
}

extension String {
  fileprivate func replacingCharacters(_ old: Character, by new: Character) -> String {
    String(map { $0 == old ? new : $0 })
  }
}

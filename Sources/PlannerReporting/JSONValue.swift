/// A JSON value with object keys kept in the order they were written, so plan files read
/// top-down (format, status, objective, then details) and are byte-identical run to run.
public indirect enum JSONValue: Hashable, Sendable {
  case null
  case bool(Bool)
  case int(Int)
  case double(Double)
  case string(String)
  case array([JSONValue])
  case object([(String, JSONValue)])

  public static func == (lhs: JSONValue, rhs: JSONValue) -> Bool { lhs.serialized() == rhs.serialized() }
  public func hash(into hasher: inout Hasher) { hasher.combine(serialized()) }

  /// Pretty-printed with two-space indentation; short arrays of scalars stay on one line.
  public func serialized(indent: Int = 0) -> String {
    var output = ""
    write(to: &output, indent: indent)
    return output
  }

  private func write(to output: inout String, indent: Int) {
    switch self {
    case .null: output += "null"
    case .bool(let value): output += value ? "true" : "false"
    case .int(let value): output += String(value)
    case .double(let value): output += value.isFinite ? Self.number(value) : "null"
    case .string(let value): Self.writeString(value, to: &output)
    case .array(let values):
      if values.isEmpty {
        output += "[]"
      } else if values.allSatisfy(\.isScalar) {
        output += "[" + values.map { $0.serialized() }.joined(separator: ", ") + "]"
      } else {
        output += "[\n"
        for (index, value) in values.enumerated() {
          output += String(repeating: " ", count: indent + 2)
          value.write(to: &output, indent: indent + 2)
          output += index < values.count - 1 ? ",\n" : "\n"
        }
        output += String(repeating: " ", count: indent) + "]"
      }
    case .object(let members):
      if members.isEmpty {
        output += "{}"
      } else if members.count <= 6 && members.allSatisfy({ $0.1.isScalar }) {
        output +=
          "{" + members.map { key, value in Self.quoted(key) + ": " + value.serialized() }.joined(separator: ", ") + "}"
      } else {
        output += "{\n"
        for (index, (key, value)) in members.enumerated() {
          output += String(repeating: " ", count: indent + 2) + Self.quoted(key) + ": "
          value.write(to: &output, indent: indent + 2)
          output += index < members.count - 1 ? ",\n" : "\n"
        }
        output += String(repeating: " ", count: indent) + "}"
      }
    }
  }

  private var isScalar: Bool {
    switch self {
    case .array, .object: return false
    default: return true
    }
  }

  /// Integral values print without a fraction; others with up to six significant decimals.
  static func number(_ value: Double) -> String {
    if value == value.rounded() && abs(value) < 1e15 { return String(Int(value)) }
    let rounded = (value * 1_000_000).rounded() / 1_000_000
    return String(rounded)
  }

  static func quoted(_ string: String) -> String {
    var output = ""
    writeString(string, to: &output)
    return output
  }

  private static func writeString(_ string: String, to output: inout String) {
    output += "\""
    for scalar in string.unicodeScalars {
      switch scalar {
      case "\"": output += "\\\""
      case "\\": output += "\\\\"
      case "\n": output += "\\n"
      case "\r": output += "\\r"
      case "\t": output += "\\t"
      case _ where scalar.value < 0x20:
        let hex = String(scalar.value, radix: 16)
        output += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
      default: output.unicodeScalars.append(scalar)
      }
    }
    output += "\""
  }
}

import PlannerDomain

/// Writes a ``Scenario`` as a version 1 scenario file that ``ScenarioLoader`` reads back to an
/// equal value: every key explicit (defaults included), clients and inflow inline, text always
/// double-quoted so that ids such as `no` or `0012` stay text.
public enum ScenarioWriter {
  public static func yaml(_ scenario: Scenario) -> String {
    var lines: [String] = [
      "# CohortPlanner scenario, format version 1 (docs/scenario-format.md).",
      "version: 1",
      "name: \(quoted(scenario.name))",
      "start: \(scenario.start)",
      "horizon: \(scenario.horizon)",
      "caseload:",
      "  cap: \(scenario.caseload.cap)",
      "  basis: \(scenario.caseload.basis.rawValue)",
      "language_match: \(scenario.languageMatch.rawValue)",
      "routes:" + (scenario.routes.isEmpty ? " {}" : ""),
    ]
    for route in scenario.routes {
      lines.append("  \(quoted(route.name)):")
      lines.append("    steps: \(list(route.steps))")
      lines.append("    intake_months: \(route.intakeMonths)")
      lines.append("    intake_within: \(route.intakeWithin)")
      lines.append("    aftercare: \(route.aftercare)")
    }
    lines.append("programmes:" + (scenario.programmes.isEmpty ? " []" : ""))
    for programme in scenario.programmes {
      lines.append("  - id: \(quoted(programme.id))")
      lines.append("    provider: \(quoted(programme.provider))")
      lines.append("    step: \(quoted(programme.step))")
      if let routes = programme.routes { lines.append("    routes: \(list(routes))") }
      if let profiles = programme.profiles { lines.append("    profiles: \(list(profiles))") }
      switch programme.duration {
      case .months(let months): lines.append("    duration_months: \(months)")
      case .weeks(let weeks): lines.append("    duration_weeks: \(weeks)")
      }
      switch programme.starts {
      case .monthly: lines.append("    starts: monthly")
      case .months(let months):
        lines.append("    starts: [\(months.sorted().map(String.init).joined(separator: ", "))]")
      }
      lines.append("    seats: \(programme.seats)")
      lines.append("    min_size: \(programme.minSize)")
      lines.append("    groups: \(programme.groups)")
    }
    lines.append("specialists:" + (scenario.specialists.isEmpty ? " []" : ""))
    for specialist in scenario.specialists {
      lines.append("  - id: \(quoted(specialist.id))")
      lines.append("    fte: \(specialist.fte)")
      lines.append("    languages: \(list(specialist.languages))")
      if let from = specialist.from { lines.append("    from: \(from)") }
      if let until = specialist.until { lines.append("    until: \(until)") }
      if let cap = specialist.cap { lines.append("    cap: \(cap)") }
    }
    lines.append("clients:" + (scenario.clients.isEmpty ? " []" : ""))
    for client in scenario.clients {
      lines.append("  - id: \(quoted(client.id))")
      lines.append("    available: \(client.available)")
      lines.append("    route: \(quoted(client.route))")
      if let profile = client.profile { lines.append("    profile: \(quoted(profile))") }
      lines.append("    languages: \(list(client.languages))")
      if !client.done.isEmpty { lines.append("    done: \(list(client.done))") }
      if let specialist = client.pins.specialist { lines.append("    specialist: \(quoted(specialist))") }
      if let intake = client.pins.intake { lines.append("    intake: \(intake)") }
      if let exit = client.pins.exit { lines.append("    exit: \(exit)") }
      if !client.pins.steps.isEmpty {
        lines.append("    steps:")
        let order = scenario.route(named: client.route)?.steps ?? []
        let steps = client.pins.steps.keys.sorted {
          (order.firstIndex(of: $0) ?? .max, $0) < (order.firstIndex(of: $1) ?? .max, $1)
        }
        for step in steps {
          guard let pin = client.pins.steps[step] else { continue }
          lines.append("      \(quoted(step)): {programme: \(quoted(pin.programme)), start: \(pin.start)}")
        }
      }
    }
    lines.append("inflow:" + (scenario.inflow.isEmpty ? " []" : ""))
    for group in scenario.inflow {
      lines.append("  - month: \(group.month)")
      lines.append("    count: \(group.count)")
      lines.append("    route: \(quoted(group.route))")
      if let profile = group.profile { lines.append("    profile: \(quoted(profile))") }
      lines.append("    languages: \(list(group.languages))")
    }
    return lines.joined(separator: "\n") + "\n"
  }

  private static func list(_ items: [String]) -> String { "[" + items.map(quoted).joined(separator: ", ") + "]" }

  /// A YAML double-quoted scalar. Characters YAML may not hold literally (controls, line and
  /// paragraph separators, the byte order mark, non-characters) are escaped.
  static func quoted(_ text: String) -> String {
    var result = "\""
    for scalar in text.unicodeScalars {
      switch scalar {
      case "\"": result += "\\\""
      case "\\": result += "\\\\"
      case "\n": result += "\\n"
      case "\t": result += "\\t"
      case "\r": result += "\\r"
      default:
        let value = scalar.value
        // YAML reads U+2028 and U+2029 as line breaks, so they are escaped too.
        let printable =
          (0x20...0x7E).contains(value) || ((0xA0...0xD7FF).contains(value) && value != 0x2028 && value != 0x2029)
          || ((0xE000...0xFFFD).contains(value) && value != 0xFEFF) || (0x10000...0x10FFFF).contains(value)
        if printable {
          result.unicodeScalars.append(scalar)
        } else {
          let hex = String(value, radix: 16, uppercase: true)
          result +=
            value <= 0xFFFF
            ? "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            : "\\U" + String(repeating: "0", count: 8 - hex.count) + hex
        }
      }
    }
    return result + "\""
  }
}

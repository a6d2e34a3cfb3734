import PlannerDomain
import PlannerReporting

extension StaffingAnalysis {
  public static let format = "cohortplan.staffing/1"

  /// The analysis for a terminal: per cap, the waiting curve over team sizes with the months
  /// each extra specialist saves, the smallest team meeting the targets, then how that answer
  /// relates to the caseload arithmetic of the first year.
  public func text() -> String {
    var lines: [String] = []
    let targets = question.targets.map(\.description).joined(separator: " and ")
    let team = TeamSize.fte(of: scenario)
    lines.append(
      "\(scenario.name): smallest team for \(targets); the scenario has \(team) FTE in "
        + "\(scenario.specialists.count) specialists, caseload counted \(scenario.caseload.basis.rawValue)")
    lines.append(
      "added specialists: 1.0 FTE each with the languages of the last listed specialist; "
        + "removed: the last ones without pinned clients")
    lines.append(
      question.shareCaseload
        ? "clients already on a caseload at the start may move to any specialist (shared caseload)"
        : "clients already on a caseload at the start keep their specialists")
    let year = arithmetic.year
    for entry in series {
      lines.append("")
      lines.append("cap \(entry.cap) per FTE")
      let header = [
        "FTE", "team", "slots \(year)", "clients/FTE \(year)", "waiting months", "saved", "mean wait", "max wait",
        "late intakes", "no intake", "status", "target",
      ]
      let rows = zip(entry.points, entry.savings).map { point, saved -> [String] in
        var cells: [String] = [point.team.fte.description, Self.teamText(point.team), String(point.slots)]
        cells.append(Format.fixed(perFTE(point.team.fte), digits: 1))
        if let kpis = point.result.kpis {
          cells.append(String(kpis.waitingMonths))
          cells.append(saved.map { String($0) } ?? "-")
          cells.append(Format.fixed(kpis.meanWait, digits: 2))
          cells.append(String(kpis.maxWait))
          cells.append(String(kpis.lateIntakes))
          cells.append(String(kpis.clientsWithoutIntake))
        } else {
          cells += Array(repeating: "-", count: 6)
        }
        cells.append(Self.status(point.result))
        cells.append(point.meetsTargets ? "met" : "not met")
        return cells
      }
      lines += TextTable.render(header: header, rows: rows, indent: "  ")
      let overloaded = entry.points.compactMap { point -> String? in
        let overload = arithmetic.pinnedOverload(point.result.scenario)
        guard !point.result.hasPlan, !overload.isEmpty else { return nil }
        return overload.map { "\($0.specialist) \($0.clients) > \($0.cap)" }.joined(separator: ", ")
      }
      if let first = overloaded.first {
        lines.append(
          "  \(overloaded.count == entry.points.count ? "every team is" : "\(overloaded.count) teams are") infeasible: "
            + "the clients pinned to a specialist alone exceed the yearly cap in \(year) (\(first)); sharing the "
            + "existing caseload across the team (staff --share-caseload) lifts this")
      }
      if let smallest = entry.smallest {
        var changes = smallest.team.added.isEmpty ? "" : "adding " + smallest.team.added.joined(separator: ", ")
        if !smallest.team.removed.isEmpty { changes = "removing " + smallest.team.removed.joined(separator: ", ") }
        lines.append(
          "  smallest team meeting the target: \(smallest.team.fte) FTE, \(smallest.team.specialists) specialists"
            + (changes.isEmpty ? " (as in the scenario)" : " (\(changes))"))
      } else if overloaded.count == entry.points.count {
        lines.append("  no team meets the target")
      } else {
        let largest = entry.points.last.map { "\($0.team.fte) FTE" } ?? "any team"
        lines.append("  no team up to \(largest) meets the target; widen --fte")
      }
    }
    if !unreachable.isEmpty {
      lines.append("")
      lines.append(
        "not planned: " + unreachable.map { "\($0) FTE" }.joined(separator: ", ")
          + " (every remaining specialist has pinned clients, who keep their specialist)")
    }
    lines.append("")
    lines += arithmeticLines()
    return lines.joined(separator: "\n") + "\n"
  }

  /// Clients counted in the first year per FTE of a team of `fte`.
  func perFTE(_ fte: ExactDecimal) -> Double {
    fte.scaled == 0 ? 0 : Double(arithmetic.clients) * Double(ExactDecimal.scale) / Double(fte.scaled)
  }

  private func arithmeticLines() -> [String] {
    let year = arithmetic.year
    var lines = [
      "caseload arithmetic for \(year): \(arithmetic.carriedOver) on a caseload at the start + \(arithmetic.new) "
        + "becoming available in \(year) = \(arithmetic.clients) clients counted in \(year)"
    ]
    guard scenario.caseload.basis == .annual else {
      lines.append("  (the scenario counts caseload per month, so the yearly sum does not bind its plans)")
      return lines
    }
    for entry in series {
      let needed = Double(arithmetic.clients) / (Double(entry.cap.scaled) / Double(ExactDecimal.scale))
      var line = "  cap \(entry.cap): \(arithmetic.clients) / \(entry.cap) = \(Format.fixed(needed, digits: 2)) FTE"
      if let fte = entry.arithmeticFTE {
        line += "; yearly slots hold them all from \(fte) FTE"
        if let below = entry.points.last(where: { $0.team.fte < fte }) {
          line +=
            " (\(below.team.fte) FTE: \(below.slots) slots < \(arithmetic.clients), "
            + "\(Format.fixed(perFTE(below.team.fte), digits: 1)) per FTE)"
        }
      }
      lines.append(line)
      let optimiser = entry.smallest.map { "\($0.team.fte) FTE" } ?? "no team in the range"
      let arithmeticAnswer = entry.arithmeticFTE.map { "\($0) FTE" } ?? "-"
      var relation =
        "    optimiser: \(optimiser) meets \(question.targets.map(\.description).joined(separator: " and "))"
      relation += "; arithmetic: \(arithmeticAnswer)"
      if let smallest = entry.smallest, let fte = entry.arithmeticFTE {
        if smallest.team.fte == fte {
          relation += " (the same: the target needs every client counted in \(year) inside the yearly slots)"
        } else if smallest.team.fte < fte {
          let short = arithmetic.clients - smallest.slots
          relation +=
            " (fewer: at \(smallest.team.fte) FTE \(short) clients do not fit in \(year)'s slots, "
            + "and the plan lets them wait within the target)"
        } else {
          relation += " (more: slots alone are not enough; cohorts, calendars or languages make clients wait)"
        }
      }
      lines.append(relation)
    }
    return lines
  }

  /// `7 (+2)`: specialists, and how many were added or removed.
  static func teamText(_ team: Team) -> String {
    var text = "\(team.specialists)"
    if !team.added.isEmpty { text += " (+\(team.added.count))" }
    if !team.removed.isEmpty { text += " (-\(team.removed.count))" }
    return text
  }

  static func status(_ result: VariantResult) -> String {
    if result.failure != nil { return "not solved" }
    var text = result.plan.status.rawValue
    if result.plan.status != .optimal, let gap = result.plan.gap {
      text += " gap " + Format.fixed(gap * 100, digits: 1) + "%"
    }
    return text
  }

  /// The analysis as JSON (`cohortplan.staffing/1`).
  public func json() -> String {
    func decimal(_ value: ExactDecimal) -> JSONValue { .double(Double(value.scaled) / Double(ExactDecimal.scale)) }
    let seriesJSON: [JSONValue] = series.map { entry in
      let points: [JSONValue] = zip(entry.points, entry.savings).map { point, saved in
        var members: [(String, JSONValue)] = [
          ("fte", decimal(point.team.fte)), ("specialists", .int(point.team.specialists)),
          ("added", .array(point.team.added.map(JSONValue.string))),
          ("removed", .array(point.team.removed.map(JSONValue.string))),
          ("slots", .int(point.slots)), ("clientsPerFTE", .double(perFTE(point.team.fte))),
          ("status", .string(point.result.failure == nil ? point.result.plan.status.rawValue : "not solved")),
          ("gap", point.result.plan.gap.map(JSONValue.double) ?? .null),
        ]
        if let kpis = point.result.kpis {
          members += [
            ("waitingMonths", .int(kpis.waitingMonths)), ("saved", saved.map(JSONValue.int) ?? .null),
            ("meanWait", .double(kpis.meanWait)), ("p90Wait", .int(kpis.p90Wait)), ("maxWait", .int(kpis.maxWait)),
            ("lateIntakes", .int(kpis.lateIntakes)), ("clientsWithoutIntake", .int(kpis.clientsWithoutIntake)),
            ("unstartedSteps", .int(kpis.unstartedSteps)),
          ]
        }
        members.append(("meetsTargets", .bool(point.meetsTargets)))
        return .object(members)
      }
      return .object([
        ("cap", decimal(entry.cap)),
        ("smallestFTE", entry.smallest.map { decimal($0.team.fte) } ?? .null),
        ("arithmeticFTE", entry.arithmeticFTE.map(decimal) ?? .null),
        ("points", .array(points)),
      ])
    }
    let document = JSONValue.object([
      ("format", .string(Self.format)),
      ("scenario", .string(scenario.name)),
      ("targets", .array(question.targets.map { .string($0.description) })),
      ("teamFTE", decimal(TeamSize.fte(of: scenario))),
      ("basis", .string(scenario.caseload.basis.rawValue)),
      ("shareCaseload", .bool(question.shareCaseload)),
      (
        "firstYear",
        .object([
          ("year", .int(arithmetic.year)), ("carriedOver", .int(arithmetic.carriedOver)), ("new", .int(arithmetic.new)),
          ("clients", .int(arithmetic.clients)),
        ])
      ),
      ("caps", .array(seriesJSON)),
      ("unreachableFTE", .array(unreachable.map(decimal))),
    ])
    return document.serialized() + "\n"
  }

  /// One CSV row per cap and team size.
  public func csv() -> String {
    var rows = [
      [
        "cap", "fte", "specialists", "added", "removed", "slots", "clients_per_fte", "waiting_months", "saved",
        "mean_wait", "p90_wait", "max_wait", "late_intakes", "clients_without_intake", "unstarted_steps", "status",
        "gap", "meets_targets",
      ]
    ]
    for entry in series {
      for (point, saved) in zip(entry.points, entry.savings) {
        var row = [entry.cap.description, point.team.fte.description, String(point.team.specialists)]
        row += [
          point.team.added.joined(separator: ";"), point.team.removed.joined(separator: ";"), String(point.slots),
        ]
        row.append(Format.fixed(perFTE(point.team.fte), digits: 2))
        if let kpis = point.result.kpis {
          row += [String(kpis.waitingMonths), saved.map { String($0) } ?? "", Format.fixed(kpis.meanWait, digits: 4)]
          row += [String(kpis.p90Wait), String(kpis.maxWait), String(kpis.lateIntakes)]
          row += [String(kpis.clientsWithoutIntake), String(kpis.unstartedSteps)]
        } else {
          row += Array(repeating: "", count: 8)
        }
        row.append(point.result.failure == nil ? point.result.plan.status.rawValue : "not solved")
        row.append(point.result.plan.gap.map { Format.fixed($0, digits: 6) } ?? "")
        row.append(point.meetsTargets ? "yes" : "no")
        rows.append(row)
      }
    }
    return PlanTables.csv(rows)
  }
}

import PlannerDomain
import PlannerReporting

/// Words and numbers as the report writes them: months as `Mar 2021`, shares as `83%`.
enum ReportText {
  static let monthNames = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
  static let fullMonthNames = [
    "January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November",
    "December",
  ]

  static func month(_ month: Month) -> String { monthNames[month.month - 1] + " " + String(month.year) }
  static func month(_ month: Month?, none: String) -> String { month.map(Self.month) ?? none }

  static func number(_ value: Double) -> String { PlanSummary.format(value) }
  static func percent(_ share: Double) -> String { PlanSummary.percent(share) }

  /// `1 client`, `3 clients`.
  static func count(_ number: Int, _ singular: String, _ plural: String? = nil) -> String {
    "\(number) \(number == 1 ? singular : plural ?? singular + "s")"
  }

  /// A list in words: `a`, `a and b`, `a, b and c`.
  static func list(_ items: [String]) -> String {
    guard items.count > 1, let last = items.last else { return items.first ?? "" }
    return items.dropLast().joined(separator: ", ") + " and " + last
  }

  /// Months in words, consecutive months joined into ranges: `Mar–May 2021, Aug 2021`.
  static func monthRanges(_ months: [Month]) -> String {
    var ranges: [(Month, Month)] = []
    for month in months.sorted() {
      if let last = ranges.last, last.1.adding(1) == month {
        ranges[ranges.count - 1].1 = month
      } else {
        ranges.append((month, month))
      }
    }
    return ranges.map { first, last in
      if first == last { return Self.month(first) }
      if first.year == last.year { return monthNames[first.month - 1] + "–" + Self.month(last) }
      return Self.month(first) + " – " + Self.month(last)
    }.joined(separator: ", ")
  }

  static func status(_ plan: Plan) -> String {
    switch plan.status {
    case .optimal: return "Optimal: no plan has fewer waiting months"
    case .feasible where plan.strategy == "fcfs":
      return "Not optimised: first come, first served, as an office plans by hand; fewer waits may be possible"
    case .feasible: return "Good enough: within the requested distance of the best possible"
    case .timeLimit: return "Best found before the time limit: a better plan may exist"
    case .interrupted: return "Best found before the search was stopped: a better plan may exist"
    case .infeasible: return "No plan: the scenario's fixed decisions cannot all hold"
    }
  }

  static func strategy(_ strategy: String) -> String {
    switch strategy {
    case "optimal": return "optimiser (fewest waiting months)"
    case "fcfs": return "first come, first served"
    case "": return "not recorded"
    default: return strategy
    }
  }

  static func client(_ entry: PlannedClient) -> String {
    switch entry.reference {
    case .known(let id): return id
    case .inflow(let index):
      return "expected group \(index + 1)" + (entry.count == 1 ? "" : " (\(entry.count) clients)")
    }
  }

  static func basis(_ basis: CaseloadBasis) -> String {
    switch basis {
    case .annual: return "per calendar year: every client on the caseload in at least one month of the year counts"
    case .monthly: return "per month: the clients on the caseload in that month"
    }
  }

  static func languageMatch(_ match: LanguageMatch) -> String {
    switch match {
    case .none: return "ignored"
    case .preferred:
      return "preferred: a client gets a case manager who speaks one of their languages where "
        + "that costs no extra waiting"
    case .required: return "required: every client gets a case manager who speaks one of their languages"
    }
  }

  static func duration(_ duration: Duration) -> String {
    switch duration {
    case .months(let months): return count(months, "month")
    case .weeks(let weeks): return "\(weeks) weeks (\(count(duration.months, "month")) on the plan's grid)"
    }
  }

  static func starts(_ calendar: StartCalendar) -> String {
    switch calendar {
    case .monthly: return "every month"
    case .months(let months): return list(months.sorted().map { fullMonthNames[$0 - 1] })
    }
  }
}

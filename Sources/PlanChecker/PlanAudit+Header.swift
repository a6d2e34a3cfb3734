import PlannerDomain

/// The solver statuses a plan may report (MODEL.md "Minimum plan file").
enum PlanStatus: String, CaseIterable {
  case optimal
  case feasible
  case timeLimit = "time-limit"
  case interrupted
  case infeasible
}

/// What the top-level keys say, once checked.
struct PlanHeader {
  var status: PlanStatus?
  var statedWaitingMonths: Int?
}

extension PlanAudit {
  static let formatName = "cohortplan.plan/1"

  /// `format`, `scenario`, `start`, `horizon`, `status`, `gap`, `bound`, `objective` and the
  /// presence of the three lists.
  mutating func checkHeader(_ document: PlanDocument) -> PlanHeader {
    var header = PlanHeader()
    let root = "plan"

    switch document.format {
    case .value(let format) where format == Self.formatName: break
    case .value(let format): flag(.format, "format", "is \"\(format)\", expected \"\(Self.formatName)\"")
    default: flagMissing(root, "format")
    }

    let scenario = rules.scenario
    switch document.scenario {
    case .value(let name) where name == scenario.name: break
    case .value(let name): flag(.scenario, "scenario", "names scenario \"\(name)\", not \"\(scenario.name)\"")
    default: flagMissing(root, "scenario")
    }
    switch document.start {
    case .value(let start) where start == scenario.start.description: break
    case .value(let start):
      flag(.scenario, "start", "is \(start), but the scenario starts in \(scenario.start.description)")
    default: flagMissing(root, "start")
    }
    switch document.horizon {
    case .value(let horizon) where horizon == scenario.horizon: break
    case .value(let horizon):
      flag(.scenario, "horizon", "is \(horizon) months, but the scenario plans \(scenario.horizon)")
    default: flagMissing(root, "horizon")
    }

    switch document.status {
    case .value(let text):
      header.status = PlanStatus(rawValue: text)
      if header.status == nil {
        let known = PlanStatus.allCases.map(\.rawValue).joined(separator: ", ")
        flag(.status, "status", "\"\(text)\" is not one of \(known)")
      }
    default: flagMissing(root, "status")
    }
    let proven = header.status == .optimal || header.status == .infeasible
    checkSolverNumber(document.gap, key: "gap", proven: proven, status: header.status)
    checkSolverNumber(document.bound, key: "bound", proven: proven, status: header.status)

    switch document.objective {
    case .value(let objective):
      switch objective.waitingMonths {
      case .value(let months): header.statedWaitingMonths = months
      case .null where header.status == .infeasible: break
      case .missing: flagMissing("objective", "waitingMonths")
      case .null: flag(.format, "objective.waitingMonths", "is null, but the plan has status \(statusText(header))")
      }
    default: flagMissing(root, "objective")
    }

    if document.clients.isMissing { flagMissing(root, "clients") }
    if document.cohorts.isMissing { flagMissing(root, "cohorts") }
    if document.specialists.isMissing { flagMissing(root, "specialists") }
    return header
  }

  private mutating func checkSolverNumber(_ field: Field<Double>, key: String, proven: Bool, status: PlanStatus?) {
    switch field {
    case .missing:
      flag(.format, "plan", "lacks the key \(key) (a number, or null)")
    case .null:
      if !proven, let status {
        warn(.status, key, "is null although status \(status.rawValue) is not proven optimal")
      }
    case .value(let value):
      if key == "gap", !(value >= 0) { flag(.status, key, "is \(value); a gap is never negative") }
    }
  }

  private func statusText(_ header: PlanHeader) -> String { header.status?.rawValue ?? "unknown" }
}

import Foundation
import PlannerDomain

/// The independent checker: re-verifies a plan file against its scenario by MODEL.md alone.
///
/// It shares no code with the formulation: it reads `plan.json` with its own types, recomputes
/// every rule from the scenario's raw fields (durations, caps, eligibility, language match) and
/// recomputes the objective. It never traps, whatever the input; a file that is not a plan
/// gives violations of rule `format`.
///
/// ```swift
/// let report = PlanChecker.check(planJSON: data, scenario: scenario)
/// if !report.isValid { report.violations.forEach { print($0) } }
/// ```
public enum PlanChecker {
  public static func check(planJSON: Data, scenario: Scenario) -> PlanCheckReport {
    let problems = ScenarioRules.soundnessProblems(of: scenario)
    guard problems.isEmpty else {
      return PlanCheckReport(
        violations: problems, recomputedWaitingMonths: nil, statedWaitingMonths: nil, checkedSchedule: false)
    }
    let document: PlanDocument
    do {
      document = try JSONDecoder().decode(PlanDocument.self, from: planJSON)
    } catch {
      return PlanCheckReport(
        violations: [decodingViolation(error)], recomputedWaitingMonths: nil, statedWaitingMonths: nil,
        checkedSchedule: false)
    }

    var audit = PlanAudit(rules: ScenarioRules(scenario))
    let header = audit.checkHeader(document)
    let entries = document.clients.value ?? []
    let heads = entries.reduce(0) { total, entry in
      Saturating.add(total, entry.id.value != nil ? 1 : max(0, entry.count.value ?? 0))
    }
    if header.status == .infeasible {
      audit.warn(
        .status, "status",
        "the plan reports the scenario infeasible; that claim is not checked, nor are its "
          + "\(entries.count) client entries")
      return PlanCheckReport(
        violations: audit.violations, warnings: audit.warnings, recomputedWaitingMonths: nil,
        statedWaitingMonths: header.statedWaitingMonths, clientCount: heads, status: header.status?.rawValue,
        checkedSchedule: false)
    }

    let outcomes = audit.checkClients(entries)
    audit.checkCohorts(document.cohorts.value ?? [], outcomes: outcomes)
    audit.checkCaseloads(document.specialists.value ?? [], outcomes: outcomes)

    var recomputed: Int? = 0
    for outcome in outcomes {
      guard let wait = outcome.wait, let total = recomputed else {
        recomputed = nil
        break
      }
      recomputed = Saturating.add(total, Saturating.multiply(outcome.count, wait))
    }
    if let recomputed, let stated = header.statedWaitingMonths, stated != recomputed {
      audit.flag(
        .objective, "objective.waitingMonths",
        "states \(plural(stated, "waiting month")), but the clients wait \(plural(recomputed, "month")) in total")
    }
    return PlanCheckReport(
      violations: audit.violations, warnings: audit.warnings, recomputedWaitingMonths: recomputed,
      statedWaitingMonths: header.statedWaitingMonths, clientCount: heads, status: header.status?.rawValue,
      checkedSchedule: true)
  }

  /// A decoding failure as a `format` violation located by its key path.
  private static func decodingViolation(_ error: any Error) -> PlanViolation {
    func pathText(_ codingPath: [any CodingKey]) -> String {
      var text = ""
      for key in codingPath {
        if let index = key.intValue {
          text += "[\(index)]"
        } else {
          text += (text.isEmpty ? "" : ".") + key.stringValue
        }
      }
      return text.isEmpty ? "plan" : text
    }
    guard let decodingError = error as? DecodingError else {
      return PlanViolation(.format, "plan", "cannot be read: \(error)")
    }
    switch decodingError {
    case .typeMismatch(let type, let context):
      return PlanViolation(.format, pathText(context.codingPath), "has the wrong type; expected \(typeName(type))")
    case .valueNotFound(let type, let context):
      return PlanViolation(.format, pathText(context.codingPath), "is null; expected \(typeName(type))")
    case .keyNotFound(let key, let context):
      return PlanViolation(.format, pathText(context.codingPath), "lacks the key \(key.stringValue)")
    case .dataCorrupted(let context):
      return PlanViolation(.format, pathText(context.codingPath), "is not valid JSON: \(context.debugDescription)")
    @unknown default:
      return PlanViolation(.format, "plan", "cannot be read: \(decodingError)")
    }
  }

  private static func typeName(_ type: Any.Type) -> String {
    switch type {
    case is String.Type: return "a string"
    case is Int.Type: return "a whole number"
    case is Double.Type: return "a number"
    case is Bool.Type: return "true or false"
    default: return type is any Collection.Type ? "a list" : "an object"
    }
  }
}

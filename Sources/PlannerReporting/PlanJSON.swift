import PlannerDomain

/// plan.json as documented in docs/plan-format.md (MODEL.md "Minimum plan file" plus extras).
public enum PlanJSON {
  public static let format = "cohortplan.plan/1"

  public static func document(_ plan: Plan, extras: [(String, JSONValue)] = []) -> JSONValue {
    var members: [(String, JSONValue)] = [
      ("format", .string(format)),
      ("scenario", .string(plan.scenarioName)),
      ("strategy", .string(plan.strategy)),
      ("start", .string(plan.start.description)),
      ("horizon", .int(plan.horizon)),
      ("status", .string(plan.status.rawValue)),
      ("gap", plan.gap.map(JSONValue.double) ?? .null),
      ("bound", plan.bound.map(JSONValue.double) ?? .null),
      ("objective", .object([("waitingMonths", .int(plan.waitingMonths))])),
    ]
    members += extras
    members += [
      ("clients", .array(plan.clients.map(client))),
      ("cohorts", .array(plan.cohorts.map(cohort))),
      ("specialists", .array(plan.specialists.map { specialist($0, plan: plan) })),
    ]
    return .object(members)
  }

  public static func text(_ plan: Plan, extras: [(String, JSONValue)] = []) -> String {
    document(plan, extras: extras).serialized() + "\n"
  }

  static func client(_ entry: PlannedClient) -> JSONValue {
    var members: [(String, JSONValue)] = []
    switch entry.reference {
    case .known(let id): members.append(("id", .string(id)))
    case .inflow(let index):
      members.append(("inflow", .int(index)))
      members.append(("count", .int(entry.count)))
    }
    members += [
      ("specialist", entry.specialist.map(JSONValue.string) ?? .null),
      ("intake", month(entry.intake)),
      ("exit", month(entry.exit)),
      ("wait", .int(entry.wait)),
      ("steps", .array(entry.steps.map(step))),
    ]
    return .object(members)
  }

  static func step(_ step: PlannedStep) -> JSONValue {
    var members: [(String, JSONValue)] = [("step", .string(step.step))]
    switch step.outcome {
    case .started(let programme, let group, let ready, let start, let wait):
      members += [
        ("programme", .string(programme)), ("group", .int(group)), ("ready", month(ready)),
        ("start", .string(start.description)), ("wait", .int(wait)),
      ]
    case .unstarted(let ready, let wait):
      members.append(("unstarted", .bool(true)))
      if let ready {
        members.append(("ready", .string(ready.description)))
        members.append(("wait", .int(wait)))
      }
    case .beyondHorizon(let ready):
      members.append(("beyondHorizon", .bool(true)))
      if let ready { members.append(("ready", .string(ready.description))) }
    }
    return .object(members)
  }

  static func cohort(_ cohort: PlannedCohort) -> JSONValue {
    .object([
      ("programme", .string(cohort.programme)), ("provider", .string(cohort.provider)),
      ("start", .string(cohort.start.description)), ("group", .int(cohort.group)), ("size", .int(cohort.size)),
      ("seats", .int(cohort.seats)),
    ])
  }

  static func specialist(_ load: SpecialistCaseload, plan: Plan) -> JSONValue {
    var members: [(String, JSONValue)] = [
      ("id", .string(load.id)),
      ("cap", .int(load.cap)),
      (
        "caseload",
        .array(
          load.caseload.enumerated().map { offset, clients in
            .object([("month", .string(plan.start.adding(offset).description)), ("clients", .int(clients))])
          })
      ),
    ]
    if let years = load.years {
      members.append(
        (
          "years",
          .array(
            years.map { .object([("year", .int($0.year)), ("clients", .int($0.clients)), ("cap", .int($0.cap))]) })
        ))
    }
    return .object(members)
  }

  private static func month(_ month: Month?) -> JSONValue { month.map { .string($0.description) } ?? .null }
}

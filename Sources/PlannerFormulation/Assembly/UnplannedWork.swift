import PlannerDomain

/// Says in domain words what a plan leaves undone and what that costs.
public enum UnplannedWork {
  public static func explain(_ plan: Plan) -> [String] {
    var noIntake = 0
    var noIntakeMonths = 0
    var unstarted: [String: (clients: Int, months: Int)] = [:]
    for entry in plan.clients {
      if entry.intake == nil {
        noIntake += entry.count
        noIntakeMonths += entry.count * entry.intakeWait
      }
      for step in entry.steps {
        if case .unstarted(let ready?, let wait) = step.outcome {
          _ = ready
          unstarted[step.step, default: (0, 0)].clients += entry.count
          unstarted[step.step, default: (0, 0)].months += entry.count * wait
        }
      }
    }
    var lines: [String] = []
    if noIntake > 0 {
      lines.append(
        "\(noIntake) client(s) get no intake inside the horizon: every specialist is at the cap, "
          + "costing \(noIntakeMonths) waiting months to the end of the horizon.")
    }
    for step in unstarted.keys.sorted() {
      let (clients, months) = unstarted[step] ?? (0, 0)
      lines.append(
        "\(clients) client(s) are ready for \(step) but start no cohort inside the horizon "
          + "(no start date, seat or large enough group in time), costing \(months) waiting months.")
    }
    return lines
  }
}

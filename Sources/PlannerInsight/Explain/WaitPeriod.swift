import PlannerDomain

/// Consecutive waiting months of one stage that the same rules explain.
public struct WaitPeriod: Hashable, Sendable {
  /// `intake` or the step's name.
  public var waitingFor: String
  public var from: Month
  public var months: Int
  /// When the stage itself was possible but a later one could not have gone sooner: that
  /// stage and the month it would have been ready; nil when a rule binds the stage itself.
  public var movedOn: MovedOn?
  public var rules: [BindingRule]

  public struct MovedOn: Hashable, Sendable {
    public var stage: String
    public var from: Month
  }

  public var until: Month { from.adding(months - 1) }

  /// The stage whose rules bind, and the month from which they bind.
  public var boundStage: String { movedOn?.stage ?? waitingFor }
  public var boundFrom: Month { movedOn?.from ?? from }
}

extension WaitAnalysis {
  /// The entry's waiting months grouped into periods: consecutive months of a stage whose
  /// attribution has the same stage, the same rules and consecutive months.
  func periods() -> [WaitPeriod] {
    var periods: [WaitPeriod] = []
    for (stage, months) in waitingMonths() {
      var current: (period: WaitPeriod, lastMonth: Int)?
      for month in months {
        let attribution = attribute(stage: stage, month: month)
        let movedOn =
          attribution.stage == stage
          ? nil
          : WaitPeriod.MovedOn(stage: stageName(attribution.stage), from: context.month(attribution.month))
        if var open = current, open.period.rules == attribution.rules,
          open.period.movedOn?.stage == movedOn?.stage,
          movedOn == nil || open.lastMonth + 1 == attribution.month
        {
          open.period.months += 1
          open.lastMonth = attribution.month
          current = open
          continue
        }
        if let current { periods.append(current.period) }
        current = (
          WaitPeriod(
            waitingFor: stageName(stage), from: context.month(month), months: 1, movedOn: movedOn,
            rules: attribution.rules),
          attribution.month
        )
      }
      if let current { periods.append(current.period) }
    }
    return periods
  }
}

import PlannerDomain

/// Specialists who are interchangeable for the optimisation, merged into one capacity.
///
/// Counting caseload is counting intervals, and intervals whose overlap never exceeds the
/// group's total slots can be split among its members afterwards (interval colouring), so the
/// model needs only the group's total (FORMULATION-NOTES.md). That is exact when all members
/// have the same availability and, where matching is required, the same languages; a specialist
/// with `from`/`until` stays a group of one. A specialist named in pins stays in the group, with
/// the pinned clients placed first when the group is split; if that split fails, the plan is
/// solved again with such specialists as groups of one (`splitPinned`), which is always exact.
public struct SpecialistType: Sendable {
  public let index: Int
  /// Indices into ``PlanningInstance/specialists``, in scenario order.
  public let members: [Int]
  public let languages: [String]
  /// Σ ⌊cap × fte⌋ of members available in each grid month.
  public let monthlyCapacity: [Int]
  /// Σ yearly caps per calendar year overlapping the horizon.
  public let yearlyCapacity: [(year: Int, cap: Int)]

  public var label: String { "team\(index + 1)" }

  /// Groups the instance's specialists into types, in order of their first member.
  public static func group(_ instance: PlanningInstance, splitPinned: Bool = false) -> [SpecialistType] {
    let pinnedIDs = splitPinned ? Set(instance.members.compactMap { $0.pins?.specialist }) : []
    let matchMatters = instance.scenario.languageMatch == .required
    var groups: [[Int]] = []
    var keyOfGroup: [String: Int] = [:]
    for specialist in instance.specialists {
      let individual = specialist.hasWindow || pinnedIDs.contains(specialist.specialist.id)
      let key = matchMatters ? Set(specialist.specialist.languages).sorted().joined(separator: ",") : ""
      if !individual, let existing = keyOfGroup[key] {
        groups[existing].append(specialist.index)
      } else {
        if !individual { keyOfGroup[key] = groups.count }
        groups.append([specialist.index])
      }
    }
    return groups.enumerated().map { index, members in
      let specialists = members.map { instance.specialists[$0] }
      let monthly = (0..<instance.horizon).map { month in
        specialists.reduce(0) { $0 + ($1.available[month] ? $1.monthlyCap : 0) }
      }
      let years = GridSpecialist.years(of: instance.scenario)
      let yearly = years.enumerated().map { position, year in
        (year: year, cap: specialists.reduce(0) { $0 + $1.yearlyCaps[position].cap })
      }
      return SpecialistType(
        index: index, members: members, languages: specialists[0].specialist.languages, monthlyCapacity: monthly,
        yearlyCapacity: yearly)
    }
  }
}

import Foundation
import GLPK
import PlannerDomain
import PlannerFormulation
import PlannerWhatIf
import Testing

/// Solving on several threads changes nothing in the results.
@Suite struct ParallelComparisonTests {
  static func variants() throws -> [WhatIfVariant] {
    let changes: [(String, [String])] = [
      ("base", []),
      ("two starts", ["programmes[course].starts=[4, 10]"]),
      ("monthly", ["programmes[course].starts=monthly", "programmes[course].seats=1"]),
      ("late B", ["clients[B].available=2025-08"]),
      ("cap 1", ["caseload.cap=1", "routes.r.intake_months=3"]),
    ]
    return try changes.map { label, overrides in
      WhatIfVariant(label: label, changes: overrides, scenario: try Small.load(overrides: overrides).scenario)
    }
  }

  @Test func serialAndParallelGiveByteIdenticalOutputs() throws {
    let variants = try Self.variants()
    let serial = Comparison.solve(
      variants, solver: GLPKSolver(), options: WhatIfOptions(planning: PlanningOptions(timeLimit: 30), threads: 1))
    for threads in [2, 4] {
      let parallel = Comparison.solve(
        variants, solver: GLPKSolver(),
        options: WhatIfOptions(planning: PlanningOptions(timeLimit: 30), threads: threads))
      #expect(parallel.json() == serial.json())
      #expect(parallel.csv() == serial.csv())
      #expect(parallel.text() == serial.text())
      #expect(parallel.labels == variants.map(\.label))
    }
    #expect(serial.results.allSatisfy { $0.plan.status == .optimal })
  }

  @Test func resultsKeepTheInputOrderWhateverFinishesFirst() {
    let numbers = Array(0..<50)
    let squares = ParallelSolves.map(numbers, threads: 4) { number in
      // Later elements finish sooner.
      var sink = 0
      for step in 0..<((50 - number) * 2000) { sink &+= step }
      return (number * number, sink >= 0)
    }
    #expect(squares.map(\.0) == numbers.map { $0 * $0 })
  }

  @Test func everyVariantIsReportedOnceAsItFinishes() {
    let seen = Counter()
    let variants = (0..<3).map { WhatIfVariant(label: "v\($0)", scenario: Small.crowdedSpecialist()) }
    let options = WhatIfOptions(
      planning: PlanningOptions(timeLimit: 30), threads: 2, finished: { index, _ in seen.add(index) })
    _ = Comparison.solve(variants, solver: GLPKSolver(), options: options)
    #expect(seen.values.sorted() == [0, 1, 2])
  }
}

/// Indices reported from solving threads.
final class Counter: @unchecked Sendable {
  private let lock = NSLock()
  private var stored: [Int] = []
  func add(_ value: Int) { lock.withLock { stored.append(value) } }
  var values: [Int] { lock.withLock { stored } }
}

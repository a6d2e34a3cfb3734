import Foundation
import GLPK
import OptimizationModel
import Testing

@Suite struct ExportTests {
  /// A small facility-style MIP, minimised: open sites (cost 7, 5) and serve two demands of
  /// 3 and 4 units from them at unit costs; a site serves at most 5 units if open.
  /// Both sites must open (7 units of demand > 5 per site), costing 12. Routing: demand 0
  /// is cheapest from a (1/unit), demand 1 from b (2/unit) → 3·1 + 4·2 = 11, within capacity.
  /// Optimum 12 + 11 + constant 1 = 24; glpsol must agree on the exported files.
  func facilityModel() -> LinearModel {
    var model = LinearModel(name: "facility")
    let openA = model.addVariable("open_a", kind: .binary, cost: 7)
    let openB = model.addVariable("open_b", kind: .binary, cost: 5)
    let unitCosts: [[Double]] = [[1, 3], [4, 2]]  // [site][demand]
    let demands: [Double] = [3, 4]
    var flows: [[Variable]] = []
    for site in 0..<2 {
      flows.append(
        (0..<2).map { demand in
          model.addVariable("ship[\(site),\(demand)]", kind: .integer, cost: unitCosts[site][demand])
        })
    }
    for demand in 0..<2 {
      model.addEqual("demand", String(demand), flows[0][demand] + flows[1][demand], demands[demand])
    }
    model.addLessOrEqual("capacity", "a", flows[0][0] + flows[0][1] - 5 * openA, 0)
    model.addLessOrEqual("capacity", "b", flows[1][0] + flows[1][1] - 5 * openB, 0)
    model.objectiveConstant = 1
    return model
  }

  @Test func exportedMPSSolvedByGlpsolGivesTheSameObjective() throws {
    let model = facilityModel()
    let ours = try GLPKSolver().solve(model, options: SolveOptions())
    #expect(ours.status == .optimal)
    #expect(ours.objective == 24)
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("export-\(UUID())")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: directory) }
    let mps = directory.appendingPathComponent("facility.mps").path
    let lp = directory.appendingPathComponent("facility.lp").path
    try GLPKSolver().writeMPS(model, to: mps)
    try GLPKSolver().writeLP(model, to: lp)
    let fromMPS = try glpsolObjective(arguments: ["--freemps", mps])
    let fromLP = try glpsolObjective(arguments: ["--lp", lp])
    let objective = try #require(ours.objective)
    #expect(abs(fromMPS - objective) < 1e-6, "glpsol on MPS: \(fromMPS), ours: \(objective)")
    // CPLEX LP has no constant term: GLPK writes it as a comment, so glpsol reports 24 − 1.
    #expect(abs(fromLP + model.objectiveConstant - objective) < 1e-6, "glpsol on LP: \(fromLP), ours: \(objective)")
    let lpText = try String(contentsOfFile: lp, encoding: .utf8)
    #expect(lpText.contains("capacity(a)"), "rows keep their family names (brackets become parentheses)")
    let mpsText = try String(contentsOfFile: mps, encoding: .utf8)
    #expect(mpsText.contains("capacity[a]"))
  }

  /// Runs Debian's `glpsol` and reads "Objective:  obj = 24 (MINimum)" from its report.
  private func glpsolObjective(arguments: [String]) throws -> Double {
    let report = FileManager.default.temporaryDirectory.appendingPathComponent("glpsol-\(UUID()).txt").path
    defer { try? FileManager.default.removeItem(atPath: report) }
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["glpsol"] + arguments + ["-o", report]
    process.standardOutput = FileHandle.nullDevice
    try process.run()
    process.waitUntilExit()
    try #require(process.terminationStatus == 0, "glpsol (Debian glpk-utils) must be installed and succeed")
    let text = try String(contentsOfFile: report, encoding: .utf8)
    let line = try #require(text.split(separator: "\n").first { $0.hasPrefix("Objective:") })
    let afterEquals = try #require(line.split(separator: "=").last)
    let number = try #require(afterEquals.split(separator: " ").first)
    return try #require(Double(number))
  }
}

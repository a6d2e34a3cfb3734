import Foundation
import PlanChecker
import PlannerDomain
import Testing

@Suite("The checker never traps")
struct RobustnessTests {
  @Test("every truncation of a valid plan is a format violation")
  func truncations() {
    let bytes = Array(Tiny.plan.utf8)
    let scenario = Tiny.scenario()
    for length in stride(from: 0, to: bytes.count - 1, by: 7) {
      let report = PlanChecker.check(planJSON: Data(bytes[0..<length]), scenario: scenario)
      #expect(report.reports(.format), "prefix of \(length) bytes")
    }
  }

  @Test("random byte edits give a report, valid or not")
  func byteEdits() {
    let bytes = Array(Tiny.plan.utf8)
    let scenario = Tiny.scenario()
    let alphabet = Array(#"0123456789-:,"{}[] tnulfaes"#.utf8)
    var state: UInt64 = 0x9E37_79B9_7F4A_7C15
    func next(_ bound: Int) -> Int {
      state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      return Int((state >> 33) % UInt64(bound))
    }
    var invalid = 0
    for _ in 0..<1_500 {
      var mutant = bytes
      for _ in 0..<(1 + next(3)) { mutant[next(mutant.count)] = alphabet[next(alphabet.count)] }
      if !PlanChecker.check(planJSON: Data(mutant), scenario: scenario).isValid { invalid += 1 }
    }
    #expect(invalid > 1_000)
  }

  @Test("extreme numbers saturate instead of overflowing")
  func extremeNumbers() throws {
    let huge = "9223372036854775807"
    let plan = try Tiny.plan(
      (line: #""inflow": 0"#, old: #""count": 2"#, new: #""count": "# + huge),
      (line: #""id": "C1""#, old: #""wait": 2, "steps""#, new: #""wait": -9223372036854775808, "steps""#),
      (line: #""id": "s1""#, old: #""year": 2020"#, new: #""year": "# + huge))
    let report = Tiny.check(plan)
    #expect(report.reports(.coverage))
    #expect(report.reports(.wait))
    #expect(report.reports(.caseload))
    let overflow = try Tiny.plan((line: #""id": "C3""#, old: #""wait": 6"#, new: #""wait": 99999999999999999999"#))
    #expect(Tiny.check(overflow).reports(.format))
  }

  @Test("a top level that is not an object, and entries of the wrong shape, are format violations")
  func wrongShapes() {
    #expect(Tiny.check("[]").rules == ["format"])
    #expect(Tiny.check("null").rules == ["format"])
    #expect(Tiny.check("").rules == ["format"])
    let entry = Tiny.plan.replacingOccurrences(of: #"{"id": "C3", "#, with: #"{"id": 3, "#)
    let report = Tiny.check(entry)
    #expect(report.violations.first?.path == "clients[3].id")
  }
}

import OptimizationModel
import Testing

/// What ``LinearModel/validate()`` refuses before any solver sees a model (GLPK would abort).
@Suite struct LinearModelValidationTests {
  @Test(arguments: ["a b", "a\tb", "a\nb", "a\u{A0}b", "é\u{2003}", "\u{3000}x"])
  func whiteSpaceInANameIsRefused(name: String) {
    var model = LinearModel()
    model.addVariable(name)
    #expect(throws: ModelValidationError.self) { try model.validate() }
  }

  @Test(arguments: ["start[k1,team1,taal-02,2026-03]", "cohorts[Schakeljaar~3,2027-01]", "é~ü", "ٱ"])
  func namesWithoutWhiteSpacePass(name: String) throws {
    var model = LinearModel()
    let x = model.addVariable(name, kind: .integer, lower: 0, upper: 3, cost: 1)
    model.addLessOrEqual("row", name, LinearExpression(x), 2)
    try model.validate()
  }

  @Test func duplicateNamesAndFractionalIntegerBoundsAreNamed() {
    var model = LinearModel()
    model.addVariable("x", kind: .integer, lower: 0, upper: 2.5)
    model.addVariable("x")
    let error = #expect(throws: ModelValidationError.self) { try model.validate() }
    #expect(error?.problems.contains { $0.contains("duplicate name") } == true)
    #expect(error?.problems.contains { $0.contains("fractional bound 2.5") } == true)
  }

  @Test func durationsBecomeSeconds() {
    #expect(Duration.seconds(3).inSeconds == 3)
    #expect(Duration.milliseconds(1_500).inSeconds == 1.5)
    #expect(abs(Duration.microseconds(7).inSeconds - 0.000_007) < 1e-15)
  }
}

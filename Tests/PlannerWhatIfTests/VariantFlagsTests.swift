import PlannerWhatIf
import Testing

/// `--variant` groups the changes after it; changes before the first are common.
@Suite struct VariantFlagsTests {
  @Test func changesBelongToThePrecedingVariant() {
    let flags = VariantFlags.group([
      "s.yaml", "--set", "horizon=12", "--variant", "cap 90", "--set", "caseload.cap=90", "--time-limit", "5",
      "--variant=six", "--add-specialist", "SP6", "--set=programmes[x].seats=3", "--format", "json",
    ])
    #expect(flags.common == [.set("horizon=12")])
    #expect(flags.names == ["cap 90", "six"])
    #expect(flags.variants[0].changes == [.set("caseload.cap=90")])
    #expect(flags.variants[1].changes == [.addSpecialist("SP6"), .set("programmes[x].seats=3")])
    #expect(flags.sets == ["horizon=12", "caseload.cap=90", "programmes[x].seats=3"])
    #expect(flags.addedSpecialists == ["SP6"])
  }

  @Test func readingStopsAtDoubleDash() {
    let flags = VariantFlags.group(["--set", "a=1", "--", "--set", "b=2"])
    #expect(flags.sets == ["a=1"])
  }
}

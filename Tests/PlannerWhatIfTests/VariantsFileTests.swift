import ScenarioIO
import Testing

@Suite struct VariantsFileTests {
  @Test func variantsKeepTheirOrderAndOverrides() throws {
    let variants = try VariantsFile.load(
      yaml: """
        cap 90:
          caseload.cap: 90
        two starts:
          programmes[course].starts: [4, 10]
          specialists+: {id: S2, languages: [nl]}
        smaller:
          specialists-: S1
          add-specialist: [S3, "S4:0.5"]
        as written: {}
        """, fileName: "variants.yaml")
    #expect(variants.map(\.name) == ["cap 90", "two starts", "smaller", "as written"])
    #expect(variants[0].overrides.map(\.text) == ["caseload.cap=90"])
    #expect(variants[1].overrides.map(\.operation) == [.set, .append])
    #expect(
      variants[1].overrides.map(\.text) == [
        "programmes[course].starts=[4, 10]", "specialists+={id: S2, languages: [nl]}",
      ])
    #expect(variants[1].overrides.first?.origin?.line == 4)
    #expect(variants[2].overrides.map(\.operation) == [.remove, .addSpecialist, .addSpecialist])
    #expect(variants[3].overrides.isEmpty)
    let scenario = try ScenarioLoader.load(
      yaml: Small.calendarYAML, fileName: "calendar.yaml", baseDirectory: nil, overrides: variants[1].overrides
    ).scenario
    #expect(scenario.programmes.first?.starts == .months([4, 10]))
    #expect(scenario.specialists.map(\.id) == ["S1", "S2"])
  }

  /// Values are written back as one line of flow YAML that reads to the same value.
  @Test func valuesKeepTheirMeaning() throws {
    let variants = try VariantsFile.load(
      yaml: """
        v:
          name: "a: b, [c]"
          horizon: '12'
          routes.r.steps: [course]
          specialists+:
            - id: S2
              languages: [nl, "x y"]
        """, fileName: "variants.yaml")
    #expect(
      variants[0].overrides.map(\.text) == [
        "name=\"a: b, [c]\"", "horizon=\"12\"", "routes.r.steps=[course]",
        "specialists+=[{id: S2, languages: [nl, \"x y\"]}]",
      ])
    let error = #expect(throws: ScenarioLoadError.self) {
      try ScenarioLoader.load(
        yaml: Small.calendarYAML, fileName: "calendar.yaml", baseDirectory: nil, overrides: variants[0].overrides)
    }
    // A quoted horizon is text, not a number, exactly as in a scenario file.
    #expect(error?.errors.first?.path == "horizon")
    let scenario = try ScenarioLoader.load(
      yaml: Small.calendarYAML, fileName: "calendar.yaml", baseDirectory: nil,
      overrides: variants[0].overrides.filter { !$0.text.hasPrefix("horizon") }
    ).scenario
    #expect(scenario.name == "a: b, [c]")
    #expect(scenario.specialists.last?.languages == ["nl", "x y"])
  }

  /// A bad value from a variants file is reported at its line in that file.
  @Test func problemsPointIntoTheVariantsFile() throws {
    let variants = try VariantsFile.load(
      yaml: """
        fine: {caseload.cap: 90}
        broken:
          programmes[course].seats: none
        """, fileName: "variants.yaml")
    #expect {
      _ = try ScenarioLoader.load(
        yaml: Small.calendarYAML, fileName: "calendar.yaml", baseDirectory: nil, overrides: variants[1].overrides)
    } throws: { error in
      guard let error = error as? ScenarioLoadError, let diagnostic = error.errors.first else { return false }
      return diagnostic.file == "variants.yaml" && diagnostic.line == 3 && diagnostic.path == "programmes[0].seats"
        && diagnostic.message.contains("programmes[course].seats=none")
    }
  }

  @Test func malformedVariantsFileIsLocated() throws {
    #expect {
      _ = try VariantsFile.load(yaml: "a:\n  - caseload.cap=90\n", fileName: "variants.yaml")
    } throws: { error in
      (error as? ScenarioLoadError)?.errors.first?.line == 2
    }
    #expect {
      _ = try VariantsFile.load(yaml: "a:\n  caseload.cap: 90\n  x[: 1\n", fileName: "variants.yaml")
    } throws: { error in
      let diagnostic = (error as? ScenarioLoadError)?.errors.first
      return diagnostic?.line == 3 && diagnostic?.message.contains("without closing") == true
    }
  }
}

import PlannerDomain
import ScenarioIO
import Testing

/// Overrides are applied to the YAML tree before validation; their problems name them.
@Suite struct ScenarioOverrideTests {
  @Test func setReplacesAndAddsKeys() throws {
    let loaded = try Small.load(overrides: ["caseload.cap=90", "caseload.basis=annual", "routes.r.aftercare=4"])
    #expect(loaded.scenario.caseload.cap == ExactDecimal(90))
    #expect(loaded.scenario.caseload.basis == .annual)
    #expect(loaded.scenario.routes.first?.aftercare == 4)
  }

  @Test func listEntriesAreFoundByIDOrIndex() throws {
    let byID = try Small.load(overrides: ["programmes[course].seats=3", "specialists[S1].fte=0.5"]).scenario
    #expect(byID.programmes.first?.seats == 3)
    #expect(byID.specialists.first?.fte == ExactDecimal(scaled: 5000))
    let byIndex = try Small.load(overrides: ["programmes[0].seats=4", "clients.B.available=2025-03"]).scenario
    #expect(byIndex.programmes.first?.seats == 4)
    #expect(byIndex.clients.last?.available == Month(year: 2025, month: 3))
  }

  @Test func appendAndRemove() throws {
    let scenario = try Small.load(overrides: [
      "specialists+={id: S2, languages: [ti]}", "specialists[S1].languages+=[de, fr]", "specialists-=0",
    ]).scenario
    #expect(scenario.specialists.map(\.id) == ["S2"])
    let languages = try Small.load(overrides: ["specialists[S1].languages+=[de, fr]"]).scenario.specialists[0].languages
    #expect(languages == ["nl", "ar", "de", "fr"])
    let unrestricted = try Small.load(overrides: ["programmes[course]-=starts", "programmes[course].starts=monthly"])
    #expect(unrestricted.scenario.programmes.first?.starts == .monthly)
  }

  /// `--add-specialist` copies the languages of the last specialist listed, as `staff` does.
  @Test func addedSpecialistSpeaksTheLastSpecialistsLanguages() throws {
    let scenario = try ScenarioLoader.load(
      yaml: Small.calendarYAML, fileName: "calendar.yaml", baseDirectory: nil,
      overrides: [try ScenarioOverride(addingSpecialist: "S9:0.5")]
    ).scenario
    let added = try #require(scenario.specialists.last)
    #expect(added.id == "S9")
    #expect(added.fte == ExactDecimal(scaled: 5000))
    #expect(added.languages == ["nl", "ar"])
  }

  /// An unknown id names the override, the id and the ids there are, located at the list in
  /// the scenario file (its first entry, line 10).
  @Test func unknownIDNamesTheOverrideAndTheID() throws {
    let error = try #require(Small.loadError(["programmes[nope].seats=3"]))
    let diagnostic = try #require(error.errors.first)
    #expect(error.errors.count == 1)
    #expect(diagnostic.message.contains("override 'programmes[nope].seats=3'"))
    #expect(diagnostic.message.contains("'nope'"))
    #expect(diagnostic.hint?.contains("course") == true)
    #expect(diagnostic.file == "calendar.yaml")
    #expect(diagnostic.line == 10)
    #expect(diagnostic.path == "programmes")
  }

  /// A value the scenario format refuses is reported like a bad value in the file, at its key
  /// path, naming the override that wrote it.
  @Test func badValueIsReportedAtItsPathNamingTheOverride() throws {
    let error = try #require(Small.loadError(["caseload.cap=abc"]))
    let diagnostic = try #require(error.errors.first)
    #expect(diagnostic.path == "caseload.cap")
    #expect(diagnostic.message.contains("(set by the override 'caseload.cap=abc')"))
    #expect(diagnostic.line == nil)
  }

  @Test func misspeltKeyGetsASuggestion() throws {
    let error = try #require(Small.loadError(["programmes[course].seat=3"]))
    let diagnostic = try #require(error.errors.first)
    #expect(diagnostic.path == "programmes[0].seat")
    #expect(diagnostic.message.contains("unknown key 'seat'"))
    #expect(diagnostic.message.contains("programmes[course].seat=3"))
    #expect(diagnostic.hint == "did you mean 'seats'?")
  }

  @Test func structuralMistakesAreNamed() throws {
    let intermediate = try #require(Small.loadError(["caseloadd.cap=90"]))
    #expect(intermediate.errors.first?.message.contains("has no key 'caseloadd'") == true)
    #expect(intermediate.errors.first?.hint == "did you mean 'caseload'?")
    let scalar = try #require(Small.loadError(["horizon.months=3"]))
    #expect(scalar.errors.first?.message.contains("single value") == true)
    let appendToMapping = try #require(Small.loadError(["caseload+=3"]))
    #expect(appendToMapping.errors.first?.message.contains("not a list") == true)
    let duplicate = try #require(Small.loadError(["specialists+={id: S1}"]))
    #expect(duplicate.errors.first?.message.contains("used twice") == true)
    #expect(duplicate.errors.first?.message.contains("specialists+={id: S1}") == true)
  }

  @Test(arguments: [
    ("caseload.cap", "expected PATH=VALUE"),
    ("=90", "expected PATH=VALUE"),
    ("programmes[course.seats=3", "without closing"),
    ("a..b=1", "empty key"),
    ("programmes[course]seats=3", "needs a '.'"),
    ("specialists+={id: [S1}", "not valid YAML"),
    ("specialists-=", "nothing to remove"),
  ])
  func unreadableOverridesAreRefusedBeforeLoading(text: String, problem: String) {
    #expect {
      _ = try ScenarioOverride(parsing: text)
    } throws: { error in
      guard let error = error as? ScenarioOverrideError else { return false }
      return error.description.hasPrefix("override '\(text)'") && error.description.contains(problem)
    }
  }

  @Test func bracketsHoldKeysWithDots() throws {
    let override = try ScenarioOverride(parsing: "routes[b1.x].aftercare=4")
    #expect(override.path == ["routes", "b1.x", "aftercare"])
    #expect(override.operation == .set)
    #expect(try ScenarioOverride(parsing: "a.b+=[1]").operation == .append)
    #expect(try ScenarioOverride(parsing: "x[\"a=b\"].c=1").path == ["x", "a=b", "c"])
  }

  @Test func overridesChangeTheSourceDigest() throws {
    let plain = try Small.load()
    let changed = try Small.load(overrides: ["caseload.cap=100"])
    #expect(plain.scenario == changed.scenario)
    #expect(plain.sourceDigest != changed.sourceDigest)
  }

  @Test func csvListsCannotBeAddressed() throws {
    let yaml = Small.calendarYAML.replacingOccurrences(
      of: "clients:\n  - {id: A, available: \"2025-01\", route: r}\n  - {id: B, available: \"2025-05\", route: r}",
      with: "clients: {file: clients.csv}")
    #expect(yaml.contains("clients.csv"))
    let error = try #require(Small.loadError(["clients[A].route=r"], yaml: yaml))
    #expect(error.errors.first?.message.contains("read from a CSV file") == true)
  }
}

import Foundation
import PlannerDomain
import Testing

@testable import ScenarioIO

/// `baseYAML` with clients and inflow read from CSV files next to it.
private let csvScenario = mutated([
  (
    String(baseYAML.suffix(from: baseYAML.range(of: "clients:\n")?.lowerBound ?? baseYAML.endIndex)),
    "clients: {file: clients.csv} # clients-file\ninflow: {file: inflow.csv} # inflow-file\n"
  )
])

private let clientsCSV = """
  id,available,route,profile,languages,done,specialist,intake,exit,language.programme,language.start\r
  c1,2024-11,b1,A,ar,,,,,,\r
  "c2",2024-06,b1,B,"ti;nl",voortraject,bert,2024-07,,taal,2025-03\r
  "c,3",2024-12,z,A,"",,,,,,\r

  """

private let inflowCSV = """
  month,count,route,profile,languages
  2025-04,5,z,A,ar

  """

@Test func clientsAndInflowLoadFromCSV() throws {
  let directory = try temporaryDirectory(with: [
    "scenario.yaml": csvScenario, "clients.csv": clientsCSV, "inflow.csv": inflowCSV,
  ])
  let loaded = try ScenarioLoader.load(path: directory + "/scenario.yaml")
  let clients = loaded.scenario.clients
  #expect(clients.map(\.id) == ["c1", "c2", "c,3"])
  #expect(clients[1].languages == ["ti", "nl"] && clients[1].done == ["voortraject"])
  #expect(
    clients[1].pins
      == ClientPins(
        specialist: "bert", intake: Month(year: 2024, month: 7),
        steps: ["language": StepPin(programme: "taal", start: Month(year: 2025, month: 3))]))
  #expect(clients[0].pins.isEmpty && clients[2].languages.isEmpty && clients[2].profile == "A")
  #expect(
    loaded.scenario.inflow == [
      InflowGroup(month: Month(year: 2025, month: 4), count: 5, route: "z", profile: "A", languages: ["ar"])
    ])
}

@Test func csvErrorsNameTheFileRowAndColumn() throws {
  let broken =
    clientsCSV
    .replacingOccurrences(of: "c1,2024-11,b1", with: "c1,2024-13,b1")
    .replacingOccurrences(of: "bert,2024-07,,taal,2025-03", with: "bret,2024-07,,taal,2025-04")
  let directory = try temporaryDirectory(with: [
    "scenario.yaml": csvScenario, "clients.csv": broken,
    "inflow.csv": inflowCSV.replacingOccurrences(of: ",5,", with: ",0,"),
  ])
  let path = directory + "/scenario.yaml"
  #expect(throws: ScenarioLoadError.self) { try ScenarioLoader.load(path: path) }
  let found: [Diagnostic]
  do {
    _ = try ScenarioLoader.load(path: path)
    found = []
  } catch {
    found = error.errors
  }
  let clientsFile = directory + "/clients.csv"
  let month = try #require(found.first { $0.path == "row 2, column available" }, "\(found)")
  #expect(month.file == clientsFile && month.line == 2 && month.column == 4)
  #expect(month.message.contains("month 13 does not exist"))
  let specialist = try #require(found.first { $0.path == "row 3, column specialist" }, "\(found)")
  #expect(specialist.file == clientsFile && specialist.line == 3 && specialist.column == 39)
  #expect(specialist.message == "unknown specialist 'bret'" && specialist.hint == "did you mean 'bert'?")
  let pin = try #require(found.first { $0.path == "row 3, column language.start" }, "\(found)")
  #expect(pin.message.contains("starts no cohort in April") && pin.column == 58)
  let count = try #require(found.first { $0.file == directory + "/inflow.csv" }, "\(found)")
  #expect(count.path == "row 2, column count" && count.line == 2 && count.column == 9)
}

@Test func csvHeaderProblemsAreReported() throws {
  let header = "id,availble,route,colour,language.programme,language.start,werk.start\n"
  let directory = try temporaryDirectory(with: [
    "scenario.yaml": csvScenario, "clients.csv": header + "c1,2024-11,b1,,,,\n", "inflow.csv": inflowCSV,
  ])
  let found =
    (try? ScenarioLoader.load(path: directory + "/scenario.yaml")).map { _ in [Diagnostic]() }
    ?? diagnosticsOfFile(directory + "/scenario.yaml")
  let unknown = try #require(found.first { $0.path == "row 1, column availble" }, "\(found)")
  #expect(unknown.message == "unknown column 'availble'" && unknown.hint == "did you mean 'available'?")
  #expect(unknown.line == 1 && unknown.column == 4)
  #expect(found.contains { $0.path == "row 1, column colour" })
  #expect(found.contains { $0.path == "row 1, column werk.start" && $0.message == "no route has a step 'werk'" })
  #expect(found.contains { $0.message == "missing required column 'available'" })
}

@Test func csvStructureProblemsAreReported() throws {
  let cases: [(csv: String, path: String, line: Int, message: String)] = [
    ("id,available,route\nc1,2024-11\n", "row 2", 2, "has 2 cells but the header has 3 columns"),
    ("id,available,route\nc1,\"2024-11,b1\n", "row 2", 2, "CSV syntax: a quoted field is never closed"),
    ("id,available,route\nc1,\"2024\"-11,b1\n", "row 2", 2, "CSV syntax: unexpected text after a closing quote"),
    ("id;available;route\nc1;2024-11;b1\n", "row 1", 1, "the header has one column"),
    ("id,available,route\n,2024-11,b1\n", "row 2, column id", 2, "the cell 'id' is empty"),
    (
      "id,available,route,language.programme\nc1,2024-11,b1,taal\n", "row 2, column language.programme", 2,
      "a pinned step needs both"
    ),
  ]
  for (csv, path, line, message) in cases {
    let directory = try temporaryDirectory(with: [
      "scenario.yaml": csvScenario, "clients.csv": csv, "inflow.csv": inflowCSV,
    ])
    let found = diagnosticsOfFile(directory + "/scenario.yaml")
    let match = found.first { $0.path == path && $0.message.contains(message) }
    #expect(match?.line == line, "\(csv): \(found)")
    #expect(match?.file == directory + "/clients.csv")
  }
}

@Test func aMissingCSVIsReportedAtTheReference() throws {
  let directory = try temporaryDirectory(with: ["scenario.yaml": csvScenario, "inflow.csv": inflowCSV])
  let found = diagnosticsOfFile(directory + "/scenario.yaml")
  let missing = try #require(found.first { $0.path == "clients.file" }, "\(found)")
  #expect(missing.file == directory + "/scenario.yaml")
  #expect(missing.line == line(of: "clients-file", in: csvScenario))
  #expect(missing.message.contains("no such file") && !missing.message.contains("NSCocoa"))
  #expect(missing.hint?.contains(directory + "/clients.csv") == true)
}

@Test func aCSVReferenceNeedsADirectory() {
  let found = diagnostics(of: csvScenario)
  #expect(found.contains { $0.path == "clients.file" && $0.message.contains("without a directory") })
}

@Test func theDigestCoversReferencedFiles() throws {
  let first = try temporaryDirectory(with: [
    "scenario.yaml": csvScenario, "clients.csv": clientsCSV, "inflow.csv": inflowCSV,
  ])
  let second = try temporaryDirectory(with: [
    "scenario.yaml": csvScenario, "clients.csv": clientsCSV.replacingOccurrences(of: "c1,", with: "c9,"),
    "inflow.csv": inflowCSV,
  ])
  let digest1 = try ScenarioLoader.load(path: first + "/scenario.yaml").sourceDigest
  let digest1Again = try ScenarioLoader.load(path: first + "/scenario.yaml").sourceDigest
  let digest2 = try ScenarioLoader.load(path: second + "/scenario.yaml").sourceDigest
  #expect(digest1 == digest1Again && digest1 != digest2)
  #expect(digest1.count == 64 && digest1.allSatisfy(\.isHexDigit))
}

@Test func csvReaderHandlesQuotesAndLineBreaks() throws {
  let text = "\u{FEFF}a,b\r\n\"x, \"\"y\"\"\",\"two\nlines\"\r\n\r\nlast,\n"
  let table = try CSVTable.parse(text).get()
  #expect(table.header?.fields.map(\.text) == ["a", "b"])
  #expect(table.rows.map { $0.fields.map(\.text) } == [["x, \"y\"", "two\nlines"], ["last", ""]])
  #expect(table.rows.map(\.line) == [2, 5])
  #expect(table.rows[0].fields[1].column == 12 && table.rows[1].fields[1].column == 6)
}

@Test func sha256MatchesTheStandardVectors() {
  var empty = SHA256()
  #expect(empty.hexDigest() == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
  var abc = SHA256()
  abc.update(Array("abc".utf8))
  #expect(abc.hexDigest() == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
  var long = SHA256()
  long.update(Array("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq".utf8))
  #expect(long.hexDigest() == "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
}

func diagnosticsOfFile(_ path: String) -> [Diagnostic] {
  do {
    return try ScenarioLoader.load(path: path).warnings
  } catch {
    return error.diagnostics
  }
}

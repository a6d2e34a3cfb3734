import PlannerDomain

/// A scenario as far as it could be decoded: every element whose own fields were readable,
/// plus the names of every element mentioned, so that one broken programme does not make
/// every client that refers to it look wrong too.
struct ScenarioDraft {
  var version: Int?
  var name: String?
  var start: Month?
  var horizon: Int?
  var caseload: CaseloadPolicy?
  var languageMatch: LanguageMatch = .preferred
  var routes: [Route] = []
  /// Every route name written, decoded or not.
  var routeNames: [String] = []
  var programmes: [Indexed<Programme>] = []
  var programmeIDs: [Indexed<String>] = []
  var specialists: [Indexed<Specialist>] = []
  var specialistIDs: [Indexed<String>] = []
  var clients: [Indexed<Client>] = []
  var inflow: [Indexed<InflowGroup>] = []
  /// Whether every element of each list decoded, so that the scenario can be assembled.
  var isComplete = true

  /// An element with the key path of its list entry (`programmes[3]`, `clients[12]`).
  struct Indexed<Value> {
    var path: String
    var value: Value
  }

  func route(named name: String) -> Route? { routes.first { $0.name == name } }
}

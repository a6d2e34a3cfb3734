import PlannerDomain

/// The fixed shape of a synthetic municipality: routes, the client mix and the kinds of
/// language programme, each value cited from DOMAIN.md or flagged as an assumption.
///
/// "seed 000, L1494" means line 1494 of `seeds/000_0723ed1fabdf6744.txt`, as in DOMAIN.md.
enum MunicipalityShape {
  /// Routes of the 2021 law (seed 000, L2380–2399): leerroute B1 with a voortraject first,
  /// the onderwijsroute and the Z-route, each followed by a language programme.
  ///
  /// - `intake_months` 1: the intake itself (assumption; DOMAIN.md §7a).
  /// - `intake_within` 2: invitation within 2 months of housing (seed 000, L750).
  /// - `aftercare`: months on the caseload after the language step. For b1 it stands for the
  ///   rest of Eindhoven's journey, which is not planned here: vervolgtraject 3 + trial
  ///   placement 2–3 + nazorg ≤ 4 (seed 000, L842–868) ≈ 9 months (arithmetic), so that a b1
  ///   stay of 1 + 3 + 5…10 + 9 = 18–23 months matches Eindhoven's mean stay of about
  ///   1.8 years (DOMAIN.md §3). Education: 2 months until school takes over, Z: 4 months of
  ///   nazorg (both assumptions).
  static let routes: [Route] = [
    Route(name: "b1", steps: [voortrajectStep, languageStep], intakeMonths: 1, intakeWithin: 2, aftercare: 9),
    Route(name: "education", steps: [languageStep], intakeMonths: 1, intakeWithin: 2, aftercare: 2),
    Route(name: "z", steps: [languageStep], intakeMonths: 1, intakeWithin: 2, aftercare: 4),
  ]

  static let voortrajectStep = "voortraject"
  static let languageStep = "language"

  /// Months of the voortraject: 12 weeks (seed 000, L785) → 3.
  static let voortrajectWeeks = 12

  /// A kind of client: route and profile, with its share of the head count in basis points.
  struct Segment: Hashable {
    var route: String
    var profile: String
    var basisPoints: Int
  }

  /// Route mix (no report gives the mix under the 2021 law, DOMAIN.md §8; assumption): b1 60%,
  /// education 15% (10% of Eindhoven's outflow went to education, seed 000, L1176–1182),
  /// Z 25%. Profiles A1–D are Meerinzicht's (seed 001, L134–147), about 10% A, 63% B and
  /// 27% C + D (seed 001, L409–414); how they spread over routes is an assumption that
  /// reproduces those totals (A 10.5%, B 63%, C + D 26.5%, arithmetic).
  static let segments: [Segment] = [
    Segment(route: "b1", profile: "A1", basisPoints: 300),
    Segment(route: "b1", profile: "A2", basisPoints: 300),
    Segment(route: "b1", profile: "B1", basisPoints: 2400),
    Segment(route: "b1", profile: "B2", basisPoints: 2100),
    Segment(route: "b1", profile: "C", basisPoints: 900),
    Segment(route: "education", profile: "A1", basisPoints: 225),
    Segment(route: "education", profile: "A2", basisPoints: 225),
    Segment(route: "education", profile: "B1", basisPoints: 675),
    Segment(route: "education", profile: "B2", basisPoints: 375),
    Segment(route: "z", profile: "B2", basisPoints: 750),
    Segment(route: "z", profile: "C", basisPoints: 1000),
    Segment(route: "z", profile: "D", basisPoints: 750),
  ]

  /// Client languages, read from nationalities: 65% Arabic (Syrian), 15% Tigrinya (Eritrean)
  /// and 20% other (seed 000, L1076–1077; mapping an assumption, DOMAIN.md §7a). "Other" gets
  /// an empty list, which matches any specialist (MODEL.md), as in the bundled scenarios.
  static let clientLanguages: [(languages: [String], percent: Int)] = [
    (["ar"], 65), (["ti"], 15), ([], 20),
  ]

  /// A kind of language programme, after Meerinzicht's five full-time tracks (seed 001,
  /// L972–1003; DOMAIN.md §4). Which routes and profiles each admits is an assumption.
  struct ProgrammeKind: Hashable {
    var slug: String
    var weeks: Int
    var route: String
    var profiles: [String]
  }

  /// The first four kinds together admit every segment; a scenario always has each of them.
  static let coveringKinds: [ProgrammeKind] = [
    // Landstede: middle-educated, A0 → A2 in 2 × 20 weeks (seed 001, L987–993).
    ProgrammeKind(slug: "regulier", weeks: 40, route: "b1", profiles: ["A1", "A2", "B1", "B2"]),
    // VluchtelingenWerk: slow learners to A1 in 20 weeks (seed 001, L973–979).
    ProgrammeKind(slug: "langzaam", weeks: 20, route: "b1", profiles: ["B1", "B2", "C"]),
    // Taalschool Veluwe: low-literate, A0 → self-reliance in 40 weeks (seed 001, L981–985).
    ProgrammeKind(slug: "zelfredzaam", weeks: 40, route: "z", profiles: ["B2", "C", "D"]),
    // ECN: higher-educated, 16-week modules (seed 001, L995–999).
    ProgrammeKind(slug: "onderwijs", weeks: 16, route: "education", profiles: ["A1", "A2", "B1", "B2"]),
  ]

  /// Toptaal "Ga! Op weg" for those far from work (seed 001, L1001–1003); its length is not
  /// stated, 20 weeks is an assumption.
  static let activationKind = ProgrammeKind(slug: "activering", weeks: 20, route: "z", profiles: ["C", "D"])

  /// Kinds an extra programme (beyond the covering four) is drawn from, with weights
  /// following the route mix (assumption).
  static let extraKinds: [(kind: ProgrammeKind, weight: Int)] = [
    (coveringKinds[0], 4), (coveringKinds[1], 2), (coveringKinds[2], 2), (coveringKinds[3], 2), (activationKind, 2),
  ]
}

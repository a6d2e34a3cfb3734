// swift-tools-version: 6.1
import PackageDescription

// Layers, from the C library up to the command line:
// CGLPK → CGLPKSafe → GLPK (wrapper) → OptimizationModel (solver-neutral)
// PlannerDomain → ScenarioIO / PlannerFormulation / PlanChecker → cohortplan (CLI).
let package = Package(
  name: "CohortPlanner",
  platforms: [.macOS(.v15)],
  products: [
    .executable(name: "cohortplan", targets: ["cohortplan"]),
    .library(name: "PlannerDomain", targets: ["PlannerDomain"]),
    .library(name: "OptimizationModel", targets: ["OptimizationModel"]),
    .library(name: "GLPK", targets: ["GLPK"]),
    .library(name: "ScenarioIO", targets: ["ScenarioIO"]),
    // For the fuzzing package in Fuzz/, which depends on this one by path (Fuzz/README.md).
    .library(name: "FuzzHarness", targets: ["FuzzHarness"]),
  ],
  dependencies: [
    .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
    .package(url: "https://github.com/apple/swift-log", from: "1.6.0"),
    .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
    .package(url: "https://github.com/x-sheep/swift-property-based", from: "2.0.0"),
    .package(url: "https://github.com/JohnSundell/Plot", from: "0.14.0"),
  ],
  targets: [
    // GLPK 5.0 from Debian's libglpk-dev; it ships no pkg-config file.
    .systemLibrary(
      name: "CGLPK",
      providers: [.apt(["libglpk-dev"]), .brew(["glpk"])]
    ),
    // The abort guard must be C: Swift cannot call setjmp, and longjmp must never cross Swift frames.
    .target(name: "CGLPKSafe", dependencies: ["CGLPK"]),
    .target(name: "OptimizationModel"),
    .target(name: "GLPK", dependencies: ["CGLPK", "CGLPKSafe", "OptimizationModel"]),
    .target(name: "PlannerDomain"),
    .target(
      name: "ScenarioIO",
      dependencies: ["PlannerDomain", .product(name: "Yams", package: "Yams")]
    ),
    .target(name: "PlannerFormulation", dependencies: ["PlannerDomain", "OptimizationModel"]),
    .target(name: "PlanChecker", dependencies: ["PlannerDomain"]),
    .target(name: "PlannerReporting", dependencies: ["PlannerDomain"]),
    .target(
      name: "PlannerHTML",
      dependencies: ["PlannerDomain", "PlannerReporting", .product(name: "Plot", package: "Plot")]
    ),
    .target(name: "ScenarioSynthesis", dependencies: ["PlannerDomain"]),
    // One fuzz input through loading, validation, planning and checking; shared by the fuzz
    // target (Fuzz/Package.swift) and the regression tests of its findings.
    .target(
      name: "FuzzHarness",
      dependencies: ["ScenarioIO", "PlannerDomain", "PlannerFormulation", "GLPK", "PlanChecker", "PlannerReporting"],
      path: "Fuzz/Harness"
    ),
    // Forecasts per cohort (with sampled inflow) and explanations of waits, checked by re-solving.
    .target(
      name: "PlannerInsight",
      dependencies: ["PlannerDomain", "PlannerFormulation", "PlannerReporting", "OptimizationModel"]
    ),
    // What-if comparisons and staffing grids: variants solved side by side, one solve per thread.
    .target(
      name: "PlannerWhatIf",
      dependencies: ["PlannerDomain", "PlannerFormulation", "PlannerReporting", "OptimizationModel"]
    ),
    .executableTarget(
      name: "cohortplan",
      dependencies: [
        "GLPK", "OptimizationModel", "PlannerDomain", "ScenarioIO", "PlannerFormulation", "PlanChecker",
        "PlannerReporting", "ScenarioSynthesis", "PlannerHTML", "PlannerInsight",
        "PlannerWhatIf",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
        .product(name: "Logging", package: "swift-log"),
      ]
    ),
    .target(
      name: "PlannerTestSupport",
      dependencies: ["PlannerDomain", "OptimizationModel"],
      path: "Tests/PlannerTestSupport"
    ),
    .testTarget(name: "OptimizationModelTests", dependencies: ["OptimizationModel", "PlannerTestSupport"]),
    .testTarget(name: "GLPKTests", dependencies: ["GLPK", "OptimizationModel", "PlannerTestSupport"]),
    .testTarget(
      name: "PlannerDomainTests",
      dependencies: ["PlannerDomain", .product(name: "PropertyBased", package: "swift-property-based")]
    ),
    .testTarget(
      name: "ScenarioIOTests",
      dependencies: [
        "ScenarioIO", "PlannerDomain", "PlannerTestSupport", "FuzzHarness",
        .product(name: "PropertyBased", package: "swift-property-based"),
      ]
    ),
    .testTarget(
      name: "PlannerFormulationTests",
      dependencies: [
        "PlannerFormulation", "GLPK", "PlanChecker", "ScenarioIO", "PlannerReporting", "PlannerTestSupport",
        .product(name: "PropertyBased", package: "swift-property-based"),
      ]
    ),
    .testTarget(name: "PlanCheckerTests", dependencies: ["PlanChecker", "PlannerDomain", "ScenarioIO"]),
    .testTarget(name: "PlannerReportingTests", dependencies: ["PlannerReporting", "PlannerDomain"]),
    .testTarget(name: "CLITests", dependencies: ["PlannerTestSupport"]),
    .testTarget(
      name: "PlannerHTMLTests",
      dependencies: [
        "PlannerHTML", "PlannerReporting", "PlannerDomain", "ScenarioIO", "PlannerFormulation", "GLPK",
      ]
    ),
    .testTarget(
      name: "PlannerInsightTests",
      dependencies: ["PlannerInsight", "PlannerDomain", "PlannerFormulation", "PlannerReporting", "GLPK"]
    ),
    .testTarget(
      name: "PlannerWhatIfTests",
      dependencies: ["PlannerWhatIf", "PlannerDomain", "PlannerFormulation", "PlannerReporting", "ScenarioIO", "GLPK"]
    ),
    .testTarget(
      name: "ScenarioSynthesisTests",
      dependencies: [
        "ScenarioSynthesis", "ScenarioIO", "PlannerDomain", "PlannerFormulation", "GLPK", "PlanChecker",
        "PlannerReporting",
      ]
    ),
  ]
)

// swift-tools-version: 6.1
import PackageDescription

// The fuzz target, kept out of the main package so that its builds and tests never need the
// sanitizer flags. Build it from this folder (Fuzz/README.md):
//   swift build -c release -Xswiftc -sanitize=fuzzer -Xcc -fsanitize=fuzzer-no-link
let package = Package(
  name: "CohortPlannerFuzz",
  platforms: [.macOS(.v15)],
  dependencies: [.package(name: "CohortPlanner", path: "..")],
  targets: [
    .target(name: "CLibFuzzer"),
    .executableTarget(
      name: "FuzzScenario",
      dependencies: ["CLibFuzzer", .product(name: "FuzzHarness", package: "CohortPlanner")],
      swiftSettings: [.unsafeFlags(["-parse-as-library"])]
    ),
  ]
)

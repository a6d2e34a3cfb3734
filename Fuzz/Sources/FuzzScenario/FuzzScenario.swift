import CLibFuzzer
import Foundation
import FuzzHarness

/// The folder for the CSV part of inputs, one per fuzzing process.
private let csvFolder: String = {
  let path = NSTemporaryDirectory() + "/cohortplan-fuzz-\(ProcessInfo.processInfo.processIdentifier)"
  try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
  return path
}()

/// `COHORTPLAN_FUZZ_PLAN=0` stops after loading and validation, for fast runs of the parser.
private let planning = ProcessInfo.processInfo.environment["COHORTPLAN_FUZZ_PLAN"] != "0"

/// `COHORTPLAN_FUZZ_INPUT=generated` reads each input as choices for ``GeneratedScenario``
/// instead of as scenario text.
private let generated = ProcessInfo.processInfo.environment["COHORTPLAN_FUZZ_INPUT"] == "generated"

/// How the inputs of this process ended, printed when it exits. libFuzzer calls the target on
/// one thread only.
nonisolated(unsafe) private var outcomes = (notUTF8: 0, rejected: 0, notPlanned: 0, noPlan: 0, checkedPlan: 0)

/// libFuzzer's entry point: one input through ``ScenarioFuzzing/run(_:csvFolder:planning:)``;
/// a defect traps, so libFuzzer keeps the input as a crash.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzScenario(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
  let input = data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? []
  let outcome =
    generated
    ? ScenarioFuzzing.runGenerated(input) : ScenarioFuzzing.run(input, csvFolder: csvFolder, planning: planning)
  switch outcome {
  case .defect(let message): fatalError(message)
  case .notUTF8: outcomes.notUTF8 += 1
  case .rejected: outcomes.rejected += 1
  case .loaded: outcomes.notPlanned += 1
  case .noPlan: outcomes.noPlan += 1
  case .checkedPlan: outcomes.checkedPlan += 1
  }
  return 0
}

private func printOutcomes() {
  let line =
    "outcomes: not UTF-8 \(outcomes.notUTF8), refused \(outcomes.rejected), valid but not planned "
    + "\(outcomes.notPlanned), planned without a plan \(outcomes.noPlan), planned and checked \(outcomes.checkedPlan)\n"
  FileHandle.standardError.write(Data(line.utf8))
}

/// Hands the command line to libFuzzer's driver (all of libFuzzer's flags work).
@main
enum FuzzMain {
  static func main() {
    atexit { printOutcomes() }
    var argc = CommandLine.argc
    var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
    exit(LLVMFuzzerRunDriver(&argc, &argv) { data, size in fuzzScenario(data, size) })
  }
}

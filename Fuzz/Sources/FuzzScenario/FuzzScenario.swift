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

/// libFuzzer's entry point: one input through ``ScenarioFuzzing/run(_:csvFolder:planning:)``;
/// a defect traps, so libFuzzer keeps the input as a crash.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzScenario(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
  let input = data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? []
  if case .defect(let message) = ScenarioFuzzing.run(input, csvFolder: csvFolder, planning: planning) {
    fatalError(message)
  }
  return 0
}

/// Hands the command line to libFuzzer's driver (all of libFuzzer's flags work).
@main
enum FuzzMain {
  static func main() {
    var argc = CommandLine.argc
    var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
    exit(LLVMFuzzerRunDriver(&argc, &argv) { data, size in fuzzScenario(data, size) })
  }
}

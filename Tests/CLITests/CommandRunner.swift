import Foundation

/// Runs the built `cohortplan` executable as a user would and captures what it prints.
struct CommandRunner {
  struct Output {
    let status: Int32
    let stdout: String
    let stderr: String
  }

  static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()

  /// The executable next to the test bundle in the build folder.
  static var executable: URL {
    var folder = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
    for _ in 0..<4 {
      let candidate = folder.appendingPathComponent("cohortplan")
      if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
      folder = folder.deletingLastPathComponent()
    }
    return repository.appendingPathComponent(".build/debug/cohortplan")
  }

  static func run(_ arguments: [String], environment: [String: String] = [:]) throws -> Output {
    let process = Process()
    process.executableURL = executable
    process.arguments = arguments
    process.currentDirectoryURL = repository
    process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
    let out = Pipe()
    let err = Pipe()
    process.standardOutput = out
    process.standardError = err
    try process.run()
    // Drain stderr on another thread while reading stdout, so a full pipe never blocks the run.
    let stderrReader = PipeReader(err)
    let stdoutData = out.fileHandleForReading.readDataToEndOfFile()
    let stderrData = stderrReader.finish()
    process.waitUntilExit()
    return Output(
      status: process.terminationStatus, stdout: String(decoding: stdoutData, as: UTF8.self),
      stderr: String(decoding: stderrData, as: UTF8.self))
  }

  /// Starts the executable without waiting, for tests that signal a running command.
  static func start(_ arguments: [String]) throws -> RunningCommand {
    let process = Process()
    process.executableURL = executable
    process.arguments = arguments
    process.currentDirectoryURL = repository
    let out = Pipe()
    let err = Pipe()
    process.standardOutput = out
    process.standardError = err
    try process.run()
    return RunningCommand(process: process, stdout: PipeReader(out), stderr: StreamingReader(err))
  }

  static func temporaryFolder() throws -> URL {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("cohortplan-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    return folder
  }
}

/// Reads a pipe to its end on a background thread.
final class PipeReader: @unchecked Sendable {
  private var data = Data()
  private let done = DispatchSemaphore(value: 0)

  init(_ pipe: Pipe) {
    let handle = pipe.fileHandleForReading
    DispatchQueue.global().async {
      self.data = handle.readDataToEndOfFile()
      self.done.signal()
    }
  }

  func finish() -> Data {
    done.wait()
    return data
  }
}

/// A command started by ``CommandRunner/start(_:)``.
struct RunningCommand {
  let process: Process
  let stdout: PipeReader
  let stderr: StreamingReader

  func signal(_ number: Int32) { kill(process.processIdentifier, number) }

  /// Waits until stderr shows `text` (throws if the process ends or time runs out first).
  func waitForStderr(containing text: String, timeout: Double) throws {
    let deadline = Date().addingTimeInterval(timeout)
    while Date() < deadline {
      if stderr.text.contains(text) { return }
      if !process.isRunning { break }
      Thread.sleep(forTimeInterval: 0.05)
    }
    throw WaitError(message: "never saw '\(text)' on stderr: \(stderr.text)")
  }

  func finish() -> CommandRunner.Output {
    let out = stdout.finish()
    process.waitUntilExit()
    return CommandRunner.Output(
      status: process.terminationStatus, stdout: String(decoding: out, as: UTF8.self), stderr: stderr.finishText())
  }

  struct WaitError: Error, CustomStringConvertible {
    let message: String
    var description: String { message }
  }
}

/// Collects a pipe's bytes as they arrive, so a test can wait for a line.
final class StreamingReader: @unchecked Sendable {
  private let lock = NSLock()
  private var data = Data()
  private let done = DispatchSemaphore(value: 0)

  init(_ pipe: Pipe) {
    let handle = pipe.fileHandleForReading
    DispatchQueue.global().async {
      while true {
        let chunk = handle.availableData
        if chunk.isEmpty { break }
        self.lock.withLock { self.data.append(chunk) }
      }
      self.done.signal()
    }
  }

  var text: String { lock.withLock { String(decoding: data, as: UTF8.self) } }

  func finishText() -> String {
    done.wait()
    return text
  }
}

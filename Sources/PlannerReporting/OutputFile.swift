import Foundation

/// Writes outputs so that a reader sees either the old file or the complete new one: the
/// bytes go to a temporary file in the same folder, which then replaces the target by rename.
public enum OutputFile {
  public struct WriteError: Error, CustomStringConvertible {
    public let path: String
    public let reason: String
    public var description: String { "cannot write \(path): \(reason)" }
  }

  public static func write(_ text: String, to path: String, protecting inputs: [String] = []) throws(WriteError) {
    let target = URL(fileURLWithPath: path).standardizedFileURL
    for input in inputs
    where URL(fileURLWithPath: input).standardizedFileURL.resolvingSymlinksInPath() == target.resolvingSymlinksInPath()
    {
      throw WriteError(path: path, reason: "it is an input of this run and is never overwritten")
    }
    let directory = target.deletingLastPathComponent()
    let temporary = directory.appendingPathComponent(
      ".\(target.lastPathComponent).\(ProcessInfo.processInfo.processIdentifier).tmp")
    do {
      try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
      try Data(text.utf8).write(to: temporary)
      if rename(temporary.path, target.path) != 0 {
        let reason = String(cString: strerror(errno))
        try? FileManager.default.removeItem(at: temporary)
        throw WriteError(path: path, reason: reason)
      }
    } catch let error as WriteError {
      throw error
    } catch {
      try? FileManager.default.removeItem(at: temporary)
      throw WriteError(path: path, reason: (error as NSError).localizedDescription)
    }
  }
}

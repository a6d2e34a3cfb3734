import Foundation

/// Reads whole files, turning Foundation's errors into plain words (never raw
/// `NSCocoaErrorDomain` text).
enum FileInput {
  struct Problem: Error {
    var message: String
    var hint: String?
  }

  static func read(_ path: String) -> Result<[UInt8], Problem> {
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
      return .failure(Problem(message: "no such file", hint: "looked for \(absolute(path))"))
    }
    if isDirectory.boolValue {
      return .failure(Problem(message: "this is a directory, not a file"))
    }
    guard FileManager.default.isReadableFile(atPath: path) else {
      return .failure(Problem(message: "permission denied"))
    }
    if let attributes = try? FileManager.default.attributesOfItem(atPath: path),
      let size = attributes[.size] as? NSNumber, size.intValue > YAMLDocument.maximumBytes
    {
      return .failure(
        Problem(message: "the file is larger than \(YAMLDocument.maximumBytes / 1024 / 1024) MiB"))
    }
    guard let handle = FileHandle(forReadingAtPath: path) else {
      return .failure(Problem(message: "the file cannot be opened"))
    }
    defer { try? handle.close() }
    do {
      let data = try handle.readToEnd() ?? Data()
      guard data.count <= YAMLDocument.maximumBytes else {
        return .failure(Problem(message: "the file is larger than \(YAMLDocument.maximumBytes / 1024 / 1024) MiB"))
      }
      return .success([UInt8](data))
    } catch {
      return .failure(Problem(message: "the file cannot be read"))
    }
  }

  private static func absolute(_ path: String) -> String { URL(fileURLWithPath: path).standardizedFileURL.path }
}

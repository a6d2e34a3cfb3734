import Foundation

/// Scenario ids inside model names: solvers and MPS files take no white space and at most 255
/// bytes per name, while scenario ids may hold anything. Readable ids stay as they are; others
/// become a safe form made unique by the position of the thing they name.
enum ModelName {
  static func safe(_ id: String, index: Int) -> String {
    let allowed = id.unicodeScalars.allSatisfy { $0.isASCII && $0.value > 32 && !"[],:\\".unicodeScalars.contains($0) }
    if allowed && id.utf8.count <= 40 { return id }
    let cleaned = String(String.UnicodeScalarView(id.unicodeScalars.map { $0.isASCII && $0.value > 32 ? $0 : "_" }))
      .replacingOccurrences(of: "[", with: "(").replacingOccurrences(of: "]", with: ")")
      .replacingOccurrences(of: ",", with: ";").replacingOccurrences(of: ":", with: ";")
    return String(cleaned.prefix(32)) + "~\(index)"
  }
}

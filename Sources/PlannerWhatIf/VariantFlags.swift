/// The `--variant`, `--set` and `--add-specialist` flags of a command line, grouped by
/// position: each `--variant NAME` owns the changes after it up to the next `--variant`;
/// changes before the first `--variant` are common to every variant.
///
/// Argument parsers hand over each flag's values as a separate list, which loses the order
/// this grouping needs, so the raw arguments are read again here.
public struct VariantFlags: Hashable, Sendable {
  public enum Change: Hashable, Sendable {
    /// `--set TEXT`
    case set(String)
    /// `--add-specialist TEXT`
    case addSpecialist(String)
  }

  public struct Named: Hashable, Sendable {
    public var name: String
    public var changes: [Change]

    public init(name: String, changes: [Change]) {
      self.name = name
      self.changes = changes
    }
  }

  public var common: [Change] = []
  public var variants: [Named] = []

  public init(common: [Change] = [], variants: [Named] = []) {
    self.common = common
    self.variants = variants
  }

  /// Groups the flags in `arguments` (the words after the subcommand), in the forms
  /// `--variant NAME` and `--variant=NAME` (likewise `--set`, `--add-specialist`); reading
  /// stops at `--`.
  public static func group(_ arguments: [String]) -> VariantFlags {
    var flags = VariantFlags()
    var index = 0
    func add(_ change: Change) {
      if flags.variants.isEmpty {
        flags.common.append(change)
      } else {
        flags.variants[flags.variants.count - 1].changes.append(change)
      }
    }
    while index < arguments.count {
      let word = arguments[index]
      if word == "--" { break }
      for name in ["--variant", "--set", "--add-specialist"] {
        var value: String?
        if word == name, index + 1 < arguments.count {
          value = arguments[index + 1]
          index += 1
        } else if word.hasPrefix(name + "=") {
          value = String(word.dropFirst(name.count + 1))
        }
        guard let value else { continue }
        switch name {
        case "--variant": flags.variants.append(Named(name: value, changes: []))
        case "--set": add(.set(value))
        default: add(.addSpecialist(value))
        }
        break
      }
      index += 1
    }
    return flags
  }

  /// The variant names, `--set` values and `--add-specialist` values in order, to check the
  /// grouping against what the argument parser read.
  public var names: [String] { variants.map(\.name) }
  public var sets: [String] {
    (common + variants.flatMap(\.changes)).compactMap { if case .set(let text) = $0 { text } else { nil } }
  }
  public var addedSpecialists: [String] {
    (common + variants.flatMap(\.changes)).compactMap { if case .addSpecialist(let text) = $0 { text } else { nil } }
  }
}

/// ANSI colour for terminal summaries, used only where a person reads them.
///
/// Colour is on when the output is an interactive terminal, `NO_COLOR` is unset or empty
/// (no-color.org) and `TERM` is not `dumb`. Colour never carries meaning alone: the words it
/// paints (`OVER CAP`, the status sentence) say the same without it.
public enum TerminalColour {
  public enum Style: String, Sendable, CaseIterable {
    case red = "31"
    case green = "32"
    case yellow = "33"
    case boldRed = "1;31"
  }

  /// Whether to colour output going to a terminal (`isTerminal`: `isatty` of that stream).
  public static func isWanted(isTerminal: Bool, environment: [String: String]) -> Bool {
    guard isTerminal else { return false }
    if let noColour = environment["NO_COLOR"], !noColour.isEmpty { return false }
    return environment["TERM"] != "dumb"
  }

  /// `text` wrapped in the style's escape sequence and a reset; `text` itself when `enabled`
  /// is false, so uncoloured output stays byte-identical.
  public static func paint(_ text: String, _ style: Style, enabled: Bool) -> String {
    enabled ? "\u{1B}[\(style.rawValue)m" + text + "\u{1B}[0m" : text
  }
}

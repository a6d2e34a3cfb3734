import Plot

/// The one place where text becomes markup.
///
/// Every piece of text that reaches the report, user data or not, goes through
/// ``escaped(_:)``: as element content via `Node.safeText` and as an attribute value via
/// `Node.safeAttribute`, for HTML and inline SVG alike. Plot builds the element structure;
/// its own escaping is not relied on, because Plot 0.14 writes attribute values verbatim and
/// keeps entity-like sequences (`&lt;`) in text as they are, so a name such as `A&lt;B`
/// would display as `A<B`.
public enum Markup {
  /// `text` with `&`, `<`, `>`, `"` and `'` as character references, safe as element content
  /// and as a quoted attribute value. Control characters other than tab, line feed and
  /// carriage return, which HTML does not allow, become U+FFFD; every other character,
  /// Arabic or Ge'ez script included, stays as it is.
  public static func escaped(_ text: String) -> String {
    var output = ""
    output.reserveCapacity(text.utf8.count)
    for scalar in text.unicodeScalars {
      switch scalar {
      case "&": output += "&amp;"
      case "<": output += "&lt;"
      case ">": output += "&gt;"
      case "\"": output += "&quot;"
      case "'": output += "&#39;"
      case "\t", "\n", "\r": output.unicodeScalars.append(scalar)
      case _ where scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value):
        output += "\u{FFFD}"
      default: output.unicodeScalars.append(scalar)
      }
    }
    return output
  }
}

extension Node {
  /// Text content, escaped by ``Markup/escaped(_:)``.
  static func safeText(_ text: String) -> Node { .raw(Markup.escaped(text)) }

  /// An attribute whose value is escaped by ``Markup/escaped(_:)``; `name` is always one of
  /// this module's constants.
  static func safeAttribute(_ name: String, _ value: String) -> Node {
    .attribute(named: name, value: Markup.escaped(value), ignoreIfValueIsEmpty: false)
  }

  /// A `class` attribute from this module's constants.
  static func classes(_ names: String...) -> Node { .safeAttribute("class", names.joined(separator: " ")) }
}

/// Content of `<body>`: the report is built from these.
typealias HTMLNode = Node<HTML.BodyContext>

extension HTMLNode {
  /// A custom element (figure, figcaption, section …) with the given children.
  static func tag(_ name: String, _ nodes: [HTMLNode]) -> HTMLNode { .element(named: name, nodes: nodes) }

  /// A paragraph of plain text.
  static func paragraph(_ text: String, classes: String = "") -> HTMLNode {
    .tag("p", (classes.isEmpty ? [] : [.classes(classes)]) + [.safeText(text)])
  }
}

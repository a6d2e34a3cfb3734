import Plot

/// The element context of inline SVG: charts are trees of these nodes, every attribute value
/// and text escaped by ``Markup/escaped(_:)``.
enum SVGContext {}
typealias SVGNode = Node<SVGContext>

/// A small builder for the inline SVG charts: plain shapes, text, and the accessible parts
/// every chart carries (`<title>`, `<desc>`, `role="img"`).
enum SVG {
  /// Attributes as (name, value) pairs, kept in order so the output is deterministic.
  typealias Attributes = [(String, String)]

  static func element(_ name: String, _ attributes: Attributes, _ children: [SVGNode] = []) -> SVGNode {
    .element(named: name, nodes: attributes.map { SVGNode.safeAttribute($0.0, $0.1) } + children)
  }

  /// The root `<svg>`, scaled to its container's width, with a title and a description that
  /// screen readers announce (`aria-labelledby`).
  static func chart(
    id: String, width: Double, height: Double, title: String, description: String, classes: String,
    _ children: [SVGNode]
  ) -> HTMLNode {
    let root: Attributes = [
      ("xmlns", "http://www.w3.org/2000/svg"), ("class", "chart " + classes), ("role", "img"),
      ("viewBox", "0 0 \(number(width)) \(number(height))"), ("width", number(width)),
      ("preserveAspectRatio", "xMinYMin meet"), ("aria-labelledby", "\(id)-title \(id)-desc"),
    ]
    let nodes =
      root.map { SVGNode.safeAttribute($0.0, $0.1) }
      + [
        element("title", [("id", "\(id)-title")], [.safeText(title)]),
        element("desc", [("id", "\(id)-desc")], [.safeText(description)]),
      ] + children
    return .element(named: "svg", nodes: nodes)
  }

  static func group(_ attributes: Attributes, _ children: [SVGNode]) -> SVGNode { element("g", attributes, children) }

  static func rect(
    x: Double, y: Double, width: Double, height: Double, _ attributes: Attributes = [], title: String? = nil
  ) -> SVGNode {
    element(
      "rect",
      [("x", number(x)), ("y", number(y)), ("width", number(max(0, width))), ("height", number(max(0, height)))]
        + attributes, title.map { [tooltip($0)] } ?? [])
  }

  static func line(x1: Double, y1: Double, x2: Double, y2: Double, _ attributes: Attributes = []) -> SVGNode {
    element("line", [("x1", number(x1)), ("y1", number(y1)), ("x2", number(x2)), ("y2", number(y2))] + attributes)
  }

  static func polyline(_ points: [(Double, Double)], _ attributes: Attributes = []) -> SVGNode {
    let list = points.map { number($0.0) + "," + number($0.1) }.joined(separator: " ")
    return element("polyline", [("points", list), ("fill", "none")] + attributes)
  }

  static func text(
    _ content: String, x: Double, y: Double, anchor: String = "start", _ attributes: Attributes = []
  ) -> SVGNode {
    element("text", [("x", number(x)), ("y", number(y)), ("text-anchor", anchor)] + attributes, [.safeText(content)])
  }

  /// A hover tooltip: SVG's `<title>` child of a mark.
  static func tooltip(_ text: String) -> SVGNode { element("title", [], [.safeText(text)]) }

  /// Coordinates with at most one decimal, without a trailing `.0`.
  static func number(_ value: Double) -> String {
    let rounded = (value * 10).rounded() / 10
    if rounded == rounded.rounded() { return String(Int(rounded)) }
    return String(rounded)
  }
}

/// Fill patterns, so that a reader without colour (or a grey printer) still tells the marks
/// apart: over-cap months and empty seats of under-full classes are hatched. Defined once per
/// page in an invisible SVG (not `display: none`, which would hide them everywhere).
enum Patterns {
  static let overCap = "url(#pattern-over-cap)"
  static let emptySeats = "url(#pattern-empty-seats)"
  static let unavailable = "url(#pattern-unavailable)"

  static var definitions: HTMLNode {
    let defs = SVG.element(
      "defs", [],
      [
        hatch(id: "pattern-over-cap", stroke: Palette.overCap, background: Palette.overCapBackground, angle: 45),
        hatch(id: "pattern-empty-seats", stroke: Palette.underFull, background: "#ffffff", angle: -45),
        hatch(id: "pattern-unavailable", stroke: "#c8c8c8", background: "#f3f3f3", angle: 45),
      ])
    let attributes: SVG.Attributes = [
      ("xmlns", "http://www.w3.org/2000/svg"), ("width", "0"), ("height", "0"), ("aria-hidden", "true"),
      ("class", "pattern-definitions"),
    ]
    return .element(named: "svg", nodes: attributes.map { SVGNode.safeAttribute($0.0, $0.1) } + [defs])
  }

  private static func hatch(id: String, stroke: String, background: String, angle: Int) -> SVGNode {
    SVG.element(
      "pattern",
      [
        ("id", id), ("patternUnits", "userSpaceOnUse"), ("width", "6"), ("height", "6"),
        ("patternTransform", "rotate(\(angle))"),
      ],
      [
        SVG.rect(x: 0, y: 0, width: 6, height: 6, [("fill", background)]),
        SVG.line(x1: 0, y1: 0, x2: 0, y2: 6, [("stroke", stroke), ("stroke-width", "3")]),
      ])
  }
}

/// Colours chosen to stay distinct for the common colour-vision deficiencies (after
/// Okabe and Ito); every coloured mark also has a pattern, a line style or a label.
enum Palette {
  static let load = "#3b75af"
  static let overCap = "#c0392b"
  static let overCapBackground = "#fbe3e0"
  static let cap = "#222222"
  static let yearSoFar = "#e69f00"
  static let filled = "#2a8a6e"
  static let underFull = "#d55e00"
  static let seats = "#f4f4f4"
  static let axis = "#777777"
  static let grid = "#e3e3e3"
  static let history = "#9a9a9a"
}

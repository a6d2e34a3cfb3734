import Plot

/// A chart's key: a small swatch drawn like the mark it explains, and its meaning in words.
enum Legend {
  enum Item {
    case box(fill: String, label: String)
    case hatched(pattern: String, stroke: String, label: String)
    case line(colour: String, dashed: Bool, label: String)
    /// A vertical tick, e.g. the minimum size of a class.
    case tick(colour: String, label: String)

    var label: String {
      switch self {
      case .box(_, let label), .hatched(_, _, let label), .line(_, _, let label), .tick(_, let label): return label
      }
    }
  }

  static func list(_ items: [Item]) -> HTMLNode {
    .tag(
      "ul",
      [.classes("legend"), .safeAttribute("aria-label", "Legend")]
        + items.map { item in .tag("li", [swatch(item), .safeText(item.label)]) })
  }

  private static func swatch(_ item: Item) -> HTMLNode {
    let shape: SVGNode
    switch item {
    case .box(let fill, _):
      shape = SVG.rect(x: 1, y: 1, width: 26, height: 12, [("fill", fill)])
    case .hatched(let pattern, let stroke, _):
      shape = SVG.rect(x: 1, y: 1, width: 26, height: 12, [("fill", pattern), ("stroke", stroke)])
    case .line(let colour, let dashed, _):
      shape = SVG.line(
        x1: 1, y1: 7, x2: 27, y2: 7,
        [("stroke", colour), ("stroke-width", "2.5")] + (dashed ? [("stroke-dasharray", "6 4")] : []))
    case .tick(let colour, _):
      shape = SVG.line(
        x1: 2, y1: 7, x2: 26, y2: 7, [("stroke", colour), ("stroke-width", "2"), ("stroke-dasharray", "3 2")])
    }
    let attributes: SVG.Attributes = [
      ("class", "swatch"), ("width", "28"), ("height", "14"), ("viewBox", "0 0 28 14"), ("aria-hidden", "true"),
    ]
    return .element(named: "svg", nodes: attributes.map { SVGNode.safeAttribute($0.0, $0.1) } + [shape])
  }
}

/// Tables of text, every cell escaped; numeric columns sort by number when the table is
/// sortable (the page's small script reads `data-sort`).
enum DataTable {
  struct Column {
    let title: String
    let numeric: Bool
    init(_ title: String, numeric: Bool = false) {
      self.title = title
      self.numeric = numeric
    }
  }

  struct Cell {
    let text: String
    let sortKey: String
    let over: Bool
    init(_ text: String, sortKey: String? = nil, over: Bool = false) {
      self.text = text
      self.sortKey = sortKey ?? text
      self.over = over
    }
    init(_ number: Int) { self.init(String(number)) }
  }

  static func table(caption: String, columns: [Column], rows: [[Cell]], sortable: Bool, classes: String = "")
    -> HTMLNode
  {
    let header: [Node<HTML.TableRowContext>] = columns.map { column in
      let kind = column.numeric ? "number" : "text"
      guard sortable else {
        return .th(.safeAttribute("scope", "col"), .safeAttribute("data-type", kind), .safeText(column.title))
      }
      return .th(
        .safeAttribute("scope", "col"), .safeAttribute("data-type", kind),
        .element(
          named: "button",
          nodes: [
            .safeAttribute("type", "button"), .safeAttribute("class", "sort"),
            .safeAttribute("title", "Sort by " + column.title), .safeText(column.title),
          ]))
    }
    let body: [Node<HTML.TableContext>] = rows.map { cells in
      .tr(
        .group(
          cells.enumerated().map { index, cell in
            let numeric = index < columns.count && columns[index].numeric
            var classes: [String] = []
            if numeric { classes.append("num") }
            if cell.over { classes.append("over") }
            return .td(
              classes.isEmpty ? .empty : .safeAttribute("class", classes.joined(separator: " ")),
              .safeAttribute("data-sort", cell.sortKey), .safeText(cell.text))
          }))
    }
    let tableClasses = (["data"] + (sortable ? ["sortable"] : []) + (classes.isEmpty ? [] : [classes]))
      .joined(separator: " ")
    return .div(
      .classes("table-scroll"),
      .table(
        .safeAttribute("class", tableClasses),
        .caption(.safeText(caption)),
        .thead(.tr(.group(header))),
        .tbody(.group(body))))
  }

  /// Tables folded away under a summary line (open in print).
  static func details(summary: String, _ content: [HTMLNode]) -> HTMLNode {
    .tag("details", [.classes("numbers"), .tag("summary", [.safeText(summary)])] + content)
  }
}

import Plot

/// The page around the sections: head with inline styles, navigation, the pattern
/// definitions the charts share, and the inline table sorter.
enum Page {
  static func document(title: String, _ sections: [HTMLNode]) -> String {
    let head: Node<HTML.DocumentContext> = .head(
      .element(named: "meta", nodes: [.safeAttribute("charset", "utf-8")]),
      .element(
        named: "meta",
        nodes: [.safeAttribute("name", "viewport"), .safeAttribute("content", "width=device-width, initial-scale=1")]),
      .element(named: "title", nodes: [.safeText(title)]),
      .style(Stylesheet.css))
    let body: Node<HTML.DocumentContext> = .body(
      Patterns.definitions,
      .tag("main", sections),
      .tag(
        "footer",
        [
          .paragraph(
            "Made by cohortplan. This file needs nothing else: it opens offline and prints as it is shown.")
        ]),
      .script(.raw(Stylesheet.sortScript)))
    let html = HTML(.lang(.english), head, body)
    return html.render() + "\n"
  }

  static func navigation(_ links: [(String, String)]) -> HTMLNode {
    .tag(
      "nav",
      [.classes("contents"), .safeAttribute("aria-label", "Contents")]
        + [
          .tag(
            "ul",
            links.map { anchor, label in
              .tag("li", [.tag("a", [.safeAttribute("href", "#" + anchor), .safeText(label)])])
            })
        ])
  }

  static func section(id: String, heading: String, level: String, _ content: [HTMLNode]) -> HTMLNode {
    .tag(
      "section",
      [.classes("report-section"), .safeAttribute("id", id), .tag(level, [.safeText(heading)])] + content)
  }
}

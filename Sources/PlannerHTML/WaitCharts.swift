import PlannerDomain
import PlannerReporting
import Plot

/// How long clients wait: a histogram of waiting months per client and the waits per segment.
enum WaitCharts {
  static let width = 1000.0
  static let height = 260.0
  static let left = 56.0
  static let top = 16.0
  static let plotHeight = 190.0

  struct Bin {
    let low: Int
    let high: Int
    var clients: Int
    var label: String { low == high ? String(low) : "\(low)–\(high)" }
  }

  /// Clients per waiting months; one bin per month up to 30 bins, wider bins beyond.
  static func bins(_ plan: Plan) -> [Bin] {
    let maximum = plan.clients.map(\.wait).max() ?? 0
    let size = max(1, (maximum + 30) / 30)
    var bins = stride(from: 0, through: maximum, by: size).map { Bin(low: $0, high: $0 + size - 1, clients: 0) }
    if bins.isEmpty { bins = [Bin(low: 0, high: 0, clients: 0)] }
    for entry in plan.clients { bins[entry.wait / size].clients += entry.count }
    return bins
  }

  static func histogram(_ plan: Plan, id: String) -> HTMLNode {
    let bins = self.bins(plan)
    let total = bins.reduce(0) { $0 + $1.clients }
    let waiting = plan.clients.filter { $0.wait > 0 }.reduce(0) { $0 + $1.count }
    let scale = NiceScale(maximum: bins.map(\.clients).max() ?? 1)
    let plotWidth = width - left - 16
    let band = plotWidth / Double(bins.count)
    let bottom = top + plotHeight
    func y(_ value: Int) -> Double { bottom - Double(value) / scale.top * plotHeight }
    var marks: [SVGNode] = []
    for tick in scale.ticks {
      marks.append(
        SVG.line(
          x1: left, y1: y(tick), x2: left + plotWidth, y2: y(tick),
          [("stroke", tick == 0 ? Palette.axis : Palette.grid), ("class", "gridline")]))
      marks.append(SVG.text(String(tick), x: left - 6, y: y(tick) + 4, anchor: "end", [("class", "tick")]))
    }
    for (index, bin) in bins.enumerated() {
      let x = left + Double(index) * band
      let inset = min(4, band * 0.12)
      marks.append(
        SVG.rect(
          x: x + inset, y: y(bin.clients), width: band - 2 * inset, height: bottom - y(bin.clients),
          [
            ("class", "wait-bar"), ("data-wait", bin.label), ("data-clients", String(bin.clients)),
            ("fill", bin.low == 0 ? Palette.filled : Palette.load),
          ],
          title: "\(ReportText.count(bin.clients, "client")) waiting \(bin.label) "
            + (bin.high == 1 ? "month" : "months")))
      if bin.clients > 0 {
        marks.append(
          SVG.text(
            String(bin.clients), x: x + band / 2, y: y(bin.clients) - 4, anchor: "middle", [("class", "bar-value")]))
      }
      marks.append(SVG.text(bin.label, x: x + band / 2, y: bottom + 15, anchor: "middle", [("class", "tick")]))
    }
    marks.append(
      SVG.text(
        "waiting months per client", x: left + plotWidth / 2, y: bottom + 34, anchor: "middle",
        [("class", "axis-title")]))
    marks.append(
      SVG.text(
        "clients", x: 14, y: top + plotHeight / 2, anchor: "middle",
        [("class", "axis-title"), ("transform", "rotate(-90 14 \(SVG.number(top + plotHeight / 2)))")]))
    let description =
      "\(ReportText.count(total, "client")): \(total - waiting) do not wait at all, \(waiting) wait one month or "
      + "more; the longest wait is \(ReportText.count(plan.clients.map(\.wait).max() ?? 0, "month"))."
    let rows = bins.map { [DataTable.Cell($0.label, sortKey: String($0.low)), DataTable.Cell($0.clients)] }
    return .tag(
      "figure",
      [
        .classes("chart-figure"),
        .tag(
          "figcaption",
          [
            .safeText(
              "How many clients wait how long in total: from becoming available to the intake, plus from being "
                + "ready for each step to its class starting. The green bar is clients who never wait.")
          ]),
        .paragraph(description),
        SVG.chart(
          id: id, width: width, height: height, title: "Waiting months per client", description: description,
          classes: "wait-histogram", marks),
        DataTable.details(
          summary: "The numbers behind this chart",
          [
            DataTable.table(
              caption: "Clients per waiting months",
              columns: [.init("Waiting months", numeric: true), .init("Clients", numeric: true)], rows: rows,
              sortable: false)
          ]),
      ])
  }

  static func segments(_ plan: Plan, scenario: Scenario) -> HTMLNode {
    let segments = SegmentWaits.of(plan, scenario: scenario)
    let names: [SegmentWaits.Dimension: String] = [
      .route: "route", .profile: "profile", .language: "language", .provider: "waiting for a class at",
    ]
    let highest = segments.map(\.meanWait).max() ?? 0
    let rows = segments.map { segment in
      [
        DataTable.Cell(names[segment.dimension] ?? segment.dimension.rawValue), DataTable.Cell(segment.value),
        DataTable.Cell(segment.clients), DataTable.Cell(segment.waitingMonths),
        DataTable.Cell(ReportText.number(segment.meanWait), sortKey: String(segment.meanWait)),
        DataTable.Cell(segment.maxWait),
        DataTable.Cell(
          segment.meanWait > 0 && segment.meanWait == highest ? "longest mean wait" : "",
          sortKey: String(segment.meanWait)),
      ]
    }
    return .div(
      .paragraph(
        "The same waits split by group, so that one group waiting for the others shows. A client with several "
          + "languages counts once per language; the rows \"waiting for a class at\" count each step's wait for "
          + "the provider whose class the client waited for."),
      DataTable.table(
        caption: "Waits by group",
        columns: [
          .init("Split by"), .init("Group"), .init("Clients", numeric: true), .init("Waiting months", numeric: true),
          .init("Mean", numeric: true), .init("Longest", numeric: true), .init("Note"),
        ], rows: rows, sortable: true))
  }
}

import PlannerDomain
import Plot

/// Classes (cohorts) per provider over time: one bar per class from its start to its end.
/// A bar's height stands for its seats; the green part is the clients in it, the orange
/// hatched part the empty seats of an under-full class, the dashed tick its minimum size.
enum CohortGantt {
  static let width = 1000.0
  static let labelWidth = 200.0
  static let laneHeight = 34.0
  static let laneGap = 6.0
  static let headerHeight = 26.0
  static let axisHeight = 34.0

  struct Bar {
    let cohort: PlannedCohort
    let months: Int
    var end: Month { cohort.start.adding(months) }
    var isHistory: Bool
    var isUnderFull: Bool { !isHistory && cohort.size < cohort.seats }
  }

  struct Row {
    let provider: String
    let programme: String
    let lanes: [[Bar]]
  }

  static func section(_ plan: Plan, scenario: Scenario, id: String) -> HTMLNode {
    let rows = self.rows(plan, scenario: scenario)
    let bars = rows.flatMap { $0.lanes.flatMap { $0 } }
    return .tag(
      "figure",
      [
        .classes("chart-figure"),
        .tag(
          "figcaption",
          [
            .safeText(
              "Each bar is one class, from its first to its last month. Its height stands for the seats: the green "
                + "part is filled, the orange hatched part shows empty seats of a class that is not full, and the "
                + "dashed line marks the minimum size the provider needs to run it.")
          ]),
        summary(bars),
        Legend.list([
          .box(fill: Palette.filled, label: "seats taken"),
          .hatched(pattern: Patterns.emptySeats, stroke: Palette.underFull, label: "empty seats (class not full)"),
          .tick(colour: Palette.cap, label: "minimum size"),
          .box(fill: Palette.history, label: "started before the plan (history)"),
        ]),
        chart(rows, plan: plan, id: id),
        numbers(bars),
      ])
  }

  static func rows(_ plan: Plan, scenario: Scenario) -> [Row] {
    var providers: [String] = []
    for name in scenario.programmes.map(\.provider) + plan.cohorts.map(\.provider) where !providers.contains(name) {
      providers.append(name)
    }
    var programmes: [String] = []
    for name in scenario.programmes.map(\.id) + plan.cohorts.map(\.programme) where !programmes.contains(name) {
      programmes.append(name)
    }
    var rows: [Row] = []
    for provider in providers {
      for programme in programmes {
        let cohorts = plan.cohorts.filter { $0.provider == provider && $0.programme == programme }
        let declared = scenario.programme(id: programme)
        guard !cohorts.isEmpty || declared?.provider == provider else { continue }
        let months = declared?.duration.months ?? 1
        let bars = cohorts.sorted { ($0.start, $0.group) < ($1.start, $1.group) }.map {
          Bar(cohort: $0, months: max(months, 1), isHistory: $0.start < plan.start)
        }
        rows.append(Row(provider: provider, programme: programme, lanes: pack(bars)))
      }
    }
    return rows
  }

  /// First-fit lanes: a bar goes into the first lane whose last bar has ended.
  static func pack(_ bars: [Bar]) -> [[Bar]] {
    var lanes: [[Bar]] = []
    for bar in bars {
      if let index = lanes.firstIndex(where: { ($0.last?.end ?? bar.cohort.start) <= bar.cohort.start }) {
        lanes[index].append(bar)
      } else {
        lanes.append([bar])
      }
    }
    return lanes
  }

  private static func summary(_ bars: [Bar]) -> HTMLNode {
    let current = bars.filter { !$0.isHistory }
    let underFull = current.filter(\.isUnderFull)
    guard !current.isEmpty else { return .paragraph("This plan starts no classes.", classes: "verdict ok") }
    guard !underFull.isEmpty else {
      return .paragraph(
        "All \(ReportText.count(current.count, "class", "classes")) starting in the plan are full.",
        classes: "verdict ok")
    }
    let shown = underFull.sorted {
      ($0.cohort.size * 1000 / max($0.cohort.seats, 1)) < ($1.cohort.size * 1000 / max($1.cohort.seats, 1))
    }
    let items: [HTMLNode] = shown.prefix(8).map { bar in
      .tag("li", [.safeText(describe(bar.cohort))])
    }
    var list = items
    if shown.count > 8 {
      list.append(.tag("li", [.safeText("and \(shown.count - 8) more (see the numbers below the chart)")]))
    }
    return .tag(
      "div",
      [
        .classes("verdict", "warn"),
        .tag(
          "p",
          [
            .tag("strong", [.safeText("Not full: ")]),
            .safeText(
              "\(underFull.count) of \(ReportText.count(current.count, "class", "classes")) starting in the plan "
                + "have empty seats; the emptiest first:"),
          ]),
        .tag("ul", list),
      ])
  }

  static func describe(_ cohort: PlannedCohort) -> String {
    "\(cohort.programme) (\(cohort.provider)), class \(cohort.group) starting \(ReportText.month(cohort.start)): "
      + "\(cohort.size) of \(cohort.seats) seats, minimum \(cohort.minSize)"
  }

  private static func chart(_ rows: [Row], plan: Plan, id: String) -> HTMLNode {
    let starts = rows.flatMap { $0.lanes.flatMap { $0.map(\.cohort.start) } }
    let ends = rows.flatMap { $0.lanes.flatMap { $0.map(\.end) } }
    let first = min(starts.min() ?? plan.start, plan.start)
    let last = max(ends.max() ?? plan.start, plan.start.adding(plan.horizon))
    let months = max(last.offset(from: first), 1)
    let band = (width - labelWidth - 16) / Double(months)
    func x(_ month: Month) -> Double { labelWidth + Double(month.offset(from: first)) * band }
    var marks: [SVGNode] = []
    var y = 4.0
    var provider: String?
    let planStartX = x(plan.start)
    var content: [SVGNode] = []
    for row in rows {
      if row.provider != provider {
        provider = row.provider
        content.append(
          SVG.text(row.provider, x: 4, y: y + 18, [("class", "provider-name"), ("data-provider", row.provider)]))
        content.append(
          SVG.line(
            x1: 4, y1: y + headerHeight - 2, x2: width - 8, y2: y + headerHeight - 2,
            [("stroke", Palette.grid), ("class", "gridline")]))
        y += headerHeight
      }
      let laneCount = max(row.lanes.count, 1)
      let rowHeight = Double(laneCount) * (laneHeight + laneGap)
      content.append(
        SVG.line(
          x1: 16, y1: y + rowHeight - laneGap / 2, x2: width - 8, y2: y + rowHeight - laneGap / 2,
          [("stroke", Palette.grid), ("class", "gridline")]))
      content.append(
        SVG.text(row.programme, x: 16, y: y + min(rowHeight, laneHeight + laneGap) / 2 + 5, [("class", "row-label")]))
      if row.lanes.isEmpty {
        content.append(
          SVG.text("no class in this plan", x: planStartX + 6, y: y + laneHeight / 2 + 5, [("class", "tick")]))
      }
      for (index, lane) in row.lanes.enumerated() {
        let top = y + Double(index) * (laneHeight + laneGap)
        for bar in lane {
          content.append(self.bar(bar, x: x(bar.cohort.start), width: Double(bar.months) * band, top: top))
        }
      }
      y += rowHeight
    }
    // Month grid and labels behind and below the bars.
    var grid: [SVGNode] = []
    if planStartX > labelWidth {
      grid.append(
        SVG.rect(
          x: labelWidth, y: 0, width: planStartX - labelWidth, height: y,
          [("fill", "#f6f6f6"), ("class", "before-plan")]
        ))
      grid.append(SVG.text("before the plan", x: labelWidth + 4, y: 16, [("class", "tick")]))
    }
    for offset in 0...months {
      let month = first.adding(offset)
      let lineX = labelWidth + Double(offset) * band
      grid.append(
        SVG.line(
          x1: lineX, y1: 0, x2: lineX, y2: y,
          [("stroke", month.month == 1 ? "#c9c9c9" : Palette.grid), ("class", "gridline")]))
      guard offset < months else { continue }
      let every = band >= 26 ? 1 : band >= 13 ? 2 : 3
      if offset % every == 0 || month.month == 1 {
        grid.append(
          SVG.text(
            ReportText.monthNames[month.month - 1], x: lineX + band / 2, y: y + 13, anchor: "middle",
            [("class", "tick")]))
      }
      if offset == 0 || month.month == 1 {
        grid.append(
          SVG.text(String(month.year), x: lineX + band / 2, y: y + 25, anchor: "middle", [("class", "tick year")]))
      }
    }
    grid.append(
      SVG.line(
        x1: planStartX, y1: 0, x2: planStartX, y2: y,
        [("stroke", Palette.cap), ("stroke-width", "1.5"), ("class", "plan-start-line")]))
    marks = grid + content
    let total = rows.reduce(0) { $0 + $1.lanes.reduce(0) { $0 + $1.count } }
    let underFull = rows.reduce(0) { $0 + $1.lanes.reduce(0) { $0 + $1.count(where: \.isUnderFull) } }
    return SVG.chart(
      id: id, width: width, height: y + axisHeight, title: "Classes per provider",
      description:
        "\(ReportText.count(total, "class", "classes")) over time, grouped by provider and programme; "
        + "\(underFull) starting in the plan are not full.", classes: "gantt-chart", marks)
  }

  private static func bar(_ bar: Bar, x: Double, width: Double, top: Double) -> SVGNode {
    let cohort = bar.cohort
    let seats = max(cohort.seats, cohort.size, 1)
    let height = laneHeight
    let filledHeight = height * Double(cohort.size) / Double(seats)
    let inset = 1.5
    let kind = bar.isHistory ? "history" : bar.isUnderFull ? "under-full" : "full"
    var marks: [SVGNode] = [
      SVG.tooltip(
        describe(cohort) + "; runs \(ReportText.monthRanges((0..<bar.months).map { cohort.start.adding($0) }))"
          + (bar.isHistory ? " (started before the plan)" : bar.isUnderFull ? " — not full" : " — full")),
      SVG.rect(
        x: x + inset, y: top, width: width - 2 * inset, height: height,
        [
          ("class", "seats"), ("fill", bar.isUnderFull ? Patterns.emptySeats : Palette.seats),
          ("stroke", bar.isUnderFull ? Palette.underFull : "#8a8a8a"),
        ]),
      SVG.rect(
        x: x + inset, y: top + height - filledHeight, width: width - 2 * inset, height: filledHeight,
        [("class", "filled"), ("fill", bar.isHistory ? Palette.history : Palette.filled)]),
    ]
    if cohort.minSize > 1 {
      let minY = top + height - height * Double(cohort.minSize) / Double(seats)
      marks.append(
        SVG.line(
          x1: x + inset, y1: minY, x2: x + width - inset, y2: minY,
          [("class", "min-size-mark"), ("stroke", Palette.cap), ("stroke-width", "1.5"), ("stroke-dasharray", "3 2")]))
    }
    let label = width >= 54 ? "\(cohort.size) of \(cohort.seats)" : "\(cohort.size)/\(cohort.seats)"
    // The label goes in the upper half, or the lower one when the minimum-size line is up there.
    let minimumInUpperHalf = cohort.minSize > 1 && Double(cohort.minSize) / Double(seats) > 0.45
    let baseline = minimumInUpperHalf ? top + height - 6 : top + 13
    let onFill = top + height - filledHeight <= baseline - 11
    if !onFill {
      // A light backing keeps the label legible on the hatching.
      let labelWidth = Double(label.count) * 6.4 + 6
      marks.append(
        SVG.rect(
          x: x + width / 2 - labelWidth / 2, y: baseline - 10, width: labelWidth, height: 13,
          [("class", "label-backing"), ("fill", "#ffffff"), ("fill-opacity", "0.9"), ("rx", "3")]))
    }
    marks.append(
      SVG.text(
        label, x: x + width / 2, y: baseline, anchor: "middle",
        [("class", onFill ? "bar-label on-fill" : bar.isUnderFull ? "bar-label under-full" : "bar-label")]))
    return SVG.group(
      [
        ("class", "cohort-bar " + kind), ("data-programme", cohort.programme), ("data-provider", cohort.provider),
        ("data-start", cohort.start.description), ("data-group", String(cohort.group)),
        ("data-size", String(cohort.size)), ("data-seats", String(cohort.seats)),
        ("data-min-size", String(cohort.minSize)),
      ], marks)
  }

  private static func numbers(_ bars: [Bar]) -> HTMLNode {
    let rows = bars.sorted {
      ($0.cohort.provider, $0.cohort.programme, $0.cohort.start, $0.cohort.group) < (
        $1.cohort.provider, $1.cohort.programme, $1.cohort.start, $1.cohort.group
      )
    }
    .map { bar in
      let cohort = bar.cohort
      return [
        DataTable.Cell(cohort.provider), DataTable.Cell(cohort.programme),
        DataTable.Cell(ReportText.month(cohort.start), sortKey: cohort.start.description),
        DataTable.Cell(cohort.group), DataTable.Cell(cohort.size), DataTable.Cell(cohort.seats),
        DataTable.Cell(cohort.minSize),
        DataTable.Cell(
          bar.isHistory ? "history" : bar.isUnderFull ? "not full" : "full", over: bar.isUnderFull),
      ]
    }
    return DataTable.details(
      summary: "The numbers behind this chart",
      [
        DataTable.table(
          caption: "Classes",
          columns: [
            .init("Provider"), .init("Programme"), .init("Start"), .init("Class", numeric: true),
            .init("Clients", numeric: true), .init("Seats", numeric: true), .init("Minimum", numeric: true),
            .init("Fill"),
          ], rows: rows, sortable: true)
      ])
  }
}

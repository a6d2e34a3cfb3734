import PlannerDomain
import Plot

/// Caseload per case manager per month against the cap: one small panel per case manager, on
/// one shared scale, so the red hatched months of whoever is over the cap stand out at once.
enum CaseloadChart {
  static let width = 1000.0
  static let left = 56.0
  static let titleHeight = 24.0
  static let plotHeight = 110.0
  static let axisHeight = 30.0
  static let panelGap = 10.0
  static var panelHeight: Double { titleHeight + plotHeight + axisHeight + panelGap }

  static func section(_ plan: Plan, scenario: Scenario, id: String) -> HTMLNode {
    let series = CaseloadSeries.of(plan, scenario: scenario)
    let basis = series.first?.basis ?? scenario.caseload.basis
    return .tag(
      "figure",
      [
        .classes("chart-figure"),
        .tag("figcaption", [.safeText(caption(basis))]),
        summary(series, plan: plan),
        legend(basis: basis, hasUnavailable: series.contains { !$0.unavailable.isEmpty }),
        chart(series, plan: plan, id: id),
        numbers(series, plan: plan),
      ])
  }

  private static func caption(_ basis: CaseloadBasis) -> String {
    switch basis {
    case .monthly:
      return "Each panel is one case manager. A bar is the number of clients on their caseload in that month; "
        + "the dashed line is their cap. A month above the cap is red and hatched."
    case .annual:
      return "Each panel is one case manager. A bar is the number of clients on their caseload in that month. "
        + "The cap counts every client seen in a calendar year, so the orange line adds up the clients seen so "
        + "far this year and the dashed line is the yearly cap. Months in which that count is above the cap are "
        + "red and hatched. The bars on the right compare each year's total with its cap."
    }
  }

  private static func summary(_ series: [CaseloadSeries], plan: Plan) -> HTMLNode {
    let over = series.filter(\.isOver)
    guard !over.isEmpty else {
      var nodes: [HTMLNode] = [.tag("p", [.safeText("Every case manager stays within the cap in every month.")])]
      let full = atTheCap(series, start: plan.start)
      if !full.isEmpty { nodes.append(.tag("p", [.safeText("At the cap, with no room for another client: " + full)])) }
      return .tag("div", [.classes("verdict", "ok")] + nodes)
    }
    let items: [HTMLNode] = over.map { load in
      let months = ReportText.monthRanges(load.overMonths.map { plan.start.adding($0) })
      var text = load.id + ": over the cap"
      if load.basis == .annual && !load.overYears.isEmpty {
        text +=
          " in "
          + ReportText.list(load.overYears.map { "\($0.year) (\($0.clients) clients, cap \($0.cap))" })
        if !months.isEmpty { text += "; the count passes the cap in " + months }
      } else {
        let peak = load.overMonths.map { load.monthly[$0] }.max() ?? 0
        text += " in " + months + " (up to \(peak) clients, cap \(load.cap))"
      }
      return .tag("li", [.safeText(text)])
    }
    return .tag(
      "div",
      [
        .classes("verdict", "over"),
        .tag(
          "p",
          [
            .tag("strong", [.safeText("Over the cap: ")]),
            .safeText(ReportText.count(over.count, "case manager") + " of \(series.count)."),
          ]),
        .tag("ul", items),
      ])
  }

  /// Who is exactly at the cap and when, case managers with the same months together:
  /// `SP1, SP2 and SP3 in 2020 and 2021; SP4 in 2021.`
  static func atTheCap(_ series: [CaseloadSeries], start: Month) -> String {
    var groups: [(when: String, ids: [String])] = []
    for load in series where !load.isOver {
      let when = load.fullWhen(start: start)
      guard !when.isEmpty else { continue }
      if let index = groups.firstIndex(where: { $0.when == when }) {
        groups[index].ids.append(load.id)
      } else {
        groups.append((when, [load.id]))
      }
    }
    guard !groups.isEmpty else { return "" }
    return groups.map { ReportText.list($0.ids) + " in " + $0.when }.joined(separator: "; ") + "."
  }

  static func legend(basis: CaseloadBasis, hasUnavailable: Bool) -> HTMLNode {
    var items: [Legend.Item] = [
      .box(fill: Palette.load, label: "clients on the caseload in the month"),
      .hatched(pattern: Patterns.overCap, stroke: Palette.overCap, label: "over the cap"),
      .line(colour: Palette.cap, dashed: true, label: basis == .annual ? "yearly cap" : "cap"),
    ]
    if basis == .annual {
      items.append(.line(colour: Palette.yearSoFar, dashed: false, label: "clients seen so far this year"))
    }
    if hasUnavailable {
      items.append(.hatched(pattern: Patterns.unavailable, stroke: "#bbbbbb", label: "not working in that month"))
    }
    return Legend.list(items)
  }

  private static func chart(_ series: [CaseloadSeries], plan: Plan, id: String) -> HTMLNode {
    let basis = series.first?.basis ?? .monthly
    let right = basis == .annual ? 230.0 : 86.0
    let scale = NiceScale(maximum: series.map(\.highest).max() ?? 1)
    var panels: [SVGNode] = []
    for (index, load) in series.enumerated() {
      let geometry = PanelGeometry(
        top: Double(index) * panelHeight + 4, left: left, width: width - left - right, months: plan.horizon,
        scale: scale)
      panels.append(panel(load, plan: plan, geometry: geometry, rightEdge: width - 8))
    }
    let over = series.filter(\.isOver).map(\.id)
    let description =
      "Clients on the caseload per month for \(ReportText.count(series.count, "case manager")) against "
      + (basis == .annual ? "the yearly cap. " : "the monthly cap. ")
      + (over.isEmpty ? "Nobody is over the cap." : "Over the cap: " + ReportText.list(over) + ".")
    return SVG.chart(
      id: id, width: width, height: Double(series.count) * panelHeight + 8, title: "Caseload per case manager",
      description: description, classes: "caseload-chart", panels)
  }

  private struct PanelGeometry {
    let top: Double
    let left: Double
    let width: Double
    let months: Int
    let scale: NiceScale
    var plotTop: Double { top + CaseloadChart.titleHeight }
    var bottom: Double { plotTop + CaseloadChart.plotHeight }
    var band: Double { width / Double(max(months, 1)) }
    func x(_ offset: Int) -> Double { left + Double(offset) * band }
    func y(_ value: Int) -> Double { bottom - Double(value) / scale.top * CaseloadChart.plotHeight }
  }

  private static func panel(_ load: CaseloadSeries, plan: Plan, geometry: PanelGeometry, rightEdge: Double)
    -> SVGNode
  {
    let over = Set(load.overMonths)
    var marks: [SVGNode] = [panelTitle(load, plan: plan, geometry: geometry)]
    marks += grid(geometry)
    for offset in load.unavailable {
      marks.append(
        SVG.rect(
          x: geometry.x(offset), y: geometry.plotTop, width: geometry.band, height: plotHeight,
          [("class", "unavailable-month"), ("fill", Patterns.unavailable)],
          title: "\(load.id) is not working in \(ReportText.month(plan.start.adding(offset)))"))
    }
    for offset in over.sorted() {
      marks.append(
        SVG.rect(
          x: geometry.x(offset), y: geometry.plotTop, width: geometry.band, height: plotHeight,
          [
            ("class", "over-cap-month"), ("fill", Patterns.overCap),
            ("data-month", plan.start.adding(offset).description),
          ]
        ))
    }
    for (offset, clients) in load.monthly.enumerated() {
      let month = plan.start.adding(offset)
      let isOver = over.contains(offset)
      let capText = load.basis == .annual ? "yearly cap \(load.yearCapByMonth[offset])" : "cap \(load.cap)"
      var tooltip = "\(load.id), \(ReportText.month(month)): \(ReportText.count(clients, "client")) on the caseload"
      if load.basis == .annual { tooltip += ", \(load.yearSoFar[offset]) seen so far in \(month.year)" }
      tooltip += " (\(capText))" + (isOver ? ": over the cap" : "")
      let inset = min(2, geometry.band * 0.1)
      marks.append(
        SVG.rect(
          x: geometry.x(offset) + inset, y: geometry.y(clients), width: geometry.band - 2 * inset,
          height: geometry.bottom - geometry.y(clients),
          [
            ("class", isOver ? "caseload-bar over" : "caseload-bar"), ("data-month", month.description),
            ("data-clients", String(clients)),
            ("fill", isOver && load.basis == .monthly ? Palette.overCap : Palette.load),
          ], title: tooltip))
      if geometry.band >= 22 && clients > 0 {
        let inside = geometry.bottom - geometry.y(clients) >= 16
        marks.append(
          SVG.text(
            String(clients), x: geometry.x(offset) + geometry.band / 2,
            y: inside ? geometry.y(clients) + 12 : geometry.y(clients) - 3, anchor: "middle",
            [("class", inside ? "bar-value inside" : "bar-value")]))
      }
      marks += monthLabel(month, offset: offset, geometry: geometry)
    }
    marks += capMarks(load, plan: plan, geometry: geometry)
    if load.basis == .annual {
      marks += yearBars(load, geometry: geometry, left: geometry.left + geometry.width + 44, right: rightEdge)
    }
    return SVG.group(
      [("class", load.isOver ? "caseload-series over" : "caseload-series"), ("data-specialist", load.id)], marks)
  }

  private static func panelTitle(_ load: CaseloadSeries, plan: Plan, geometry: PanelGeometry) -> SVGNode {
    let capText = load.basis == .annual ? "cap \(load.cap) a year" : "cap \(load.cap) a month"
    let fte = load.fte.isEmpty ? "" : " · \(load.fte) FTE"
    let verdict: String
    if load.isOver {
      verdict = "OVER THE CAP in " + ReportText.monthRanges(load.overMonths.map { plan.start.adding($0) })
    } else {
      let full = load.fullWhen(start: plan.start)
      verdict = "within the cap" + (full.isEmpty ? "" : ", full in " + full)
    }
    return SVG.element(
      "text", [("x", SVG.number(geometry.left)), ("y", SVG.number(geometry.top + 16)), ("class", "panel-title")],
      [
        SVG.element("tspan", [("class", "panel-name")], [.safeText(load.id)]),
        SVG.element("tspan", [("class", "panel-detail")], [.safeText("\(fte) · \(capText) — ")]),
        SVG.element(
          "tspan", [("class", load.isOver ? "panel-verdict over" : "panel-verdict ok")],
          [.safeText((load.isOver ? "⚠ " : "✓ ") + verdict)]),
      ])
  }

  private static func grid(_ geometry: PanelGeometry) -> [SVGNode] {
    var marks: [SVGNode] = []
    for tick in geometry.scale.ticks {
      let y = geometry.y(tick)
      marks.append(
        SVG.line(
          x1: geometry.left, y1: y, x2: geometry.left + geometry.width, y2: y,
          [("stroke", tick == 0 ? Palette.axis : Palette.grid), ("class", "gridline")]))
      marks.append(SVG.text(String(tick), x: geometry.left - 6, y: y + 4, anchor: "end", [("class", "tick")]))
    }
    return marks
  }

  private static func monthLabel(_ month: Month, offset: Int, geometry: PanelGeometry) -> [SVGNode] {
    let every = geometry.band >= 26 ? 1 : geometry.band >= 13 ? 2 : 3
    guard offset % every == 0 || month.month == 1 else { return [] }
    let x = geometry.x(offset) + geometry.band / 2
    var marks = [
      SVG.text(
        ReportText.monthNames[month.month - 1], x: x, y: geometry.bottom + 13, anchor: "middle",
        [("class", "tick")])
    ]
    if offset == 0 || month.month == 1 {
      marks.append(
        SVG.text(String(month.year), x: x, y: geometry.bottom + 25, anchor: "middle", [("class", "tick year")]))
    }
    return marks
  }

  /// The cap: one dashed line over the horizon (monthly basis), or one per calendar year with
  /// the line of clients seen so far that year (annual basis).
  private static func capMarks(_ load: CaseloadSeries, plan: Plan, geometry: PanelGeometry) -> [SVGNode] {
    let end = geometry.left + geometry.width
    guard load.basis == .annual else {
      let y = geometry.y(load.cap)
      return [
        SVG.line(
          x1: geometry.left, y1: y, x2: end, y2: y,
          [
            ("class", "cap-line"), ("data-cap", String(load.cap)), ("stroke", Palette.cap),
            ("stroke-dasharray", "6 4"), ("stroke-width", "2"),
          ]),
        SVG.text("cap \(load.cap)", x: end + 6, y: y + 4, [("class", "cap-label")]),
      ]
    }
    var marks: [SVGNode] = []
    var offset = 0
    while offset < plan.horizon {
      let year = plan.start.adding(offset).year
      var last = offset
      while last + 1 < plan.horizon && plan.start.adding(last + 1).year == year { last += 1 }
      let cap = load.yearCapByMonth[offset]
      let x1 = geometry.x(offset)
      let x2 = geometry.x(last + 1)
      let points = (offset...last).map { month in
        (geometry.x(month) + geometry.band / 2, geometry.y(load.yearSoFar[month]))
      }
      marks.append(
        SVG.polyline(
          points.count == 1 ? [(x1 + 2, points[0].1), (x2 - 2, points[0].1)] : points,
          [
            ("class", "year-count-line"), ("data-year", String(year)), ("stroke", Palette.yearSoFar),
            ("stroke-width", "3"),
          ]))
      marks.append(
        SVG.line(
          x1: x1, y1: geometry.y(cap), x2: x2, y2: geometry.y(cap),
          [
            ("class", "cap-line"), ("data-year", String(year)), ("data-cap", String(cap)), ("stroke", Palette.cap),
            ("stroke-dasharray", "6 4"), ("stroke-width", "2"),
          ]))
      marks.append(
        SVG.text("yearly cap \(cap)", x: x1 + 3, y: geometry.y(cap) - 4, [("class", "cap-label")]))
      offset = last + 1
    }
    return marks
  }

  /// Annual basis: each calendar year's distinct clients against its cap, as horizontal bars.
  private static func yearBars(_ load: CaseloadSeries, geometry: PanelGeometry, left: Double, right: Double)
    -> [SVGNode]
  {
    let labelWidth = 38.0
    let valueWidth = 64.0
    let length = right - left - labelWidth - valueWidth
    let top = load.years.map { max($0.clients, $0.cap) }.max() ?? 1
    var marks = [SVG.text("per year: clients / cap", x: left, y: geometry.plotTop + 8, [("class", "tick")])]
    for (index, year) in load.years.enumerated() {
      let y = geometry.plotTop + 16 + Double(index) * 24
      let barLength = Double(year.clients) / Double(max(top, 1)) * length
      let capX = left + labelWidth + Double(year.cap) / Double(max(top, 1)) * length
      marks.append(SVG.text(String(year.year), x: left, y: y + 13, [("class", "tick")]))
      marks.append(
        SVG.rect(
          x: left + labelWidth, y: y, width: barLength, height: 17,
          [
            ("class", year.isOver ? "year-bar over" : "year-bar"), ("data-year", String(year.year)),
            ("data-clients", String(year.clients)), ("data-cap", String(year.cap)),
            ("fill", year.isOver ? Patterns.overCap : Palette.load),
            ("stroke", year.isOver ? Palette.overCap : "none"),
          ],
          title:
            "\(load.id), \(year.year): \(ReportText.count(year.clients, "client")) on the caseload, cap \(year.cap)"
            + (year.isOver ? ": over the cap" : "")))
      marks.append(
        SVG.line(
          x1: capX, y1: y - 3, x2: capX, y2: y + 20,
          [("class", "year-cap-mark"), ("stroke", Palette.cap), ("stroke-width", "2"), ("stroke-dasharray", "3 2")]))
      marks.append(
        SVG.text(
          "\(year.clients) / \(year.cap)" + (year.isOver ? " ⚠" : ""), x: right, y: y + 13, anchor: "end",
          [("class", year.isOver ? "year-value over" : "year-value")]))
    }
    return marks
  }

  /// The chart's numbers as tables: the text alternative, and what a printer keeps.
  private static func numbers(_ series: [CaseloadSeries], plan: Plan) -> HTMLNode {
    let months = (0..<plan.horizon).map { plan.start.adding($0) }
    var columns = [DataTable.Column("Case manager"), DataTable.Column("Cap", numeric: true)]
    columns += months.map { DataTable.Column(ReportText.month($0), numeric: true) }
    let rows = series.map { load in
      [DataTable.Cell(load.id), DataTable.Cell(load.cap)]
        + load.monthly.enumerated().map { offset, clients in
          let over = load.overMonths.contains(offset)
          return DataTable.Cell(over ? "\(clients) over" : String(clients), sortKey: String(clients), over: over)
        }
    }
    var tables = [
      DataTable.table(caption: "Clients on the caseload per month", columns: columns, rows: rows, sortable: false)
    ]
    if series.contains(where: { !$0.years.isEmpty }) {
      let yearRows = series.flatMap { load in
        load.years.map { year in
          [
            DataTable.Cell(load.id), DataTable.Cell(year.year), DataTable.Cell(year.clients), DataTable.Cell(year.cap),
            DataTable.Cell(year.isOver ? "over the cap" : "within", over: year.isOver),
          ]
        }
      }
      tables.append(
        DataTable.table(
          caption: "Clients per calendar year against the yearly cap",
          columns: [
            .init("Case manager"), .init("Year", numeric: true), .init("Clients", numeric: true),
            .init("Cap", numeric: true), .init("Verdict"),
          ], rows: yearRows, sortable: false))
    }
    return DataTable.details(summary: "The numbers behind this chart", tables)
  }
}

/// A vertical scale from 0 to a round number, with three to five round ticks.
struct NiceScale {
  let step: Int
  let top: Double
  let ticks: [Int]

  init(maximum: Int) {
    let target = max(maximum, 1)
    let raw = Double(target) / 4
    let magnitude = pow10(Int(raw.rounded(.down)).description.count - 1)
    let step = [1, 2, 5, 10].map { $0 * magnitude }.first { Double($0) >= raw } ?? 10 * magnitude
    let ticks = Array(stride(from: 0, through: ((target + step - 1) / step) * step, by: step))
    self.step = step
    self.ticks = ticks
    self.top = Double(max(ticks.last ?? target, 1)) * 1.16
  }
}

private func pow10(_ exponent: Int) -> Int { (0..<max(exponent, 0)).reduce(1) { value, _ in value * 10 } }

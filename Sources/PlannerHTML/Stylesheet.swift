/// The page's inline CSS and script: constants of this module, never built from user data.
enum Stylesheet {
  static let css = """
    :root { --ink: #1d1d1f; --muted: #5b5b60; --line: #d9d9de; --ok: #1f7a4d; --warn: #a85400; --bad: #b3261e; }
    * { box-sizing: border-box; }
    html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
    body { margin: 0; color: var(--ink); background: #fff;
      font: 15px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "DejaVu Sans", sans-serif; }
    main { max-width: 1120px; margin: 0 auto; padding: 24px 28px 8px; }
    footer { max-width: 1120px; margin: 0 auto; padding: 8px 28px 32px; color: var(--muted); font-size: 13px; }
    h1 { font-size: 28px; margin: 0 0 4px; }
    h2 { font-size: 21px; margin: 0 0 8px; border-bottom: 2px solid var(--ink); padding-bottom: 4px; }
    h3 { font-size: 17px; margin: 18px 0 6px; }
    .lead { color: var(--muted); margin: 0 0 16px; }
    .report-section { margin: 34px 0; }
    nav.contents ul { list-style: none; padding: 0; margin: 8px 0 0; display: flex; flex-wrap: wrap; gap: 6px 18px; }
    nav.contents a { color: #1f5fa8; }
    .key-figures { display: grid; grid-template-columns: repeat(auto-fill, minmax(200px, 1fr)); gap: 10px; margin: 0; }
    .figure-card { border: 1px solid var(--line); border-left: 6px solid #8a8a90; border-radius: 6px;
      padding: 8px 12px; }
    .figure-card.ok { border-left-color: var(--ok); }
    .figure-card.warn { border-left-color: #e69f00; }
    .figure-card.bad { border-left-color: var(--bad); background: #fdf1f0; }
    .figure-card dt { font-size: 13px; color: var(--muted); font-weight: 600; }
    .figure-card dd { margin: 0; }
    .figure-card .value { font-size: 26px; font-weight: 700; }
    .figure-card.bad .value { color: var(--bad); }
    .figure-card .explanation { font-size: 13px; color: var(--muted); }
    figure.chart-figure { margin: 0; }
    figcaption { margin: 0 0 8px; }
    .verdict { margin: 8px 0; padding: 8px 12px; border-radius: 6px; }
    .verdict p { margin: 0; }
    .verdict ul { margin: 4px 0 0; padding-left: 22px; }
    .verdict.ok { background: #eef7f1; border-left: 5px solid var(--ok); }
    .verdict.over { background: #fdf1f0; border-left: 5px solid var(--bad); }
    .verdict.over strong { color: var(--bad); }
    .verdict.warn { background: #fff6e6; border-left: 5px solid #e69f00; }
    .legend { list-style: none; display: flex; flex-wrap: wrap; gap: 4px 20px; padding: 0; margin: 8px 0;
      font-size: 13px; }
    .legend li { display: flex; align-items: center; gap: 6px; }
    svg.chart { display: block; width: 100%; height: auto; max-width: 100%; margin: 4px 0; }
    svg.chart text { font-family: inherit; fill: #333; }
    svg.chart .tick { font-size: 10px; fill: #666; }
    svg.chart .tick.year { font-weight: 700; fill: #444; }
    svg.chart .bar-value { font-size: 10px; fill: #333; }
    svg.chart .bar-value.inside { fill: #fff; font-weight: 600; }
    svg.chart .panel-title { font-size: 13px; }
    svg.chart .panel-name { font-weight: 700; }
    svg.chart .panel-detail { fill: #555; }
    svg.chart .panel-verdict.over { font-weight: 700; fill: #b3261e; }
    svg.chart .panel-verdict.ok { fill: #1f7a4d; }
    svg.chart .cap-label { font-size: 11px; font-weight: 700; }
    svg.chart .year-value { font-size: 11px; }
    svg.chart .year-value.over { font-weight: 700; fill: #b3261e; }
    svg.chart .provider-name { font-size: 13px; font-weight: 700; }
    svg.chart .row-label { font-size: 12px; }
    svg.chart .bar-label { font-size: 11px; font-weight: 600; }
    svg.chart .bar-label.under-full { fill: #8a3b00; }
    svg.chart .bar-label.on-fill { fill: #fff; stroke: none; }
    svg.chart .axis-title { font-size: 11px; fill: #555; }
    .pattern-definitions { position: absolute; width: 0; height: 0; overflow: hidden; }
    .table-scroll { overflow-x: auto; margin: 8px 0 14px; }
    table.data { border-collapse: collapse; font-size: 13px; min-width: 50%; }
    table.data caption { text-align: left; font-weight: 700; padding: 4px 0; }
    table.data th, table.data td { border-bottom: 1px solid var(--line); padding: 4px 8px; text-align: left;
      vertical-align: top; }
    table.data th { background: #f3f3f5; white-space: nowrap; }
    table.data td.num { text-align: right; font-variant-numeric: tabular-nums; }
    table.data td.over { color: var(--bad); font-weight: 700; }
    table.data td { white-space: nowrap; }
    table.clients td:last-child { white-space: normal; min-width: 320px; }
    table.comparison td { min-width: 180px; }
    button.sort { font: inherit; font-weight: 700; background: none; border: 0; padding: 0; cursor: pointer;
      color: inherit; }
    button.sort::after { content: " ↕"; color: #999; }
    th[aria-sort="ascending"] button.sort::after { content: " ↑"; color: var(--ink); }
    th[aria-sort="descending"] button.sort::after { content: " ↓"; color: var(--ink); }
    details.numbers { margin: 6px 0 0; }
    details.numbers summary { cursor: pointer; color: #1f5fa8; }
    dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: 4px 16px; margin: 8px 0 16px; }
    dl.facts dt { font-weight: 600; }
    dl.facts dd { margin: 0; overflow-wrap: anywhere; }
    .note { color: var(--muted); font-size: 13px; }
    .variants { display: grid; grid-template-columns: repeat(auto-fit, minmax(520px, 1fr)); gap: 24px; }
    .variant { border-top: 4px solid var(--ink); padding-top: 6px; min-width: 0; }
    @media print {
      body { font-size: 10pt; }
      main, footer { max-width: none; padding: 0; }
      nav.contents, button.sort::after { display: none; }
      .report-section { margin: 16px 0; break-inside: auto; }
      figure.chart-figure, .figure-card, svg.chart, .verdict { break-inside: avoid; }
      h2, h3 { break-after: avoid; }
      .table-scroll { overflow: visible; }
      details.numbers > summary { display: none; }
      .variants { display: block; }
      a { color: inherit; text-decoration: none; }
    }
    """

  /// Sorts a `table.sortable` by the column whose heading button is pressed, by each cell's
  /// `data-sort` (numerically in `data-type="number"` columns); pressing again reverses.
  static let sortScript = """
    (function () {
      var tables = document.querySelectorAll("table.sortable");
      Array.prototype.forEach.call(tables, function (table) {
        var headings = table.tHead.rows[0].cells;
        Array.prototype.forEach.call(headings, function (heading, column) {
          var button = heading.querySelector("button.sort");
          if (!button) { return; }
          button.addEventListener("click", function () {
            var ascending = heading.getAttribute("aria-sort") !== "ascending";
            Array.prototype.forEach.call(headings, function (other) { other.removeAttribute("aria-sort"); });
            heading.setAttribute("aria-sort", ascending ? "ascending" : "descending");
            var numeric = heading.getAttribute("data-type") === "number";
            var body = table.tBodies[0];
            var rows = Array.prototype.slice.call(body.rows);
            rows.sort(function (a, b) {
              var x = a.cells[column].getAttribute("data-sort");
              var y = b.cells[column].getAttribute("data-sort");
              var order = numeric ? (parseFloat(x) || 0) - (parseFloat(y) || 0) : x.localeCompare(y);
              return ascending ? order : -order;
            });
            rows.forEach(function (row) { body.appendChild(row); });
          });
        });
      });
    })();
    """
}

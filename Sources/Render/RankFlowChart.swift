import Analysis
import Foundation

/// A rank flow (Rieder's RankFlow, 4CAT's rank_attribute chart): one column per period with
/// its top terms from rank 1 at the top, and a band joining a term's places in consecutive
/// periods, so a reader follows a topic rising and falling. The eight terms present in the
/// most periods (ties: more tweets, then the term) get the palette's colours, the others grey.
enum RankFlowChart {
    static let column = 96.0, gap = 30.0, row = 22.0, top = 26.0, left = 26.0

    /// The SVG of `flow`: `sign` goes before each label (`#` for hashtags). Wide flows keep
    /// their size (the page scrolls them) rather than shrinking their labels.
    static func svg(_ flow: TopPerPeriod, sign: String = "") -> String {
        let ranks = flow.periods.map(\.rows.count).max() ?? 0
        let width = left + Double(flow.periods.count) * (column + gap), height = top + Double(ranks) * row + 8
        let colours = colours(flow)
        var s = #"<svg viewBox="0 0 \#(Int(width)) \#(Int(height))" width="\#(Int(width))" height="\#(Int(height))" style="width:\#(Int(width))px;max-width:none" role="img">"#
        for r in 0..<ranks {
            s += #"<text x="\#(SVGCharts.fmt(left - 6))" y="\#(SVGCharts.fmt(y(r) + 15))" class="tick" text-anchor="end">\#(r + 1)</text>"#
        }
        // Bands first, so the boxes cover their ends.
        for (i, pair) in zip(flow.periods, flow.periods.dropFirst()).enumerated() {
            let next = Dictionary(uniqueKeysWithValues: pair.1.rows.enumerated().map { ($1.term, $0) })
            for (r, term) in pair.0.rows.map(\.term).enumerated() {
                guard let r2 = next[term] else { continue }
                let x1 = x(i) + column, x2 = x(i + 1), y1 = y(r) + row / 2 - 2, y2 = y(r2) + row / 2 - 2, mid = (x1 + x2) / 2
                let d = "M\(SVGCharts.fmt(x1)),\(SVGCharts.fmt(y1)) C\(SVGCharts.fmt(mid)),\(SVGCharts.fmt(y1)) \(SVGCharts.fmt(mid)),\(SVGCharts.fmt(y2)) \(SVGCharts.fmt(x2)),\(SVGCharts.fmt(y2))"
                s += #"<path d="\#(d)" fill="none" stroke="\#(colours[term] ?? grey)" stroke-width="6" stroke-opacity="0.45"/>"#
            }
        }
        for (i, period) in flow.periods.enumerated() {
            s += #"<text x="\#(SVGCharts.fmt(x(i) + column / 2))" y="16" class="tick" text-anchor="middle">\#(Markup.escape(String(period.start.prefix(7))))</text>"#
            for (r, term) in period.rows.enumerated() {
                let label = sign + term.label
                s += #"<g><title>\#(Markup.escape("\(label): rank \(r + 1) in \(period.start.prefix(7)), \(term.tweets) tweets"))</title>"#
                s += #"<rect x="\#(SVGCharts.fmt(x(i)))" y="\#(SVGCharts.fmt(y(r)))" width="\#(SVGCharts.fmt(column))" height="\#(SVGCharts.fmt(row - 4))" rx="3" fill="\#(colours[term.term] ?? grey)"/>"#
                s += #"<text x="\#(SVGCharts.fmt(x(i) + 4))" y="\#(SVGCharts.fmt(y(r) + 13))" class="nl">\#(Markup.escape(shortened(label)))</text></g>"#
            }
        }
        return s + "</svg>"
    }

    static let grey = "#c8c8c8"

    private static func x(_ i: Int) -> Double { left + Double(i) * (column + gap) }
    private static func y(_ r: Int) -> Double { top + Double(r) * row }

    /// A label cut to fit a box (about 6.5 px a character at the chart's 11 px).
    static func shortened(_ label: String) -> String {
        let fits = Int((column - 8) / 6.5)
        return label.count <= fits ? label : String(label.prefix(fits - 1)) + "…"
    }

    /// The palette colour of each of the eight terms present in the most periods.
    static func colours(_ flow: TopPerPeriod) -> [String: String] {
        var seen: [String: (periods: Int, tweets: Int64)] = [:]
        for row in flow.periods.flatMap(\.rows) {
            seen[row.term, default: (0, 0)].periods += 1
            seen[row.term, default: (0, 0)].tweets += row.tweets
        }
        let order = seen.sorted { a, b in
            (a.value.periods, a.value.tweets) != (b.value.periods, b.value.tweets)
                ? (a.value.periods, a.value.tweets) > (b.value.periods, b.value.tweets)
                : a.key.utf8.lexicographicallyPrecedes(b.key.utf8)
        }
        return Dictionary(uniqueKeysWithValues: zip(order.map(\.key), SVGCharts.palette))
    }
}

import Analysis
import Foundation
import Graph
import Model
import Store

/// Everything one report shows, computed by the analysers.
public struct ReportData: Sendable {
    public var storePath: String
    public var stats: StoreStats
    public var ratios: RatiosResult
    public var days: TimelineResult
    public var year: Int
    public var yearDays: TimelineResult
    public var yearActivity: ActivityResult
    public var hashtags: [HashtagRow]
    public var network: CooccurrenceResult

    public struct Options: Sendable {
        public var baseline: Baseline? = .published
        public var timeZone = TimeZone(identifier: "Europe/Amsterdam") ?? TimeZone(identifier: "UTC")!
        /// nil: the last full year of the data (or its only year).
        public var year: Int?
        public var network = Cooccurrence.Options()
        public init() {}
    }

    /// Runs every analysis the report needs.
    public static func gather(from store: Store, options: Options) throws -> ReportData {
        let stats = try store.stats()
        let days = try Timeline.compute(in: store, timeZone: options.timeZone)
        let year = options.year ?? defaultYear(days)
        let range = DateRange(from: CalendarBuckets.dayNumber(year: year, month: 1, day: 1),
                              to: CalendarBuckets.dayNumber(year: year, month: 12, day: 31))
        return ReportData(
            storePath: store.path, stats: stats,
            ratios: try Ratios.compute(in: store, baseline: options.baseline),
            days: days, year: year,
            yearDays: try Timeline.compute(in: store, timeZone: options.timeZone, range: range),
            yearActivity: try Activity.compute(in: store, timeZone: options.timeZone, range: range),
            hashtags: try HashtagCounts.top(in: store, limit: 25),
            network: try Cooccurrence.compute(in: store, options: options.network))
    }

    /// The last year whose 31 December the data reaches, else the last year with data.
    static func defaultYear(_ days: TimelineResult) -> Int {
        guard let last = days.rows.last(where: { $0.tweets > 0 })?.date, let y = Int(last.prefix(4)) else { return 2012 }
        let first = days.rows.first { $0.tweets > 0 }.flatMap { Int($0.date.prefix(4)) } ?? y
        return last.hasSuffix("-12-31") || y == first ? y : y - 1
    }
}

/// One self-contained HTML page (inline CSS and SVG, no script, no network references):
/// the study's tables and figures for a store.
public enum HTMLReport {
    public static func render(_ d: ReportData) -> String {
        let e = SVGCharts.esc
        var h = """
            <!DOCTYPE html>
            <html lang="en"><head><meta charset="utf-8"/>
            <meta name="viewport" content="width=device-width, initial-scale=1"/>
            <title>twindex report — \(e(d.storePath))</title>
            <style>\(css)</style></head><body><main>
            <h1>twindex report</h1>
            <p class="sub">Store <code>\(e(d.storePath))</code> · times in \(e(d.days.timeZone)) · definitions: ANALYSIS.md</p>
            """
        h += section("summary", "Corpus") {
            let s = d.stats
            return table(["", ""], [
                ["unique tweets (not deleted)", num(s.tweets)], ["accounts", num(s.users)],
                ["first tweet (UTC)", s.first ?? "–"], ["last tweet (UTC)", s.last ?? "–"],
                ["duplicates skipped", num(s.duplicates)], ["deleted by notices", num(s.deleted)],
                ["other notices", num(s.notices)], ["bad lines", num(s.badLines)], ["ingest runs", num(s.runs)],
            ], numeric: [1])
        }
        h += section("ratios", "Tabel 6 — hashtags, mentions and replies") {
            let names = ["hashtags": "tweets with hashtags", "mentions": "tweets with @mentions", "starts_with_at": "tweets starting with @"]
            var rows: [[String]] = []
            for r in d.ratios.rows {
                rows.append([names[r.name] ?? r.name, num(r.count), pct(r.share),
                             "\(pct(r.ci95.0)) – \(pct(r.ci95.1))", r.baseline.map { pct($0.share) } ?? "–",
                             r.diffPP.map { String(format: "%+.2f", $0) } ?? "–", r.ratio.map { String(format: "%.2f", $0) } ?? "–",
                             r.z.map { String(format: "%.1f", $0) } ?? "–", r.p.map { String(format: "%.2g", $0) } ?? "–"])
            }
            var out = table(["", "tweets", "share", "95% CI (Wilson)", "baseline", "diff (pp)", "ratio", "z", "p"], rows,
                            numeric: [1, 2, 3, 4, 5, 6, 7, 8])
            out += "<p class=\"note\">Of \(num(d.ratios.tweets)) unique tweets. Baseline: \(e(d.ratios.baselineName ?? "none"))"
            if d.ratios.rows.first?.baseline != nil && d.ratios.rows.first?.z == nil {
                out += " — published shares only, so no significance test."
            }
            return out + "</p>"
        }
        h += section("timeline", "Grafiek 11 — tweets and active accounts per day") {
            SVGCharts.lines(dates: d.days.rows.map(\.date), series: [
                ("active accounts", d.days.rows.map(\.activeUsers), SVGCharts.secondColour),
                ("tweets", d.days.rows.map(\.tweets), SVGCharts.weekdayColour),
            ], yTitle: "per day")
        }
        h += section("year", "Grafiek 12 — daily tweets in \(d.year), weekends marked") {
            let colours = d.yearDays.rows.map { row -> String in
                guard let day = CalendarBuckets.parseDay(row.date) else { return SVGCharts.weekdayColour }
                return CivilDate.weekdayIndex(day) >= 5 ? SVGCharts.weekendColour : SVGCharts.weekdayColour
            }
            let labels = d.yearDays.rows.map { String($0.date.suffix(5)) }
            var s = SVGCharts.bars(d.yearDays.rows.map(\.tweets), labels: labels, colours: colours,
                                   yTitle: "tweets per day", xTitle: "day of \(d.year) (MM-DD)", labelEvery: 30)
            s = s.replacingOccurrences(of: "</svg>", with: SVGCharts.legend([("weekday", SVGCharts.weekdayColour),
                                                                             ("weekend", SVGCharts.weekendColour)], x: 70, y: 8) + "</svg>")
            return s
        }
        h += section("activity", "When — weekdays and hours in \(d.year)") {
            let a = d.yearActivity
            let days = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]
            return "<figure>" + SVGCharts.bars(a.weekday, labels: days,
                        colours: days.indices.map { $0 >= 5 ? SVGCharts.weekendColour : SVGCharts.weekdayColour },
                        yTitle: "tweets", xTitle: "weekday (ISO)") + "</figure><figure>"
                + SVGCharts.bars(a.hour, labels: (0..<24).map { String($0) }, colours: [SVGCharts.weekdayColour],
                                 yTitle: "tweets", xTitle: "hour of day (local)") + "</figure>"
                + "<p class=\"note\">\(num(a.tweets)) tweets; weekend share \(a.weekendShare.map(pct) ?? "–").</p>"
                + "<figure class=\"heat\">" + SVGCharts.heatmap(a.weekHour) + "</figure>"
        }
        h += section("hashtags", "Top hashtags") {
            table(["#", "hashtag", "tweets"], d.hashtags.enumerated().map { [String($0.offset + 1), "#" + $0.element.label, num($0.element.tweets)] },
                  numeric: [0, 2])
        }
        h += section("network", "Figuur 3 — hashtag co-occurrence network") {
            network(d.network)
        }
        h += "<script type=\"application/json\" id=\"twindex-data\">\(embedded(d))</script>\n"
        h += "<footer>Made by twindex. Numbers come from the same analysers as the command line (`twindex ratios --json` and friends).</footer>"
        return h + "</main></body></html>\n"
    }

    /// The analysers' JSON documents behind the page, for tools and tests; `<`, `>` and `&`
    /// are escaped so the block can never end the script early.
    static func embedded(_ d: ReportData) -> String {
        let doc = JSONValue.object([
            "ratios": AnalysisJSON.ratios(d.ratios), "activity": AnalysisJSON.activity(d.yearActivity),
            "hashtags": AnalysisJSON.hashtags(d.hashtags), "cooccur": GraphExport.json(d.network),
            "stats": .object(["tweets": .int(d.stats.tweets), "users": .int(d.stats.users)]),
            "year": .int(d.year),
        ])
        return doc.rendered(pretty: false).replacingOccurrences(of: "&", with: "\\u0026")
            .replacingOccurrences(of: "<", with: "\\u003c").replacingOccurrences(of: ">", with: "\\u003e")
    }

    static func section(_ id: String, _ title: String, _ body: () -> String) -> String {
        "<section id=\"\(id)\"><h2>\(SVGCharts.esc(title))</h2>\n\(body())\n</section>\n"
    }

    static func table(_ header: [String], _ rows: [[String]], numeric: Set<Int> = []) -> String {
        var s = "<table><thead><tr>" + header.map { "<th>\(SVGCharts.esc($0))</th>" }.joined() + "</tr></thead><tbody>"
        for row in rows {
            s += "<tr>" + row.enumerated().map { i, c in
                "<td\(numeric.contains(i) ? " class=\"n\"" : "")>\(SVGCharts.esc(c))</td>"
            }.joined() + "</tr>"
        }
        return s + "</tbody></table>"
    }

    static func num(_ v: Int64) -> String { AnalysisText.grouped(v) }

    static func pct(_ x: Double) -> String { String(format: "%.2f%%", x * 100) }

    static func network(_ r: CooccurrenceResult) -> String {
        guard !r.nodes.isEmpty else {
            return "<p class=\"note\">No hashtag is in more than \(r.moreThan) tweets.</p>"
        }
        let index = Dictionary(uniqueKeysWithValues: r.nodes.enumerated().map { ($0.element.tag, $0.offset) })
        let graph = WeightedGraph(nodeCount: r.nodes.count, edges: r.edges.compactMap { e in
            guard let a = index[e.source], let b = index[e.target] else { return nil }
            return (a, b, Double(e.weight))
        })
        var layout = ForceLayout.Options()
        layout.seed = r.seed
        let pos = ForceLayout.positions(graph, options: layout)
        let size = 760.0, pad = 60.0
        let px = { (i: Int) in pad + (pos[i].x + 1) / 2 * (size - 2 * pad) }
        let py = { (i: Int) in pad + (pos[i].y + 1) / 2 * (size - 2 * pad) }
        let maxF = Double(r.nodes.map(\.frequency).max() ?? 1)
        let maxW = Double(r.edges.map(\.weight).max() ?? 1)
        let colour = { (c: Int) in c < SVGCharts.palette.count - 1 ? SVGCharts.palette[c] : "#999999" }
        var s = #"<svg viewBox="0 0 \#(Int(size)) \#(Int(size))" role="img" class="net">"#
        for e in r.edges {
            guard let a = index[e.source], let b = index[e.target] else { continue }
            let w = 0.3 + 3 * Double(e.weight) / maxW
            s += #"<line x1="\#(SVGCharts.fmt(px(a)))" y1="\#(SVGCharts.fmt(py(a)))" x2="\#(SVGCharts.fmt(px(b)))" y2="\#(SVGCharts.fmt(py(b)))" stroke="gray" stroke-opacity="0.35" stroke-width="\#(SVGCharts.fmt(w))"/>"#
        }
        let labelled = Set(r.nodes.prefix(40).map(\.tag))
        for (i, n) in r.nodes.enumerated() {
            let radius = 3 + 14 * (Double(n.frequency) / maxF).squareRoot()
            s += #"<circle cx="\#(SVGCharts.fmt(px(i)))" cy="\#(SVGCharts.fmt(py(i)))" r="\#(SVGCharts.fmt(radius))" fill="\#(colour(n.community))" stroke="white"><title>#\#(SVGCharts.esc(n.label)): \#(n.frequency) tweets, \#(n.users) accounts, community \#(n.community)</title></circle>"#
            if labelled.contains(n.tag) {
                s += #"<text x="\#(SVGCharts.fmt(px(i)))" y="\#(SVGCharts.fmt(py(i) - radius - 2))" class="nl" text-anchor="middle">#\#(SVGCharts.esc(n.label))</text>"#
            }
        }
        s += SVGCharts.legend(r.communities.prefix(7).map { ("community \($0.id)", colour($0.id)) }, x: 10, y: 10) + "</svg>"
        var out = "<p class=\"note\">\(r.nodes.count) hashtags in more than \(r.moreThan) tweets, \(r.edges.count) edges (tweets carrying both); "
            + "\(r.algorithm.rawValue), resolution \(r.resolution), seed \(r.seed): modularity Q = \(String(format: "%.4f", r.modularity)), "
            + "\(r.communities.count) communities. Node size: tweets; colour: community; layout: ForceAtlas2-like.</p>"
        out += "<figure>" + s + "</figure>"
        let labels = Dictionary(uniqueKeysWithValues: r.nodes.map { ($0.tag, $0.label) })
        out += table(["community", "tags", "top hashtags by tweets"], r.communities.map {
            [String($0.id), String($0.size), $0.top.map { "#" + (labels[$0] ?? $0) }.joined(separator: " ")]
        }, numeric: [0, 1])
        return out
    }

    static let css = """
        body{font:15px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1a1a1a;background:#fff;margin:0}
        main{max-width:960px;margin:0 auto;padding:24px}
        h1{font-size:1.7em;margin:0 0 4px}h2{font-size:1.2em;margin:32px 0 8px;border-bottom:1px solid #ddd;padding-bottom:4px}
        .sub,.note,footer{color:#555;font-size:.9em}
        table{border-collapse:collapse;margin:8px 0;font-size:.92em}th,td{padding:4px 10px;border-bottom:1px solid #eee;text-align:left}
        td.n{text-align:right;font-variant-numeric:tabular-nums}th{background:#f5f5f5}
        svg{width:100%;height:auto;display:block}figure{margin:8px 0}
        .grid{stroke:#e5e5e5}.axis{stroke:#444}.tick{font-size:11px;fill:#444}.axis-title{font-size:12px;fill:#222}
        .legend{font-size:12px;fill:#222}.nl{font-size:11px;fill:#111;paint-order:stroke;stroke:#fff;stroke-width:3px}
        .net{max-width:760px;margin:auto}.heat{max-width:800px}
        @media print{main{max-width:none;padding:0}section{break-inside:avoid}h2{break-after:avoid}}
        """
}

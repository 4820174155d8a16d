import Analysis
import Model

/// One section of the report page: its anchor, heading, HTML body, and the analyser JSON
/// it adds to the page's embedded data block.
struct ReportSection {
    var id: String
    var title: String
    var html: String
    var embedded: [String: JSONValue] = [:]
}

/// The sections, each drawn from its field of `ReportData` (see `HTMLReport.sections`).
extension HTMLReport {
    static func summary(_ d: ReportData) -> ReportSection {
        let s = d.stats
        let html = table(["", ""], [
            ["unique tweets (not deleted)", num(s.tweets)], ["accounts", num(s.users)],
            ["first tweet (UTC)", s.first ?? "–"], ["last tweet (UTC)", s.last ?? "–"],
            ["duplicates skipped", num(s.duplicates)], ["deleted by notices", num(s.deleted)],
            ["other notices", num(s.notices)], ["bad lines", num(s.badLines)], ["ingest runs", num(s.runs)],
        ], numeric: [1])
        return ReportSection(id: "summary", title: "Corpus", html: html,
                             embedded: ["stats": .object(["tweets": .int(s.tweets), "users": .int(s.users)])])
    }

    static func ratios(_ d: ReportData) -> ReportSection {
        var rows: [[String]] = []
        for r in d.ratios.rows {
            rows.append([AnalysisText.rowTitles[r.name] ?? r.name, num(r.count), pct(r.share),
                         "\(pct(r.ci95.0)) – \(pct(r.ci95.1))", r.baseline.map { pct($0.share) } ?? "–",
                         r.diffPP.map { String(format: "%+.2f", $0) } ?? "–", r.ratio.map { String(format: "%.2f", $0) } ?? "–",
                         r.z.map { String(format: "%.1f", $0) } ?? "–", r.p.map { String(format: "%.2g", $0) } ?? "–"])
        }
        var html = table(["", "tweets", "share", "95% CI (Wilson)", "baseline", "diff (pp)", "ratio", "z", "p"], rows,
                         numeric: [1, 2, 3, 4, 5, 6, 7, 8])
        html += "<p class=\"note\">Of \(num(d.ratios.tweets)) unique tweets. Baseline: \(Markup.escape(d.ratios.baselineName ?? "none"))"
        if d.ratios.rows.first?.baseline != nil && d.ratios.rows.first?.z == nil {
            html += " — published shares only, so no significance test."
        }
        return ReportSection(id: "ratios", title: "Tabel 6 — hashtags, mentions and replies", html: html + "</p>",
                             embedded: ["ratios": AnalysisJSON.ratios(d.ratios)])
    }

    static func timeline(_ d: ReportData) -> ReportSection {
        // Active accounts are drawn last: a day has at least as many tweets as accounts, and
        // the tweets line drawn over them would hide them where the two meet.
        let html = SVGCharts.lines(dates: d.days.rows.map(\.date), series: [
            ("tweets", d.days.rows.map(\.tweets), SVGCharts.weekdayColour),
            ("active accounts", d.days.rows.map(\.activeUsers), SVGCharts.secondColour),
        ], yTitle: "per day")
        return ReportSection(id: "timeline", title: "Grafiek 11 — tweets and active accounts per day", html: html)
    }

    static func year(_ d: ReportData) -> ReportSection {
        let colours = d.yearDays.rows.map { row -> String in
            guard let day = CalendarBuckets.parseDay(row.date) else { return SVGCharts.weekdayColour }
            return CivilDate.weekdayIndex(day) >= 5 ? SVGCharts.weekendColour : SVGCharts.weekdayColour
        }
        let labels = d.yearDays.rows.map { String($0.date.suffix(5)) }
        var s = SVGCharts.bars(d.yearDays.rows.map(\.tweets), labels: labels, colours: colours,
                               yTitle: "tweets per day", xTitle: "day of \(d.year) (MM-DD)", labelEvery: 30)
        s = s.replacingOccurrences(of: "</svg>", with: SVGCharts.legend([("weekday", SVGCharts.weekdayColour),
                                                                         ("weekend", SVGCharts.weekendColour)], x: 70, y: 8) + "</svg>")
        return ReportSection(id: "year", title: "Grafiek 12 — daily tweets in \(d.year), weekends marked", html: s)
    }

    static func activity(_ d: ReportData) -> ReportSection {
        let a = d.yearActivity
        let days = CivilDate.weekdayNames
        let html = "<figure>" + SVGCharts.bars(a.weekday, labels: days,
                        colours: days.indices.map { $0 >= 5 ? SVGCharts.weekendColour : SVGCharts.weekdayColour },
                        yTitle: "tweets", xTitle: "weekday (ISO)") + "</figure><figure>"
            + SVGCharts.bars(a.hour, labels: (0..<24).map { String($0) }, colours: [SVGCharts.weekdayColour],
                             yTitle: "tweets", xTitle: "hour of day (local)") + "</figure>"
            + "<p class=\"note\">\(num(a.tweets)) tweets; weekend share \(a.weekendShare.map(pct) ?? "–").</p>"
            + "<figure class=\"heat\">" + SVGCharts.heatmap(a.weekHour) + "</figure>"
        return ReportSection(id: "activity", title: "When — weekdays and hours in \(d.year)", html: html,
                             embedded: ["activity": AnalysisJSON.activity(a)])
    }

    static func hashtags(_ d: ReportData) -> ReportSection {
        let html = table(["#", "hashtag", "tweets"],
                         d.hashtags.enumerated().map { [String($0.offset + 1), "#" + $0.element.label, num($0.element.tweets)] },
                         numeric: [0, 2])
        return ReportSection(id: "hashtags", title: "Top hashtags", html: html + hashtagFlow(d.hashtagMonths),
                             embedded: ["hashtags": AnalysisJSON.hashtags(d.hashtags),
                                        "hashtags_by_month": AnalysisJSON.periods(d.hashtagMonths, key: "tag")])
    }

    /// The rank flow of the ten top hashtags per month, below the top hashtags' table.
    static func hashtagFlow(_ months: TopPerPeriod) -> String {
        guard months.periods.contains(where: { !$0.rows.isEmpty }) else { return "" }
        return "<h3>The ten top hashtags per month</h3><p class=\"note\">Each column is a local month (\(Markup.escape(months.timeZone))), "
            + "its ten most frequent hashtags from rank 1 at the top (ties: the tag first in code-point order); a band joins a hashtag's "
            + "places in consecutive months. Colours: the eight hashtags in the most months; the others grey. As "
            + "<code>twindex hashtags --by month --top 10</code>.</p>"
            + "<figure style=\"overflow-x:auto\">" + RankFlowChart.svg(months, sign: "#") + "</figure>"
    }

    static func network(_ d: ReportData) -> ReportSection {
        let title = "Figuur 3 — hashtag co-occurrence network"
        let r = d.network
        let embedded = ["cooccur": GraphExport.json(r)]
        guard !r.nodes.isEmpty else {
            return ReportSection(id: "network", title: title,
                                 html: "<p class=\"note\">No hashtag is in more than \(r.moreThan) tweets.</p>", embedded: embedded)
        }
        let maxF = Double(r.nodes.map(\.frequency).max() ?? 1)
        let labelled = Set(r.nodes.prefix(40).map(\.tag))
        let drawn = r.nodes.map { n in
            DrawnNode(radius: GraphExport.nodeRadius(n.frequency, max: maxF), colour: SVGCharts.communityColour(n.community),
                      title: "#\(n.label): \(n.frequency) tweets, \(n.users) accounts, community \(n.community)",
                      label: labelled.contains(n.tag) ? "#" + n.label : nil)
        }
        let s = SVGCharts.network(positions: d.networkLayout.positions,
                                  edges: zip(r.edges, d.networkLayout.edgeEnds).map { ($1.source, $1.target, $0.weight) },
                                  nodes: drawn, legend: communityLegend(r.communities))
        var html = "<p class=\"note\">\(r.nodes.count) hashtags in more than \(r.moreThan) tweets, \(r.edges.count) edges (tweets carrying both); "
            + "\(r.algorithm.rawValue), resolution \(r.resolution), seed \(r.seed): modularity Q = \(String(format: "%.4f", r.modularity)), "
            + "\(r.communities.count) communities. Node size: tweets; colour: community; layout: ForceAtlas2-like.</p>"
        html += "<figure>" + s + "</figure>"
        let labels = Dictionary(uniqueKeysWithValues: r.nodes.map { ($0.tag, $0.label) })
        html += table(["community", "tags", "top hashtags by tweets"], r.communities.map {
            [String($0.id), String($0.size), $0.top.map { "#" + (labels[$0] ?? $0) }.joined(separator: " ")]
        }, numeric: [0, 1])
        return ReportSection(id: "network", title: title, html: html, embedded: embedded)
    }

    /// The legend of a network's largest communities, in their drawing colours.
    static func communityLegend(_ communities: [CooccurrenceResult.Community]) -> [(String, String)] {
        communities.prefix(7).map { ("community \($0.id)", SVGCharts.communityColour($0.id)) }
    }
}

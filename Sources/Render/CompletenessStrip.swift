import Analysis
import Foundation
import Model

/// The report's completeness strip, drawn above Grafiek 11 on the same day axis: per local
/// day the missed share (darker: more withheld by the stream's limit notices), and beneath it
/// the gaps (runs of more than the threshold of hours without a tweet) as black bars.
extension HTMLReport {
    static func completeness(_ d: ReportData) -> ReportSection {
        let c = d.completeness
        let tweets = c.rows.reduce(0) { $0 + $1.tweets }, missed = c.rows.reduce(0) { $0 + $1.missed }
        var note = "\(num(missed)) tweets missed by \(num(c.rows.reduce(0) { $0 + $1.limitNotices })) limit notices"
        if tweets + missed > 0 { note += " (\(pct(Double(missed) / Double(tweets + missed))) of tweets + missed)" }
        note += "; \(c.gaps.count) gaps of more than 6 hours without a tweet"
        if let longest = c.gaps.max(by: { $0.hours < $1.hours }) { note += " (the longest \(longest.hours) hours)" }
        if c.unplacedLimitNotices > 0 { note += "; \(c.unplacedLimitNotices) limit notices without a time" }
        if c.inputsWithoutNotices > 0 {
            note += ". \(c.inputsWithoutNotices) inputs were ingested before twindex kept notices: `twindex ingest --force` of them fills them in"
        }
        return ReportSection(id: "completeness", title: "Completeness — missed share per day, and the gaps",
                             html: CompletenessStrip.svg(c, days: d.days.rows.compactMap { CalendarBuckets.parseDay($0.date) })
                                 + "<p class=\"note\">\(Markup.escape(note)).</p>",
                             embedded: ["completeness": CompletenessExport.json(c)])
    }
}

/// The strip's drawing.
enum CompletenessStrip {
    /// The strip over the local days `days` (Grafiek 11's, so the two line up).
    static func svg(_ c: CompletenessResult, days: [Int64]) -> String {
        let f = SVGCharts.Frame()
        let fmt = SVGCharts.fmt
        let top = 8.0, band = 22.0, gapTop = top + band + 6, gapHeight = 8.0, height = gapTop + gapHeight + 56
        var s = #"<svg viewBox="0 0 \#(Int(f.width)) \#(Int(height))" role="img">"#
        guard let first = days.first, let last = days.last else { return s + "</svg>" }
        let span = Double(max(1, last - first))
        let x = { (day: Double) in f.left + f.plotWidth * (day - Double(first)) / span }
        let w = max(0.6, f.plotWidth / (span + 1))
        s += ##"<rect x="\##(fmt(f.left))" y="\##(fmt(top))" width="\##(fmt(f.plotWidth))" height="\##(fmt(band))" fill="#f2f2f2"/>"##
        for row in c.rows where row.day >= first && row.day <= last && row.missed > 0 {
            let share = row.missedShare ?? 0
            s += #"<rect x="\#(fmt(x(Double(row.day))))" y="\#(fmt(top))" width="\#(fmt(w))" height="\#(fmt(band))" fill="\#(SVGCharts.secondColour)" fill-opacity="\#(fmt(max(0.15, share.squareRoot())))"><title>\#(CalendarBuckets.format(row.day)): \#(row.missed) missed, \#(HTMLReport.pct(share))</title></rect>"#
        }
        // A gap's ends as fractional local days.
        let localDay = { (t: Int64) in Double(t + Int64(c.timeZone.secondsFromGMT(for: Date(timeIntervalSince1970: TimeInterval(t))))) / 86400 }
        for g in c.gaps {
            let a = min(max(localDay(g.start), Double(first)), Double(last + 1)), b = min(max(localDay(g.end), Double(first)), Double(last + 1))
            s += ##"<rect x="\##(fmt(x(a)))" y="\##(fmt(gapTop))" width="\##(fmt(max(0.6, x(b) - x(a))))" height="\##(fmt(gapHeight))" fill="#000"><title>gap: \##(g.hours) hours</title></rect>"##
        }
        s += #"<text x="\#(fmt(f.left - 6))" y="\#(fmt(top + band / 2 + 4))" class="tick" text-anchor="end">missed</text>"#
        s += #"<text x="\#(fmt(f.left - 6))" y="\#(fmt(gapTop + gapHeight))" class="tick" text-anchor="end">gaps</text>"#
        s += SVGCharts.legend([("missed share", SVGCharts.secondColour), ("gap: over 6 h, no tweet", "#000")],
                              x: f.left, y: gapTop + gapHeight + 10)
        return s + "</svg>"
    }
}

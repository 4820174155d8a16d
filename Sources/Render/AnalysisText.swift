import Analysis
import Foundation
import Model

/// Human-readable renderings of the analyses for a terminal.
public enum AnalysisText {
    /// Tabel 6's row titles by row name, for the terminal and the report alike.
    static let rowTitles = ["hashtags": "tweets with hashtags", "mentions": "tweets with @mentions",
                            "starts_with_at": "tweets starting with @"]

    static func pct(_ x: Double) -> String { String(format: "%.2f%%", x * 100) }

    static func grouped(_ n: Int64) -> String {
        let s = String(n)
        var out = ""
        for (i, c) in s.reversed().enumerated() {
            if i > 0 && i % 3 == 0 { out.append(",") }
            out.append(c)
        }
        return String(out.reversed())
    }

    /// Tabel 6 with the baseline beside it.
    public static func ratios(_ r: RatiosResult, store: String) -> String {
        var lines = ["Tabel 6 — \(store): \(grouped(r.tweets)) unique tweets"]
        if let b = r.baselineName { lines.append("baseline: \(b)") }
        var header = "                          count      share    95% CI"
        if r.baselineName != nil { header += "              baseline  diff (pp)  ratio     z         p" }
        lines.append(header)
        for row in r.rows {
            var line = (rowTitles[row.name] ?? row.name).padding(toLength: 24, withPad: " ", startingAt: 0)
            line += grouped(row.count).leftPadded(9) + pct(row.share).leftPadded(10)
            line += "  [" + String(format: "%.2f–%.2f", row.ci95.0 * 100, row.ci95.1 * 100) + "]"
            if let b = row.baseline {
                line += pct(b.share).leftPadded(12)
                line += (row.diffPP.map { String(format: "%+.2f", $0) } ?? "-").leftPadded(11)
                line += (row.ratio.map { String(format: "%.2f", $0) } ?? "-").leftPadded(7)
                line += (row.z.map { String(format: "%.1f", $0) } ?? "-").leftPadded(8)
                line += (row.p.map { $0 < 1e-4 ? String(format: "%.1e", $0) : String(format: "%.4f", $0) } ?? "-").leftPadded(10)
            }
            lines.append(line)
        }
        if r.rows.first?.baseline != nil, r.rows.first?.z == nil {
            lines.append("(published baseline: shares only, so no significance test; compare with another store for z and p)")
        }
        return lines.joined(separator: "\n")
    }

    static func bar(_ value: Int64, max: Int64, width: Int = 40) -> String {
        guard max > 0 else { return "" }
        return String(repeating: "█", count: Int((Double(value) / Double(max) * Double(width)).rounded()))
    }


    /// Weekday and hour bars.
    public static func activity(_ a: ActivityResult) -> String {
        let range = [a.range.from.map(CalendarBuckets.format), a.range.to.map(CalendarBuckets.format)]
        var lines = ["\(grouped(a.tweets)) tweets, \(a.timeZone)"
                     + (range.contains { $0 != nil } ? ", \(range[0] ?? "…") to \(range[1] ?? "…")" : "")
                     + (a.weekendShare.map { ", weekend share \(pct($0))" } ?? "")]
        lines.append("\nper weekday")
        let dmax = a.weekday.max() ?? 0
        for (i, n) in a.weekday.enumerated() {
            lines.append("\(CivilDate.weekdayNames[i])  \(grouped(n).leftPadded(9))  \(bar(n, max: dmax))")
        }
        lines.append("\nper hour (local)")
        let hmax = a.hour.max() ?? 0
        for (h, n) in a.hour.enumerated() {
            lines.append(String(format: "%02d   ", h) + grouped(n).leftPadded(9) + "  " + bar(n, max: hmax))
        }
        return lines.joined(separator: "\n")
    }
}

extension String {
    func leftPadded(_ width: Int) -> String {
        count >= width ? self : String(repeating: " ", count: width - count) + self
    }
}

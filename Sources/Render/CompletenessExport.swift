import Analysis
import Model
import Output

/// `twindex completeness` as JSON (CLI.md's fields), CSV and a terminal table. Days are
/// `YYYY-MM-DD`; hours and gap ends are ISO 8601 with the zone's offset at that instant, so
/// the two 02:00 hours of the night the clocks go back read apart.
public enum CompletenessExport {
    /// The columns of the rows (table, CSV and JSON alike).
    public static let columns = ["period", "tweets", "limit_notices", "missed", "missed_share"]

    /// The period's label: its day, or its hour with the offset.
    public static func period(_ row: CompletenessResult.Row, of result: CompletenessResult) -> String {
        result.period == .day ? CalendarBuckets.format(row.day) : LocalTime.iso8601(row.start, in: result.timeZone)
    }

    /// One row's cells, in `columns` order (`missed_share` null when the period has neither
    /// tweets nor missed tweets).
    public static func cells(_ row: CompletenessResult.Row, of result: CompletenessResult) -> [JSONValue] {
        [.string(period(row, of: result)), .int(row.tweets), .int(row.limitNotices), .int(row.missed), .optional(row.missedShare)]
    }

    /// `twindex completeness --json`.
    public static func json(_ r: CompletenessResult) -> JSONValue {
        .object([
            "tz": .string(r.timeZone.identifier), "by": .string(r.period.rawValue),
            "rows": .array(r.rows.map { .object(Dictionary(uniqueKeysWithValues: zip(columns, cells($0, of: r)))) }),
            "unplaced_limit_notices": .int(r.unplacedLimitNotices),
            "gaps": .array(r.gaps.map {
                .object(["start": .string(LocalTime.iso8601($0.start, in: r.timeZone)),
                         "end": .string(LocalTime.iso8601($0.end, in: r.timeZone)), "hours": .int($0.hours)])
            }),
        ])
    }

    /// The rows as CSV (RFC 4180; an empty `missed_share` where it is undefined).
    public static func csv(_ r: CompletenessResult) -> String {
        Table(columns: columns, rows: r.rows.map { cells($0, of: r) }).csv()
    }

    /// The rows as a terminal table, shares in percent.
    static func table(_ r: CompletenessResult) -> Table {
        Table(columns: columns, rows: r.rows.map { row in
            var cells = cells(row, of: r)
            cells[4] = .string(row.missedShare.map(AnalysisText.pct) ?? "–")
            return cells
        })
    }

    /// For a terminal: the totals, the rows, the gaps.
    public static func text(_ r: CompletenessResult, width: Int) -> String {
        let tweets = r.rows.reduce(0) { $0 + $1.tweets }, missed = r.rows.reduce(0) { $0 + $1.missed }
        let notices = r.rows.reduce(0) { $0 + $1.limitNotices }
        var lines = ["\(AnalysisText.grouped(tweets)) tweets, \(AnalysisText.grouped(missed)) missed by "
                     + "\(AnalysisText.grouped(notices)) limit notices"
                     + (tweets + missed > 0 ? " (\(AnalysisText.pct(Double(missed) / Double(tweets + missed))) missed)" : "")
                     + ", per \(r.period.rawValue) in \(r.timeZone.identifier)"]
        if r.unplacedLimitNotices > 0 {
            lines.append("\(r.unplacedLimitNotices) limit notices without a time (no timestamp_ms, no tweet before them) are not placed")
        }
        lines.append("")
        lines.append(table(r).text(width: width))
        lines.append("")
        lines.append(r.gaps.isEmpty ? "no gaps" : "gaps (local hours without a tweet):")
        for g in r.gaps {
            lines.append("  \(LocalTime.iso8601(g.start, in: r.timeZone)) to \(LocalTime.iso8601(g.end, in: r.timeZone))  \(g.hours) hours")
        }
        return lines.joined(separator: "\n")
    }
}

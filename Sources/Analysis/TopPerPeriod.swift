import Foundation
import Model

/// A counted term (a normalised hashtag or a folded word) with its label: its most frequent
/// spelling.
public struct TermCount: Sendable, Equatable {
    /// The key counted under (normalised tag, folded word).
    public var term: String
    /// Its most frequent spelling.
    public var label: String
    /// Tweets carrying it (each tweet counts once).
    public var tweets: Int64
}

/// The top terms of each local day, week or month (ANALYSIS.md "Trends and words"): per
/// period the N most frequent, ties broken by the term in code-point order, so ranks run
/// 1, 2, 3, … without gaps or shared places. Every period from the first tweet's to the
/// last tweet's (the scope's days when it sets them) is listed, those without terms with no rows.
public struct TopPerPeriod: Sendable, Equatable {
    /// One period's top terms.
    public struct Period: Sendable, Equatable {
        /// The period's first local day, `YYYY-MM-DD` (weeks start on Monday).
        public var start: String
        /// Its top terms, most frequent first: rank = position + 1.
        public var rows: [TermCount]
    }

    /// The length of each period.
    public var by: TimelineResult.Period
    /// The zone's identifier.
    public var timeZone: String
    /// The periods in time order.
    public var periods: [Period]

    /// Every term ranked in some period.
    var terms: Set<String> { Set(periods.flatMap { $0.rows.map(\.term) }) }

    /// Sets each row's label from `labels` (a term missing there keeps its own).
    mutating func relabel(_ labels: [String: String]) {
        for i in periods.indices {
            for j in periods[i].rows.indices {
                periods[i].rows[j].label = labels[periods[i].rows[j].term] ?? periods[i].rows[j].term
            }
        }
    }
}

/// Picks the top terms from counts, as every ranked list of twindex does.
enum Ranking {
    /// The `limit` largest counts (nil: all), most first, ties by term in code-point order
    /// (the order of SQL's `ORDER BY tag` on UTF-8 text; Swift's `<` on strings is not it).
    static func top(_ counts: [String: Int64], limit: Int?) -> [(term: String, tweets: Int64)] {
        let sorted = counts.sorted { a, b in
            a.value != b.value ? a.value > b.value : a.key.utf8.lexicographicallyPrecedes(b.key.utf8)
        }
        return sorted.prefix(limit ?? sorted.count).map { ($0.key, $0.value) }
    }

    /// Counts per period (keyed by their first day) laid out as `TopPerPeriod`: every period
    /// from `range`'s first day (else the first of `days`, the local days of the first and
    /// last tweet counted; nil when none) to its last (else the last of `days`).
    /// Labels are the terms until `TopPerPeriod.relabel` sets them.
    static func periods(_ counts: [Int64: [String: Int64]], by period: TimelineResult.Period, range: DateRange,
                        days: ClosedRange<Int64>?, timeZone: TimeZone, limit: Int?) -> TopPerPeriod {
        var out = TopPerPeriod(by: period, timeZone: timeZone.identifier, periods: [])
        guard let from = range.from ?? days?.lowerBound, let to = range.to ?? days?.upperBound else { return out }
        let first = Timeline.periodStart(from, period), last = Timeline.periodStart(to, period)
        guard first <= last else { return out }
        var start = first
        while start <= last {
            let rows = top(counts[start] ?? [:], limit: limit).map { TermCount(term: $0.term, label: $0.term, tweets: $0.tweets) }
            out.periods.append(.init(start: CalendarBuckets.format(start), rows: rows))
            start = Timeline.next(start, period)
        }
        return out
    }
}

import Foundation
import Store

/// How the top hashtags change: the N most frequent normalised hashtags of each local day,
/// week or month (ANALYSIS.md "Trends and words"; 4CAT's rank_attribute). A hashtag counts
/// once per tweet, as in `HashtagCounts`; labels are the store's most frequent spellings
/// (`HashtagCounts.labels`), the same as `twindex hashtags` shows. Tweets without a time
/// fall in no period; the periods run from the first tweet's to the last tweet's.
///
/// ```swift
/// let months = try HashtagTrends.top(in: store, by: .month, limit: 10, timeZone: zone)
/// for p in months.periods { print(p.start, p.rows.map(\.label)) }
/// ```
public enum HashtagTrends {
    /// The `limit` most frequent tags of each period of the tweets in `scope`.
    public static func top(in store: Store, by period: TimelineResult.Period, limit: Int, scope: Scope = Scope(),
                           timeZone: TimeZone) throws -> TopPerPeriod {
        let buckets = try Activity.bucketsFor(store, timeZone)
        let (lower, upper) = scope.range.utcBounds(buckets)
        let filter = scope.filter(lower: lower, upper: upper, table: "t")
        // The summaries hold no time per tag, so this reads the tag rows with their tweets'
        // times, as they come (a GROUP BY in SQL sorts them first: slower, BENCHMARKS.md).
        var counts: [Int64: [String: Int64]] = [:]
        try store.rows("""
            SELECT h.tag, t.created_at FROM hashtags h JOIN tweets t ON \(store.dialect.sameTweet("h", "t"))
            WHERE t.created_at IS NOT NULL AND \(filter.sql)
            """, filter.arguments) { r in
            let start = Timeline.periodStart(buckets.day(of: r.int(1)), period)
            counts[start, default: [:]][r.string(0) ?? "", default: 0] += 1
        }
        var days: ClosedRange<Int64>?
        let timed = "FROM tweets t WHERE t.created_at IS NOT NULL AND \(filter.sql)"
        try store.rows("SELECT (SELECT min(t.created_at) \(timed)), (SELECT max(t.created_at) \(timed))",
                       filter.arguments + filter.arguments) { r in
            if !r.isNull(0) { days = buckets.day(of: r.int(0))...buckets.day(of: r.int(1)) }
        }
        var result = Ranking.periods(counts, by: period, range: scope.range, days: days, timeZone: timeZone, limit: limit)
        result.relabel(try HashtagCounts.labels(in: store, for: Array(result.terms)))
        return result
    }
}

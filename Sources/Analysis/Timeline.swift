import Foundation
import Store

/// Grafiek 11 and DMI-TCAT's tweet stats: per local day, week or month, the tweets, active
/// users, located and geo-coded tweets, and tweets with hashtags, mentions, links,
/// retweets and replies. Periods without tweets inside the covered span appear as zeros.
public struct TimelineResult: Sendable, Equatable {
    public enum Period: String, CaseIterable, Sendable { case day, week, month }

    public struct Row: Sendable, Equatable {
        /// First local day of the period, YYYY-MM-DD (weeks start on Monday).
        public var date: String
        public var tweets: Int64 = 0
        public var activeUsers: Int64 = 0
        public var located: Int64 = 0
        public var geocoded: Int64 = 0
        public var withHashtags: Int64 = 0
        public var withMentions: Int64 = 0
        public var withLinks: Int64 = 0
        public var retweets: Int64 = 0
        public var replies: Int64 = 0
    }

    public var timeZone: String
    public var period: Period
    public var rows: [Row]
}

public enum Timeline {
    public static func compute(in store: Store, timeZone: TimeZone, by period: TimelineResult.Period = .day,
                               range: DateRange = DateRange()) throws -> TimelineResult {
        let buckets = try Activity.bucketsFor(store, timeZone)
        let (lower, upper) = range.utcBounds(buckets)
        var rows: [Int64: TimelineResult.Row] = [:]
        var authors: [Int64: Set<Int64>] = [:]
        try store.rows("""
            SELECT created_at, author_id, located, longitude IS NOT NULL AND latitude IS NOT NULL, has_hashtags,
                   has_mentions, has_urls, retweeted_id IS NOT NULL, in_reply_to_status_id IS NOT NULL
            FROM tweets WHERE created_at >= ? AND created_at < ?
            """, [.integer(lower), .integer(upper)]) { r in
            let key = Self.periodStart(buckets.day(of: r.int(0)), period)
            var row = rows[key] ?? TimelineResult.Row(date: "")
            row.tweets += 1
            row.located += r.int(2)
            row.geocoded += r.int(3)
            row.withHashtags += r.int(4)
            row.withMentions += r.int(5)
            row.withLinks += r.int(6)
            row.retweets += r.int(7)
            row.replies += r.int(8)
            rows[key] = row
            if !r.isNull(1) { authors[key, default: []].insert(r.int(1)) }
        }
        guard let first = range.from.map({ Self.periodStart($0, period) }) ?? rows.keys.min(),
              let last = range.to.map({ Self.periodStart($0, period) }) ?? rows.keys.max(), first <= last else {
            return TimelineResult(timeZone: timeZone.identifier, period: period, rows: [])
        }
        var out: [TimelineResult.Row] = []
        var key = first
        while key <= last {
            var row = rows[key] ?? TimelineResult.Row(date: "")
            row.date = CalendarBuckets.format(key)
            row.activeUsers = Int64(authors[key]?.count ?? 0)
            out.append(row)
            key = Self.next(key, period)
        }
        return TimelineResult(timeZone: timeZone.identifier, period: period, rows: out)
    }

    /// The first day of the period holding local day `day`.
    static func periodStart(_ day: Int64, _ period: TimelineResult.Period) -> Int64 {
        switch period {
        case .day: return day
        case .week: return day - (day % 7 + 7 + 3) % 7   // back to Monday
        case .month:
            let c = CalendarBuckets.civil(day)
            return CalendarBuckets.dayNumber(year: c.year, month: c.month, day: 1)
        }
    }

    static func next(_ start: Int64, _ period: TimelineResult.Period) -> Int64 {
        switch period {
        case .day: return start + 1
        case .week: return start + 7
        case .month:
            let c = CalendarBuckets.civil(start)
            return c.month == 12 ? CalendarBuckets.dayNumber(year: c.year + 1, month: 1, day: 1)
                : CalendarBuckets.dayNumber(year: c.year, month: c.month + 1, day: 1)
        }
    }
}

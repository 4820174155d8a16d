import Foundation
import Model
import Store

/// Grafiek 11 and DMI-TCAT's tweet stats: per local day, week or month, the tweets, active
/// users, located and geo-coded tweets, and tweets with hashtags, mentions, links,
/// retweets and replies. Periods without tweets inside the covered span appear as zeros.
public struct TimelineResult: Sendable, Equatable {
    /// The length of a row: a local day, ISO week or month.
    public enum Period: String, CaseIterable, Sendable { case day, week, month }

    /// One period's counts.
    public struct Row: Sendable, Equatable {
        /// First local day of the period, YYYY-MM-DD (weeks start on Monday).
        public var date: String
        /// Unique tweets.
        public var tweets: Int64 = 0
        /// Distinct authors.
        public var activeUsers: Int64 = 0
        /// Tweets with a location (`Tweet.isLocated`).
        public var located: Int64 = 0
        /// Tweets with coordinates.
        public var geocoded: Int64 = 0
        /// Tweets with hashtags.
        public var withHashtags: Int64 = 0
        /// Tweets with mentions.
        public var withMentions: Int64 = 0
        /// Tweets with URLs.
        public var withLinks: Int64 = 0
        /// Native retweets.
        public var retweets: Int64 = 0
        /// Replies.
        public var replies: Int64 = 0
    }

    /// The zone's identifier.
    public var timeZone: String
    /// The length of each row.
    public var period: Period
    /// Rows in time order.
    public var rows: [Row]
}

/// Grafiek 11's analysis.
///
/// ```swift
/// let zone = TimeZone(identifier: "Europe/Amsterdam")!
/// let weeks = try Timeline.compute(in: store, timeZone: zone, by: .week)
/// ```
public enum Timeline {
    /// The rows of `store` by `period` in `timeZone`, over `range`.
    public static func compute(in store: Store, timeZone: TimeZone, by period: TimelineResult.Period = .day,
                               range: DateRange) throws -> TimelineResult {
        try compute(in: store, timeZone: timeZone, by: period, scope: Scope(range: range))
    }

    /// The rows of the tweets in `scope` by `period` in `timeZone`, over the scope's days
    /// (default: the data's span).
    public static func compute(in store: Store, timeZone: TimeZone, by period: TimelineResult.Period = .day,
                               scope: Scope = Scope()) throws -> TimelineResult {
        let range = scope.range
        let buckets = try Activity.bucketsFor(store, timeZone)
        let (lower, upper) = range.utcBounds(buckets)
        let counts: (rows: [Int64: TimelineResult.Row], active: [Int64: Int64])
        if scope.limitsOnlyDays, buckets.alignsWithQuarters, try store.summariesAreCurrent() {
            counts = try Summarized.timeline(in: store, buckets: buckets, period: period, lower: lower, upper: upper)
        } else if store.isPostgres, buckets.alignsWithQuarters {
            counts = try ServerCounts.timeline(in: store, buckets: buckets, period: period,
                                               filter: scope.filter(lower: lower, upper: upper))
        } else {
            counts = try directCounts(in: store, buckets: buckets, period: period,
                                      filter: scope.filter(lower: lower, upper: upper))
        }
        let (rows, active) = counts
        guard let first = range.from.map({ Self.periodStart($0, period) }) ?? rows.keys.min(),
              let last = range.to.map({ Self.periodStart($0, period) }) ?? rows.keys.max(), first <= last else {
            return TimelineResult(timeZone: timeZone.identifier, period: period, rows: [])
        }
        var out: [TimelineResult.Row] = []
        var start = first
        while start <= last {
            var row = rows[start] ?? TimelineResult.Row(date: "")
            row.date = CalendarBuckets.format(start)
            row.activeUsers = active[start] ?? 0
            out.append(row)
            start = Self.next(start, period)
        }
        return TimelineResult(timeZone: timeZone.identifier, period: period, rows: out)
    }

    /// The periods' counts and active users, counted from the tweets `filter` selects: one
    /// pass in time order, and one in author order on a second connection meanwhile.
    static func directCounts(in store: Store, buckets: CalendarBuckets, period: TimelineResult.Period,
                             filter: (sql: String, arguments: [SQLValue])) throws
        -> (rows: [Int64: TimelineResult.Row], active: [Int64: Int64]) {
        // Active users: distinct (author, period) pairs, counted in author-then-time order on a
        // second connection while this one counts (both cores busy).
        let active = try SecondReader(store: store) { second in
            try Self.activeUsers(in: second, buckets: buckets, period: period, filter: filter)
        }
        // Counts: one pass in time order over the covering index, so periods arrive in order.
        var rows: [Int64: TimelineResult.Row] = [:]
        var key = Int64.min
        var row = TimelineResult.Row(date: "")
        try store.rows("""
            SELECT created_at, located, longitude IS NOT NULL AND latitude IS NOT NULL, has_hashtags, has_mentions,
                   has_urls, retweeted_id IS NOT NULL, in_reply_to_status_id IS NOT NULL
            FROM tweets WHERE \(filter.sql) ORDER BY created_at
            """, filter.arguments) { r in
            let k = Self.periodStart(buckets.day(of: r.int(0)), period)
            if k != key {
                if key != .min { rows[key] = row }
                key = k
                row = rows[k] ?? TimelineResult.Row(date: "")
            }
            row.add(tweets: 1, counts: r, from: 1)
        }
        if key != .min { rows[key] = row }
        return (rows, try active.result())
    }

    static func activeUsers(in store: Store, buckets: CalendarBuckets, period: TimelineResult.Period,
                            filter: (sql: String, arguments: [SQLValue])) throws -> [Int64: Int64] {
        var active: [Int64: Int64] = [:]
        var lastAuthor: Int64?
        var lastKey = Int64.min
        try store.rows("""
            SELECT author_id, created_at FROM tweets \(try store.indexHint("tweets_author"))
            WHERE author_id IS NOT NULL AND \(filter.sql) ORDER BY author_id, created_at
            """, filter.arguments) { r in
            let author = r.int(0)
            let k = periodStart(buckets.day(of: r.int(1)), period)
            if author != lastAuthor || k != lastKey {
                active[k, default: 0] += 1
                lastAuthor = author
                lastKey = k
            }
        }
        return active
    }

    /// The first day of the period holding local day `day`.
    static func periodStart(_ day: Int64, _ period: TimelineResult.Period) -> Int64 {
        switch period {
        case .day: return day
        case .week: return day - Int64(CivilDate.weekdayIndex(day))   // back to Monday
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

extension TimelineResult.Row {
    /// Adds `tweets` and the seven counts (located, geocoded, with hashtags, mentions, links,
    /// retweets, replies) in that order in the columns of `r` from `first` on.
    mutating func add(tweets n: Int64, counts r: Row, from first: Int) {
        tweets += n
        located += r.int(first)
        geocoded += r.int(first + 1)
        withHashtags += r.int(first + 2)
        withMentions += r.int(first + 3)
        withLinks += r.int(first + 4)
        retweets += r.int(first + 5)
        replies += r.int(first + 6)
    }
}

import Foundation
import Model
import Store

/// Is the collection complete? (ANALYSIS.md, "Collection completeness"; DMI-TCAT's "gaps" and
/// "ratelimits".) Per local day or hour: the tweets, the stream's limit notices, the tweets
/// they say were withheld (missed) and the missed share; and the gaps: runs of local hours
/// without a tweet, longer than a threshold, between the store's first and last tweet.
public struct CompletenessResult: Sendable, Equatable {
    /// The length of a row.
    public enum Period: String, CaseIterable, Sendable { case day, hour }

    /// One period's counts.
    public struct Row: Sendable, Equatable {
        /// The UTC instant (epoch seconds) the period starts.
        public var start: Int64
        /// Its local day (days since 1970-01-01).
        public var day: Int64
        /// Unique tweets.
        public var tweets: Int64 = 0
        /// Limit notices placed in the period.
        public var limitNotices: Int64 = 0
        /// Tweets withheld, by the limit notices placed in the period.
        public var missed: Int64 = 0
        /// missed / (tweets + missed); nil when both are 0.
        public var missedShare: Double? {
            tweets + missed > 0 ? Double(missed) / Double(tweets + missed) : nil
        }
    }

    /// A run of local hours without a tweet: from `start` (inclusive) to `end` (exclusive,
    /// the start of the next hour with a tweet), UTC epoch seconds.
    public struct Gap: Sendable, Equatable {
        /// See the type.
        public var start: Int64
        /// See the type.
        public var end: Int64
        /// Its length in hours.
        public var hours: Int64
    }

    /// The zone of days and hours.
    public var timeZone: TimeZone
    /// The length of each row.
    public var period: Period
    /// Rows in time order, every period of the covered span (zeros included).
    public var rows: [Row]
    /// Limit notices that could not be placed (no `timestamp_ms` and no tweet before them in
    /// their input), over the whole store.
    public var unplacedLimitNotices: Int64
    /// Gaps longer than the threshold that overlap the range, whole, in time order.
    public var gaps: [Gap]
    /// Inputs read before the store kept notices and not read again since
    /// (`Store.inputsReadBeforeNotices`): 0 when every notice of the store is counted.
    public var inputsWithoutNotices: Int
}

/// The completeness analysis.
///
/// ```swift
/// var options = Completeness.Options()
/// options.period = .hour
/// let result = try Completeness.compute(in: store, options: options)
/// print(result.gaps.map(\.hours))
/// ```
public enum Completeness {
    /// What to compute.
    public struct Options: Sendable {
        /// The zone of days and hours.
        public var timeZone = TimeZone(identifier: "Europe/Amsterdam") ?? TimeZone(secondsFromGMT: 0) ?? .current
        /// Rows per local day or hour.
        public var period = CompletenessResult.Period.day
        /// Gaps are runs of more than this many empty hours.
        public var minGap = 6
        /// The local days of the rows (open: the data's span).
        public var range = DateRange()
        /// Days, no gap threshold beyond the default, every day.
        public init() {}
    }

    /// A limit notice as the analysis reads it: its time (nil: unplaced) and the tweets it
    /// adds to the missed count.
    struct LimitNotice: Equatable {
        var time: Int64?
        var missed: Int64
    }

    /// The rows, gaps and unplaced notices of `store`.
    public static func compute(in store: Store, options: Options = Options()) throws -> CompletenessResult {
        let notices = try limitNotices(in: store)
        var lo = Int64.max, hi = Int64.min
        try store.rows("SELECT (SELECT min(created_at) FROM tweets), (SELECT max(created_at) FROM tweets)") { r in
            if !r.isNull(0) { (lo, hi) = (r.int(0), r.int(1)) }
        }
        // The offsets table covers the tweets, the notices and the days asked for.
        let ends = notices.compactMap(\.time) + [options.range.from, options.range.to.map { $0 + 1 }].compactMap { $0.map { $0 * 86400 } }
        for time in ends { (lo, hi) = (min(lo, time), max(hi, time)) }
        let buckets = CalendarBuckets(timeZone: options.timeZone, covering: lo <= hi ? lo...hi : 0...0)
        let hours = try tweetsPerHour(in: store, buckets: buckets)
        let (lower, upper) = options.range.utcBounds(buckets)
        let key: (Int64) -> Int64 = options.period == .day ? { buckets.day(of: $0) } : { buckets.hourStart(of: $0) }

        var rows: [Int64: CompletenessResult.Row] = [:]
        func row(_ k: Int64) -> CompletenessResult.Row {
            rows[k] ?? CompletenessResult.Row(start: options.period == .day ? buckets.startOfDay(k) : k,
                                              day: options.period == .day ? k : buckets.day(of: k))
        }
        for (start, n) in hours where start >= lower && start < upper {
            var r = row(key(start))
            r.tweets += n
            rows[key(start)] = r
        }
        for notice in notices {
            guard let time = notice.time, time >= lower, time < upper else { continue }
            var r = row(key(time))
            r.limitNotices += 1
            r.missed += notice.missed
            rows[key(time)] = r
        }
        let first = options.range.from.map { options.period == .day ? $0 : buckets.startOfDay($0) } ?? rows.keys.min()
        let last = options.range.to.map { options.period == .day ? $0 : buckets.hourStart(of: buckets.startOfDay($0 + 1) - 1) }
            ?? rows.keys.max()
        var out: [CompletenessResult.Row] = []
        if let first, let last {
            var k = first
            while k <= last {
                out.append(row(k))
                k = options.period == .day ? k + 1 : buckets.nextHour(after: k)
            }
        }
        let gaps = self.gaps(hoursWithTweets: hours.keys.sorted(), buckets: buckets, longerThan: options.minGap)
            .filter { $0.end > lower && $0.start < upper }
        return CompletenessResult(timeZone: options.timeZone, period: options.period, rows: out,
                                  unplacedLimitNotices: Int64(notices.filter { $0.time == nil }.count), gaps: gaps,
                                  inputsWithoutNotices: try store.inputsReadBeforeNotices())
    }

    /// The store's limit notices, file by file in file order, with their times and the
    /// tweets each adds: the increase of `track` over the notice before it in the same file,
    /// its whole `track` for a file's first notice and after a drop (a new connection). The
    /// members of an archive are one file, read in member-name order (time order in the
    /// Archive Team's layout): a stream capture's connection runs on across its minute files.
    /// Plain files are one read each (a path written anew, as a nightly job's, is a new file).
    static func limitNotices(in store: Store) throws -> [LimitNotice] {
        var out: [LimitNotice] = []
        var current: String?
        var previous: Int64?
        try store.rows("""
            SELECT n.track, n.timestamp_ms, n.previous_tweet_at, f.path, CASE WHEN f.member IS NULL THEN 0 ELSE 1 END, n.file_id
            FROM notices n JOIN files f ON f.id = n.file_id
            WHERE n.kind = 'limit' ORDER BY f.path, f.member, n.file_id, n."offset"
            """) { r in
            let file = r.int(4) != 0 ? "archive " + (r.string(3) ?? "") : "file \(r.int(5))"
            if file != current { (current, previous) = (file, nil) }
            var missed: Int64 = 0
            if !r.isNull(0) {
                let track = r.int(0)
                missed = previous.map { track >= $0 ? track - $0 : track } ?? track
                previous = track
            }
            let time: Int64? = !r.isNull(1) ? r.int(1) / 1000 : r.isNull(2) ? nil : r.int(2)
            out.append(LimitNotice(time: time, missed: missed))
        }
        return out
    }

    /// Tweets per local hour (keyed by the hour's UTC start), from the per-quarter summaries
    /// where they serve the zone, else from every tweet.
    static func tweetsPerHour(in store: Store, buckets: CalendarBuckets) throws -> [Int64: Int64] {
        var hours: [Int64: Int64] = [:]
        if buckets.alignsWithQuarters, try store.summariesAreCurrent() {
            try store.rows("SELECT quarter, tweets FROM tweet_quarters WHERE tweets > 0") { r in
                hours[buckets.hourStart(of: r.int(0) * 900), default: 0] += r.int(1)
            }
        } else {
            try store.rows("SELECT created_at FROM tweets WHERE created_at IS NOT NULL") { r in
                hours[buckets.hourStart(of: r.int(0)), default: 0] += 1
            }
        }
        return hours
    }

    /// The runs of empty local hours between consecutive hours with tweets (`hoursWithTweets`,
    /// sorted UTC starts) that last more than `minGap` hours.
    static func gaps(hoursWithTweets: [Int64], buckets: CalendarBuckets, longerThan minGap: Int) -> [CompletenessResult.Gap] {
        var out: [CompletenessResult.Gap] = []
        for (a, b) in zip(hoursWithTweets, hoursWithTweets.dropFirst()) {
            let start = buckets.nextHour(after: a)
            let hours = (b - start + 1800) / 3600
            if hours > minGap { out.append(CompletenessResult.Gap(start: start, end: b, hours: hours)) }
        }
        return out
    }
}

extension CalendarBuckets {
    /// The UTC start of the local hour holding `epoch` (the instant the local clock last read
    /// a whole hour): the two 02:00 hours of a night when the clocks go back are two hours.
    func hourStart(of epoch: Int64) -> Int64 {
        let local = epoch + offset(at: epoch)
        return epoch - ((local % 3600) + 3600) % 3600
    }

    /// The UTC start of the local hour after the one starting at `start`.
    func nextHour(after start: Int64) -> Int64 {
        let next = hourStart(of: start + 3600)
        return next > start ? next : start + 3600
    }
}

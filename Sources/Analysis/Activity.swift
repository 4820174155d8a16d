import Foundation
import Store

/// Grafiek 12: tweets per ISO weekday, per hour, per hour of the week, and the weekend
/// share, in local time of one zone, for an optional range of local days.
public struct ActivityResult: Sendable, Equatable {
    /// The zone's identifier.
    public var timeZone: String
    /// The local days covered (open ends: all).
    public var range: DateRange
    /// Tweets counted.
    public var tweets: Int64
    /// Monday first.
    public var weekday: [Int64]
    /// Local hours 0–23.
    public var hour: [Int64]
    /// 7 rows (Monday first) of 24 hours.
    public var weekHour: [[Int64]]
    /// Saturday and Sunday over all tweets; nil when there are none.
    public var weekendShare: Double?
}

/// Grafiek 12's analysis.
///
/// ```swift
/// let a = try Activity.compute(in: store, timeZone: TimeZone(identifier: "Europe/Amsterdam")!)
/// print(a.weekendShare ?? 0)
/// ```
public enum Activity {
    /// The activity of `store` in `timeZone` over `range`.
    public static func compute(in store: Store, timeZone: TimeZone, range: DateRange) throws -> ActivityResult {
        try compute(in: store, timeZone: timeZone, scope: Scope(range: range))
    }

    /// The activity of the tweets in `scope` (its days local in `timeZone`).
    public static func compute(in store: Store, timeZone: TimeZone, scope: Scope = Scope()) throws -> ActivityResult {
        let range = scope.range
        let buckets = try bucketsFor(store, timeZone)
        let (lower, upper) = range.utcBounds(buckets)
        var weekHour = [[Int64]](repeating: [Int64](repeating: 0, count: 24), count: 7)
        var total: Int64 = 0
        if scope.limitsOnlyDays, buckets.alignsWithQuarters, try store.summariesAreCurrent() {
            (weekHour, total) = try Summarized.weekHours(in: store, buckets: buckets, lower: lower, upper: upper)
        } else if store.isPostgres, buckets.alignsWithQuarters {
            (weekHour, total) = try ServerCounts.weekHours(in: store, buckets: buckets, filter: scope.filter(lower: lower, upper: upper))
        } else {
            let filter = scope.filter(lower: lower, upper: upper)
            try store.rows("SELECT created_at FROM tweets WHERE \(filter.sql)", filter.arguments) { r in
                let (d, h) = buckets.weekdayAndHour(of: r.int(0))
                weekHour[d][h] += 1
                total += 1
            }
        }
        let weekday = weekHour.map { $0.reduce(0, +) }
        let hour = (0..<24).map { h in weekHour.reduce(0) { $0 + $1[h] } }
        return ActivityResult(timeZone: timeZone.identifier, range: range, tweets: total, weekday: weekday, hour: hour,
                              weekHour: weekHour,
                              weekendShare: total > 0 ? Double(weekday[5] + weekday[6]) / Double(total) : nil)
    }

    /// Calendar buckets covering the store's time span.
    static func bucketsFor(_ store: Store, _ timeZone: TimeZone) throws -> CalendarBuckets {
        var lo: Int64 = 0, hi: Int64 = 0
        // One subquery per end: each reads one end of the time index.
        try store.rows("SELECT coalesce((SELECT min(created_at) FROM tweets), 0), coalesce((SELECT max(created_at) FROM tweets), 0)") {
            lo = $0.int(0)
            hi = $0.int(1)
        }
        return CalendarBuckets(timeZone: timeZone, covering: lo...max(lo, hi))
    }
}

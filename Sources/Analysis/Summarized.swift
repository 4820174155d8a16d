import Foundation
import Model
import Store

/// The analyses' counts read from the store's summary tables (`Summaries` in the Store
/// module) instead of every tweet: per 15-minute UTC bucket, per author and UTC day (64 days to a row), per tag.
/// Callers use these only when `Store.summariesAreCurrent()` and the scope allows (days only
/// for the per-quarter counts, the whole store for the tag counts); the answers are the
/// same as counting the tweets (SummaryTests compares both).
enum Summarized {
    /// Quarter numbers to read for the UTC bounds `lower..<upper` (a little wider; callers
    /// check each quarter's start).
    private static func quarters(_ lower: Int64, _ upper: Int64) -> [SQLValue] {
        [.integer(lower / 900 - 1), .integer(upper / 900 + 1)]
    }

    /// Each quarter with tweets starting in `lower..<upper`: its start and counts, in time order.
    static func forEachQuarter(in store: Store, lower: Int64, upper: Int64,
                               _ body: (_ start: Int64, _ counts: Row) throws -> Void) throws {
        try store.rows("""
            SELECT quarter, tweets, located, geocoded, with_hashtags, with_mentions, with_links, retweets, replies,
                   starting_with_at
            FROM tweet_quarters WHERE quarter >= ? AND quarter <= ? AND tweets > 0 ORDER BY quarter
            """, quarters(lower, upper)) { r in
            let start = r.int(0) * 900
            if start >= lower && start < upper { try body(start, r) }
        }
    }

    /// `Timeline.directCounts` from the summaries.
    static func timeline(in store: Store, buckets: CalendarBuckets, period: TimelineResult.Period,
                         lower: Int64, upper: Int64) throws -> (rows: [Int64: TimelineResult.Row], active: [Int64: Int64]) {
        // Active users on a second connection while this one sums the quarters (both cores busy).
        let active = try SecondReader(store: store) { second in
            try activeUsers(in: second, buckets: buckets, period: period, lower: lower, upper: upper)
        }
        var rows: [Int64: TimelineResult.Row] = [:]
        var key = Int64.min
        var row = TimelineResult.Row(date: "")
        try forEachQuarter(in: store, lower: lower, upper: upper) { start, r in
            let k = Timeline.periodStart(buckets.day(of: start), period)
            if k != key {
                if key != .min { rows[key] = row }
                key = k
                row = rows[k] ?? TimelineResult.Row(date: "")
            }
            row.add(tweets: r.int(1), counts: r, from: 2)
        }
        if key != .min { rows[key] = row }
        return (rows, try active.result())
    }

    /// Distinct (author, period) pairs from the quarters each author tweeted in, author by
    /// author in time order (as `Timeline.activeUsers` reads the tweets), counted in an array
    /// over the store's periods.
    private static func activeUsers(in store: Store, buckets: CalendarBuckets, period: TimelineResult.Period,
                                    lower: Int64, upper: Int64) throws -> [Int64: Int64] {
        var bounds: (first: Int64, last: Int64)?
        try store.rows("SELECT (SELECT min(quarter) FROM tweet_quarters), (SELECT max(quarter) FROM tweet_quarters)") { r in
            if !r.isNull(0) { bounds = (r.int(0) * 900, r.int(1) * 900) }
        }
        guard let bounds else { return [:] }
        // Periods are numbered by their first day; one slot per day covers every period kind.
        let base = Timeline.periodStart(buckets.day(of: bounds.first), period)
        var counter = ActiveAuthorCounter(buckets: buckets, period: period, lower: lower, upper: upper, base: base,
                                          lastDay: buckets.day(of: bounds.last), firstEpoch: bounds.first)
        try store.rows("SELECT author_id, span, days, quarters FROM author_spans ORDER BY author_id, span") { r in
            let author = r.int(0)
            r.bytes(3).withUnsafeBytes { quarters in
                AuthorSpans.forEachDay(span: r.int(1), days: r.int(2), quarters: quarters) { day, q in
                    counter.add(author: author, utcDay: day, early: q.early, late: q.late)
                }
            }
        }
        let counts = counter.counts
        var active: [Int64: Int64] = [:]
        for (i, n) in counts.enumerated() where n > 0 { active[base + Int64(i)] = n }
        return active
    }

    /// The tweets per local weekday and hour (`Activity.compute`'s matrix) and their total.
    static func weekHours(in store: Store, buckets: CalendarBuckets, lower: Int64, upper: Int64) throws
        -> (weekHour: [[Int64]], total: Int64) {
        var weekHour = [[Int64]](repeating: [Int64](repeating: 0, count: 24), count: 7)
        var total: Int64 = 0
        try forEachQuarter(in: store, lower: lower, upper: upper) { start, r in
            let (d, h) = buckets.weekdayAndHour(of: start)
            weekHour[d][h] += r.int(1)
            total += r.int(1)
        }
        return (weekHour, total)
    }

    /// The Tabel 6 counts of the whole store: the quarters' sums and the tweets without a time.
    static func ratioCounts(in store: Store) throws -> RatioCounts {
        var c = RatioCounts(tweets: 0, hashtags: 0, mentions: 0, startsWithAt: 0)
        try forEachQuarter(in: store, lower: .min, upper: .max) { _, r in
            c.tweets += r.int(1)
            c.hashtags += r.int(4)
            c.mentions += r.int(5)
            c.startsWithAt += r.int(9)
        }
        try store.rows("""
            SELECT count(*), coalesce(sum(has_hashtags), 0), coalesce(sum(has_mentions), 0),
                   coalesce(sum(starts_with_at), 0) FROM tweets WHERE created_at IS NULL
            """) { r in
            c.tweets += r.int(0)
            c.hashtags += r.int(1)
            c.mentions += r.int(2)
            c.startsWithAt += r.int(3)
        }
        return c
    }

    /// A JSON array of `tags`, for `IN (SELECT value FROM json_each(?))`.
    private static func jsonList(_ tags: [String]) -> SQLValue {
        let data = (try? JSONSerialization.data(withJSONObject: tags)) ?? Data("[]".utf8)
        return .text(String(decoding: data, as: UTF8.self))
    }

    /// Tags with their tweets, most first (ties by tag), those in more than `moreThan` tweets,
    /// at most `limit` (nil: all).
    static func tagFrequencies(in store: Store, moreThan: Int64 = 0, limit: Int? = nil) throws -> [(tag: String, tweets: Int64)] {
        var out: [(tag: String, tweets: Int64)] = []
        try store.rows("""
            SELECT tag, sum(tweets) AS n FROM tag_spellings WHERE tweets > 0 GROUP BY tag HAVING n > ?
            ORDER BY n DESC, tag LIMIT ?
            """, [.integer(moreThan), .integer(Int64(limit ?? -1))]) { r in
            out.append((r.string(0) ?? "", r.int(1)))
        }
        return out
    }

    /// The distinct authors of each of `tags`.
    static func tagUsers(in store: Store, _ tags: [String]) throws -> [String: Int64] {
        var users: [String: Int64] = [:]
        try store.rows("""
            SELECT tag, count(*) FROM tag_authors WHERE tag IN (SELECT value FROM json_each(?)) AND tweets > 0 GROUP BY tag
            """, [jsonList(tags)]) { r in users[r.string(0) ?? ""] = r.int(1) }
        return users
    }

    /// Each of `tags` with its spellings and their tweets.
    static func forEachSpelling(in store: Store, of tags: [String], _ body: (String, String, Int64) -> Void) throws {
        try store.rows("""
            SELECT tag, spelling, tweets FROM tag_spellings WHERE tag IN (SELECT value FROM json_each(?)) AND tweets > 0
            """, [jsonList(tags)]) { r in body(r.string(0) ?? "", r.string(1) ?? "", r.int(2)) }
    }

    /// The tweets carrying both tags of each pair of `tags` that share any, keyed by their
    /// positions in `tags` (smaller first) as `Cooccurrence` keys its edges: `i * n + j`.
    static func pairs(in store: Store, of tags: [String]) throws -> [Int: Int64] {
        var rows: [(String, String, Int64)] = []
        try store.rows("""
            SELECT a, b, tweets FROM tag_pairs WHERE a IN (SELECT value FROM json_each(?)) AND tweets > 0
            """, [jsonList(tags)]) { r in rows.append((r.string(0) ?? "", r.string(1) ?? "", r.int(2))) }
        return keyedPairs(rows, of: tags)
    }

    /// Pair counts `(a, b, tweets)` keyed by the positions of `a` and `b` in `tags` (smaller
    /// first): `i * n + j`; pairs with a tag not in `tags` are left out.
    static func keyedPairs(_ rows: [(String, String, Int64)], of tags: [String]) -> [Int: Int64] {
        var position: [String: Int] = [:]
        for (i, t) in tags.enumerated() { position[t] = i }
        let n = tags.count
        var pairs: [Int: Int64] = [:]
        for (a, b, tweets) in rows {
            guard let i = position[a], let j = position[b] else { continue }
            pairs[min(i, j) * n + max(i, j)] = tweets
        }
        return pairs
    }
}

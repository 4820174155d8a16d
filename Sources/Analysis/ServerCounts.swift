import Foundation
import Model
import Store

/// The analyses' counts grouped by the server, for a PostgreSQL store (which keeps no summary
/// tables): only the groups cross the wire, never a row per tweet. The server counts per
/// 15-minute UTC bucket and Swift places each bucket in the analysis's time zone (every IANA
/// zone's offsets are whole quarters since 1970, daylight-saving time included), so every
/// engine gives the same local days and hours; distinct authors per period and hashtag pairs
/// are counted in SQL. On Citus each of these is a GROUP BY the workers run on their shards
/// and the coordinator merges (docs/SCALE.md).
enum ServerCounts {
    /// Each 15-minute UTC bucket holding tweets `filter` selects: its start and the counts in
    /// `tweet_quarters`' column order (see `Summarized.forEachQuarter`), in time order.
    static func forEachQuarter(in store: Store, filter: (sql: String, arguments: [SQLValue]),
                               _ body: (_ start: Int64, _ counts: Row) throws -> Void) throws {
        try store.rows("""
            SELECT floor(created_at / 900.0)::bigint AS quarter, count(*), sum(located),
                   count(CASE WHEN longitude IS NOT NULL AND latitude IS NOT NULL THEN 1 END), sum(has_hashtags),
                   sum(has_mentions), sum(has_urls), count(retweeted_id), count(in_reply_to_status_id), sum(starts_with_at)
            FROM tweets WHERE created_at IS NOT NULL AND \(filter.sql) GROUP BY 1 ORDER BY 1
            """, filter.arguments) { r in try body(r.int(0) * 900, r) }
    }

    /// The distinct authors of each of `periods` (keyed by their first local day, sorted)
    /// among the tweets `filter` selects, which all fall in those periods: the periods' UTC
    /// starts go to the server, which buckets each tweet with `width_bucket` and counts.
    static func activeUsers(in store: Store, buckets: CalendarBuckets, periods: [Int64],
                            filter: (sql: String, arguments: [SQLValue])) throws -> [Int64: Int64] {
        guard !periods.isEmpty else { return [:] }
        let thresholds = "{" + periods.map { String(buckets.startOfDay($0)) }.joined(separator: ",") + "}"
        var active: [Int64: Int64] = [:]
        try store.rows("""
            SELECT width_bucket(created_at, ?::bigint[]) AS p, count(DISTINCT author_id) FROM tweets
            WHERE author_id IS NOT NULL AND created_at IS NOT NULL AND \(filter.sql) GROUP BY 1
            """, [.text(thresholds)] + filter.arguments) { r in
            let p = Int(r.int(0))
            if p >= 1 && p <= periods.count { active[periods[p - 1]] = r.int(1) }
        }
        return active
    }

    /// `Timeline.directCounts` grouped by the server.
    static func timeline(in store: Store, buckets: CalendarBuckets, period: TimelineResult.Period,
                         filter: (sql: String, arguments: [SQLValue])) throws
        -> (rows: [Int64: TimelineResult.Row], active: [Int64: Int64]) {
        var rows: [Int64: TimelineResult.Row] = [:]
        try forEachQuarter(in: store, filter: filter) { start, r in
            rows[Timeline.periodStart(buckets.day(of: start), period), default: TimelineResult.Row(date: "")]
                .add(tweets: r.int(1), counts: r, from: 2)
        }
        return (rows, try activeUsers(in: store, buckets: buckets, periods: rows.keys.sorted(), filter: filter))
    }

    /// `Activity`'s week-hour matrix and total grouped by the server.
    static func weekHours(in store: Store, buckets: CalendarBuckets, filter: (sql: String, arguments: [SQLValue])) throws
        -> (weekHour: [[Int64]], total: Int64) {
        var weekHour = [[Int64]](repeating: [Int64](repeating: 0, count: 24), count: 7)
        var total: Int64 = 0
        try forEachQuarter(in: store, filter: filter) { start, r in
            let (d, h) = buckets.weekdayAndHour(of: start)
            weekHour[d][h] += r.int(1)
            total += r.int(1)
        }
        return (weekHour, total)
    }

    /// `Cooccurrence.directCounts` grouped by the server: the tags of the scope's tweets with
    /// their tweets and distinct authors, then the pairs among those kept, each pair a GROUP
    /// BY over a self-join of `hashtags` on the tweet (co-located on Citus by `shard_key`).
    static func cooccurrence(in store: Store, options: Cooccurrence.Options) throws -> Cooccurrence.NetworkCounts {
        let filter = options.scope.filter(in: options.timeZone, table: "t")
        var kept: [(tag: String, tweets: Int64, users: Int64)] = []
        try store.rows("""
            SELECT h.tag, count(*), count(DISTINCT t.author_id) FROM hashtags h
            JOIN tweets t ON t.shard_key = h.shard_key AND t.id = h.tweet_id
            WHERE \(filter.sql) GROUP BY h.tag HAVING count(*) > ?
            """, filter.arguments + [.integer(Int64(options.moreThan))]) { r in
            kept.append((r.string(0) ?? "", r.int(1), r.int(2)))
        }
        // Sorted as `directCounts` sorts (Swift's string order, not the server's bytes).
        kept.sort { $0.tweets != $1.tweets ? $0.tweets > $1.tweets : $0.tag < $1.tag }
        let tags = kept.map(\.tag)
        let list = String(decoding: try JSONSerialization.data(withJSONObject: tags), as: UTF8.self)
        var rows: [(String, String, Int64)] = []
        try store.rows("""
            WITH kept AS (SELECT jsonb_array_elements_text(?::jsonb) AS tag)
            SELECT a.tag, b.tag, count(*) FROM hashtags a
            JOIN hashtags b ON b.shard_key = a.shard_key AND b.tweet_id = a.tweet_id AND b.tag > a.tag
            JOIN tweets t ON t.shard_key = a.shard_key AND t.id = a.tweet_id
            WHERE a.tag IN (SELECT tag FROM kept) AND b.tag IN (SELECT tag FROM kept) AND \(filter.sql)
            GROUP BY a.tag, b.tag
            """, [.text(list)] + filter.arguments) { r in rows.append((r.string(0) ?? "", r.string(1) ?? "", r.int(2))) }
        return (kept.map { ($0.tag, $0.tweets, $0.users) }, Summarized.keyedPairs(rows, of: tags))
    }
}

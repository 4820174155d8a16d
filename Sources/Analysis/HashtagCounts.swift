import Foundation
import Store
import Text

/// Hashtags by frequency: the number of (unique, not deleted) tweets carrying each
/// normalised tag, with its label (the most frequent original spelling).
public struct HashtagRow: Sendable, Equatable {
    /// The normalised tag.
    public var tag: String
    /// Its most frequent spelling.
    public var label: String
    /// Tweets carrying it.
    public var tweets: Int64
    /// Distinct authors of those tweets.
    public var users: Int64
}

/// Hashtag frequencies of a store.
public enum HashtagCounts {
    /// The `limit` most frequent tags (ties by tag), or all when `limit` is nil, over the
    /// tweets in `scope` (its days local in `timeZone`).
    public static func top(in store: Store, limit: Int? = nil, scope: Scope = Scope(),
                           timeZone: TimeZone = TimeZone(identifier: "UTC") ?? .current) throws -> [HashtagRow] {
        var rows: [HashtagRow] = []
        if scope.isEverything, try store.summariesAreCurrent() {
            let top = try Summarized.tagFrequencies(in: store, limit: limit)
            let users = try Summarized.tagUsers(in: store, top.map(\.tag))
            let labels = try labels(in: store, for: top.map(\.tag))
            return top.map { HashtagRow(tag: $0.tag, label: labels[$0.tag] ?? $0.tag, tweets: $0.tweets, users: users[$0.tag] ?? 0) }
        }
        let filter = scope.filter(in: timeZone, table: "t")
        try store.rows("""
            SELECT h.tag, count(*) AS n, count(DISTINCT t.author_id) FROM hashtags h
            JOIN tweets t \(try store.indexHint(Schema.networkIndex)) ON \(store.dialect.sameTweet("h", "t"))
            WHERE \(filter.sql)
            GROUP BY h.tag ORDER BY n DESC, h.tag LIMIT ?
            """, filter.arguments + [.integer(Int64(limit ?? Int.max))]) { r in
            rows.append(HashtagRow(tag: r.string(0) ?? "", label: "", tweets: r.int(1), users: r.int(2)))
        }
        let labels = try labels(in: store, for: rows.map(\.tag))
        return rows.map { var r = $0; r.label = labels[r.tag] ?? r.tag; return r }
    }

    /// How many distinct tags the tweets in `scope` carry (what `top` ranks, before its limit).
    public static func distinctTags(in store: Store, scope: Scope = Scope(),
                                    timeZone: TimeZone = TimeZone(identifier: "UTC") ?? .current) throws -> Int {
        if scope.isEverything, try store.summariesAreCurrent() {
            return try count("SELECT count(DISTINCT tag) FROM tag_spellings WHERE tweets > 0", [])
        }
        let filter = scope.filter(in: timeZone, table: "t")
        return try count("""
            SELECT count(DISTINCT h.tag) FROM hashtags h JOIN tweets t \(try store.indexHint(Schema.networkIndex)) ON \(store.dialect.sameTweet("h", "t"))
            WHERE \(filter.sql)
            """, filter.arguments)
        func count(_ sql: String, _ arguments: [SQLValue]) throws -> Int {
            var n: Int64 = 0
            try store.rows(sql, arguments) { n = $0.int(0) }
            return Int(n)
        }
    }

    /// The most frequent spelling of each tag. Spellings that differ only in Unicode
    /// normalisation (NFC vs NFD) look the same and count as one, shown in NFC; ties go to
    /// the smallest in code-point order.
    public static func labels(in store: Store, for tags: [String]) throws -> [String: String] {
        var counts: [String: [String: Int64]] = [:]
        if try store.summariesAreCurrent() {
            try Summarized.forEachSpelling(in: store, of: tags) { tag, spelling, n in
                counts[tag, default: [:]][TagNormalizer.nfc(spelling), default: 0] += n
            }
            return counts.mapValues(TagNormalizer.label)
        }
        let wanted = Set(tags)
        try store.rows("SELECT tag, spelling, count(*) FROM hashtags GROUP BY tag, spelling") { r in
            guard let tag = r.string(0), wanted.contains(tag), let spelling = r.string(1) else { return }
            counts[tag, default: [:]][TagNormalizer.nfc(spelling), default: 0] += r.int(2)
        }
        return counts.mapValues(TagNormalizer.label)
    }
}

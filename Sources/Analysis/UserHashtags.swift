import Foundation
import Store

/// The user–hashtag network's SQL (ANALYSIS.md "The user–hashtag network"): an edge
/// account–hashtag weighs the tweets in which that account used that hashtag; hashtags are
/// those in more than N tweets, as in Figuur 3.
enum UserHashtags {
    /// `SELECT account, tag, weight` with its arguments: the tweets in `scope` (days local in
    /// `zone`), hashtags in more than `moreThan` of them, in the store's `dialect`.
    static func edges(moreThan: Int, scope: Scope, in zone: TimeZone, dialect: SQLDialect) -> (sql: String, arguments: [SQLValue]) {
        let filter = scope.filter(in: zone, table: "t"), inner = scope.filter(in: zone, table: "t2")
        let frequent = scope.isEverything
            ? "SELECT tag FROM hashtags GROUP BY tag HAVING count(*) > ?"
            : "SELECT h2.tag FROM hashtags h2 JOIN tweets t2 ON \(dialect.sameTweet("h2", "t2")) WHERE \(inner.sql) GROUP BY h2.tag HAVING count(*) > ?"
        return ("""
            SELECT lower(u.screen_name), h.tag, count(*) FROM hashtags h
            JOIN tweets t ON \(dialect.sameTweet("h", "t")) JOIN users u ON u.id = t.author_id
            WHERE u.screen_name IS NOT NULL AND (\(filter.sql)) AND h.tag IN (\(frequent))
            GROUP BY 1, 2 ORDER BY 1, 2
            """, filter.arguments + (scope.isEverything ? [] : inner.arguments) + [.integer(Int64(moreThan))])
    }

    /// A hashtag node's label, frequency and distinct authors.
    struct TagFacts {
        var label: String
        var tweets: Int64
        var users: Int64
    }

    /// Facts of the given tags over the tweets `scope` (a condition on `tweets t`) keeps; the
    /// label is the store's most frequent spelling.
    static func tagFacts(in store: Store, for tags: [String], scope: (sql: String, arguments: [SQLValue])) throws -> [String: TagFacts] {
        guard !tags.isEmpty else { return [:] }
        let wanted = Set(tags)
        let labels = try HashtagCounts.labels(in: store, for: tags)
        var out: [String: TagFacts] = [:]
        try store.rows("""
            SELECT h.tag, count(*), count(DISTINCT t.author_id) FROM hashtags h JOIN tweets t ON \(store.dialect.sameTweet("h", "t"))
            WHERE \(scope.sql) GROUP BY h.tag
            """, scope.arguments) { r in
            guard let tag = r.string(0), wanted.contains(tag) else { return }
            out[tag] = TagFacts(label: labels[tag] ?? tag, tweets: r.int(1), users: r.int(2))
        }
        return out
    }
}

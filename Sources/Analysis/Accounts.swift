import Foundation
import Store

/// One account's figures (ANALYSIS.md "Accounts"): what it sent, how it sent it, and how
/// others named it, so a reader sees which accounts drive the corpus's figures.
public struct AccountRow: Sendable, Equatable {
    /// The latest profile's screen name (nil when no tweet carried a profile).
    public var screenName: String?
    /// The author's user id.
    public var userID: Int64
    /// Unique, not deleted tweets the account authored.
    public var tweets: Int64
    /// Its first and last tweet, UTC epoch seconds.
    public var first: Int64?
    /// See `first`.
    public var last: Int64?
    /// Tabel 6's counts over the account's tweets: with hashtags, with mentions, starting with @.
    public var withHashtags: Int64
    /// See `withHashtags`.
    public var withMentions: Int64
    /// See `withHashtags`.
    public var startsWithAt: Int64
    /// Replies (`in_reply_to_status_id` set).
    public var replies: Int64
    /// Native retweets.
    public var retweets: Int64
    /// Distinct normalised hashtags used.
    public var hashtags: Int64
    /// Tweets by other accounts mentioning it (native retweets left out, as in the mention network).
    public var mentionsReceived: Int64
    /// Distinct other accounts mentioning it in those tweets.
    public var mentionedBy: Int64
    /// The latest profile's followers and friends counts.
    public var followers: Int64?
    /// See `followers`.
    public var friends: Int64?

    /// `first` and `last` as ISO-8601 UTC, as `stats` gives them.
    public var firstUTC: String? { first.map(Store.iso8601) }
    /// See `firstUTC`.
    public var lastUTC: String? { last.map(Store.iso8601) }

    /// A share of the account's tweets (0 when it has none).
    public func share(_ count: Int64) -> Double { tweets > 0 ? Double(count) / Double(tweets) : 0 }
}

/// The per-account table of `twindex users` and of the report.
///
/// ```swift
/// let busiest = try Accounts.compute(in: store, sort: .tweets, limit: 20)
/// print(busiest.map { "\($0.screenName ?? "?") \($0.share($0.withMentions))" })
/// ```
public enum Accounts {
    /// How rows are ordered (largest first; ties by screen name, then user id).
    public enum Sort: String, CaseIterable, Sendable {
        /// Tweets authored.
        case tweets
        /// Tweets by others mentioning the account.
        case mentionsReceived = "mentions_received"
        /// The latest profile's followers count.
        case followers
    }

    /// How many authors the tweets in `scope` have (the rows `compute` gives without a limit).
    public static func count(in store: Store, scope: Scope = Scope(),
                             timeZone: TimeZone = TimeZone(identifier: "UTC") ?? .current) throws -> Int {
        let filter = scope.filter(in: timeZone)
        var n: Int64 = 0
        try store.rows("SELECT count(DISTINCT author_id) FROM tweets WHERE author_id IS NOT NULL AND \(filter.sql)",
                       filter.arguments) { n = $0.int(0) }
        return Int(n)
    }

    /// Every author of a tweet in `scope` (its days local in `timeZone`; the default: the
    /// whole store), or the first `limit`, in `sort` order. Every figure but the profile's
    /// followers and friends counts the tweets in the scope only: `mentionsReceived` counts
    /// the scope's tweets by other accounts that mention the account.
    public static func compute(in store: Store, sort: Sort = .tweets, limit: Int? = nil, scope: Scope = Scope(),
                               timeZone: TimeZone = TimeZone(identifier: "UTC") ?? .current) throws -> [AccountRow] {
        let order: String
        switch sort {
        case .tweets: order = "a.tweets"
        case .mentionsReceived: order = "coalesce(m.received, 0)"
        case .followers: order = "coalesce(u.followers_count, -1)"
        }
        var rows: [AccountRow] = []
        let filter = scope.filter(in: timeZone, table: "t")
        try store.rows("""
            WITH a AS (
              SELECT author_id, count(*) AS tweets, min(created_at) AS first, max(created_at) AS last,
                sum(has_hashtags) AS h, sum(has_mentions) AS m, sum(starts_with_at) AS s,
                count(in_reply_to_status_id) AS replies, count(retweeted_id) AS retweets
              FROM tweets t WHERE author_id IS NOT NULL AND (\(filter.sql)) GROUP BY author_id),
            tags AS (
              SELECT t.author_id, count(DISTINCT h.tag) AS n FROM hashtags h JOIN tweets t ON \(store.dialect.sameTweet("h", "t"))
              WHERE \(filter.sql) GROUP BY t.author_id),
            m AS (
              SELECT lower(mm.screen_name) AS name, count(*) AS received, count(DISTINCT t.author_id) AS mentioners
              FROM mentions mm JOIN tweets t ON \(store.dialect.sameTweet("mm", "t")) LEFT JOIN users au ON au.id = t.author_id
              WHERE t.retweeted_id IS NULL AND lower(mm.screen_name) IS DISTINCT FROM lower(au.screen_name) AND (\(filter.sql))
              GROUP BY 1)
            SELECT u.screen_name, a.author_id, a.tweets, a.first, a.last, a.h, a.m, a.s, a.replies, a.retweets,
              coalesce(tags.n, 0), coalesce(m.received, 0), coalesce(m.mentioners, 0), u.followers_count, u.friends_count
            FROM a LEFT JOIN users u ON u.id = a.author_id LEFT JOIN tags ON tags.author_id = a.author_id
            LEFT JOIN m ON m.name = lower(u.screen_name)
            ORDER BY \(order) DESC, lower(u.screen_name), a.author_id LIMIT ?
            """, filter.arguments + filter.arguments + filter.arguments + [.integer(Int64(limit ?? Int.max))]) { r in
            rows.append(AccountRow(
                screenName: r.string(0), userID: r.int(1), tweets: r.int(2),
                first: r.isNull(3) ? nil : r.int(3), last: r.isNull(4) ? nil : r.int(4),
                withHashtags: r.int(5), withMentions: r.int(6), startsWithAt: r.int(7), replies: r.int(8),
                retweets: r.int(9), hashtags: r.int(10), mentionsReceived: r.int(11), mentionedBy: r.int(12),
                followers: r.isNull(13) ? nil : r.int(13), friends: r.isNull(14) ? nil : r.int(14)))
        }
        return rows
    }
}

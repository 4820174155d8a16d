import Foundation

/// The `twindex stats` summary of a store.
public struct StoreStats: Equatable, Sendable {
    /// Unique tweets not deleted.
    public var tweets: Int64
    /// Distinct authors of those tweets.
    public var users: Int64
    /// ISO-8601 UTC of the first and last tweet (nil when none carries a time).
    public var first: String?
    public var last: String?
    public var duplicates: Int64
    public var deleted: Int64
    public var notices: Int64
    public var badLines: Int64
    public var runs: Int64

}

extension Store {
    public func stats() throws -> StoreStats {
        var first: Int64?
        var last: Int64?
        try forEach("SELECT min(created_at), max(created_at) FROM tweets") {
            first = $0.optionalInt64(0)
            last = $0.optionalInt64(1)
        }
        return StoreStats(
            tweets: try scalar("SELECT count(*) FROM tweets"),
            users: try scalar("SELECT count(*) FROM (SELECT 1 FROM tweets \(try indexHint("tweets_author")) WHERE author_id IS NOT NULL GROUP BY author_id)"),
            first: first.map(Self.iso8601),
            last: last.map(Self.iso8601),
            duplicates: try scalar("SELECT coalesce(sum(duplicates), 0) FROM ingest_runs"),
            deleted: try scalar("SELECT count(*) FROM deleted_tweets"),
            notices: try scalar("SELECT coalesce(sum(notices), 0) FROM ingest_runs"),
            badLines: try scalar("SELECT count(*) FROM bad_lines"),
            runs: try scalar("SELECT count(*) FROM ingest_runs"))
    }

    /// `2013-02-23T10:15:00Z` for a UTC epoch.
    public static func iso8601(_ epoch: Int64) -> String {
        let f = ISO8601DateFormatter()
        f.timeZone = TimeZone(identifier: "UTC")
        return f.string(from: Date(timeIntervalSince1970: TimeInterval(epoch)))
    }
}

import Foundation
import Model

extension Store {
    /// What the store holds, as `twindex stats` shows it.
    public func stats() throws -> StoreStats {
        var first: Int64?
        var last: Int64?
        // Two subqueries, so that each reads one end of the time index (one SELECT with both
        // aggregates scans every row).
        try rows("SELECT (SELECT min(created_at) FROM tweets), (SELECT max(created_at) FROM tweets)") {
            first = $0.isNull(0) ? nil : $0.int(0)
            last = $0.isNull(1) ? nil : $0.int(1)
        }
        return StoreStats(
            tweets: try scalar("SELECT count(*) FROM tweets"),
            users: try distinctAuthors(),
            first: first.map(Self.iso8601),
            last: last.map(Self.iso8601),
            duplicates: try scalar("SELECT coalesce(sum(duplicates), 0) FROM ingest_runs"),
            deleted: try scalar("SELECT count(*) FROM deleted_tweets"),
            notices: try scalar("SELECT coalesce(sum(notices), 0) FROM ingest_runs"),
            badLines: try scalar("SELECT count(*) FROM bad_lines"),
            runs: try scalar("SELECT count(*) FROM ingest_runs"))
    }

    /// Distinct authors of the stored tweets: with the author index, one seek per author
    /// (from each author to the next) instead of a pass over every tweet.
    private func distinctAuthors() throws -> Int64 {
        guard try !indexHint("tweets_author").isEmpty else {
            return try scalar("SELECT count(DISTINCT author_id) FROM tweets")
        }
        return try scalar("""
            WITH RECURSIVE a(id) AS (
                SELECT (SELECT min(author_id) FROM tweets)
                UNION ALL SELECT (SELECT min(author_id) FROM tweets WHERE author_id > a.id) FROM a WHERE a.id IS NOT NULL)
            SELECT count(id) FROM a
            """)
    }

    /// `2013-02-23T10:15:00Z` for a UTC epoch.
    public static func iso8601(_ epoch: Int64) -> String {
        let f = ISO8601DateFormatter()
        f.timeZone = TimeZone(identifier: "UTC")
        return f.string(from: Date(timeIntervalSince1970: TimeInterval(epoch)))
    }
}

import Foundation
import Model

extension Store {
    /// What the store holds, as `twindex stats` shows it.
    public func stats() throws -> StoreStats {
        var first: Int64?
        var last: Int64?
        try rows("SELECT min(created_at), max(created_at) FROM tweets") {
            first = $0.isNull(0) ? nil : $0.int(0)
            last = $0.isNull(1) ? nil : $0.int(1)
        }
        return StoreStats(
            tweets: try scalar("SELECT count(*) FROM tweets"),
            users: try scalar("SELECT count(*) FROM (SELECT 1 FROM tweets \(try indexHint("tweets_author")) WHERE author_id IS NOT NULL GROUP BY author_id) AS a"),
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

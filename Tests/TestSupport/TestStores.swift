import Foundation
import Ingest
import Load
import Store

/// Builds stores for tests and compares them.
public enum TestStores {
    /// Ingests `inputs` into the store at `path` (created when missing) and returns the counts.
    @discardableResult
    public static func ingest(_ inputs: [String], into path: String, batchLines: Int = 4096,
                              force: Bool = false, members: MemberSelection = MemberSelection()) throws -> IngestCounts {
        var options = StoreIngest.Options()
        options.force = force
        options.members = members
        options.pipeline.batchLines = batchLines
        return try StoreIngest.run(inputs: inputs, into: path, options: options).counts
    }

    /// Ingests `lines` (JSONL: tweets and notices), written as one new file in `dir`, into the
    /// store at `path` (created when missing) and returns the counts.
    @discardableResult
    public static func ingest(lines: [String], in dir: URL, into path: String) throws -> IngestCounts {
        let file = dir.appendingPathComponent("lines-\(UUID().uuidString).jsonl").path
        try (lines.joined(separator: "\n") + "\n").write(toFile: file, atomically: true, encoding: .utf8)
        return try ingest([file], into: path)
    }

    /// A store in `dir` holding `lines` (JSONL: tweets and notices), ingested as one file, open
    /// for reading.
    public static func store(of lines: [String], in dir: URL) throws -> Store {
        let path = dir.appendingPathComponent("lines-\(UUID().uuidString).db").path
        try ingest(lines: lines, in: dir, into: path)
        return try Store.openForReading(path: path)
    }

    /// Ingests `inputs` into the store at `path` and returns the whole summary (problems too).
    public static func run(_ inputs: [String], into path: String) throws -> StoreIngest.Summary {
        try StoreIngest.run(inputs: inputs, into: path)
    }

    /// The integer `sql` (one row, one column) gives in the store at `path`; nil otherwise.
    public static func integer(_ sql: String, in path: String) throws -> Int64? {
        guard case .integer(let n) = try Store.openForReading(path: path).query(sql).rows.first?.first else { return nil }
        return n
    }

    /// Everything a store holds that a clean ingest must reproduce, as text lines (the same
    /// for an SQLite and a PostgreSQL store of the same input).
    /// `lines: false` leaves out the tweets' line numbers (which differ when the same stream
    /// comes split into archive members).
    public static func fingerprint(_ path: String, lines withLines: Bool = true) throws -> [String] {
        let store = try Store.openForReading(path: path)
        var lines: [String] = []
        for sql in [
            "SELECT id, created_at, author_id, text, has_hashtags, has_mentions, has_urls, starts_with_at, located\(withLines ? ", line" : "") FROM tweets ORDER BY id",
            "SELECT tweet_id, tag, spelling FROM hashtags ORDER BY tweet_id, tag",
            "SELECT tweet_id, screen_name FROM mentions ORDER BY tweet_id, lower(screen_name)",
            "SELECT tweet_id, url FROM urls ORDER BY tweet_id, url",
            "SELECT id FROM deleted_tweets ORDER BY id",
            "SELECT id, screen_name, location FROM users ORDER BY id",
            "SELECT line, error FROM bad_lines ORDER BY file_id, line",
            "SELECT sum(duplicates), sum(notices), sum(suppressed) FROM ingest_runs",
            withLines ? """
                SELECT f.path, f.member, n.line, n."offset", n.kind, n.timestamp_ms, n.track, n.previous_tweet_at
                FROM notices n JOIN files f ON f.id = n.file_id ORDER BY 1, 2, 3
                """ : "SELECT kind, timestamp_ms, track FROM notices ORDER BY 1, 2, 3",
        ] {
            let result = try store.query(sql)
            lines.append("-- \(sql)")
            lines += result.rows.map { $0.map { "\($0)" }.joined(separator: "|") }
        }
        // The full-text index's rows (a PostgreSQL store indexes each row in tweets.fts).
        lines.append("-- full-text rows")
        lines.append(String(try integer(store.isPostgres ? "SELECT count(fts) FROM tweets" : "SELECT count(*) FROM tweets_fts", in: path) ?? -1))
        var search = SearchRequest(query: "the OR de OR brexit")
        search.limit = nil
        lines.append("-- search: \(search.query)")
        lines += try store.search(search).map { String($0.id) }.sorted()
        return lines
    }
}

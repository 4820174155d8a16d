import Foundation
import Store

/// The floor of the ingest benchmark: a plain loop over the SQLite C API writing exactly the
/// rows a twindex store holds (tweets, users, hashtags, mentions, urls, full-text index) into
/// a new store, with the same schema, the same transactions (each adding its tweets to the
/// full-text index before it commits) and end-of-run reader-index builds, and no JSON
/// parsing. Rows are read from an existing store into memory first; only the writing is timed.
enum WriterFloor {
    struct Result: Sendable {
        var seconds: Double
        var tweets: Int
    }

    static func run(from source: String, to target: String, commitRows: Int = 65_536) throws -> Result {
        let input = try Store.openForReading(path: source)
        func load(_ sql: String) throws -> [[SQLValue]] {
            try input.query(sql).rows
        }
        let tweets = try load("SELECT * FROM tweets ORDER BY seq")
        let hashtags = try load("SELECT tweet_id, tag, spelling FROM hashtags")
        let mentions = try load("SELECT tweet_id, screen_name, user_id FROM mentions")
        let urls = try load("SELECT tweet_id, url FROM urls")
        let users = try load("SELECT * FROM users")
        let columns = tweets.first?.count ?? 0

        let started = Date()
        let store = try Store.openForWriting(path: target)
        let db = store.db
        for index in Schema.readerIndexes { try db.execute("DROP INDEX IF EXISTS \(index.name)") }
        let insertTweet = try db.prepare("INSERT INTO tweets VALUES (" + Array(repeating: "?", count: columns).joined(separator: ",") + ")")
        let insertTag = try db.prepare("INSERT INTO hashtags VALUES (?,?,?)")
        let insertMention = try db.prepare("INSERT INTO mentions VALUES (?,?,?)")
        let insertURL = try db.prepare("INSERT INTO urls VALUES (?,?)")
        let insertUser = try db.prepare("INSERT INTO users VALUES (" + Array(repeating: "?", count: users.first?.count ?? 12).joined(separator: ",") + ")")
        // As an ingest does: the full-text index takes each transaction's tweets before it commits.
        let indexPending = """
            INSERT INTO tweets_fts (rowid, text)
                SELECT seq, text FROM tweets WHERE seq > (SELECT value FROM meta WHERE key = 'fts_indexed_seq');
            UPDATE meta SET value = (SELECT coalesce(max(seq), 0) FROM tweets) WHERE key = 'fts_indexed_seq';
            """
        var pending = 0
        func write(_ s: Statement, _ row: [SQLValue]) throws {
            for (k, v) in row.enumerated() { s.bind(Int32(k + 1), value: v) }
            try s.run()
            pending += 1
            if pending >= commitRows {
                try db.execute(indexPending + "COMMIT; BEGIN")
                pending = 0
            }
        }
        try db.execute("BEGIN")
        for row in tweets { try write(insertTweet, row) }
        for row in hashtags { try write(insertTag, row) }
        for row in mentions { try write(insertMention, row) }
        for row in urls { try write(insertURL, row) }
        for row in users { try write(insertUser, row) }
        try db.execute(indexPending + "COMMIT")
        for index in Schema.readerIndexes { try db.execute(index.sql) }
        try db.execute("PRAGMA wal_checkpoint(PASSIVE)")
        return Result(seconds: Date().timeIntervalSince(started), tweets: tweets.count)
    }
}

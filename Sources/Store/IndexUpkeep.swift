/// The indexes readers use. The full-text index follows the tweets transaction by
/// transaction (`indexPending` runs inside each commit), so a tweet is searchable as soon
/// as it is stored; the reader indexes are dropped for a load into an empty store and built
/// at its end.
enum IndexUpkeep {
    /// Before a run: a store written by an older twindex (or killed inside its end-of-run
    /// pass) may hold tweets not yet in the full-text index, or lack reader indexes. An empty
    /// store loads faster without them.
    static func prepare(_ db: Connection) throws {
        try indexFullText(db)
        if try db.scalar("SELECT count(*) FROM (SELECT 1 FROM tweets LIMIT 1)") == 0 {
            for index in Schema.readerIndexes { try db.execute("DROP INDEX IF EXISTS \(index.name)") }
        } else {
            try createReaderIndexes(db)
        }
    }

    /// Adds the tweets stored since the last time to the full-text index. Runs inside the
    /// caller's open transaction, so the tweets and their index entries commit together.
    static func indexPending(_ db: Connection) throws {
        try db.execute("""
            INSERT INTO tweets_fts (rowid, text)
                SELECT seq, text FROM tweets WHERE seq > (SELECT value FROM meta WHERE key = 'fts_indexed_seq');
            UPDATE meta SET value = (SELECT coalesce(max(seq), 0) FROM tweets) WHERE key = 'fts_indexed_seq'
                AND (SELECT coalesce(max(seq), 0) FROM tweets) > value;
            """)
    }

    /// `indexPending` in a transaction of its own.
    static func indexFullText(_ db: Connection) throws {
        try db.execute("BEGIN IMMEDIATE")
        do {
            try indexPending(db)
            try db.execute("COMMIT")
        } catch {
            try? db.execute("ROLLBACK")
            throw error
        }
    }

    /// Creates the reader indexes that are missing (after a load into an empty store).
    static func createReaderIndexes(_ db: Connection) throws {
        try withSortingCache(db) { for index in Schema.readerIndexes { try db.execute(index.sql) } }
    }

    /// Runs `body`, whose statements sort whole tables (index builds, the summaries' GROUP BY),
    /// with an 8 MB page cache. SQLite sizes its sort runs from cache_size: a small cache keeps
    /// the memory of such a sort the same whatever the corpus size (runs spill to temporary
    /// files); with the writer's 64 MB, the first summaries of a 6.9M-tweet store took the
    /// peak from 123 MB to 185 MB (Benchmarks/NOTES.md).
    static func withSortingCache(_ db: Connection, _ body: () throws -> Void) throws {
        try db.execute("PRAGMA cache_size = -8192")
        defer { try? db.execute("PRAGMA cache_size = -65536") }
        try body()
    }
}

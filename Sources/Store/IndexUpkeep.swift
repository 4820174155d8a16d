/// The indexes readers use, kept out of the hot path: the full-text index catches up in one
/// pass, and the reader indexes are dropped for a load into an empty store and built at its end.
enum IndexUpkeep {
    /// Before a run: a killed run may have left tweets out of the full-text index or without
    /// reader indexes. An empty store loads faster without them.
    static func prepare(_ db: Connection) throws {
        try indexFullText(db)
        if try db.scalar("SELECT count(*) FROM (SELECT 1 FROM tweets LIMIT 1)") == 0 {
            for index in Schema.readerIndexes { try db.execute("DROP INDEX IF EXISTS \(index.name)") }
        } else {
            try createReaderIndexes(db)
        }
    }

    /// Adds the tweets stored since the last time to the full-text index, in one transaction.
    static func indexFullText(_ db: Connection) throws {
        try db.execute("""
            BEGIN IMMEDIATE;
            INSERT INTO tweets_fts (rowid, text)
                SELECT seq, text FROM tweets WHERE seq > (SELECT value FROM meta WHERE key = 'fts_indexed_seq');
            UPDATE meta SET value = (SELECT coalesce(max(seq), 0) FROM tweets) WHERE key = 'fts_indexed_seq'
                AND (SELECT coalesce(max(seq), 0) FROM tweets) > value;
            COMMIT;
            """)
    }

    /// Creates the reader indexes that are missing (after a load into an empty store).
    static func createReaderIndexes(_ db: Connection) throws {
        // SQLite sizes its sort runs from cache_size: a small cache here keeps the memory of
        // building an index the same whatever the corpus size (runs spill to temporary files).
        try db.execute("PRAGMA cache_size = -8192")
        defer { try? db.execute("PRAGMA cache_size = -65536") }
        for index in Schema.readerIndexes { try db.execute(index.sql) }
    }
}

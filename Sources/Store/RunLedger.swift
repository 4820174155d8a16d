import Foundation

/// The run's row in `ingest_runs`: opened by a writer, added to with every batch (inside the
/// batch's transaction), closed with a status.
struct RunLedger {
    let id: Int64
    private let db: Connection
    private let addBatch: Statement

    /// Marks runs left `running` as interrupted (they hold no lock any more: they were
    /// killed) and opens a new run.
    init(db: Connection) throws {
        self.db = db
        try db.execute("UPDATE ingest_runs SET status = 'interrupted' WHERE status = 'running'")
        let start = try db.prepare("INSERT INTO ingest_runs (started_at, status) VALUES (?, 'running')")
        start.bind(1, Self.now())
        try start.run()
        id = try db.scalar("SELECT last_insert_rowid()")
        addBatch = try db.prepare("""
            UPDATE ingest_runs SET lines = lines + ?, tweets_inserted = tweets_inserted + ?,
              duplicates = duplicates + ?, suppressed = suppressed + ?, deleted = deleted + ?,
              notices = notices + ?, bad_lines = bad_lines + ? WHERE id = ?
            """)
    }

    /// Adds one batch's counters.
    func add(_ c: IngestCounts) throws {
        for (k, v) in [c.lines, c.tweetsInserted, c.duplicates, c.suppressed, c.deleted, c.notices, c.badLines].enumerated() {
            addBatch.bind(Int32(k + 1), Int64(v))
        }
        addBatch.bind(8, id)
        try addBatch.run()
    }

    /// Counts one input: read, or skipped as already ingested.
    func countFile(skipped: Bool) throws {
        let column = skipped ? "files_skipped" : "files"
        try db.execute("UPDATE ingest_runs SET \(column) = \(column) + 1 WHERE id = \(id)")
    }

    /// Closes the run with `status` (ok, failed).
    func close(status: String) throws {
        let s = try db.prepare("UPDATE ingest_runs SET status = ?, finished_at = ? WHERE id = ?")
        s.bind(1, status)
        s.bind(2, Self.now())
        s.bind(3, id)
        try s.run()
    }

    private static func now() -> String {
        ISO8601DateFormatter().string(from: Date())
    }
}

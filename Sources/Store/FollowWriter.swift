import Model

/// The `twindex follows` side of a store: holds the writer lock, records the run in
/// `ingest_runs` and each file in `files` (so an unchanged file is skipped next time), and
/// writes one file's follow edges and bad lines in one transaction: a file is in the store
/// completely or not at all.
package final class FollowWriter {
    /// The store being written.
    package let store: Store
    private let ledger: RunLedger
    private let files: FilePlanner

    /// Opens (or creates) the store at `path`; throws `StoreError.locked` when an ingest holds it
    /// (`PostgresError.unsupported` for a PostgreSQL store: follow lists go into SQLite stores only).
    package init(path: String) throws {
        if StoreLocation.isPostgres(path) { throw PostgresError.unsupported(path: path) }
        store = try Store.openForWriting(path: path, lock: WriterLock(storePath: path))
        ledger = try RunLedger(db: store.db)
        files = try FilePlanner(db: store.db, runID: ledger.id)
    }

    /// False when `path` was imported completely and is unchanged (size and modification
    /// time), unless `force`.
    package func shouldRead(path: String, force: Bool) throws -> Bool {
        let read = try files.plan(path: path, force: force) != .skip
        try ledger.countFile(skipped: !read)
        return read
    }

    /// Stores the edges and bad lines of the file last planned, replacing what any earlier
    /// import of the same path left (an unfinished one, or the file before it changed: a
    /// follow list is a snapshot), and marks it complete.
    package func write(edges: [FollowEdge], badLines: [BadLine], lines: Int) throws {
        let db = try store.db
        let fileID = files.currentFileID
        try db.execute("BEGIN IMMEDIATE")
        do {
            let samePath = "SELECT id FROM files WHERE path = (SELECT path FROM files WHERE id = \(fileID))"
            try db.execute("DELETE FROM follows WHERE file_id IN (\(samePath)); DELETE FROM bad_lines WHERE file_id IN (\(samePath))")
            let insert = try db.prepare("""
                INSERT INTO follows (source_id, source_name, target_id, target_name, file_id, line) VALUES (?,?,?,?,?,?)
                """)
            for e in edges {
                insert.bindAll(e.sourceID, e.sourceName, e.targetID, e.targetName, fileID, Int64(e.line))
                try insert.run()
            }
            let bad = try db.prepare("INSERT INTO bad_lines (file_id, line, offset, error, text, run_id) VALUES (?,?,?,?,?,?)")
            for b in badLines {
                bad.bindAll(fileID, Int64(b.line), b.offset, b.error, b.bytes, ledger.id)
                try bad.run()
            }
            var counts = IngestCounts()
            counts.lines = lines
            counts.badLines = badLines.count
            try ledger.add(counts)
            try files.finish(contentHash: nil, error: nil)
            try db.execute("COMMIT")
        } catch {
            try? db.execute("ROLLBACK")
            throw error
        }
    }

    /// Records a file that could not be read, with the reason.
    package func recordUnreadable(path: String, reason: String) throws {
        try files.recordUnreadable(path: path, reason: reason)
    }

    /// Closes the run with `status` (ok, failed).
    package func finishRun(status: String) throws { try ledger.close(status: status) }
}

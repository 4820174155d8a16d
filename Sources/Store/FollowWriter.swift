import Model

/// The `twindex follows` side of a store: holds the writer lock, records the run in
/// `ingest_runs` and each file in `files` (so an unchanged file is skipped next time), and
/// writes one file's follow edges and bad lines in one transaction: a file is in the store
/// completely or not at all. On PostgreSQL the run and its files are kept by a `PGWriter`.
package final class FollowWriter {
    /// The store being written.
    package let store: Store
    private enum Ledger {
        case sqlite(RunLedger, FilePlanner)
        case postgres(PGWriter)
    }
    private let ledger: Ledger

    /// Opens (or creates) the store at `path` (a file or a PostgreSQL URL); throws
    /// `StoreError.locked` when an ingest holds it.
    package init(path: String) throws {
        if StoreLocation.isPostgres(path) {
            let writer = try PGWriter(url: path)
            store = writer.store
            ledger = .postgres(writer)
        } else {
            store = try Store.openForWriting(path: path, lock: WriterLock(storePath: path))
            let runs = try RunLedger(db: store.db)
            ledger = .sqlite(runs, try FilePlanner(db: store.db, runID: runs.id))
        }
    }

    /// False when `path` was imported completely and is unchanged (size and modification
    /// time), unless `force`.
    package func shouldRead(path: String, force: Bool) throws -> Bool {
        switch ledger {
        case .sqlite(let runs, let files):
            let read = try files.plan(path: path, force: force) != .skip
            try runs.countFile(skipped: !read)
            return read
        case .postgres(let writer):
            return try writer.plan(path: path, force: force) != .skip
        }
    }

    /// Stores the edges and bad lines of the file last planned, replacing what any earlier
    /// import of the same path left (an unfinished one, or the file before it changed: a
    /// follow list is a snapshot), and marks it complete. Returns the edges whose names' NUL
    /// characters became U+FFFD (a PostgreSQL store; SQLite keeps them), named `place`.
    package func write(edges: [FollowEdge], badLines: [BadLine], lines: Int, place: String) throws -> [NULReplacement] {
        var counts = IngestCounts()
        counts.lines = lines
        counts.badLines = badLines.count
        switch ledger {
        case .sqlite(let runs, let files):
            try writeSQLite(edges: edges, badLines: badLines, counts: counts, runs: runs, files: files)
            return []
        case .postgres(let writer):
            try writePostgres(edges: edges, badLines: badLines, counts: counts, writer: writer)
            return edges.compactMap { e in
                let fields = [(e.sourceName, "source_name"), (e.targetName, "target_name")]
                    .filter { $0.0?.utf8.contains(0) == true }.map(\.1)
                return fields.isEmpty ? nil : NULReplacement(place: place, line: Int64(e.line), fields: fields)
            }
        }
    }

    /// The SQL that removes what imports of the file `fileID`'s path left (either engine).
    private static func clearEarlierImports(of fileID: Int64) -> String {
        let samePath = "SELECT id FROM files WHERE path = (SELECT path FROM files WHERE id = \(fileID))"
        return "DELETE FROM follows WHERE file_id IN (\(samePath)); DELETE FROM bad_lines WHERE file_id IN (\(samePath))"
    }

    private func writeSQLite(edges: [FollowEdge], badLines: [BadLine], counts: IngestCounts, runs: RunLedger,
                             files: FilePlanner) throws {
        let db = try store.db
        let fileID = files.currentFileID
        try db.execute("BEGIN IMMEDIATE")
        do {
            try db.execute(Self.clearEarlierImports(of: fileID))
            let insert = try db.prepare("""
                INSERT INTO follows (source_id, source_name, target_id, target_name, file_id, line) VALUES (?,?,?,?,?,?)
                """)
            for e in edges {
                insert.bindAll(e.sourceID, e.sourceName, e.targetID, e.targetName, fileID, Int64(e.line))
                try insert.run()
            }
            let bad = try db.prepare("INSERT INTO bad_lines (file_id, line, offset, error, text, run_id) VALUES (?,?,?,?,?,?)")
            for b in badLines {
                bad.bindAll(fileID, Int64(b.line), b.offset, b.error, b.bytes, runs.id)
                try bad.run()
            }
            try runs.add(counts)
            try files.finish(contentHash: nil, error: nil)
            try db.execute("COMMIT")
        } catch {
            try? db.execute("ROLLBACK")
            throw error
        }
    }

    /// As `writeSQLite`, by COPY, in one transaction.
    private func writePostgres(edges: [FollowEdge], badLines: [BadLine], counts: IngestCounts, writer: PGWriter) throws {
        let db = try store.postgres
        let fileID = writer.currentFileID
        try db.execute("BEGIN")
        do {
            try db.execute(Self.clearEarlierImports(of: fileID))
            var rows = PGCopyRows()
            for e in edges {
                rows.add(e.sourceID); rows.add(e.sourceName); rows.add(e.targetID); rows.add(e.targetName); rows.add(fileID)
                rows.add(e.line); rows.endRow()
            }
            if !rows.isEmpty {
                try db.copy("COPY follows (source_id, source_name, target_id, target_name, file_id, line) FROM STDIN", rows.bytes)
            }
            var bad = PGCopyRows()
            for b in badLines {
                bad.add(fileID); bad.add(b.line); bad.add(b.offset); bad.add(b.error); bad.add(bytes: b.bytes)
                bad.add(writer.runID); bad.endRow()
            }
            if !bad.isEmpty { try db.copy("COPY bad_lines (file_id, line, \"offset\", error, text, run_id) FROM STDIN", bad.bytes) }
            try db.command("UPDATE ingest_runs SET lines = lines + $1, bad_lines = bad_lines + $2 WHERE id = $3",
                           [.integer(Int64(counts.lines)), .integer(Int64(counts.badLines)), .integer(writer.runID)])
            try writer.finishFile(contentHash: nil, error: nil)
            try db.execute("COMMIT")
        } catch {
            try? db.execute("ROLLBACK")
            throw error
        }
    }

    /// Records a file that could not be read, with the reason.
    package func recordUnreadable(path: String, reason: String) throws {
        switch ledger {
        case .sqlite(_, let files): try files.recordUnreadable(path: path, reason: reason)
        case .postgres(let writer): try writer.recordUnreadable(path: path, reason: reason)
        }
    }

    /// Closes the run with `status` (ok, failed).
    package func finishRun(status: String) throws {
        switch ledger {
        case .sqlite(let runs, _): try runs.close(status: status)
        case .postgres(let writer): try writer.finishRun(status: status)
        }
    }
}

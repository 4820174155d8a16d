import Model

/// The ingest side of a store: holds the writer lock and writes one run. Batches are grouped
/// into transactions of about `commitLines` lines, each committed together with its file
/// position, so `kill -9` at any moment leaves a consistent store and the next run resumes
/// after the last committed line.
///
/// The jobs live in their own files: `WriterLock` (one ingester per store), `RunLedger`
/// (the `ingest_runs` row), `FilePlanner` (`files` rows: skip and resume), `BatchWriter`
/// (the hot path, with `UserCache`), `IndexUpkeep` (full-text and reader indexes).
/// Most callers want `StoreIngest.run` (the Load module), which drives a whole run.
package final class StoreWriter: IngestTarget {
    /// The counters of a run; the same type as `IngestCounts`.
    package typealias Counts = IngestCounts

    /// The store being written.
    package let store: Store
    private let ledger: RunLedger
    private let files: FilePlanner
    private let batches: BatchWriter
    /// What this run did so far.
    package private(set) var counts = IngestCounts()

    /// The `ingest_runs` id of this run.
    package var runID: Int64 { ledger.id }

    /// Lines per transaction (65 536 by default).
    package var commitLines: Int {
        get { batches.commitLines }
        set { batches.commitLines = newValue }
    }

    /// Opens (or creates) the store at `path` for one ingest run; throws `StoreError.locked`
    /// when another ingest holds it (through whatever path). The lock lives as long as the
    /// store's connection.
    package init(path: String) throws {
        store = try Store.openForWriting(path: path, lock: WriterLock(storePath: path))
        try IndexUpkeep.prepare(store.db)
        ledger = try RunLedger(db: store.db)
        files = try FilePlanner(db: store.db, runID: ledger.id)
        batches = try BatchWriter(db: store.db, runID: ledger.id)
    }

    /// Decides whether to read an input: a file already ingested completely with the same
    /// size and modification time is skipped (unless `force`); one interrupted is resumed.
    /// `path` nil is standard input: always read from its start.
    package func plan(path: String?, force: Bool) throws -> FilePlan {
        try commit()
        return try counted(files.plan(path: path, force: force))
    }

    /// Decides whether to read one member of an archive: skipped when read completely
    /// before with the same size and time (unless `force`), resumed when interrupted.
    /// Members share transactions (the member's row goes in with the rows it holds): a day of
    /// minute files is a few commits, not one per minute.
    package func plan(path: String?, member: ArchiveMember, force: Bool) throws -> FilePlan {
        try counted(files.plan(path: path, member: member, force: force))
    }

    /// What the `files` rows say of the members of the archive at `path` (see `MemberPlans`).
    package func memberPlans(path: String?, force: Bool) throws -> MemberPlans? {
        try files.memberPlans(path: path, force: force)
    }

    private func counted(_ plan: FilePlan) throws -> FilePlan {
        let skipped = plan == .skip
        try ledger.countFile(skipped: skipped)
        if skipped { counts.filesSkipped += 1 } else { counts.files += 1 }
        return plan
    }

    /// Marks the current file read to its end (or records why it stopped early), in the open
    /// transaction if there is one: the mark commits together with the file's last rows.
    package func finishFile(contentHash: UInt64?, error: String?) throws {
        try files.finish(contentHash: contentHash, error: error)
    }

    /// Records a file that could not be opened at all.
    package func recordUnreadable(path: String, reason: String) throws {
        try commit()
        try files.recordUnreadable(path: path, reason: reason)
    }

    /// Writes one batch: its rows, the run's counters and the file position, in one
    /// transaction with the batches before it since the last commit.
    package func write(_ batch: IngestBatch) throws {
        let added = try batches.inTransaction(lines: batch.lines) {
            let (c, lastTweetAt) = try batches.write(batch, fileID: files.currentFileID, earlierReads: files.earlierReads,
                                                     lastTweetAt: files.lastTweetAt)
            try files.savePosition(after: batch, lastTweetAt: lastTweetAt)
            try ledger.add(c)
            return c
        }
        counts.addBatch(added)
    }

    /// Commits the open transaction, if any: everything written so far, with its file position.
    package func commit() throws {
        try batches.commit()
    }

    /// Builds the reader indexes (the full-text index is up to date with every commit), brings
    /// the summaries up to date and closes the run with its status.
    package func finishRun(status: String) throws {
        try commit()
        try IndexUpkeep.createReaderIndexes(store.db)
        try IndexUpkeep.withSortingCache(store.db) { try Summaries.catchUp(store.db) }
        try ledger.close(status: status)
        try store.db.execute("PRAGMA wal_checkpoint(PASSIVE); PRAGMA optimize")
    }
}

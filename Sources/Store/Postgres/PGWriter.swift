import Foundation
import Model

/// The ingest side of a PostgreSQL store, as `StoreWriter` is for SQLite: holds the writer
/// lock, records the run and its files, and writes batches by COPY in transactions of about
/// `commitLines` lines, each committed with its file position, so `kill -9` leaves a
/// consistent store and the next run resumes after the last committed line.
package final class PGWriter: RunWriter {
    /// The store being written.
    package let store: Store
    private let db: PGConnection
    private let batches: PGBatchWriter
    /// The `ingest_runs` id of this run.
    package let runID: Int64
    /// The `files` id of the input being read.
    package private(set) var currentFileID: Int64 = 0
    /// The earlier `files` rows of the input being read, and its last tweet's time so far (`FilePlanner`).
    private var earlierReads: [Int64] = []
    private var lastTweetAt: Int64?
    private var uncommittedLines = 0
    private var inTransaction = false
    /// What this run did so far.
    package private(set) var counts = IngestCounts()
    /// The stored tweets whose NUL characters became U+FFFD, so far.
    package private(set) var nulReplacements = NULReplacements()
    /// The input being read, as replacements name it (`path`, `archive:member`, `-`).
    private var currentInput = "-"
    /// Lines per transaction.
    package var commitLines = 65_536

    /// Opens (creating the schema in an empty database) the store at `url` for one run;
    /// `StoreError.locked` when another writer holds it.
    package init(url: String) throws {
        store = try Store.openPostgres(url: url, forWriting: true)
        db = try store.postgres
        try db.command("UPDATE ingest_runs SET status = 'interrupted' WHERE status = 'running'")
        runID = try db.scalar("INSERT INTO ingest_runs (started_at, status) VALUES ($1, 'running') RETURNING id",
                              [.text(ISO8601DateFormatter().string(from: Date()))])
        let distribution = try db.scalar("SELECT (value = 'tweet')::int FROM twindex_meta WHERE key = 'distribute_by'")
        batches = try PGBatchWriter(db: db, runID: runID, distributeByTweet: distribution == 1)
    }

    package func plan(path: String?, force: Bool) throws -> FilePlan {
        try commit()
        currentInput = path ?? "-"
        guard let path else { return try counted(insertFile(path: "-", member: nil, size: nil, mtime: nil)) }
        let attributes = try? FileManager.default.attributesOfItem(atPath: path)
        let size = (attributes?[.size] as? NSNumber)?.int64Value
        let mtime = (attributes?[.modificationDate] as? Date).map { Int64(($0.timeIntervalSince1970 * 1e9).rounded()) }
        return try counted(plan(path: path, member: nil, size: size, mtime: mtime, force: force))
    }

    package func plan(path: String?, member: ArchiveMember, force: Bool) throws -> FilePlan {
        try commit()
        currentInput = "\(path ?? "-"):\(member.name)"
        guard let path else {
            return try counted(insertFile(path: "-", member: member.name, size: member.size, mtime: member.mtimeNanoseconds))
        }
        return try counted(plan(path: path, member: member.name, size: member.size, mtime: member.mtimeNanoseconds, force: force))
    }

    private func plan(path: String, member: String?, size: Int64?, mtime: Int64?, force: Bool) throws -> FilePlan {
        var found: (id: Int64, complete: Bool, bytes: Int64, lines: Int64, lastTweetAt: Int64?)?
        try db.query("""
            SELECT id, complete, bytes_done, lines_done, last_tweet_at FROM files WHERE path = $1 AND member IS NOT DISTINCT FROM $2
              AND size IS NOT DISTINCT FROM $3::bigint AND mtime_ns IS NOT DISTINCT FROM $4::bigint ORDER BY id DESC LIMIT 1
            """, [.text(path), member.map(SQLValue.text) ?? .null, size.map(SQLValue.integer) ?? .null,
                  mtime.map(SQLValue.integer) ?? .null]) {
            found = ($0.int(0), $0.int(1) == 1, $0.int(2), $0.int(3), $0.isNull(4) ? nil : $0.int(4))
        }
        if let found, !force {
            if found.complete { return .skip }
            currentFileID = found.id
            lastTweetAt = found.lastTweetAt
            try db.command("UPDATE files SET run_id = $1 WHERE id = $2", [.integer(runID), .integer(found.id)])
            try findEarlierReads(path: path, member: member)
            return .read(resumeOffset: found.bytes, resumeLine: Int(found.lines))
        }
        return try insertFile(path: path, member: member, size: size, mtime: mtime)
    }

    private func insertFile(path: String, member: String?, size: Int64?, mtime: Int64?) throws -> FilePlan {
        currentFileID = try db.scalar("INSERT INTO files (path, member, size, mtime_ns, run_id) VALUES ($1, $2, $3, $4, $5) RETURNING id",
                                      [.text(path), member.map(SQLValue.text) ?? .null, size.map(SQLValue.integer) ?? .null,
                                       mtime.map(SQLValue.integer) ?? .null, .integer(runID)])
        lastTweetAt = nil
        try findEarlierReads(path: path, member: member)
        return .read(resumeOffset: 0, resumeLine: 0)
    }

    private func findEarlierReads(path: String, member: String?) throws {
        earlierReads = []
        try db.query("SELECT id FROM files WHERE path = $1 AND member IS NOT DISTINCT FROM $2 AND id <> $3 ORDER BY id",
                     [.text(path), member.map(SQLValue.text) ?? .null, .integer(currentFileID)]) { earlierReads.append($0.int(0)) }
    }

    private func counted(_ plan: FilePlan) throws -> FilePlan {
        let skipped = plan == .skip
        let column = skipped ? "files_skipped" : "files"
        try db.command("UPDATE ingest_runs SET \(column) = \(column) + 1 WHERE id = $1", [.integer(runID)])
        if skipped { counts.filesSkipped += 1 } else { counts.files += 1 }
        return plan
    }

    package func finishFile(contentHash: UInt64?, error: String?) throws {
        try commit()
        try db.command("UPDATE files SET complete = $1, content_hash = $2, error = $3 WHERE id = $4",
                       [.integer(error == nil ? 1 : 0), contentHash.map { .text(String(format: "%016llx", $0)) } ?? .null,
                        error.map(SQLValue.text) ?? .null, .integer(currentFileID)])
    }

    package func recordUnreadable(path: String, reason: String) throws {
        try commit()
        try db.command("INSERT INTO files (path, error, run_id) VALUES ($1, $2, $3)", [.text(path), .text(reason), .integer(runID)])
    }

    /// Writes one batch, its run counters and its file position in the open transaction.
    package func write(_ batch: IngestBatch) throws {
        if !inTransaction {
            try db.execute("BEGIN")
            inTransaction = true
        }
        do {
            let (c, last, replaced) = try batches.write(batch, fileID: currentFileID, place: currentInput,
                                                        earlierReads: earlierReads, lastTweetAt: lastTweetAt)
            lastTweetAt = last
            try db.command("UPDATE files SET bytes_done = $1, lines_done = $2, last_tweet_at = $3::bigint WHERE id = $4",
                           [.integer(batch.endOffset), .integer(Int64(batch.endLine)), last.map(SQLValue.integer) ?? .null,
                            .integer(currentFileID)])
            let values = [c.lines, c.tweetsInserted, c.duplicates, c.suppressed, c.deleted, c.notices, c.badLines]
            try db.command("""
                UPDATE ingest_runs SET lines = lines + $1, tweets_inserted = tweets_inserted + $2,
                  duplicates = duplicates + $3, suppressed = suppressed + $4, deleted = deleted + $5,
                  notices = notices + $6, bad_lines = bad_lines + $7 WHERE id = $8
                """, values.map { .integer(Int64($0)) } + [.integer(runID)])
            counts.addBatch(c)
            for r in replaced { nulReplacements.add(r) }
            uncommittedLines += max(1, batch.lines)
            if uncommittedLines >= commitLines { try commit() }
        } catch {
            try? db.execute("ROLLBACK")
            inTransaction = false
            uncommittedLines = 0
            throw error
        }
    }

    /// Commits the open transaction, if any.
    package func commit() throws {
        guard inTransaction else { return }
        try batches.flushUsers()
        try db.execute("COMMIT")
        inTransaction = false
        uncommittedLines = 0
    }

    /// Closes the run with its status and refreshes the planner's statistics.
    package func finishRun(status: String) throws {
        try commit()
        try db.command("UPDATE ingest_runs SET status = $1, finished_at = $2 WHERE id = $3",
                       [.text(status), .text(ISO8601DateFormatter().string(from: Date())), .integer(runID)])
        try db.execute("ANALYZE")
    }
}

/// What drives one ingest run into a store, whichever its engine.
package protocol RunWriter: IngestTarget {
    /// What this run did so far.
    var counts: IngestCounts { get }
    /// Lines per transaction.
    var commitLines: Int { get set }
    /// The stored tweets whose NUL characters were replaced (PostgreSQL); none on SQLite,
    /// which keeps them.
    var nulReplacements: NULReplacements { get }
    /// Commits what is written so far, with its file position.
    func commit() throws
    /// Brings the indexes up to date and closes the run with its status.
    func finishRun(status: String) throws
}

extension StoreWriter: RunWriter {
    /// None: SQLite keeps NUL characters.
    package var nulReplacements: NULReplacements { NULReplacements() }
}

/// The writer of the store at `location`: a PostgreSQL URL or an SQLite store's path.
package func makeRunWriter(_ location: String) throws -> any RunWriter {
    StoreLocation.isPostgres(location) ? try PGWriter(url: location) : try StoreWriter(path: location)
}

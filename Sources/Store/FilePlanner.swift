import Foundation
import Model

/// The `files` rows of a run: whether to read an input (skip one ingested unchanged, resume
/// one interrupted), how far it was read, and how it ended.
final class FilePlanner {
    private let db: Connection
    private let runID: Int64
    private let savePosition, earlierReadsOf: Statement
    /// The `files` row of the input being read.
    private(set) var currentFileID: Int64 = 0
    /// The earlier `files` rows of the same input (path and member): notices read there
    /// again move to this read (`BatchWriter`).
    private(set) var earlierReads: [Int64] = []
    /// `created_at` of the last tweet read so far in the input being read (nil: none yet),
    /// saved with the position so that a resumed read places its notices as a whole one would.
    private(set) var lastTweetAt: Int64?

    init(db: Connection, runID: Int64) throws {
        self.db = db
        self.runID = runID
        savePosition = try db.prepare("UPDATE files SET bytes_done = ?, lines_done = ?, last_tweet_at = ? WHERE id = ?")
        earlierReadsOf = try db.prepare("SELECT id FROM files WHERE path = ? AND member IS ? AND id <> ? ORDER BY id")
    }

    /// A file already ingested completely with the same size and modification time is
    /// skipped (unless `force`); one interrupted is resumed. `path` nil is standard input:
    /// always read from its start.
    func plan(path: String?, force: Bool) throws -> FilePlan {
        guard let path else { return try insert(path: "-", member: nil, size: nil, mtime: nil) }
        let attributes = try? FileManager.default.attributesOfItem(atPath: path)
        let size = (attributes?[.size] as? NSNumber)?.int64Value
        let mtime = (attributes?[.modificationDate] as? Date).map { Int64(($0.timeIntervalSince1970 * 1e9).rounded()) }
        return try plan(path: path, member: nil, size: size, mtime: mtime, force: force)
    }

    /// The same for one member of the archive at `path`, by the member's name, size and time.
    func plan(path: String?, member: ArchiveMember, force: Bool) throws -> FilePlan {
        guard let path else { return try insert(path: "-", member: member.name, size: member.size, mtime: member.mtimeNanoseconds) }
        return try plan(path: path, member: member.name, size: member.size, mtime: member.mtimeNanoseconds, force: force)
    }

    /// What the `files` rows say of the members of the archive at `path`, as `plan(path:member:force:)`
    /// would decide for each (the latest row of a member wins); nothing known with `force` or
    /// for standard input, where every member is read from its start.
    func memberPlans(path: String?, force: Bool) throws -> MemberPlans {
        var plans = MemberPlans()
        guard let path, !force else { return plans }
        let s = try db.prepare("""
            SELECT member, size, mtime_ns, complete, bytes_done, lines_done FROM files
            WHERE path = ? AND member IS NOT NULL ORDER BY id
            """)
        s.bind(1, path)
        while try s.step() {
            let member = ArchiveMember(name: s.string(0) ?? "", size: s.optionalInt64(1), mtimeNanoseconds: s.optionalInt64(2))
            plans.record(member, complete: s.int64(3) == 1, resumeOffset: s.int64(4), resumeLine: Int(s.int64(5)))
        }
        return plans
    }

    private func plan(path: String, member: String?, size: Int64?, mtime: Int64?, force: Bool) throws -> FilePlan {
        let s = try db.prepare("""
            SELECT id, complete, bytes_done, lines_done, last_tweet_at FROM files
            WHERE path = ? AND member IS ? AND size IS ? AND mtime_ns IS ? ORDER BY id DESC LIMIT 1
            """)
        s.bind(1, path)
        s.bind(2, member)
        s.bind(3, size)
        s.bind(4, mtime)
        if try s.step(), !force {
            if s.int64(1) == 1 { return .skip }
            currentFileID = s.int64(0)
            lastTweetAt = s.isNull(4) ? nil : s.int64(4)
            try db.execute("UPDATE files SET run_id = \(runID) WHERE id = \(currentFileID)")
            try findEarlierReads(path: path, member: member)
            return .read(resumeOffset: s.int64(2), resumeLine: Int(s.int64(3)))
        }
        return try insert(path: path, member: member, size: size, mtime: mtime)
    }

    private func findEarlierReads(path: String, member: String?) throws {
        defer { earlierReadsOf.reset() }
        earlierReadsOf.bindAll(path, member, currentFileID)
        earlierReads = []
        while try earlierReadsOf.step() { earlierReads.append(earlierReadsOf.int64(0)) }
    }

    private func insert(path: String, member: String?, size: Int64?, mtime: Int64?) throws -> FilePlan {
        let insert = try db.prepare("INSERT INTO files (path, member, size, mtime_ns, run_id) VALUES (?,?,?,?,?)")
        insert.bind(1, path)
        insert.bind(2, member)
        insert.bind(3, size)
        insert.bind(4, mtime)
        insert.bind(5, runID)
        try insert.run()
        currentFileID = try db.scalar("SELECT last_insert_rowid()")
        lastTweetAt = nil
        try findEarlierReads(path: path, member: member)
        return .read(resumeOffset: 0, resumeLine: 0)
    }

    /// Records how far the current file is read, and the time of the last tweet read in it
    /// (inside the batch's transaction, so the position commits together with the rows).
    func savePosition(after batch: IngestBatch, lastTweetAt: Int64?) throws {
        self.lastTweetAt = lastTweetAt
        savePosition.bindAll(batch.endOffset, Int64(batch.endLine), lastTweetAt, currentFileID)
        try savePosition.run()
    }

    /// Marks the current file read to its end, or records why it stopped early.
    func finish(contentHash: UInt64?, error: String?) throws {
        let s = try db.prepare("UPDATE files SET complete = ?, content_hash = ?, error = ? WHERE id = ?")
        s.bind(1, error == nil)
        s.bind(2, contentHash.map { String(format: "%016llx", $0) })
        s.bind(3, error)
        s.bind(4, currentFileID)
        try s.run()
    }

    /// Records a file that could not be opened at all.
    func recordUnreadable(path: String, reason: String) throws {
        let s = try db.prepare("INSERT INTO files (path, error, run_id) VALUES (?,?,?)")
        s.bind(1, path)
        s.bind(2, reason)
        s.bind(3, runID)
        try s.run()
    }
}

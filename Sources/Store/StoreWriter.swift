import Foundation
import Model

/// The ingest side of a store: holds the writer lock, keeps one run's bookkeeping, and
/// writes batches (the hot path) with reused prepared statements, one transaction each.
/// Each batch commits together with its file position, so `kill -9` at any moment leaves a
/// consistent store and the next run resumes after the last committed line.
public final class StoreWriter: IngestTarget {

    /// Counters of one run (or one file), as the `--json` summary reports them.
    public struct Counts: Equatable, Sendable {
        public var files = 0
        public var filesSkipped = 0
        public var lines = 0
        public var tweetsInserted = 0
        public var duplicates = 0
        /// Tweets not stored because a delete notice for them was seen before.
        public var suppressed = 0
        public var deleted = 0
        public var notices = 0
        public var badLines = 0
        public init() {}
    }

    public let store: Store
    private let lock: WriterLock
    public private(set) var runID: Int64 = 0
    public private(set) var counts = Counts()
    private var currentFileID: Int64 = 0
    private var deletedIDs = Set<Int64>()
    private var userCache: [Int64: (seenAt: Int64, profile: Int)] = [:]
    /// Lines written in the open transaction; it commits past `commitLines`.
    private var uncommittedLines = 0
    private var inTransaction = false
    /// Lines per transaction: batches are grouped so that index pages touched by many
    /// tweets are written once per transaction, not once per batch.
    public var commitLines = 65_536

    private let insertTweet, insertHashtag, insertMention, insertURL, upsertUser: Statement
    private let deleteTweet, rememberDelete, insertBadLine, updateFile, updateRun: Statement

    /// Opens (or creates) the store at `path` for one ingest run; refuses when another
    /// ingest holds it.
    public init(path: String) throws {
        lock = try WriterLock(storePath: path)
        store = try Store.openForWriting(path: path)
        let db = store.db
        insertTweet = try db.prepare("""
            INSERT OR IGNORE INTO tweets (id, created_at, author_id, text, lang, source,
              in_reply_to_status_id, in_reply_to_user_id, in_reply_to_screen_name, retweeted_id, quoted_id,
              longitude, latitude, place_id, place_name, place_country,
              has_hashtags, has_mentions, has_urls, starts_with_at, located, entities_from_text,
              file_id, line, offset, length)
            VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)
            """)
        insertHashtag = try db.prepare("INSERT OR IGNORE INTO hashtags (tweet_id, tag, spelling) VALUES (?,?,?)")
        insertMention = try db.prepare("INSERT OR IGNORE INTO mentions (tweet_id, screen_name, user_id) VALUES (?,?,?)")
        insertURL = try db.prepare("INSERT OR IGNORE INTO urls (tweet_id, url) VALUES (?,?)")
        upsertUser = try db.prepare("""
            INSERT INTO users (id, screen_name, name, location, description, followers_count, friends_count,
              statuses_count, created_at, lang, verified, profile_seen_at)
            VALUES (?,?,?,?,?,?,?,?,?,?,?,?)
            ON CONFLICT(id) DO UPDATE SET screen_name = excluded.screen_name, name = excluded.name,
              location = excluded.location, description = excluded.description,
              followers_count = excluded.followers_count, friends_count = excluded.friends_count,
              statuses_count = excluded.statuses_count, created_at = excluded.created_at,
              lang = excluded.lang, verified = excluded.verified, profile_seen_at = excluded.profile_seen_at
            WHERE coalesce(excluded.profile_seen_at, 0) >= coalesce(users.profile_seen_at, 0)
            """)
        deleteTweet = try db.prepare("DELETE FROM tweets WHERE id = ?")
        rememberDelete = try db.prepare("INSERT OR IGNORE INTO deleted_tweets (id, user_id, run_id) VALUES (?,?,?)")
        insertBadLine = try db.prepare("INSERT INTO bad_lines (file_id, line, offset, error, text, run_id) VALUES (?,?,?,?,?,?)")
        updateFile = try db.prepare("UPDATE files SET bytes_done = ?, lines_done = ? WHERE id = ?")
        updateRun = try db.prepare("""
            UPDATE ingest_runs SET lines = lines + ?, tweets_inserted = tweets_inserted + ?,
              duplicates = duplicates + ?, suppressed = suppressed + ?, deleted = deleted + ?,
              notices = notices + ?, bad_lines = bad_lines + ? WHERE id = ?
            """)
        try store.forEach("SELECT id FROM deleted_tweets") { deletedIDs.insert($0.int64(0)) }
        // A killed run may have left tweets out of the full-text index or without reader indexes.
        try indexFullText()
        if try db.scalar("SELECT count(*) FROM (SELECT 1 FROM tweets LIMIT 1)") == 0 {
            for index in Schema.readerIndexes { try db.execute("DROP INDEX IF EXISTS \(index.name)") }
        } else {
            try createReaderIndexes()
        }
        // A run still marked running holds no lock any more: it was killed.
        try db.execute("UPDATE ingest_runs SET status = 'interrupted' WHERE status = 'running'")
        try db.execute("INSERT INTO ingest_runs (started_at, status) VALUES ('\(Self.now())', 'running')")
        runID = try db.scalar("SELECT last_insert_rowid()")
    }

    static func now() -> String {
        ISO8601DateFormatter().string(from: Date())
    }

    // MARK: - Files

    /// Decides whether to read an input: a file already ingested completely with the same
    /// size and modification time is skipped (unless `force`); one interrupted is resumed.
    /// `path` nil is standard input: always read from its start.
    public func plan(path: String?, force: Bool) throws -> FilePlan {
        try commit()
        var size: Int64?
        var mtime: Int64?
        if let path {
            let attributes = try? FileManager.default.attributesOfItem(atPath: path)
            size = (attributes?[.size] as? NSNumber)?.int64Value
            mtime = (attributes?[.modificationDate] as? Date).map { Int64(($0.timeIntervalSince1970 * 1e9).rounded()) }
            let s = try store.db.prepare("""
                SELECT id, complete, bytes_done, lines_done FROM files
                WHERE path = ? AND size IS ? AND mtime_ns IS ? ORDER BY id DESC LIMIT 1
                """)
            s.bind(1, path)
            s.bind(2, size)
            s.bind(3, mtime)
            if try s.step() {
                let id = s.int64(0)
                if s.int64(1) == 1 {
                    if !force {
                        counts.filesSkipped += 1
                        try store.db.execute("UPDATE ingest_runs SET files_skipped = files_skipped + 1 WHERE id = \(runID)")
                        return .skip
                    }
                } else if !force {
                    try store.db.execute("UPDATE files SET run_id = \(runID) WHERE id = \(id)")
                    currentFileID = id
                    counts.files += 1
                    try store.db.execute("UPDATE ingest_runs SET files = files + 1 WHERE id = \(runID)")
                    return .read(resumeOffset: s.int64(2), resumeLine: Int(s.int64(3)))
                }
            }
        }
        let insert = try store.db.prepare("INSERT INTO files (path, size, mtime_ns, run_id) VALUES (?,?,?,?)")
        insert.bind(1, path ?? "-")
        insert.bind(2, size)
        insert.bind(3, mtime)
        insert.bind(4, runID)
        try insert.run()
        currentFileID = try store.db.scalar("SELECT last_insert_rowid()")
        counts.files += 1
        try store.db.execute("UPDATE ingest_runs SET files = files + 1 WHERE id = \(runID)")
        return .read(resumeOffset: 0, resumeLine: 0)
    }

    /// Marks the current file read to its end (or records why it stopped early).
    public func finishFile(contentHash: UInt64?, error: String?) throws {
        try commit()
        let s = try store.db.prepare("UPDATE files SET complete = ?, content_hash = ?, error = ? WHERE id = ?")
        s.bind(1, error == nil)
        s.bind(2, contentHash.map { String(format: "%016llx", $0) })
        s.bind(3, error)
        s.bind(4, currentFileID)
        try s.run()
    }

    /// Records a file that could not be opened at all.
    public func recordUnreadable(path: String, reason: String) throws {
        try commit()
        let s = try store.db.prepare("INSERT INTO files (path, error, run_id) VALUES (?,?,?)")
        s.bind(1, path)
        s.bind(2, reason)
        s.bind(3, runID)
        try s.run()
    }

    /// Adds the tweets stored since the last time to the full-text index, in one transaction.
    public func indexFullText() throws {
        try commit()
        try store.db.execute("""
            BEGIN IMMEDIATE;
            INSERT INTO tweets_fts (rowid, text)
                SELECT seq, text FROM tweets WHERE seq > (SELECT value FROM meta WHERE key = 'fts_indexed_seq');
            UPDATE meta SET value = (SELECT coalesce(max(seq), 0) FROM tweets) WHERE key = 'fts_indexed_seq'
                AND (SELECT coalesce(max(seq), 0) FROM tweets) > value;
            COMMIT;
            """)
    }

    /// Creates the reader indexes that are missing (after a load into an empty store).
    func createReaderIndexes() throws {
        try commit()
        // SQLite sizes its sort runs from cache_size: a small cache here keeps the memory of
        // building an index the same whatever the corpus size (runs spill to temporary files).
        try store.db.execute("PRAGMA cache_size = -8192")
        defer { try? store.db.execute("PRAGMA cache_size = -65536") }
        for index in Schema.readerIndexes { try store.db.execute(index.sql) }
    }

    /// Brings the full-text and reader indexes up to date and closes the run with its status.
    public func finishRun(status: String) throws {
        try indexFullText()
        try createReaderIndexes()
        let s = try store.db.prepare("UPDATE ingest_runs SET status = ?, finished_at = ? WHERE id = ?")
        s.bind(1, status)
        s.bind(2, Self.now())
        s.bind(3, runID)
        try s.run()
        try store.db.execute("PRAGMA wal_checkpoint(PASSIVE); PRAGMA optimize")
    }

    /// Commits the open transaction, if any: everything written so far, with its file position.
    public func commit() throws {
        guard inTransaction else { return }
        try store.db.execute("COMMIT")
        inTransaction = false
        uncommittedLines = 0
    }

    // MARK: - The hot path

    public func write(_ batch: IngestBatch) throws {
        var c = Counts()
        c.lines = batch.lines
        c.notices = batch.otherNotices
        c.badLines = batch.badLines.count
        if !inTransaction {
            try store.db.execute("BEGIN IMMEDIATE")
            inTransaction = true
        }
        do {
            // Table by table, as a bulk loader would: each B-tree is visited in one stretch.
            var stored: [Tweet] = []
            stored.reserveCapacity(batch.tweets.count)
            for item in batch.tweets {
                if deletedIDs.contains(item.tweet.id) {
                    c.suppressed += 1
                } else if try insertRow(item) {
                    c.tweetsInserted += 1
                    stored.append(item.tweet)
                } else {
                    c.duplicates += 1
                }
            }
            try insertEntities(of: stored)
            for (id, user) in batch.deletes {
                rememberDelete.bind(1, id)
                rememberDelete.bind(2, user)
                rememberDelete.bind(3, runID)
                try rememberDelete.run()
                if store.db.changes > 0 {
                    c.deleted += 1
                    deletedIDs.insert(id)
                }
                deleteTweet.bind(1, id)
                try deleteTweet.run()
            }
            for bad in batch.badLines {
                insertBadLine.bind(1, currentFileID)
                insertBadLine.bind(2, Int64(bad.line))
                insertBadLine.bind(3, bad.offset)
                insertBadLine.bind(4, bad.error)
                insertBadLine.bind(5, blob: bad.bytes)
                insertBadLine.bind(6, runID)
                try insertBadLine.run()
            }
            updateFile.bind(1, batch.endOffset)
            updateFile.bind(2, Int64(batch.endLine))
            updateFile.bind(3, currentFileID)
            try updateFile.run()
            for (k, v) in [c.lines, c.tweetsInserted, c.duplicates, c.suppressed, c.deleted, c.notices, c.badLines].enumerated() {
                updateRun.bind(Int32(k + 1), Int64(v))
            }
            updateRun.bind(8, runID)
            try updateRun.run()
            uncommittedLines += max(1, batch.lines)
            if uncommittedLines >= commitLines { try commit() }
        } catch {
            try? store.db.execute("ROLLBACK")
            inTransaction = false
            uncommittedLines = 0
            throw error
        }
        counts.lines += c.lines
        counts.tweetsInserted += c.tweetsInserted
        counts.duplicates += c.duplicates
        counts.suppressed += c.suppressed
        counts.deleted += c.deleted
        counts.notices += c.notices
        counts.badLines += c.badLines
    }

    /// Inserts one tweet row; false when the id is already stored.
    private func insertRow(_ item: IngestBatch.Item) throws -> Bool {
        let t = item.tweet
        let s = insertTweet
        s.bind(1, t.id)
        s.bind(2, t.createdAt)
        s.bind(3, t.authorID)
        s.bind(4, t.text)
        s.bind(5, t.lang)
        s.bind(6, t.source)
        s.bind(7, t.inReplyToStatusID)
        s.bind(8, t.inReplyToUserID)
        s.bind(9, t.inReplyToScreenName)
        s.bind(10, t.retweetedID)
        s.bind(11, t.quotedID)
        s.bind(12, t.longitude)
        s.bind(13, t.latitude)
        s.bind(14, t.placeID)
        s.bind(15, t.placeName)
        s.bind(16, t.placeCountry)
        s.bind(17, !t.hashtags.isEmpty)
        s.bind(18, !t.mentions.isEmpty)
        s.bind(19, !t.urls.isEmpty)
        s.bind(20, t.startsWithAt)
        s.bind(21, t.isLocated)
        s.bind(22, t.entitiesFromText)
        s.bind(23, currentFileID)
        s.bind(24, Int64(item.position.line))
        s.bind(25, item.position.offset)
        s.bind(26, Int64(item.position.length))
        try s.run()
        return store.db.changes > 0
    }

    /// Hashtags, mentions, URLs and authors of newly stored tweets.
    private func insertEntities(of tweets: [Tweet]) throws {
        for t in tweets {
            for h in t.hashtags {
                insertHashtag.bind(1, t.id)
                insertHashtag.bind(2, h.tag)
                insertHashtag.bind(3, h.spelling)
                try insertHashtag.run()
            }
        }
        for t in tweets {
            for m in t.mentions {
                insertMention.bind(1, t.id)
                insertMention.bind(2, m.screenName)
                insertMention.bind(3, m.userID)
                try insertMention.run()
            }
        }
        for t in tweets {
            for u in t.urls {
                insertURL.bind(1, t.id)
                insertURL.bind(2, u)
                try insertURL.run()
            }
        }
        for t in tweets {
            if let user = t.author { try upsert(user, seenAt: t.createdAt ?? 0) }
        }
    }

    /// Keeps the latest profile of each user, writing only when a newer tweet brings a change.
    private func upsert(_ u: User, seenAt: Int64) throws {
        var hasher = Hasher()
        hasher.combine(u.screenName)
        hasher.combine(u.name)
        hasher.combine(u.location)
        hasher.combine(u.description)
        hasher.combine(u.followers)
        hasher.combine(u.friends)
        hasher.combine(u.statuses)
        hasher.combine(u.verified)
        let profile = hasher.finalize()
        if let cached = userCache[u.id] {
            // The store already holds this user's profile as of cached.seenAt or later.
            if seenAt <= cached.seenAt { return }
            if cached.profile == profile {
                userCache[u.id] = (seenAt, profile)
                return
            }
        }
        userCache[u.id] = (seenAt, profile)
        let s = upsertUser
        s.bind(1, u.id)
        s.bind(2, u.screenName)
        s.bind(3, u.name)
        s.bind(4, u.location)
        s.bind(5, u.description)
        s.bind(6, u.followers)
        s.bind(7, u.friends)
        s.bind(8, u.statuses)
        s.bind(9, u.createdAt)
        s.bind(10, u.lang)
        s.bind(11, u.verified.map { $0 ? Int64(1) : Int64(0) })
        s.bind(12, seenAt)
        try s.run()
    }
}

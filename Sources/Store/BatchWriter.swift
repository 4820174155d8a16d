import Model

/// The hot path of an ingest: writes batches with reused prepared statements, table by
/// table as a bulk loader would (each B-tree is visited in one stretch), inside transactions
/// that group many batches.
final class BatchWriter {
    private let db: Connection
    private let runID: Int64
    /// Tweets deleted by a notice: never stored again, even when they come later.
    private var deletedIDs = Set<Int64>()
    private var users = UserCache()
    /// Lines written in the open transaction; it commits past `commitLines`.
    private var uncommittedLines = 0
    private var inTransaction = false
    /// Lines per transaction: batches are grouped so that index pages touched by many
    /// tweets are written once per transaction, not once per batch.
    var commitLines = 65_536

    private let insertTweet, insertHashtag, insertMention, insertURL, upsertUser: Statement
    private let deleteTweet, rememberDelete, insertBadLine, insertNotice: Statement
    /// Moves a notice read before in one of `ids` (earlier reads of the input) to this read.
    private var moveNotice: (ids: [Int64], statement: Statement)?

    init(db: Connection, runID: Int64) throws {
        self.db = db
        self.runID = runID
        insertTweet = try db.prepare("""
            INSERT OR IGNORE INTO tweets (id, created_at, author_id, text, lang, source,
              in_reply_to_status_id, in_reply_to_user_id, in_reply_to_screen_name, retweeted_id, quoted_id,
              longitude, latitude, place_id, place_name, place_country,
              has_hashtags, has_mentions, has_urls, starts_with_at, located, entities_from_text,
              file_id, line, offset, length,
              retweeted_user_id, retweeted_screen_name, quoted_user_id, quoted_screen_name)
            VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)
            """)
        insertHashtag = try db.prepare("INSERT OR IGNORE INTO hashtags (tweet_id, tweet_seq, tag, spelling) VALUES (?,?,?,?)")
        insertMention = try db.prepare("INSERT OR IGNORE INTO mentions (tweet_id, tweet_seq, screen_name, user_id) VALUES (?,?,?,?)")
        insertURL = try db.prepare("INSERT OR IGNORE INTO urls (tweet_id, tweet_seq, url) VALUES (?,?,?)")
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
        insertNotice = try db.prepare("""
            INSERT INTO notices (file_id, line, offset, previous_tweet_at, run_id, kind, track, timestamp_ms)
            VALUES (?,?,?,?,?,?,?,?)
            """)
        let known = try db.prepare("SELECT id FROM deleted_tweets")
        while try known.step() { deletedIDs.insert(known.int64(0)) }
    }

    /// Runs `body` (the writes of one batch of `lines` lines) in the open transaction,
    /// opening one when needed and committing once past `commitLines`. On an error the
    /// transaction is rolled back: the store keeps what the last commit held.
    func inTransaction<T>(lines: Int, _ body: () throws -> T) throws -> T {
        if !inTransaction {
            try db.execute("BEGIN IMMEDIATE")
            inTransaction = true
        }
        do {
            let result = try body()
            uncommittedLines += max(1, lines)
            if uncommittedLines >= commitLines { try commit() }
            return result
        } catch {
            try? db.execute("ROLLBACK")
            inTransaction = false
            uncommittedLines = 0
            throw error
        }
    }

    /// Commits the open transaction, if any: everything written so far, with its file position
    /// and the full-text index entries of its tweets (searchable once committed).
    func commit() throws {
        guard inTransaction else { return }
        try IndexUpkeep.indexPending(db)
        try db.execute("COMMIT")
        inTransaction = false
        uncommittedLines = 0
    }

    /// Writes one batch's rows (tweets, entities, authors, deletes, notices, bad lines) for
    /// the file `fileID`, whose earlier reads are `earlierReads` and whose last tweet before
    /// the batch came at `lastTweetAt`; returns what it stored and the time of the file's last
    /// tweet after the batch. Call inside `inTransaction`.
    func write(_ batch: IngestBatch, fileID: Int64, earlierReads: [Int64],
               lastTweetAt: Int64?) throws -> (counts: IngestCounts, lastTweetAt: Int64?) {
        var c = IngestCounts(of: batch)
        var stored: [(tweet: Tweet, seq: Int64)] = []
        stored.reserveCapacity(batch.tweets.count)
        for item in batch.tweets {
            if deletedIDs.contains(item.tweet.id) {
                c.suppressed += 1
            } else if let seq = try insertRow(item, fileID: fileID) {
                c.tweetsInserted += 1
                stored.append((item.tweet, seq))
            } else {
                c.duplicates += 1
            }
        }
        try insertEach(of: stored, \.hashtags, into: insertHashtag) { s, h in
            s.bind(3, h.tag)
            s.bind(4, h.spelling)
        }
        try insertEach(of: stored, \.mentions, into: insertMention) { s, m in
            s.bind(3, m.screenName)
            s.bind(4, m.userID)
        }
        try insertEach(of: stored, \.urls, into: insertURL) { s, u in s.bind(3, u) }
        for (t, _) in stored {
            if let user = t.author { try upsert(user, seenAt: t.createdAt ?? 0) }
        }
        for (id, user) in batch.deletes {
            rememberDelete.bindAll(id, user, runID)
            try rememberDelete.run()
            if db.changes > 0 {
                c.deleted += 1
                deletedIDs.insert(id)
            }
            deleteTweet.bind(1, id)
            try deleteTweet.run()
        }
        for bad in batch.badLines {
            insertBadLine.bindAll(fileID, Int64(bad.line), bad.offset, bad.error, bad.bytes, runID)
            try insertBadLine.run()
        }
        let placed = batch.noticePlacements(after: lastTweetAt)
        for (notice, previousTweetAt) in zip(batch.notices, placed.placements) {
            try keep(notice, previousTweetAt: previousTweetAt, fileID: fileID, earlierReads: earlierReads)
        }
        return (c, placed.last)
    }

    /// Stores one notice; one that an earlier read of the same input stored at the same place
    /// with the same content moves to this read instead (a --force rerun, a grown file).
    private func keep(_ n: StreamNotice, previousTweetAt: Int64?, fileID: Int64, earlierReads: [Int64]) throws {
        let line = Int64(n.position.line), offset = n.position.offset
        if !earlierReads.isEmpty {
            if moveNotice?.ids != earlierReads {
                // Parameters: 1-5 the new place, ?3 the offset again, then 6-8 the content.
                moveNotice = (earlierReads, try db.prepare("""
                    UPDATE notices SET file_id = ?, line = ?, offset = ?, previous_tweet_at = ?, run_id = ?
                    WHERE id = (SELECT id FROM notices WHERE file_id IN (\(earlierReads.map(String.init).joined(separator: ",")))
                                AND offset = ?3 AND kind = ? AND track IS ? AND timestamp_ms IS ? LIMIT 1)
                    """))
            }
            if let move = moveNotice?.statement {
                move.bindAll(fileID, line, offset, previousTweetAt, runID, n.kind, n.track, n.timestampMs)
                try move.run()
                if db.changes > 0 { return }
            }
        }
        insertNotice.bindAll(fileID, line, offset, previousTweetAt, runID, n.kind, n.track, n.timestampMs)
        try insertNotice.run()
    }

    /// One entity table: a row (tweet id, tweet seq, then what `bind` binds from 3 on) per
    /// entity of each tweet.
    private func insertEach<E>(of tweets: [(tweet: Tweet, seq: Int64)], _ entities: KeyPath<Tweet, [E]>, into s: Statement,
                               bind: (Statement, E) -> Void) throws {
        for (t, seq) in tweets {
            for e in t[keyPath: entities] {
                s.bind(1, t.id)
                s.bind(2, seq)
                bind(s, e)
                try s.run()
            }
        }
    }

    /// Inserts one tweet row; its seq, or nil when the id is already stored.
    private func insertRow(_ item: IngestBatch.Item, fileID: Int64) throws -> Int64? {
        let t = item.tweet
        insertTweet.bindAll(t.id, t.createdAt, t.authorID, t.text, t.lang, t.source, t.inReplyToStatusID,
                            t.inReplyToUserID, t.inReplyToScreenName, t.retweetedID, t.quotedID, t.longitude,
                            t.latitude, t.placeID, t.placeName, t.placeCountry, !t.hashtags.isEmpty,
                            !t.mentions.isEmpty, !t.urls.isEmpty, t.startsWithAt, t.isLocated, t.entitiesFromText,
                            fileID, Int64(item.position.line), item.position.offset, Int64(item.position.length),
                            t.retweetedUserID, t.retweetedScreenName, t.quotedUserID, t.quotedScreenName)
        try insertTweet.run()
        return db.changes > 0 ? db.lastInsertRowID : nil
    }

    /// Keeps the latest profile of each user, writing only when a newer tweet brings a change.
    private func upsert(_ u: User, seenAt: Int64) throws {
        guard users.needsWrite(u, seenAt: seenAt) else { return }
        upsertUser.bindAll(u.id, u.screenName, u.name, u.location, u.description, u.followers, u.friends, u.statuses,
                           u.createdAt, u.lang, u.verified, seenAt)
        try upsertUser.run()
    }
}

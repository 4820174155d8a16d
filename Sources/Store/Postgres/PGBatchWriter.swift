import Model

/// Writes batches into a PostgreSQL store by COPY, with the same rules as the SQLite
/// `BatchWriter`: the first version of a tweet is kept, tweets deleted by a notice are never
/// stored again, entities are stored once per tweet (mentions case-insensitively), a
/// user's latest profile wins. The writer lock makes this connection the only writer, so
/// duplicates are found by asking which ids are already stored.
final class PGBatchWriter {
    private let db: PGConnection
    private let runID: Int64
    private let distributeByTweet: Bool
    private var deletedIDs = Set<Int64>()
    private var users = UserCache()

    static let tweetColumns = """
        shard_key, id, created_at, author_id, text, lang, source, in_reply_to_status_id, in_reply_to_user_id,
        in_reply_to_screen_name, retweeted_id, quoted_id, longitude, latitude, place_id, place_name, place_country,
        has_hashtags, has_mentions, has_urls, starts_with_at, located, entities_from_text, file_id, line, "offset", length,
        retweeted_user_id, retweeted_screen_name, quoted_user_id, quoted_screen_name
        """
    static let userColumns = """
        id, screen_name, name, location, description, followers_count, friends_count, statuses_count, created_at,
        lang, verified, profile_seen_at
        """

    init(db: PGConnection, runID: Int64, distributeByTweet: Bool) throws {
        self.db = db
        self.runID = runID
        self.distributeByTweet = distributeByTweet
        try db.query("SELECT id FROM deleted_tweets") { deletedIDs.insert($0.int(0)) }
        try db.execute("CREATE TEMP TABLE IF NOT EXISTS users_in (LIKE users) ON COMMIT DELETE ROWS")
    }

    /// Writes one batch's rows for the file `fileID` (its earlier reads `earlierReads`, its
    /// last tweet before the batch at `lastTweetAt`, named `place` in replacements) inside the
    /// open transaction; returns what it stored, the time of the file's last tweet after the
    /// batch, and the stored tweets whose NUL characters became U+FFFD.
    func write(_ batch: IngestBatch, fileID: Int64, place: String, earlierReads: [Int64], lastTweetAt: Int64?) throws
        -> (counts: IngestCounts, lastTweetAt: Int64?, nulReplacements: [NULReplacement]) {
        var c = IngestCounts(of: batch)
        let stored = try newTweets(batch, &c)
        var tweets = PGCopyRows(), hashtags = PGCopyRows(), mentions = PGCopyRows(), urls = PGCopyRows()
        var replaced: [NULReplacement] = []
        for item in stored {
            let t = item.tweet
            let fields = NULReplacement.fields(of: t)
            if !fields.isEmpty { replaced.append(NULReplacement(place: place, line: Int64(item.position.line), fields: fields)) }
            let key = distributeByTweet ? t.id : (t.authorID ?? 0)
            addTweet(item, key: key, fileID: fileID, to: &tweets)
            // Entities are told apart by what is stored, so two that differ only by NUL and
            // U+FFFD stay one row.
            var seen = Set<String>()
            for h in t.hashtags where seen.insert(NULReplacement.stored(h.tag)).inserted {
                hashtags.add(key); hashtags.add(t.id); hashtags.add(h.tag); hashtags.add(h.spelling); hashtags.endRow()
            }
            seen.removeAll()
            for m in t.mentions where seen.insert(Self.asciiLower(NULReplacement.stored(m.screenName))).inserted {
                mentions.add(key); mentions.add(t.id); mentions.add(m.screenName); mentions.add(m.userID); mentions.endRow()
            }
            seen.removeAll()
            for u in t.urls where seen.insert(NULReplacement.stored(u)).inserted {
                urls.add(key); urls.add(t.id); urls.add(u); urls.endRow()
            }
        }
        try copy("tweets (\(Self.tweetColumns))", tweets)
        try copy("hashtags (shard_key, tweet_id, tag, spelling)", hashtags)
        try copy("mentions (shard_key, tweet_id, screen_name, user_id)", mentions)
        try copy("urls (shard_key, tweet_id, url)", urls)
        try upsertUsers(stored.map(\.tweet))
        for (id, user) in batch.deletes {
            if try db.command("INSERT INTO deleted_tweets VALUES ($1, $2, $3) ON CONFLICT DO NOTHING",
                              [.integer(id), user.map(SQLValue.integer) ?? .null, .integer(runID)]) > 0 {
                c.deleted += 1
                deletedIDs.insert(id)
            }
            try db.command("""
                WITH d AS (DELETE FROM tweets WHERE id = $1 RETURNING shard_key, id),
                h AS (DELETE FROM hashtags e USING d WHERE e.shard_key = d.shard_key AND e.tweet_id = d.id),
                m AS (DELETE FROM mentions e USING d WHERE e.shard_key = d.shard_key AND e.tweet_id = d.id)
                DELETE FROM urls e USING d WHERE e.shard_key = d.shard_key AND e.tweet_id = d.id
                """, [.integer(id)])
        }
        var bad = PGCopyRows()
        for b in batch.badLines {
            bad.add(fileID); bad.add(b.line); bad.add(b.offset); bad.add(b.error); bad.add(bytes: b.bytes); bad.add(runID)
            bad.endRow()
        }
        try copy("bad_lines (file_id, line, \"offset\", error, text, run_id)", bad)
        let placed = batch.noticePlacements(after: lastTweetAt)
        for (notice, previousTweetAt) in zip(batch.notices, placed.placements) {
            try keep(notice, previousTweetAt: previousTweetAt, fileID: fileID, earlierReads: earlierReads)
        }
        return (c, placed.last, replaced)
    }

    /// Stores one notice, or moves the same notice of an earlier read of the input to this
    /// read (as the SQLite `BatchWriter` does).
    private func keep(_ n: StreamNotice, previousTweetAt: Int64?, fileID: Int64, earlierReads: [Int64]) throws {
        func value(_ v: Int64?) -> SQLValue { v.map(SQLValue.integer) ?? .null }
        let args: [SQLValue] = [.integer(fileID), .integer(Int64(n.position.line)), .integer(n.position.offset),
                                value(previousTweetAt), .integer(runID), .text(n.kind), value(n.track), value(n.timestampMs)]
        if !earlierReads.isEmpty, try db.command("""
            UPDATE notices SET file_id = $1, line = $2, "offset" = $3, previous_tweet_at = $4::bigint, run_id = $5
            WHERE id = (SELECT id FROM notices WHERE file_id = ANY($9::bigint[]) AND "offset" = $3 AND kind = $6
                        AND track IS NOT DISTINCT FROM $7::bigint AND timestamp_ms IS NOT DISTINCT FROM $8::bigint LIMIT 1)
            """, args + [.text("{" + earlierReads.map(String.init).joined(separator: ",") + "}")]) > 0 {
            return
        }
        try db.command("""
            INSERT INTO notices (file_id, line, "offset", previous_tweet_at, run_id, kind, track, timestamp_ms)
            VALUES ($1, $2, $3, $4::bigint, $5, $6, $7::bigint, $8::bigint)
            """, args)
    }

    /// The batch's tweets to store, in order: not deleted before, not stored before, and the
    /// first of each id within the batch.
    private func newTweets(_ batch: IngestBatch, _ c: inout IngestCounts) throws -> [IngestBatch.Item] {
        let ids = batch.tweets.map { String($0.tweet.id) }
        var known = Set<Int64>()
        if !ids.isEmpty {
            try db.query("SELECT id FROM tweets WHERE id = ANY($1::bigint[])", [.text("{" + ids.joined(separator: ",") + "}")]) {
                known.insert($0.int(0))
            }
        }
        var stored: [IngestBatch.Item] = []
        for item in batch.tweets {
            if deletedIDs.contains(item.tweet.id) {
                c.suppressed += 1
            } else if known.insert(item.tweet.id).inserted {
                c.tweetsInserted += 1
                stored.append(item)
            } else {
                c.duplicates += 1
            }
        }
        return stored
    }

    private func addTweet(_ item: IngestBatch.Item, key: Int64, fileID: Int64, to r: inout PGCopyRows) {
        let t = item.tweet
        r.add(key); r.add(t.id); r.add(t.createdAt); r.add(t.authorID); r.add(t.text); r.add(t.lang); r.add(t.source)
        r.add(t.inReplyToStatusID); r.add(t.inReplyToUserID); r.add(t.inReplyToScreenName); r.add(t.retweetedID)
        r.add(t.quotedID); r.add(t.longitude); r.add(t.latitude); r.add(t.placeID); r.add(t.placeName); r.add(t.placeCountry)
        r.add(!t.hashtags.isEmpty); r.add(!t.mentions.isEmpty); r.add(!t.urls.isEmpty); r.add(t.startsWithAt)
        r.add(t.isLocated); r.add(t.entitiesFromText); r.add(fileID); r.add(item.position.line); r.add(item.position.offset)
        r.add(item.position.length); r.add(t.retweetedUserID); r.add(t.retweetedScreenName); r.add(t.quotedUserID)
        r.add(t.quotedScreenName)
        r.endRow()
    }

    /// The profiles the SQLite writer would write, in the same order; the last per user wins
    /// (each later one is newer), and only over an older stored profile.
    private func upsertUsers(_ tweets: [Tweet]) throws {
        var latest: [Int64: (User, Int64)] = [:]
        for t in tweets {
            if let u = t.author, users.needsWrite(u, seenAt: t.createdAt ?? 0) { latest[u.id] = (u, t.createdAt ?? 0) }
        }
        try write(users: latest.values.map { ($0.0, $0.1) })
    }

    /// Writes the profiles seen again unchanged since they were written (`UserCache`); call
    /// before each commit.
    func flushUsers() throws { try write(users: users.takeUnwritten()) }

    /// Upserts these profiles, each only over an older stored one.
    private func write(users list: [(user: User, seenAt: Int64)]) throws {
        guard !list.isEmpty else { return }
        var rows = PGCopyRows()
        for (u, seenAt) in list {
            rows.add(u.id); rows.add(u.screenName); rows.add(u.name); rows.add(u.location); rows.add(u.description)
            rows.add(u.followers); rows.add(u.friends); rows.add(u.statuses); rows.add(u.createdAt); rows.add(u.lang)
            rows.add(u.verified.map { Int64($0 ? 1 : 0) }); rows.add(seenAt)
            rows.endRow()
        }
        try copy("users_in (\(Self.userColumns))", rows)
        try db.execute("""
            INSERT INTO users (\(Self.userColumns)) SELECT \(Self.userColumns) FROM users_in
            ON CONFLICT (id) DO UPDATE SET screen_name = excluded.screen_name, name = excluded.name,
              location = excluded.location, description = excluded.description,
              followers_count = excluded.followers_count, friends_count = excluded.friends_count,
              statuses_count = excluded.statuses_count, created_at = excluded.created_at,
              lang = excluded.lang, verified = excluded.verified, profile_seen_at = excluded.profile_seen_at
            WHERE coalesce(excluded.profile_seen_at, 0) >= coalesce(users.profile_seen_at, 0);
            TRUNCATE users_in
            """)
    }

    private func copy(_ target: String, _ rows: PGCopyRows) throws {
        guard !rows.isEmpty else { return }
        try db.copy("COPY \(target) FROM STDIN", rows.bytes)
    }

    /// ASCII letters lowered, the rest as is (SQLite's NOCASE).
    static func asciiLower(_ s: String) -> String {
        String(decoding: s.utf8.map { (65...90).contains($0) ? $0 + 32 : $0 }, as: UTF8.self)
    }
}

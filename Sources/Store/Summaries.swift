/// The summary tables the analyses read instead of every tweet (the last migration of
/// `Schema` makes them): tweets and their flags per 15-minute UTC bucket (`tweet_quarters`;
/// every IANA zone's offsets are whole quarters of an hour, so these buckets serve local days
/// and hours in any zone, daylight-saving time included), the quarters of each UTC day an
/// author tweeted in (`author_spans`, for active users; see `AuthorSpans`), and tags by spelling, by author and by
/// pair (`tag_spellings`, `tag_authors`, `tag_pairs`).
///
/// They hold the tweets up to `meta.summary_seq`. Each ingest run brings them up to date at
/// its end, reading only the tweets stored since (so the cost follows the new data), in one
/// transaction with the new mark; a delete takes its tweet out through a trigger. A reader uses
/// them only when they are current (`Store.summariesAreCurrent`), else it counts the tweets.
enum Summaries {
    /// Adds the tweets stored after `meta.summary_seq` to the summaries and recomputes the
    /// author days deletes made stale, in one transaction.
    static func catchUp(_ db: Connection) throws {
        let done = try db.scalar("SELECT value FROM meta WHERE key = 'summary_seq'")
        let last = try db.scalar("SELECT coalesce(max(seq), 0) FROM tweets")
        let stale = try db.scalar("SELECT count(*) FROM (SELECT 1 FROM summary_stale LIMIT 1)")
        guard last > done || stale > 0 else { return }
        try db.execute("BEGIN IMMEDIATE")
        do {
            try recomputeStaleDays(db)
            if last > done {
                // A first catch-up reads everything, in the reader indexes' order; a later one
                // reads the new rows by their seq range and sorts only those.
                let source = done == 0 ? "tweets WHERE 1" : "tweets NOT INDEXED WHERE seq > \(done)"
                try addQuarters(db, source: source)
                try addAuthorDays(db, source: source)
                try addTags(db, after: done)
            }
            try db.execute("UPDATE meta SET value = \(max(last, done)) WHERE key = 'summary_seq'; COMMIT")
        } catch {
            try? db.execute("ROLLBACK")
            throw error
        }
    }

    /// `floor(a / b)` for any sign of `a` (`b` > 0).
    static func floorDiv(_ a: Int64, _ b: Int64) -> Int64 {
        let q = a / b
        return a % b < 0 ? q - 1 : q
    }

    /// The quarter-of-day bit of the instant `epoch`.
    static func quarterBits(_ epoch: Int64) -> AuthorSpans.Quarters {
        let q = (epoch - floorDiv(epoch, 86400) * 86400) / 900
        return q < 48 ? AuthorSpans.Quarters(early: 1 << q, late: 0) : AuthorSpans.Quarters(early: 0, late: 1 << (q - 48))
    }

    private static func addQuarters(_ db: Connection, source: String) throws {
        let upsert = try db.prepare("""
            INSERT INTO tweet_quarters VALUES (?,?,?,?,?,?,?,?,?,?)
            ON CONFLICT (quarter) DO UPDATE SET tweets = tweets + excluded.tweets,
              located = located + excluded.located, geocoded = geocoded + excluded.geocoded,
              with_hashtags = with_hashtags + excluded.with_hashtags, with_mentions = with_mentions + excluded.with_mentions,
              with_links = with_links + excluded.with_links, retweets = retweets + excluded.retweets,
              replies = replies + excluded.replies, starting_with_at = starting_with_at + excluded.starting_with_at
            """)
        let read = try db.prepare("""
            SELECT created_at, located, longitude IS NOT NULL AND latitude IS NOT NULL, has_hashtags, has_mentions,
                   has_urls, retweeted_id IS NOT NULL, in_reply_to_status_id IS NOT NULL, starts_with_at
            FROM \(source) AND created_at IS NOT NULL ORDER BY created_at
            """)
        var quarter = Int64.min
        var sums = [Int64](repeating: 0, count: 9)
        func flush() throws {
            guard quarter != .min else { return }
            upsert.bind(1, quarter)
            for (i, v) in sums.enumerated() { upsert.bind(Int32(i + 2), v) }
            try upsert.run()
        }
        while try read.step() {
            let q = floorDiv(read.int64(0), 900)
            if q != quarter {
                try flush()
                quarter = q
                for i in sums.indices { sums[i] = 0 }
            }
            sums[0] += 1
            for i in 1..<9 { sums[i] += read.int64(Int32(i)) }
        }
        try flush()
    }

    /// The new tweets' quarters, author by author in time order, merged into their
    /// `author_spans` rows (one read and one write per author and span touched).
    private static func addAuthorDays(_ db: Connection, source: String) throws {
        var merger = try SpanMerger(db)
        let read = try db.prepare("""
            SELECT author_id, created_at FROM \(source) AND author_id IS NOT NULL AND created_at IS NOT NULL
            ORDER BY author_id, created_at
            """)
        while try read.step() {
            let created = read.int64(1)
            try merger.add(author: read.int64(0), day: floorDiv(created, 86400), quarters: quarterBits(created))
        }
        try merger.finish()
    }

    /// Moves the rows of `author_days` (the one-row-per-day table of schema versions 7 and 8)
    /// into `author_spans` and drops it; nothing when it is gone. Part of the migration to
    /// version 9, in its transaction.
    static func moveAuthorDays(_ db: Connection) throws {
        guard try db.scalar("SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'author_days'") > 0 else { return }
        var merger = try SpanMerger(db)
        let read = try db.prepare("SELECT author_id, day, early, late FROM author_days ORDER BY author_id, day")
        while try read.step() {
            try merger.add(author: read.int64(0), day: read.int64(1),
                           quarters: AuthorSpans.Quarters(early: read.int64(2), late: read.int64(3)))
        }
        try merger.finish()
        try db.execute("DROP TABLE author_days")
    }

    /// The author days a delete touched, recomputed from the tweets still stored.
    private static func recomputeStaleDays(_ db: Connection) throws {
        var days: [(Int64, Int64)] = []
        let list = try db.prepare("SELECT author_id, day FROM summary_stale")
        while try list.step() { days.append((list.int64(0), list.int64(1))) }
        guard !days.isEmpty else { return }
        let rows = try SpanRows(db)
        let read = try db.prepare("SELECT created_at FROM tweets WHERE author_id = ? AND created_at >= ? AND created_at < ?")
        for (author, day) in days {
            read.bind(1, author)
            read.bind(2, day * 86400)
            read.bind(3, day * 86400 + 86400)
            var bits = AuthorSpans.Quarters.none
            while try read.step() { bits = bits | quarterBits(read.int64(0)) }
            read.reset()
            let (span, index) = AuthorSpans.place(day)
            try rows.update(author: author, span: span) { stored in stored[index] = bits.isEmpty ? nil : bits }
        }
        try db.execute("DELETE FROM summary_stale")
    }

    /// Tags by spelling, by author and by pair of the tweets stored after seq `done`: the
    /// hashtag rows from `tweet_seq` `done` on (the end of their table, which is keyed by it),
    /// each belonging to a stored tweet (the delete trigger removes them together).
    private static func addTags(_ db: Connection, after done: Int64) throws {
        try db.execute("""
            INSERT INTO tag_spellings (tag, spelling, tweets)
                SELECT h.tag, h.spelling, count(*) FROM hashtags h WHERE h.tweet_seq > \(done) GROUP BY h.tag, h.spelling
                ON CONFLICT (tag, spelling) DO UPDATE SET tweets = tweets + excluded.tweets;
            INSERT INTO tag_authors (tag, author_id, tweets)
                SELECT h.tag, t.author_id, count(*) FROM hashtags h JOIN tweets t ON t.seq = h.tweet_seq
                WHERE h.tweet_seq > \(done) AND t.author_id IS NOT NULL GROUP BY h.tag, t.author_id
                ON CONFLICT (tag, author_id) DO UPDATE SET tweets = tweets + excluded.tweets;
            INSERT INTO tag_pairs (a, b, tweets)
                SELECT h.tag, o.tag, count(*) FROM hashtags h
                JOIN hashtags o ON o.tweet_seq = h.tweet_seq AND o.tag > h.tag WHERE h.tweet_seq > \(done) GROUP BY h.tag, o.tag
                ON CONFLICT (a, b) DO UPDATE SET tweets = tweets + excluded.tweets;
            """)
    }
}

/// Reads a row of `author_spans`, lets a caller change its days, and writes it back (or
/// deletes it when no day is left).
private struct SpanRows {
    private let read, write, remove: Statement

    init(_ db: Connection) throws {
        read = try db.prepare("SELECT days, quarters FROM author_spans WHERE author_id = ? AND span = ?")
        write = try db.prepare("INSERT OR REPLACE INTO author_spans VALUES (?,?,?,?)")
        remove = try db.prepare("DELETE FROM author_spans WHERE author_id = ? AND span = ?")
    }

    /// Applies `change` to the days (by index in the span) of row `(author, span)`.
    func update(author: Int64, span: Int64, _ change: (inout [Int: AuthorSpans.Quarters]) -> Void) throws {
        read.bind(1, author)
        read.bind(2, span)
        var entries = try read.step() ? AuthorSpans.decode(span: span, days: read.int64(0), quarters: read.blob(1)) : [:]
        read.reset()
        change(&entries)
        let (days, quarters) = AuthorSpans.encode(entries)
        let statement = days == 0 ? remove : write
        statement.bind(1, author)
        statement.bind(2, span)
        if days != 0 {
            write.bind(3, days)
            write.bind(4, blob: quarters)
        }
        try statement.run()
    }
}

/// Collects quarters author by author in day order and merges each (author, span) into its
/// row when the next begins: one read and one write per row touched.
private struct SpanMerger {
    private let rows: SpanRows
    private var key = (author: Int64.min, span: Int64.min)
    private var entries: [Int: AuthorSpans.Quarters] = [:]

    init(_ db: Connection) throws { rows = try SpanRows(db) }

    /// Adds `quarters` of UTC day `day` by `author` (rows come by author, then day).
    mutating func add(author: Int64, day: Int64, quarters: AuthorSpans.Quarters) throws {
        let (span, index) = AuthorSpans.place(day)
        if author != key.author || span != key.span {
            try finish()
            key = (author, span)
        }
        entries[index, default: .none] = entries[index, default: .none] | quarters
    }

    /// Writes the row being collected.
    mutating func finish() throws {
        guard key.author != .min, !entries.isEmpty else { return }
        let new = entries
        try rows.update(author: key.author, span: key.span) { stored in stored.merge(new, uniquingKeysWith: |) }
        entries = [:]
    }
}

extension Store {
    /// Whether the summary tables hold exactly the stored tweets: true after every finished
    /// ingest run, false while one is writing (or after one was killed, until the next).
    /// A PostgreSQL store has none.
    public func summariesAreCurrent() throws -> Bool {
        guard case .sqlite = engine else { return false }
        return try scalar("""
            SELECT (SELECT value FROM meta WHERE key = 'summary_seq') >= (SELECT coalesce(max(seq), 0) FROM tweets)
               AND NOT EXISTS (SELECT 1 FROM summary_stale)
            """) == 1
    }
}

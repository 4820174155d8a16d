/// The summary tables the analyses read instead of every tweet (the last migration of
/// `Schema` makes them): tweets and their flags per 15-minute UTC bucket (`tweet_quarters`;
/// every IANA zone's offsets are whole quarters of an hour, so these buckets serve local days
/// and hours in any zone, daylight-saving time included), the quarters of each UTC day an
/// author tweeted in (`author_days`, for active users), and tags by spelling, by author and by
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

    /// The quarter-of-day bits (`early`, `late`) of the instant `epoch`.
    static func quarterBits(_ epoch: Int64) -> (early: Int64, late: Int64) {
        let q = (epoch - floorDiv(epoch, 86400) * 86400) / 900
        return q < 48 ? (1 << q, 0) : (0, 1 << (q - 48))
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

    private static func addAuthorDays(_ db: Connection, source: String) throws {
        let upsert = try db.prepare("""
            INSERT INTO author_days VALUES (?,?,?,?)
            ON CONFLICT (author_id, day) DO UPDATE SET early = early | excluded.early, late = late | excluded.late
            """)
        let read = try db.prepare("""
            SELECT author_id, created_at FROM \(source) AND author_id IS NOT NULL AND created_at IS NOT NULL
            ORDER BY author_id, created_at
            """)
        var key = (author: Int64.min, day: Int64.min)
        var bits = (early: Int64(0), late: Int64(0))
        func flush() throws {
            guard key.author != .min else { return }
            try writeDay(upsert, author: key.author, day: key.day, bits: bits)
        }
        while try read.step() {
            let author = read.int64(0), created = read.int64(1)
            let day = floorDiv(created, 86400)
            if author != key.author || day != key.day {
                try flush()
                key = (author, day)
                bits = (0, 0)
            }
            let b = quarterBits(created)
            bits.early |= b.early
            bits.late |= b.late
        }
        try flush()
    }

    private static func writeDay(_ s: Statement, author: Int64, day: Int64, bits: (early: Int64, late: Int64)) throws {
        s.bind(1, author)
        s.bind(2, day)
        s.bind(3, bits.early)
        s.bind(4, bits.late)
        try s.run()
    }

    /// The author days a delete touched, recomputed from the tweets still stored.
    private static func recomputeStaleDays(_ db: Connection) throws {
        var days: [(Int64, Int64)] = []
        let list = try db.prepare("SELECT author_id, day FROM summary_stale")
        while try list.step() { days.append((list.int64(0), list.int64(1))) }
        guard !days.isEmpty else { return }
        let remove = try db.prepare("DELETE FROM author_days WHERE author_id = ? AND day = ?")
        let insert = try db.prepare("INSERT INTO author_days VALUES (?,?,?,?)")
        let read = try db.prepare("SELECT created_at FROM tweets WHERE author_id = ? AND created_at >= ? AND created_at < ?")
        for (author, day) in days {
            remove.bind(1, author)
            remove.bind(2, day)
            try remove.run()
            read.bind(1, author)
            read.bind(2, day * 86400)
            read.bind(3, day * 86400 + 86400)
            var bits = (early: Int64(0), late: Int64(0))
            while try read.step() {
                let b = quarterBits(read.int64(0))
                bits.early |= b.early
                bits.late |= b.late
            }
            read.reset()
            if bits.early != 0 || bits.late != 0 { try writeDay(insert, author: author, day: day, bits: bits) }
        }
        try db.execute("DELETE FROM summary_stale")
    }

    /// Tags by spelling, by author and by pair of the tweets stored after seq `done`. A first
    /// catch-up reads every hashtag row (each belongs to a stored tweet: the delete trigger
    /// removes them together), in tweet order where it joins.
    private static func addTags(_ db: Connection, after done: Int64) throws {
        let newRows = "tweets t NOT INDEXED JOIN hashtags h ON h.tweet_id = t.id"
        let inTweetOrder = "hashtags h INDEXED BY sqlite_autoindex_hashtags_1"
        let from = done == 0 ? "hashtags h" : newRows
        let ordered = done == 0 ? inTweetOrder : newRows
        let withAuthors = done == 0 ? inTweetOrder + " JOIN tweets t ON t.id = h.tweet_id" : newRows
        let condition = done == 0 ? "1" : "t.seq > \(done)"
        try db.execute("""
            INSERT INTO tag_spellings (tag, spelling, tweets)
                SELECT h.tag, h.spelling, count(*) FROM \(from) WHERE \(condition) GROUP BY h.tag, h.spelling
                ON CONFLICT (tag, spelling) DO UPDATE SET tweets = tweets + excluded.tweets;
            INSERT INTO tag_authors (tag, author_id, tweets)
                SELECT h.tag, t.author_id, count(*) FROM \(withAuthors) WHERE \(condition) AND t.author_id IS NOT NULL
                GROUP BY h.tag, t.author_id
                ON CONFLICT (tag, author_id) DO UPDATE SET tweets = tweets + excluded.tweets;
            INSERT INTO tag_pairs (a, b, tweets)
                SELECT h.tag, o.tag, count(*) FROM \(ordered)
                JOIN hashtags o ON o.tweet_id = h.tweet_id AND o.tag > h.tag WHERE \(condition) GROUP BY h.tag, o.tag
                ON CONFLICT (a, b) DO UPDATE SET tweets = tweets + excluded.tweets;
            """)
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

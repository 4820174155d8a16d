/// The store's schema as ordered migrations; `PRAGMA user_version` is the number applied.
/// A store from a newer twindex (a higher version) is refused, an older one migrated.
package enum Schema {
    static var currentVersion: Int { migrations.count }

    /// Indexes for the readers (time, author, tag, mention, screen name). A load into an empty
    /// store leaves them out and builds them at the end of the run: sorting once is far
    /// cheaper than inserting in random order (BENCHMARKS.md).
    package static let readerIndexes: [(name: String, sql: String)] = [
        // Covers every per-tweet column the ratio, activity and timeline analyses read, so
        // they scan this narrow index instead of the table with its texts.
        ("tweets_created_at", """
            CREATE INDEX IF NOT EXISTS tweets_created_at ON tweets(created_at, author_id, has_hashtags, has_mentions,
              has_urls, starts_with_at, located, longitude, latitude, retweeted_id, in_reply_to_status_id)
            """),
        ("tweets_author", "CREATE INDEX IF NOT EXISTS tweets_author ON tweets(author_id, created_at)"),
        ("users_screen_name", "CREATE INDEX IF NOT EXISTS users_screen_name ON users(screen_name COLLATE NOCASE)"),
        ("hashtags_tag", "CREATE INDEX IF NOT EXISTS hashtags_tag ON hashtags(tag, spelling)"),
        ("mentions_screen_name", "CREATE INDEX IF NOT EXISTS mentions_screen_name ON mentions(screen_name)"),
        // A tweet's seq → its author, time, retweet mark and language without touching the
        // table: the account networks and their names join every mention on it (issue 13),
        // the scoped hashtag and co-occurrence passes every hashtag (entity rows are keyed by
        // tweet_seq, so a tweet's entities are found by its seq without an index of their own).
        (networkIndex, "CREATE INDEX IF NOT EXISTS \(networkIndex) ON tweets(seq, author_id, created_at, retweeted_id, lang)"),
    ]

    /// The covering index the entity joins name in their planner hint (`readerIndexes`).
    package static let networkIndex = "tweets_seq_network"

    /// The triggers that take a deleted tweet out of the store: `tweets_ad` (the full-text index
    /// and its entity rows) and `tweets_bd_summaries` (the summaries), where `entityRows`
    /// picks the tweet's entity rows: by `old.id` up to version 10, by `old.seq` (their key)
    /// from version 11 on.
    private static func deleteTriggers(entityRows: String) -> (entities: String, summaries: String) {
        (entities: """
            CREATE TRIGGER tweets_ad AFTER DELETE ON tweets BEGIN
                INSERT INTO tweets_fts(tweets_fts, rowid, text) SELECT 'delete', old.seq, old.text
                    WHERE old.seq <= (SELECT value FROM meta WHERE key = 'fts_indexed_seq');
                DELETE FROM hashtags WHERE \(entityRows);
                DELETE FROM mentions WHERE \(entityRows);
                DELETE FROM urls WHERE \(entityRows);
            END;
            """,
         summaries: """
            CREATE TRIGGER tweets_bd_summaries BEFORE DELETE ON tweets
            WHEN old.seq <= (SELECT value FROM meta WHERE key = 'summary_seq') BEGIN
                UPDATE tweet_quarters SET tweets = tweets - 1, located = located - old.located,
                    geocoded = geocoded - (old.longitude IS NOT NULL AND old.latitude IS NOT NULL),
                    with_hashtags = with_hashtags - old.has_hashtags, with_mentions = with_mentions - old.has_mentions,
                    with_links = with_links - old.has_urls, retweets = retweets - (old.retweeted_id IS NOT NULL),
                    replies = replies - (old.in_reply_to_status_id IS NOT NULL),
                    starting_with_at = starting_with_at - old.starts_with_at
                    WHERE quarter = (old.created_at - ((old.created_at % 900) + 900) % 900) / 900;
                INSERT OR IGNORE INTO summary_stale SELECT old.author_id,
                    (old.created_at - ((old.created_at % 86400) + 86400) % 86400) / 86400
                    WHERE old.author_id IS NOT NULL AND old.created_at IS NOT NULL;
                UPDATE tag_spellings SET tweets = tweets - 1
                    WHERE (tag, spelling) IN (SELECT tag, spelling FROM hashtags WHERE \(entityRows));
                UPDATE tag_authors SET tweets = tweets - 1
                    WHERE author_id = old.author_id AND tag IN (SELECT tag FROM hashtags WHERE \(entityRows));
                UPDATE tag_pairs SET tweets = tweets - 1
                    WHERE a IN (SELECT tag FROM hashtags WHERE \(entityRows))
                      AND b IN (SELECT tag FROM hashtags WHERE \(entityRows));
            END;
            """)
    }

    static let migrations: [String] = [
        // 1: the first schema.
        """
        CREATE TABLE tweets (
            seq INTEGER PRIMARY KEY AUTOINCREMENT,   -- arrival order: appends stay sequential
            id INTEGER NOT NULL UNIQUE,          -- tweet id (id_str)
            created_at INTEGER,                  -- seconds since 1970-01-01 UTC
            author_id INTEGER,
            text TEXT NOT NULL,                  -- full text, HTML entities decoded
            lang TEXT,
            source TEXT,
            in_reply_to_status_id INTEGER,
            in_reply_to_user_id INTEGER,
            in_reply_to_screen_name TEXT,
            retweeted_id INTEGER,                -- native retweet of
            quoted_id INTEGER,
            longitude REAL,
            latitude REAL,
            place_id TEXT,
            place_name TEXT,
            place_country TEXT,
            has_hashtags INTEGER NOT NULL,       -- per-tweet flags, removed with the tweet
            has_mentions INTEGER NOT NULL,
            has_urls INTEGER NOT NULL,
            starts_with_at INTEGER NOT NULL,
            located INTEGER NOT NULL,
            entities_from_text INTEGER NOT NULL,
            file_id INTEGER,                     -- where the line is: files.id, line, byte offset
            line INTEGER,
            offset INTEGER,
            length INTEGER
        );

        CREATE TABLE users (                     -- the latest profile seen
            id INTEGER PRIMARY KEY,
            screen_name TEXT,
            name TEXT,
            location TEXT,
            description TEXT,
            followers_count INTEGER,
            friends_count INTEGER,
            statuses_count INTEGER,
            created_at INTEGER,
            lang TEXT,
            verified INTEGER,
            profile_seen_at INTEGER              -- created_at of the tweet the profile came with
        );

        CREATE TABLE hashtags (
            tweet_id INTEGER NOT NULL,
            tag TEXT NOT NULL,                   -- NFC + case fold, no '#'
            spelling TEXT NOT NULL,              -- as written
            PRIMARY KEY (tweet_id, tag)
        ) WITHOUT ROWID;

        CREATE TABLE mentions (
            tweet_id INTEGER NOT NULL,
            screen_name TEXT NOT NULL COLLATE NOCASE,
            user_id INTEGER,
            PRIMARY KEY (tweet_id, screen_name)
        ) WITHOUT ROWID;

        CREATE TABLE urls (
            tweet_id INTEGER NOT NULL,
            url TEXT NOT NULL,
            PRIMARY KEY (tweet_id, url)
        ) WITHOUT ROWID;

        CREATE TABLE deleted_tweets (            -- delete notices, remembered forever
            id INTEGER PRIMARY KEY,
            user_id INTEGER,
            run_id INTEGER
        );

        CREATE TABLE ingest_runs (
            id INTEGER PRIMARY KEY,
            started_at TEXT NOT NULL,
            finished_at TEXT,
            status TEXT NOT NULL,                -- running | ok | failed | interrupted
            files INTEGER NOT NULL DEFAULT 0,
            files_skipped INTEGER NOT NULL DEFAULT 0,
            lines INTEGER NOT NULL DEFAULT 0,
            tweets_inserted INTEGER NOT NULL DEFAULT 0,
            duplicates INTEGER NOT NULL DEFAULT 0,
            suppressed INTEGER NOT NULL DEFAULT 0,
            deleted INTEGER NOT NULL DEFAULT 0,
            notices INTEGER NOT NULL DEFAULT 0,
            bad_lines INTEGER NOT NULL DEFAULT 0
        );

        CREATE TABLE files (
            id INTEGER PRIMARY KEY,
            path TEXT NOT NULL,                  -- as resolved at ingest; '-' for standard input
            size INTEGER,
            mtime_ns INTEGER,
            content_hash TEXT,
            complete INTEGER NOT NULL DEFAULT 0,
            bytes_done INTEGER NOT NULL DEFAULT 0,   -- uncompressed bytes committed
            lines_done INTEGER NOT NULL DEFAULT 0,
            error TEXT,
            run_id INTEGER
        );
        CREATE INDEX files_path ON files(path);

        CREATE TABLE bad_lines (
            id INTEGER PRIMARY KEY,
            file_id INTEGER NOT NULL,
            line INTEGER NOT NULL,
            offset INTEGER NOT NULL,
            error TEXT NOT NULL,
            text BLOB NOT NULL,                  -- the line's bytes (a prefix past 1 MiB)
            run_id INTEGER
        );

        CREATE VIRTUAL TABLE tweets_fts USING fts5(
            text, content="tweets", content_rowid="seq",
            tokenize="unicode61 remove_diacritics 2"
        );
        -- The full-text index is brought up to date at the end of each ingest run, in one
        -- pass (IndexUpkeep.indexFullText): far faster than indexing row by row. Rows up to
        -- meta.fts_indexed_seq are in it; only those need an FTS delete.
        CREATE TABLE meta (key TEXT PRIMARY KEY, value) WITHOUT ROWID;
        INSERT INTO meta VALUES ('fts_indexed_seq', 0);
        \(deleteTriggers(entityRows: "tweet_id = old.id").entities)
        """,
        // The authors the account networks link to (ANALYSIS.md "Networks of accounts"):
        // of the retweeted and of the quoted tweet. Tweets stored before this migration have
        // NULL here; a re-ingest with --force does not replace stored tweets, so a store
        // that needs them for old tweets is rebuilt from its files.
        """
        ALTER TABLE tweets ADD COLUMN retweeted_user_id INTEGER;
        ALTER TABLE tweets ADD COLUMN retweeted_screen_name TEXT;
        ALTER TABLE tweets ADD COLUMN quoted_user_id INTEGER;
        ALTER TABLE tweets ADD COLUMN quoted_screen_name TEXT;
        """,
        // Follow edges imported by `twindex follows` (follower → followed), by screen name
        // or id as the file gave them; the file and line they came from (files.id).
        """
        CREATE TABLE follows (
            source_id INTEGER,
            source_name TEXT,
            target_id INTEGER,
            target_name TEXT,
            file_id INTEGER NOT NULL,
            line INTEGER NOT NULL
        );
        CREATE INDEX follows_file ON follows(file_id);
        """,
        // Archive members (tar, zip) are units of input of their own: their files row has
        // the archive's path and the member's name (NULL for a plain file), size and time.
        """
        ALTER TABLE files ADD COLUMN member TEXT;
        """,
        // Datasette (and any SQL browser) with no configuration: declared foreign keys.
        // Datasette links a key's value to the row of that primary key, so each link holds
        // the parent's primary key: `tweets.author` (a virtual copy of author_id) → users.id;
        // `tweet_seq` in the entity tables → tweets.seq (tweets' primary key; its id is only
        // UNIQUE), written by ingest from here on and filled in here for stored rows.
        // `local_offsets` holds the UTC offsets of `meta.local_time_zone` from each
        // transition on (filled from the time-zone database when the store is opened for
        // writing: `LocalOffsets`); `tweets_view` reads each tweet as a person would.
        """
        ALTER TABLE tweets ADD COLUMN author INTEGER GENERATED ALWAYS AS (author_id) VIRTUAL REFERENCES users(id);
        ALTER TABLE hashtags ADD COLUMN tweet_seq INTEGER REFERENCES tweets(seq);
        ALTER TABLE mentions ADD COLUMN tweet_seq INTEGER REFERENCES tweets(seq);
        ALTER TABLE urls ADD COLUMN tweet_seq INTEGER REFERENCES tweets(seq);
        UPDATE hashtags SET tweet_seq = (SELECT seq FROM tweets WHERE tweets.id = hashtags.tweet_id);
        UPDATE mentions SET tweet_seq = (SELECT seq FROM tweets WHERE tweets.id = mentions.tweet_id);
        UPDATE urls SET tweet_seq = (SELECT seq FROM tweets WHERE tweets.id = urls.tweet_id);
        CREATE TABLE local_offsets (
            starts_at INTEGER PRIMARY KEY,       -- seconds since 1970-01-01 UTC
            utc_offset INTEGER NOT NULL          -- seconds east of UTC from then on
        );
        CREATE VIEW tweets_view AS
        SELECT t.seq, t.id,
            'https://twitter.com/' || coalesce(u.screen_name, 'i/web') || '/status/' || t.id AS tweet_url,
            strftime('%Y-%m-%dT%H:%M:%SZ', t.created_at, 'unixepoch') AS created_utc,
            (SELECT strftime('%Y-%m-%dT%H:%M:%S', t.created_at + o.utc_offset, 'unixepoch')
                    || CASE WHEN o.utc_offset < 0 THEN '-' ELSE '+' END
                    || printf('%02d:%02d', abs(o.utc_offset) / 3600, abs(o.utc_offset) % 3600 / 60)
                FROM local_offsets o WHERE o.starts_at <= t.created_at ORDER BY o.starts_at DESC LIMIT 1) AS created_local,
            t.author_id, u.screen_name, u.name AS user_name, t.text, t.lang,
            CASE WHEN t.source LIKE '<a %>%</a>'
                THEN replace(substr(t.source, instr(t.source, '>') + 1, instr(t.source, '</a>') - instr(t.source, '>') - 1), '&amp;', '&')
                ELSE t.source END AS client,
            t.in_reply_to_status_id, t.in_reply_to_screen_name, t.retweeted_id, t.retweeted_screen_name,
            t.quoted_id, t.quoted_screen_name, t.place_name, t.place_country, t.longitude, t.latitude
        FROM tweets t LEFT JOIN users u ON u.id = t.author_id;
        """,
        // Summaries the analyses read instead of every tweet (Summaries.swift, BENCHMARKS.md).
        // They hold the tweets up to meta.summary_seq; each ingest run brings them up to date
        // at its end, and the trigger takes a deleted tweet out of them. Tweet rows are never
        // updated in place (INSERT OR IGNORE, DELETE), which keeps them exact.
        """
        CREATE TABLE tweet_quarters (             -- per 15-minute UTC bucket: every zone's days and hours
            quarter INTEGER PRIMARY KEY,          -- floor(created_at / 900)
            tweets INTEGER NOT NULL, located INTEGER NOT NULL, geocoded INTEGER NOT NULL,
            with_hashtags INTEGER NOT NULL, with_mentions INTEGER NOT NULL, with_links INTEGER NOT NULL,
            retweets INTEGER NOT NULL, replies INTEGER NOT NULL, starting_with_at INTEGER NOT NULL
        );
        CREATE TABLE author_days (                -- which quarters of a UTC day an author tweeted in
            author_id INTEGER NOT NULL,
            day INTEGER NOT NULL,                 -- floor(created_at / 86400)
            early INTEGER NOT NULL,               -- bit q: quarter q of the day (0-47)
            late INTEGER NOT NULL,                -- bit q: quarter 48 + q
            PRIMARY KEY (author_id, day)
        ) WITHOUT ROWID;
        CREATE TABLE summary_stale (              -- author days a delete left to recompute
            author_id INTEGER NOT NULL, day INTEGER NOT NULL, PRIMARY KEY (author_id, day)
        ) WITHOUT ROWID;
        CREATE TABLE tag_spellings (tag TEXT NOT NULL, spelling TEXT NOT NULL, tweets INTEGER NOT NULL,
            PRIMARY KEY (tag, spelling)) WITHOUT ROWID;
        CREATE TABLE tag_authors (tag TEXT NOT NULL, author_id INTEGER NOT NULL, tweets INTEGER NOT NULL,
            PRIMARY KEY (tag, author_id)) WITHOUT ROWID;
        CREATE TABLE tag_pairs (a TEXT NOT NULL, b TEXT NOT NULL, tweets INTEGER NOT NULL,   -- a < b
            PRIMARY KEY (a, b)) WITHOUT ROWID;
        INSERT INTO meta VALUES ('summary_seq', 0);
        \(deleteTriggers(entityRows: "tweet_id = old.id").summaries)
        """,
        // Every stream notice but deletes (applied, in deleted_tweets), with its time and the
        // place it was read (ANALYSIS.md "Collection completeness"). A notice read again (a
        // --force rerun, a file grown since) moves to the newer read of the same input instead
        // of being stored twice (BatchWriter). `previous_tweet_at` places a notice without a
        // timestamp; `files.last_tweet_at` carries it across an interrupted read.
        // meta.notices_since_file: inputs read in files rows up to it were read before
        // notices were kept (`Completeness.inputsWithoutNotices`).
        """
        CREATE TABLE notices (
            id INTEGER PRIMARY KEY,
            kind TEXT NOT NULL,                  -- limit, warning, scrub_geo, ..., compliance:ACTION
            timestamp_ms INTEGER,                -- its own timestamp_ms; NULL when it has none
            track INTEGER,                       -- limit: tweets withheld since the connection opened
            previous_tweet_at INTEGER,           -- created_at of the last tweet before it in its input
            file_id INTEGER NOT NULL REFERENCES files(id),
            line INTEGER NOT NULL,
            offset INTEGER NOT NULL,             -- uncompressed byte offset of its line
            run_id INTEGER
        );
        CREATE INDEX notices_file ON notices(file_id, offset);
        CREATE INDEX files_path_member ON files(path, member);
        ALTER TABLE files ADD COLUMN last_tweet_at INTEGER;
        INSERT INTO meta VALUES ('notices_since_file', (SELECT coalesce(max(id), 0) FROM files));
        """,
        // The account networks' covering index (readerIndexes: tweets_id_network) for stores
        // made before it; a load into an empty store drops it and builds it at the end.
        """
        CREATE INDEX IF NOT EXISTS tweets_id_network ON tweets(id, author_id, created_at, retweeted_id, lang);
        """,
        // The author days 64 UTC days to a row (AuthorSpans.swift): the timeline's active-user
        // pass reads one row per author and 64 days instead of one per day. The rows of
        // author_days move here, and it is dropped, in Swift (Summaries.moveAuthorDays) in the
        // same transaction.
        """
        CREATE TABLE author_spans (                -- which quarters of which UTC days an author tweeted in
            author_id INTEGER NOT NULL,
            span INTEGER NOT NULL,                 -- floor(day / 64), day = floor(created_at / 86400)
            days INTEGER NOT NULL,                 -- bit i: day 64 * span + i has tweets
            quarters BLOB NOT NULL,                -- per set bit of days, in order: 12 bytes, the day's 96 quarter bits (little-endian)
            PRIMARY KEY (author_id, span)
        ) WITHOUT ROWID;
        """,
        // tweets(id, author_id) is a prefix of tweets_id_network, which serves its joins: one
        // random-order index fewer for every append (Benchmarks/NOTES.md, issue 18).
        """
        DROP INDEX IF EXISTS tweets_id_author;
        """,
        // The entity tables keyed by their tweet's arrival order, (tweet_seq, …) instead of
        // (tweet_id, …), and the networks' covering index by seq instead of id: new rows go
        // at the end of these trees, not all over them, so an append costs what its rows cost
        // (Benchmarks/NOTES.md, issue 18). tweet_id stays a column, after the key's: SQLite
        // 3.40's integrity_check misreads NOT NULL columns declared before the key columns
        // of a WITHOUT ROWID table (it reports NULLs that are not there). The triggers that name
        // the old tables are made again with lookups by seq. Each row's seq is read afresh from
        // its tweet by id (the old key, unique with the tag, name or link, so the new key is
        // too); entity rows without a stored tweet cannot arise (the delete trigger removes
        // them with it) and are not carried.
        """
        DROP TRIGGER tweets_ad;
        DROP TRIGGER tweets_bd_summaries;
        DROP INDEX IF EXISTS tweets_id_network;
        CREATE TABLE hashtags_by_seq (
            tweet_seq INTEGER NOT NULL REFERENCES tweets(seq),
            tag TEXT NOT NULL,                   -- NFC + case fold, no '#'
            spelling TEXT NOT NULL,              -- as written
            tweet_id INTEGER NOT NULL,
            PRIMARY KEY (tweet_seq, tag)
        ) WITHOUT ROWID;
        CREATE TABLE mentions_by_seq (
            tweet_seq INTEGER NOT NULL REFERENCES tweets(seq),
            screen_name TEXT NOT NULL COLLATE NOCASE,
            user_id INTEGER,
            tweet_id INTEGER NOT NULL,
            PRIMARY KEY (tweet_seq, screen_name)
        ) WITHOUT ROWID;
        CREATE TABLE urls_by_seq (
            tweet_seq INTEGER NOT NULL REFERENCES tweets(seq),
            url TEXT NOT NULL,
            tweet_id INTEGER NOT NULL,
            PRIMARY KEY (tweet_seq, url)
        ) WITHOUT ROWID;
        INSERT INTO hashtags_by_seq SELECT t.seq, h.tag, h.spelling, h.tweet_id FROM hashtags h JOIN tweets t ON t.id = h.tweet_id;
        INSERT INTO mentions_by_seq SELECT t.seq, m.screen_name, m.user_id, m.tweet_id FROM mentions m JOIN tweets t ON t.id = m.tweet_id;
        INSERT INTO urls_by_seq SELECT t.seq, l.url, l.tweet_id FROM urls l JOIN tweets t ON t.id = l.tweet_id;
        DROP TABLE hashtags;
        DROP TABLE mentions;
        DROP TABLE urls;
        ALTER TABLE hashtags_by_seq RENAME TO hashtags;
        ALTER TABLE mentions_by_seq RENAME TO mentions;
        ALTER TABLE urls_by_seq RENAME TO urls;
        \(deleteTriggers(entityRows: "tweet_seq = old.seq").entities)
        \(deleteTriggers(entityRows: "tweet_seq = old.seq").summaries)
        """,
    ]
}

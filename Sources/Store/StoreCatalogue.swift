/// What every table and column of the store holds, in words: the text of README.md's store
/// section (a test holds the two equal) and of `twindex datasette-metadata`.
public enum StoreCatalogue {
    /// A column: name, what it holds, and its unit where it has one (as pint names it).
    public struct Column: Sendable {
        /// The column's name.
        public var name: String
        /// What it holds.
        public var description: String
        /// Its unit, if any.
        public var unit: String?
    }

    /// A table or view: name, title, what a row is, and its columns in order.
    public struct Table: Sendable {
        /// The table's name.
        public var name: String
        /// A short title.
        public var title: String
        /// What a row is.
        public var description: String
        /// Its columns.
        public var columns: [Column]
    }

    private static func c(_ name: String, _ description: String, unit: String? = nil) -> Column {
        Column(name: name, description: description, unit: unit)
    }

    private static let epoch = "seconds since 1970-01-01 UTC"

    /// The columns of `tweets`.
    private static let tweetColumns: [Column] = [
            c("seq", "Arrival order (the row id; the full-text index's rowid)."),
            c("id", "Tweet id (id_str)."),
            c("created_at", "When it was posted, \(epoch) (tweets_view.created_utc as text)."),
            c("author_id", "Author's user id."),
            c("text", "Full text, HTML entities decoded."),
            c("lang", "Language Twitter detected (BCP 47), if given."),
            c("source", "Client, as the HTML link Twitter gives (tweets_view.client: its name)."),
            c("in_reply_to_status_id", "The tweet it replies to."),
            c("in_reply_to_user_id", "The account it replies to."),
            c("in_reply_to_screen_name", "The screen name of the account it replies to."),
            c("retweeted_id", "For a native retweet: the retweeted tweet."),
            c("quoted_id", "The quoted tweet."),
            c("longitude", "Exact location: longitude (WGS 84).", unit: "degree"),
            c("latitude", "Exact location: latitude (WGS 84).", unit: "degree"),
            c("place_id", "Tagged place: Twitter's place id."),
            c("place_name", "Tagged place: full name."),
            c("place_country", "Tagged place: country."),
            c("has_hashtags", "1 when the tweet has a hashtag."),
            c("has_mentions", "1 when the tweet mentions an account."),
            c("has_urls", "1 when the tweet has a link."),
            c("starts_with_at", "1 when the text starts with @ (an old-style reply)."),
            c("located", "1 when the tweet has coordinates or a place."),
            c("entities_from_text", "1 when hashtags, mentions and links were extracted from the text (the input had no entities)."),
            c("file_id", "The input file (files.id)."),
            c("line", "The line in that file (1 = first)."),
            c("offset", "The line's byte offset in the uncompressed file.", unit: "byte"),
            c("length", "The line's length.", unit: "byte"),
            c("retweeted_user_id", "For a native retweet: the retweeted tweet's author."),
            c("retweeted_screen_name", "The retweeted tweet's author's screen name."),
            c("quoted_user_id", "The quoted tweet's author."),
            c("quoted_screen_name", "The quoted tweet's author's screen name."),
            c("author", "author_id as a foreign key to users (links to the account)."),
    ]

    /// Columns of `tweets_view` that are `tweets` columns, described as there.
    private static func fromTweets(_ names: String...) -> [Column] {
        names.compactMap { name in tweetColumns.first { $0.name == name } }
    }

    /// Every table and view a store has, in README's order.
    public static let tables: [Table] = [
        Table(name: "tweets", title: "Tweets", description: "One row per unique tweet; full-text search through tweets_fts.", columns: tweetColumns),
        Table(name: "tweets_view", title: "Tweets, readable", description: "Each tweet with its times as text, its author's names, its client's name and its URL.", columns: [
            c("seq", "Arrival order (tweets.seq)."),
            c("id", "Tweet id."),
            c("tweet_url", "The tweet on twitter.com."),
            c("created_utc", "When it was posted, UTC, ISO 8601."),
            c("created_local", "When it was posted, local time (meta.local_time_zone) with its offset, ISO 8601."),
            c("author_id", "Author's user id."),
            c("screen_name", "Author's screen name (latest profile)."),
            c("user_name", "Author's display name (latest profile)."),
        ] + fromTweets("text", "lang") + [c("client", "The client's name.")]
          + fromTweets("in_reply_to_status_id", "in_reply_to_screen_name", "retweeted_id", "retweeted_screen_name",
                       "quoted_id", "quoted_screen_name", "place_name", "place_country", "longitude", "latitude")),
        Table(name: "users", title: "Accounts", description: "One row per author: the latest profile seen.", columns: [
            c("id", "User id."),
            c("screen_name", "Screen name (@name without the @)."),
            c("name", "Display name."),
            c("location", "Profile location, as typed."),
            c("description", "Profile bio."),
            c("followers_count", "Followers when the profile was seen."),
            c("friends_count", "Accounts followed when the profile was seen."),
            c("statuses_count", "Tweets posted when the profile was seen."),
            c("created_at", "Account created, \(epoch)."),
            c("lang", "Interface language, if given."),
            c("verified", "1 when verified."),
            c("profile_seen_at", "created_at of the tweet the profile came with, \(epoch)."),
        ]),
        Table(name: "hashtags", title: "Hashtags", description: "One row per tweet and distinct tag.", columns: [
            c("tweet_id", "The tweet (tweets.id)."),
            c("tag", "Normalised tag: NFC, case-folded, no #."),
            c("spelling", "As written."),
            c("tweet_seq", "The tweet as a foreign key to tweets (its seq): links to the tweet."),
        ]),
        Table(name: "mentions", title: "Mentions", description: "One row per tweet and distinct mentioned account.", columns: [
            c("tweet_id", "The tweet (tweets.id)."),
            c("screen_name", "Mentioned screen name (compared without case)."),
            c("user_id", "Mentioned user id, when the input gave it."),
            c("tweet_seq", "The tweet as a foreign key to tweets (its seq): links to the tweet."),
        ]),
        Table(name: "urls", title: "Links", description: "One row per tweet and distinct link.", columns: [
            c("tweet_id", "The tweet (tweets.id)."),
            c("url", "The link: expanded where the input gave the expansion."),
            c("tweet_seq", "The tweet as a foreign key to tweets (its seq): links to the tweet."),
        ]),
        Table(name: "follows", title: "Follow edges", description: "Follower → followed pairs imported by twindex follows.", columns: [
            c("source_id", "Follower's user id, when the file gave it."),
            c("source_name", "Follower's screen name, when the file gave it."),
            c("target_id", "Followed account's user id, when the file gave it."),
            c("target_name", "Followed account's screen name, when the file gave it."),
            c("file_id", "The file (files.id)."),
            c("line", "The line in that file."),
        ]),
        Table(name: "deleted_tweets", title: "Deleted tweets", description: "Delete notices, remembered so that a deleted tweet is never stored again.", columns: [
            c("id", "The deleted tweet's id."),
            c("user_id", "Its author, if the notice gave it."),
            c("run_id", "The ingest run that saw the notice (ingest_runs.id)."),
        ]),
        Table(name: "ingest_runs", title: "Ingest runs", description: "One row per twindex ingest.", columns: [
            c("id", "Run number."),
            c("started_at", "Start, ISO 8601 UTC."),
            c("finished_at", "End, ISO 8601 UTC."),
            c("status", "running, ok, failed or interrupted."),
            c("files", "Files read."),
            c("files_skipped", "Files skipped as unchanged."),
            c("lines", "Lines read."),
            c("tweets_inserted", "Tweets stored."),
            c("duplicates", "Tweets already stored."),
            c("suppressed", "Tweets not stored because they were deleted."),
            c("deleted", "Stored tweets removed by delete notices."),
            c("notices", "Other notices (not tweets)."),
            c("bad_lines", "Lines that could not be read (bad_lines)."),
        ]),
        Table(name: "files", title: "Input files", description: "One row per input file, with how far its reading got.", columns: [
            c("id", "File number."),
            c("path", "As resolved at ingest; - for standard input."),
            c("size", "Size when read.", unit: "byte"),
            c("mtime_ns", "Modification time, nanoseconds since 1970-01-01 UTC."),
            c("content_hash", "Hash of the content, to recognise a moved file."),
            c("complete", "1 when read to the end."),
            c("bytes_done", "Uncompressed bytes committed.", unit: "byte"),
            c("lines_done", "Lines committed."),
            c("error", "Why reading stopped, if it failed."),
            c("run_id", "The run that read it last (ingest_runs.id)."),
            c("member", "For a member of a tar or zip archive (path is the archive's): the member's name; NULL for a plain file."),
            c("last_tweet_at", "created_at of the last tweet read so far (places the notices after it on a resumed read), \(epoch)."),
        ]),
        Table(name: "notices", title: "Stream notices", description: "Every stream notice but deletes (limit, warning, scrub_geo, ...), with its time and where it was read.", columns: [
            c("id", "Row number."),
            c("kind", "The notice: limit, warning, scrub_geo, status_withheld, ..., compliance:ACTION (v2)."),
            c("timestamp_ms", "Its own timestamp_ms, milliseconds since 1970-01-01 UTC; NULL when it has none."),
            c("track", "A limit notice's count of tweets withheld since the stream connection opened."),
            c("previous_tweet_at", "created_at of the last tweet before it in its input (its time when it has no timestamp_ms), \(epoch)."),
            c("file_id", "The input (files.id)."),
            c("line", "Line number (1 = first)."),
            c("offset", "Byte offset in the uncompressed input.", unit: "byte"),
            c("run_id", "The run that read it last (ingest_runs.id)."),
        ]),
        Table(name: "bad_lines", title: "Unreadable lines", description: "Input lines kept aside with their file, line number and error.", columns: [
            c("id", "Row number."),
            c("file_id", "The file (files.id)."),
            c("line", "Line number (1 = first)."),
            c("offset", "Byte offset in the uncompressed file.", unit: "byte"),
            c("error", "Why it could not be read."),
            c("text", "The line's bytes (a prefix past 1 MiB)."),
            c("run_id", "The run that met it (ingest_runs.id)."),
        ]),
        Table(name: "local_offsets", title: "Local time offsets", description: "UTC offsets of meta.local_time_zone from each transition on (tweets_view.created_local).", columns: [
            c("starts_at", "Transition, \(epoch)."),
            c("utc_offset", "Offset east of UTC from then on.", unit: "second"),
        ]),
        Table(name: "tweet_quarters", title: "Tweets per quarter hour", description: "Summary: the tweets of each 15-minute UTC bucket and their flags (up to meta.summary_seq).", columns: [
            c("quarter", "The bucket: floor(created_at / 900)."),
            c("tweets", "Tweets."), c("located", "Of them located."), c("geocoded", "Of them with coordinates."),
            c("with_hashtags", "Of them with a hashtag."), c("with_mentions", "Of them with a mention."),
            c("with_links", "Of them with a link."), c("retweets", "Of them native retweets."), c("replies", "Of them replies."),
            c("starting_with_at", "Of them starting with @."),
        ]),
        Table(name: "author_days", title: "Author days", description: "Summary: the quarter hours of a UTC day in which an author tweeted.", columns: [
            c("author_id", "The author (users.id)."),
            c("day", "The UTC day: floor(created_at / 86400)."),
            c("early", "Bit q set: a tweet in quarter q of the day (0–47)."),
            c("late", "Bit q set: a tweet in quarter 48 + q of the day."),
        ]),
        Table(name: "summary_stale", title: "Stale author days", description: "Author days a delete left to recompute at the next ingest's end.", columns: [
            c("author_id", "The author."), c("day", "The UTC day."),
        ]),
        Table(name: "tag_spellings", title: "Tags by spelling", description: "Summary: tweets per normalised tag and spelling.", columns: [
            c("tag", "Normalised tag (hashtags.tag)."), c("spelling", "As written."), c("tweets", "Tweets."),
        ]),
        Table(name: "tag_authors", title: "Tags by author", description: "Summary: tweets per normalised tag and author.", columns: [
            c("tag", "Normalised tag."), c("author_id", "The author."), c("tweets", "Tweets."),
        ]),
        Table(name: "tag_pairs", title: "Tag pairs", description: "Summary: tweets carrying both tags (a < b).", columns: [
            c("a", "One tag."), c("b", "The other tag."), c("tweets", "Tweets."),
        ]),
        Table(name: "meta", title: "Store settings", description: "Key–value settings of the store.", columns: [
            c("key", "Setting: fts_indexed_seq (tweets up to this seq are in the full-text index), summary_seq (tweets up to this seq are in the summaries), local_time_zone, notices_since_file (inputs read in files rows up to this id were read before notices were kept)."),
            c("value", "Its value."),
        ]),
        Table(name: "tweets_fts", title: "Full-text index", description: "FTS5 index of tweets.text (unicode61, diacritics removed).", columns: [
            c("text", "Indexed text of tweets.text."),
        ]),
    ]
}

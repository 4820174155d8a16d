import Foundation

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

    private static let epoch = "seconds since 1970-01-01 UTC"

    /// The catalogue as text, in README's order: a table line `name | title | what a row is`,
    /// then its column lines, indented, `name | what it holds [| unit]`; a description `=`
    /// takes the `tweets` column's own.
    private static let text = """
tweets | Tweets | One row per unique tweet; full-text search through tweets_fts.
    seq | Arrival order (the row id; the full-text index's rowid).
    id | Tweet id (id_str).
    created_at | When it was posted, \(epoch) (tweets_view.created_utc as text).
    author_id | Author's user id.
    text | Full text, HTML entities decoded.
    lang | Language Twitter detected (BCP 47), if given.
    source | Client, as the HTML link Twitter gives (tweets_view.client: its name).
    in_reply_to_status_id | The tweet it replies to.
    in_reply_to_user_id | The account it replies to.
    in_reply_to_screen_name | The screen name of the account it replies to.
    retweeted_id | For a native retweet: the retweeted tweet.
    quoted_id | The quoted tweet.
    longitude | Exact location: longitude (WGS 84). | degree
    latitude | Exact location: latitude (WGS 84). | degree
    place_id | Tagged place: Twitter's place id.
    place_name | Tagged place: full name.
    place_country | Tagged place: country.
    has_hashtags | 1 when the tweet has a hashtag.
    has_mentions | 1 when the tweet mentions an account.
    has_urls | 1 when the tweet has a link.
    starts_with_at | 1 when the text starts with @ (an old-style reply).
    located | 1 when the tweet has coordinates or a place.
    entities_from_text | 1 when hashtags, mentions and links were extracted from the text (the input had no entities).
    file_id | The input file (files.id).
    line | The line in that file (1 = first).
    offset | The line's byte offset in the uncompressed file. | byte
    length | The line's length. | byte
    retweeted_user_id | For a native retweet: the retweeted tweet's author.
    retweeted_screen_name | The retweeted tweet's author's screen name.
    quoted_user_id | The quoted tweet's author.
    quoted_screen_name | The quoted tweet's author's screen name.
    author | author_id as a foreign key to users (links to the account).
tweets_view | Tweets, readable | Each tweet with its times as text, its author's names, its client's name and its URL.
    seq | Arrival order (tweets.seq).
    id | Tweet id.
    tweet_url | The tweet on twitter.com.
    created_utc | When it was posted, UTC, ISO 8601.
    created_local | When it was posted, local time (meta.local_time_zone) with its offset, ISO 8601.
    author_id | Author's user id.
    screen_name | Author's screen name (latest profile).
    user_name | Author's display name (latest profile).
    text | =
    lang | =
    client | The client's name.
    in_reply_to_status_id | =
    in_reply_to_screen_name | =
    retweeted_id | =
    retweeted_screen_name | =
    quoted_id | =
    quoted_screen_name | =
    place_name | =
    place_country | =
    longitude | =
    latitude | =
users | Accounts | One row per author: the latest profile seen.
    id | User id.
    screen_name | Screen name (@name without the @).
    name | Display name.
    location | Profile location, as typed.
    description | Profile bio.
    followers_count | Followers when the profile was seen.
    friends_count | Accounts followed when the profile was seen.
    statuses_count | Tweets posted when the profile was seen.
    created_at | Account created, \(epoch).
    lang | Interface language, if given.
    verified | 1 when verified.
    profile_seen_at | created_at of the author's newest tweet, whose profile the row holds (whatever order or runs the tweets came in), \(epoch).
hashtags | Hashtags | One row per tweet and distinct tag.
    tweet_seq | The tweet as a foreign key to tweets (its seq): links to the tweet. First in the key: rows are kept in the order their tweets arrived.
    tag | Normalised tag: NFC, case-folded, no #.
    spelling | As written.
    tweet_id | The tweet (tweets.id).
mentions | Mentions | One row per tweet and distinct mentioned account.
    tweet_seq | The tweet as a foreign key to tweets (its seq): links to the tweet. First in the key: rows are kept in the order their tweets arrived.
    screen_name | Mentioned screen name (compared without case).
    user_id | Mentioned user id, when the input gave it.
    tweet_id | The tweet (tweets.id).
urls | Links | One row per tweet and distinct link.
    tweet_seq | The tweet as a foreign key to tweets (its seq): links to the tweet. First in the key: rows are kept in the order their tweets arrived.
    url | The link: expanded where the input gave the expansion.
    tweet_id | The tweet (tweets.id).
follows | Follow edges | Follower → followed pairs imported by twindex follows.
    source_id | Follower's user id, when the file gave it.
    source_name | Follower's screen name, when the file gave it.
    target_id | Followed account's user id, when the file gave it.
    target_name | Followed account's screen name, when the file gave it.
    file_id | The file (files.id).
    line | The line in that file.
deleted_tweets | Deleted tweets | Delete notices, remembered so that a deleted tweet is never stored again.
    id | The deleted tweet's id.
    user_id | Its author, if the notice gave it.
    run_id | The ingest run that saw the notice (ingest_runs.id).
ingest_runs | Ingest runs | One row per twindex ingest.
    id | Run number.
    started_at | Start, ISO 8601 UTC.
    finished_at | End, ISO 8601 UTC.
    status | running, ok, failed or interrupted.
    files | Files read.
    files_skipped | Files skipped as unchanged.
    lines | Lines read.
    tweets_inserted | Tweets stored.
    duplicates | Tweets already stored.
    suppressed | Tweets not stored because they were deleted.
    deleted | Stored tweets removed by delete notices.
    notices | Other notices (not tweets).
    bad_lines | Lines that could not be read (bad_lines).
files | Input files | One row per input file, with how far its reading got.
    id | File number.
    path | As resolved at ingest; - for standard input.
    size | Size when read. | byte
    mtime_ns | Modification time, nanoseconds since 1970-01-01 UTC.
    content_hash | Hash of the content, to recognise a moved file.
    complete | 1 when read to the end.
    bytes_done | Uncompressed bytes committed. | byte
    lines_done | Lines committed.
    error | Why reading stopped, if it failed.
    run_id | The run that read it last (ingest_runs.id).
    member | For a member of a tar or zip archive (path is the archive's): the member's name; NULL for a plain file.
    last_tweet_at | created_at of the last tweet read so far (places the notices after it on a resumed read), \(epoch).
notices | Stream notices | Every stream notice but deletes (limit, warning, scrub_geo, ...), with its time and where it was read.
    id | Row number.
    kind | The notice: limit, warning, scrub_geo, status_withheld, ..., compliance:ACTION (v2).
    timestamp_ms | Its own timestamp_ms, milliseconds since 1970-01-01 UTC; NULL when it has none.
    track | A limit notice's count of tweets withheld since the stream connection opened.
    previous_tweet_at | created_at of the last tweet before it in its input (its time when it has no timestamp_ms), \(epoch).
    file_id | The input (files.id).
    line | Line number (1 = first).
    offset | Byte offset in the uncompressed input. | byte
    run_id | The run that read it last (ingest_runs.id).
bad_lines | Unreadable lines | Input lines kept aside with their file, line number and error.
    id | Row number.
    file_id | The file (files.id).
    line | Line number (1 = first).
    offset | Byte offset in the uncompressed file. | byte
    error | Why it could not be read.
    text | The line's bytes (a prefix past 1 MiB).
    run_id | The run that met it (ingest_runs.id).
local_offsets | Local time offsets | UTC offsets of meta.local_time_zone from each transition on (tweets_view.created_local).
    starts_at | Transition, \(epoch).
    utc_offset | Offset east of UTC from then on. | second
tweet_quarters | Tweets per quarter hour | Summary: the tweets of each 15-minute UTC bucket and their flags (up to meta.summary_seq).
    quarter | The bucket: floor(created_at / 900).
    tweets | Tweets.
    located | Of them located.
    geocoded | Of them with coordinates.
    with_hashtags | Of them with a hashtag.
    with_mentions | Of them with a mention.
    with_links | Of them with a link.
    retweets | Of them native retweets.
    replies | Of them replies.
    starting_with_at | Of them starting with @.
author_spans | Author days | Summary: the quarter hours of the UTC days in which an author tweeted, 64 days to a row.
    author_id | The author (users.id).
    span | The days floor(created_at / 86400) whose floor(day / 64) is this.
    days | Bit i set: the author tweeted on UTC day 64 × span + i.
    quarters | Per set bit of days, in order, 12 bytes: bit q set (little-endian) for a tweet in quarter q of that day.
summary_stale | Stale author days | Author days a delete left to recompute at the next ingest's end.
    author_id | The author.
    day | The UTC day.
tag_spellings | Tags by spelling | Summary: tweets per normalised tag and spelling.
    tag | Normalised tag (hashtags.tag).
    spelling | As written.
    tweets | Tweets.
tag_authors | Tags by author | Summary: tweets per normalised tag and author.
    tag | Normalised tag.
    author_id | The author.
    tweets | Tweets.
tag_pairs | Tag pairs | Summary: tweets carrying both tags (a < b).
    a | One tag.
    b | The other tag.
    tweets | Tweets.
meta | Store settings | Key–value settings of the store.
    key | Setting: fts_indexed_seq (tweets up to this seq are in the full-text index), summary_seq (tweets up to this seq are in the summaries), local_time_zone, notices_since_file (inputs read in files rows up to this id were read before notices were kept).
    value | Its value.
tweets_fts | Full-text index | FTS5 index of tweets.text (unicode61, diacritics removed).
    text | Indexed text of tweets.text.
"""

    /// Every table and view a store has, in README's order.
    public static let tables: [Table] = {
        var tables: [Table] = []
        for line in text.split(separator: "\n") {
            let fields = line.split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }
            guard fields.count >= 2 else { continue }
            if !line.hasPrefix(" ") {
                tables.append(Table(name: fields[0], title: fields[1], description: fields.count > 2 ? fields[2] : "", columns: []))
                continue
            }
            var column = Column(name: fields[0], description: fields[1], unit: fields.count > 2 ? fields[2] : nil)
            if column.description == "=", let own = tables.first?.columns.first(where: { $0.name == column.name }) {
                column = own
            }
            if !tables.isEmpty { tables[tables.count - 1].columns.append(column) }
        }
        return tables
    }()
}

import Foundation

/// A quarantined line, as `twindex bad-lines` lists it.
public struct StoredBadLine: Equatable, Sendable {
    /// The file it came from; `archive:member` for a member of an archive.
    public var file: String
    /// See `file`.
    public var line: Int64
    /// Why it could not be read.
    public var error: String
    /// The line as text (invalid UTF-8 shown with U+FFFD).
    public var text: String
}

/// One stored tweet with its entities, as `twindex show` prints it.
public struct StoredTweet: Equatable, Sendable {
    /// The tweet's fields as text, as `show` prints them.
    public var id: String
    /// ISO-8601 UTC.
    public var createdAt: String?
    /// The same instant in UTC epoch seconds (for local times).
    public var createdAtSeconds: Int64?
    /// See `id`.
    public var authorID: String?
    /// The author's latest screen name.
    public var screenName: String?
    /// See `id`.
    public var text: String
    /// See `id`.
    public var lang: String?
    /// See `id`.
    public var inReplyToStatusID: String?
    /// See `id`.
    public var retweetedID: String?
    /// See `id`.
    public var quotedID: String?
    /// Normalised tags.
    public var hashtags: [String]
    /// Screen names.
    public var mentions: [String]
    /// See `id`.
    public var urls: [String]
    /// See `Tweet.startsWithAt`.
    public var startsWithAt: Bool
    /// Where the tweet was read: file, line, byte offset and length.
    public var file: String?
    /// See `file`.
    public var line: Int64?
    /// See `file`.
    public var offset: Int64?
    /// See `file`.
    public var length: Int64?
    /// The member of the archive `file` the tweet was read from (nil for a plain file).
    public var member: String? = nil

}

extension Store {
    /// Every quarantined line, by file and line.
    public func badLines() throws -> [StoredBadLine] {
        var out: [StoredBadLine] = []
        try rows("""
            SELECT f.path || coalesce(':' || f.member, ''), b.line, b.error, b.text FROM bad_lines b JOIN files f ON f.id = b.file_id
            ORDER BY b.id
            """) {
            out.append(StoredBadLine(file: $0.string(0) ?? "?", line: $0.int(1), error: $0.string(2) ?? "",
                                     text: String(decoding: $0.bytes(3), as: UTF8.self)))
        }
        return out
    }

    /// The tweet with `id`, or nil when the store has none (never stored, or deleted).
    public func tweet(id: Int64) throws -> StoredTweet? {
        var found: StoredTweet?
        try rows("""
            SELECT t.id, t.created_at, t.author_id, u.screen_name, t.text, t.lang, t.in_reply_to_status_id,
                   t.retweeted_id, t.quoted_id, t.starts_with_at, f.path, t.line, t."offset", t.length, f.member
            FROM tweets t LEFT JOIN users u ON u.id = t.author_id LEFT JOIN files f ON f.id = t.file_id
            WHERE t.id = ?
            """, [.integer(id)]) { s in
            func optionalInt64(_ i: Int) -> Int64? { s.isNull(i) ? nil : s.int(i) }
            found = StoredTweet(
                id: String(s.int(0)), createdAt: optionalInt64(1).map(Self.iso8601), createdAtSeconds: optionalInt64(1),
                authorID: optionalInt64(2).map(String.init), screenName: s.string(3), text: s.string(4) ?? "",
                lang: s.string(5), inReplyToStatusID: optionalInt64(6).map(String.init),
                retweetedID: optionalInt64(7).map(String.init), quotedID: optionalInt64(8).map(String.init),
                hashtags: [], mentions: [], urls: [], startsWithAt: s.int(9) != 0,
                file: s.string(10), line: optionalInt64(11), offset: optionalInt64(12), length: optionalInt64(13),
                member: s.string(14))
        }
        guard var tweet = found else { return nil }
        // SQLite keys the entity rows by the tweet's seq; PostgreSQL indexes them by its id.
        let ofTweet = isPostgres ? "tweet_id = ?" : "tweet_seq = (SELECT seq FROM tweets WHERE id = ?)"
        try rows("SELECT spelling FROM hashtags WHERE \(ofTweet) ORDER BY tag", [.integer(id)]) {
            tweet.hashtags.append($0.string(0) ?? "")
        }
        try rows("SELECT screen_name FROM mentions WHERE \(ofTweet) ORDER BY lower(screen_name)", [.integer(id)]) {
            tweet.mentions.append($0.string(0) ?? "")
        }
        try rows("SELECT url FROM urls WHERE \(ofTweet) ORDER BY url", [.integer(id)]) { tweet.urls.append($0.string(0) ?? "") }
        return tweet
    }

    /// Whether a delete notice for `id` has been seen.
    public func isDeleted(id: Int64) throws -> Bool {
        try scalar("SELECT count(*) FROM deleted_tweets WHERE id = ?", [.integer(id)]) > 0
    }
}

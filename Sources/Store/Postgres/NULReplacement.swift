import Model

/// A stored value that held a NUL character (U+0000). PostgreSQL's `text` cannot hold one, so a
/// PostgreSQL store keeps U+FFFD in its place (an SQLite store keeps the NUL) and the run says
/// where: `place` is the input (`path`, `archive:member` or `-`) or, for `twindex copy`, the
/// SQLite table; `line` the input line or the row's key; `fields` what held it.
public struct NULReplacement: Equatable, Sendable {
    /// The input (`path`, `archive:member`, `-`) or the copied table.
    public var place: String
    /// The input's line (1-based) or the copied row's key.
    public var line: Int64
    /// The fields that held a NUL: v1.1 JSON names for a tweet, column names for a copied row.
    public var fields: [String]

    /// A replacement at `place`, `line` in `fields`.
    public init(place: String, line: Int64, fields: [String]) {
        self.place = place
        self.line = line
        self.fields = fields
    }

    /// The fields of `tweet` that hold a NUL, by their v1.1 JSON names, in a fixed order.
    public static func fields(of tweet: Tweet) -> [String] {
        var found: [String] = []
        func check(_ value: String?, _ name: String) {
            if let value, value.utf8.contains(0) { found.append(name) }
        }
        check(tweet.text, "text")
        check(tweet.lang, "lang")
        check(tweet.source, "source")
        check(tweet.inReplyToScreenName, "in_reply_to_screen_name")
        check(tweet.retweetedScreenName, "retweeted_status.user.screen_name")
        check(tweet.quotedScreenName, "quoted_status.user.screen_name")
        check(tweet.placeID, "place.id")
        check(tweet.placeName, "place.full_name")
        check(tweet.placeCountry, "place.country_code")
        if tweet.hashtags.contains(where: { $0.tag.utf8.contains(0) || $0.spelling.utf8.contains(0) }) {
            found.append("entities.hashtags")
        }
        if tweet.mentions.contains(where: { $0.screenName.utf8.contains(0) }) { found.append("entities.user_mentions") }
        if tweet.urls.contains(where: { $0.utf8.contains(0) }) { found.append("entities.urls") }
        if let u = tweet.author {
            check(u.screenName, "user.screen_name")
            check(u.name, "user.name")
            check(u.location, "user.location")
            check(u.description, "user.description")
            check(u.lang, "user.lang")
        }
        return found
    }

    /// `s` as a PostgreSQL store keeps it: each NUL as U+FFFD.
    static func stored(_ s: String) -> String {
        s.utf8.contains(0) ? String(decoding: s.utf8.flatMap { $0 == 0 ? [0xEF, 0xBF, 0xBD] : [$0] }, as: UTF8.self) : s
    }
}

/// The NUL replacements of one run: how many tweets or rows had one, and the first `limit` of
/// them in order.
public struct NULReplacements: Equatable, Sendable {
    /// How many the run kept at most in `first`.
    public static let limit = 1000
    /// How many tweets or rows had a value replaced, in all.
    public private(set) var count = 0
    /// The first replacements, at most `limit`.
    public private(set) var first: [NULReplacement] = []

    /// None yet.
    public init() {}

    /// Counts `r`, keeping it while fewer than `limit` are kept.
    public mutating func add(_ r: NULReplacement) {
        count += 1
        if first.count < Self.limit { first.append(r) }
    }
}

import Model

/// The exact counts of a generated 1% sample stream (`SampleStreamGenerator`), computed from
/// what was written: the lines of each kind, Tabel 6's counts, languages and scripts, and
/// the counts per UTC hour (so any local day's baseline can be summed from them).
public struct SampleTruth: Sendable {
    /// The generator's seed.
    public var seed: UInt64 = 0
    /// Lines written (tweets, delete notices and limit notices); tweet lines (each a different
    /// tweet); delete notices (for tweets of earlier days, not in the stream); limit notices;
    /// native retweets (with the original embedded as `retweeted_status`).
    public var lines = 0, tweets = 0, deletes = 0, limits = 0, retweets = 0
    /// Tabel 6's counts: tweets with hashtags, with mentions, starting with @ (replies).
    public var withHashtags = 0, withMentions = 0, startsWithAt = 0
    /// Distinct authors of the stream's tweets.
    public var users = 0
    /// Tweets per `lang` code.
    public var languages: [String: Int] = [:]
    /// Tweets per script of their words (`Latin`, `Japanese`, `Arabic`, ...).
    public var scripts: [String: Int] = [:]
    /// First and last tweet, UTC epoch seconds.
    public var first: Int64 = .max
    /// See `first`.
    public var last: Int64 = .min
    /// Counts per UTC hour, by the hour's first second.
    public var hours: [Int64: HourTruth] = [:]
    /// The archive members the stream was packed into, in order (set by whoever packs it).
    public var members: [String] = []

    /// What one UTC hour of the stream holds.
    public struct HourTruth: Sendable, Equatable {
        /// Tweets, and of them those with hashtags, with mentions, starting with @.
        public var tweets = 0, withHashtags = 0, withMentions = 0, startsWithAt = 0
        /// Delete notices.
        public var deletes = 0
    }

    /// The truth as a JSON document (the `--truth` file).
    public var json: JSONValue {
        let hourRows = hours.keys.sorted().map { h -> JSONValue in
            let v = hours[h] ?? HourTruth()
            return .object([
                "hour": .string(Truth.iso(h)), "tweets": .int(v.tweets), "with_hashtags": .int(v.withHashtags),
                "with_mentions": .int(v.withMentions), "starts_with_at": .int(v.startsWithAt), "deletes": .int(v.deletes),
            ])
        }
        return .object([
            "seed": .int(Int64(bitPattern: seed)), "profile": .string("sample1pct"), "lines": .int(lines),
            "tweets": .int(tweets), "deletes": .int(deletes), "limits": .int(limits), "retweets": .int(retweets),
            "users": .int(users),
            "first": tweets > 0 ? .string(Truth.iso(first)) : .null, "last": tweets > 0 ? .string(Truth.iso(last)) : .null,
            "ratios": .object(["hashtags": .int(withHashtags), "mentions": .int(withMentions), "starts_with_at": .int(startsWithAt)]),
            "languages": .object(languages.mapValues { .int($0) }),
            "scripts": .object(scripts.mapValues { .int($0) }),
            "hours": .array(hourRows),
            "members": .array(members.map(JSONValue.string)),
        ])
    }
}

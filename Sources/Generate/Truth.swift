import Model
import Text

/// The exact counts of a generated corpus, computed from what was written, so that the
/// analysers can be checked against them end to end (`twindex generate --truth`).
public struct Truth: Sendable {
    /// The generator's seed, profile and time zone.
    public var seed: UInt64 = 0
    /// See `seed`.
    public var profile = ""
    /// See `seed`.
    public var timeZone = ""
    /// Lines written (duplicates and stream notices included).
    public var lines = 0
    /// Unique tweets.
    public var tweets = 0
    /// Lines repeating a tweet already written.
    public var duplicates = 0
    /// Accounts that wrote at least one tweet.
    public var users = 0
    /// First and last tweet, UTC epoch seconds.
    public var first: Int64 = .max
    /// See `first`.
    public var last: Int64 = .min
    /// Unique tweets with hashtags, with mentions, starting with @ (Tabel 6).
    public var withHashtags = 0
    /// See `withHashtags`.
    public var withMentions = 0
    /// See `withHashtags`.
    public var startsWithAt = 0
    /// Tweets per local ISO weekday, Monday first.
    public var weekday = [Int](repeating: 0, count: 7)
    /// Tweets per local hour.
    public var hour = [Int](repeating: 0, count: 24)
    /// Tweets per weekday (Monday first) and hour.
    public var weekHour = [[Int]](repeating: [Int](repeating: 0, count: 24), count: 7)
    /// Per normalised tag: tweets, distinct authors, spellings with their counts.
    public var tags: [String: TagTruth] = [:]
    /// Per local day (days since 1970-01-01): the daily series' counts.
    public var days: [Int64: DayTruth] = [:]
    /// The planted clusters: normalised tags of each.
    public var clusters: [[String]] = []
    /// The planted account groups: each account with tweets (screen name) and its group.
    public var accountGroups: [String: Int] = [:]
    /// The planted brokers between the groups (screen names), by account index.
    public var brokers: [String] = []
    /// The stream notices and the outage (`twindex completeness`).
    public var capture = CaptureTruth()
    /// The planted copied messages (`RepeatedTexts`): per identical-text key, its tweets and authors.
    public var repeats: [String: RepeatTruth] = [:]

    /// What was written of one tag.
    public struct TagTruth: Sendable {
        /// Tweets carrying it, and their distinct authors.
        public var tweets = 0
        /// See `tweets`.
        public var users = Set<Int>()
        /// Spellings in NFC (canonically equal spellings look the same) with their counts.
        public var spellings: [String: Int] = [:]
        /// The most frequent spelling (ties: the smallest in code-point order).
        public var label: String { TagNormalizer.label(spellings) }
    }

    /// The daily series' counts of one local day (as `TimelineResult.Row`).
    public struct DayTruth: Sendable {
        /// Tweets, distinct authors, located and geo-coded tweets.
        public var tweets = 0, activeUsers = 0, located = 0, geocoded = 0
        /// Tweets with hashtags, mentions, links; retweets; replies.
        public var withHashtags = 0, withMentions = 0, withLinks = 0, retweets = 0, replies = 0
    }

    /// The truth as a JSON document (the `--truth` file).
    public var json: JSONValue {
        let tagRows = tags.sorted { $0.value.tweets != $1.value.tweets ? $0.value.tweets > $1.value.tweets : $0.key < $1.key }
            .map { tag, t -> JSONValue in
                .object(["tag": .string(tag), "label": .string(t.label), "tweets": .int(t.tweets), "users": .int(t.users.count)])
            }
        let dayRows = days.keys.sorted().map { d -> JSONValue in
            let v = days[d]!
            return .object([
                "date": .string(Self.date(d)), "tweets": .int(v.tweets), "active_users": .int(v.activeUsers),
                "located": .int(v.located), "geocoded": .int(v.geocoded), "with_hashtags": .int(v.withHashtags),
                "with_mentions": .int(v.withMentions), "with_links": .int(v.withLinks), "retweets": .int(v.retweets),
                "replies": .int(v.replies),
            ])
        }
        let weekend = weekday[5] + weekday[6]
        return .object([
            "seed": .int(Int64(bitPattern: seed)), "profile": .string(profile), "lines": .int(lines), "tweets": .int(tweets),
            "duplicates": .int(duplicates), "users": .int(users),
            "first": tweets > 0 ? .string(Self.iso(first)) : .null, "last": tweets > 0 ? .string(Self.iso(last)) : .null,
            "ratios": .object(["hashtags": .int(withHashtags), "mentions": .int(withMentions), "starts_with_at": .int(startsWithAt)]),
            "activity": .object([
                "tz": .string(timeZone), "weekday": .array(weekday.map(JSONValue.int)), "hour": .array(hour.map(JSONValue.int)),
                "week_hour": .array(weekHour.map { .array($0.map(JSONValue.int)) }),
                "weekend_share": tweets > 0 ? .double(Double(weekend) / Double(tweets)) : .null,
            ]),
            "hashtags": .array(tagRows),
            "clusters": .array(clusters.map { .array($0.map(JSONValue.string)) }),
            "account_groups": .object(accountGroups.mapValues { .int($0) }),
            "brokers": .array(brokers.map(JSONValue.string)),
            "repeats": repeatsJSON,
            "timeline": .array(dayRows),
            "completeness": capture.json,
        ])
    }

    static func date(_ day: Int64) -> String {
        let t = LocalTime(epoch: day * 86400)
        return String(format: "%04d-%02d-%02d", t.year, t.month, t.day)
    }

    static func iso(_ epoch: Int64) -> String {
        let t = LocalTime(epoch: epoch)
        let minute = (epoch % 3600 + 3600) % 3600 / 60, second = (epoch % 60 + 60) % 60
        return String(format: "%04d-%02d-%02dT%02d:%02d:%02dZ", t.year, t.month, t.day, t.hour, minute, second)
    }
}

import Foundation

import Foundation
import Model
import Store

/// The corpus written out for other tools (`twindex export`): the tweets in the columns of
/// twarc's v1 `json2csv` that the store keeps, the ids alone (for sharing and later
/// hydration), or the entity and account tables, each limited to a `Scope`.
///
/// Rows are read one at a time through `Store.rows`, so memory stays flat in the number of
/// rows and either engine serves them; each row is a list of cells in `columns(of:)` order,
/// ids as strings (JSON readers lose digits past 2^53), times as text, counts as integers.
///
/// ```swift
/// let store = try Store.openForReading(path: "study.db")
/// let n = try CorpusExport.rows(of: .tweets, in: store, scope: Scope(), zone: zone) { cells in
///     csv.write(cells.map(Table.plain))
/// }
/// ```
public enum CorpusExport {
    /// What an export writes.
    public enum Table: String, CaseIterable, Sendable {
        /// One row per tweet, twarc's json2csv columns (see `tweetColumns`).
        case tweets
        /// The tweet ids alone.
        case ids
        /// One row per hashtag of a tweet: `hashtags` as stored.
        case hashtags
        /// One row per account mentioned in a tweet.
        case mentions
        /// One row per link in a tweet.
        case urls
        /// One row per account that wrote a tweet in scope (every stored profile for the
        /// whole store), its latest profile.
        case users
    }

    /// twarc's v1 json2csv columns the store keeps, in twarc's order. Left out, as the store
    /// keeps no value for them: media, favorite_count, possibly_sensitive, retweet_count,
    /// user_default_profile_image, user_favourites_count, user_listed_count, user_time_zone,
    /// user_urls.
    public static let tweetColumns = [
        "id", "tweet_url", "created_at", "parsed_created_at", "user_screen_name", "text", "tweet_type",
        "coordinates", "hashtags", "urls", "in_reply_to_screen_name", "in_reply_to_status_id",
        "in_reply_to_user_id", "lang", "place", "retweet_or_quote_id", "retweet_or_quote_screen_name",
        "retweet_or_quote_user_id", "source", "user_id", "user_created_at", "user_description",
        "user_followers_count", "user_friends_count", "user_location", "user_name", "user_statuses_count",
        "user_verified",
    ]

    private static let userColumns = [
        "id", "screen_name", "name", "location", "description", "followers_count", "friends_count",
        "statuses_count", "created_at", "lang", "verified", "profile_seen_at",
    ]

    /// The column names of `table`, in the order its rows give their cells.
    public static func columns(of table: Table) -> [String] {
        switch table {
        case .tweets: return tweetColumns
        case .ids: return ["id"]
        case .hashtags: return ["tweet_id", "tag", "spelling"]
        case .mentions: return ["tweet_id", "screen_name", "user_id"]
        case .urls: return ["tweet_id", "url"]
        case .users: return userColumns
        }
    }

    /// Reads the rows of `table` for the tweets in `scope` (days local in `zone`), ordered by
    /// tweet id (users by account id), handing each to `each` as it is read; returns how many.
    @discardableResult
    public static func rows(of table: Table, in store: Store, scope: Scope, zone: TimeZone,
                            each: ([JSONValue]) throws -> Void) throws -> Int {
        let filter = scope.filter(in: zone, table: "t")
        var count = 0
        try store.rows(sql(for: table, filter: filter.sql, dialect: store.dialect, everything: scope.isEverything),
                       filter.arguments) { row in
            try each(cells(of: table, row))
            count += 1
        }
        return count
    }

    /// Each table's statement: the tweets in scope are `t`, joined to what the table lists.
    /// Entity rows come in their primary key's order (tweet, then tag, name or link), so
    /// SQLite reads them without sorting; names compare by `lower` (ASCII, as NOCASE), the
    /// same on both engines, which SQLite sorts within each tweet only.
    private static func sql(for table: Table, filter: String, dialect: SQLDialect, everything: Bool) -> String {
        switch table {
        case .tweets:
            let tags = dialect.joinedText("h.spelling", from: "hashtags h", where: dialect.sameTweet("h", "t"), orderedBy: "h.tag", separator: " ")
            let links = dialect.joinedText("l.url", from: "urls l", where: dialect.sameTweet("l", "t"), orderedBy: "l.url", separator: " ")
            return """
                SELECT t.id, u.screen_name, t.created_at, t.text, t.in_reply_to_status_id, t.retweeted_id, t.quoted_id,
                  t.longitude, t.latitude, \(tags), \(links), t.in_reply_to_screen_name, t.in_reply_to_user_id, t.lang,
                  t.place_name, t.retweeted_user_id, t.retweeted_screen_name, t.quoted_user_id, t.quoted_screen_name,
                  t.source, t.author_id, u.created_at, u.description, u.followers_count, u.friends_count, u.location,
                  u.name, u.statuses_count, u.verified
                FROM tweets t LEFT JOIN users u ON u.id = t.author_id
                WHERE \(filter) ORDER BY t.id
                """
        case .ids:
            return "SELECT t.id FROM tweets t WHERE \(filter) ORDER BY t.id"
        case .hashtags:
            return "SELECT h.tweet_id, h.tag, h.spelling FROM hashtags h JOIN tweets t ON \(dialect.sameTweet("h", "t")) WHERE \(filter) ORDER BY h.tweet_id, h.tag"
        case .mentions:
            return """
                SELECT m.tweet_id, m.screen_name, m.user_id FROM mentions m JOIN tweets t ON \(dialect.sameTweet("m", "t"))
                WHERE \(filter) ORDER BY m.tweet_id, \(dialect.caseInsensitiveKey("m.screen_name"))
                """
        case .urls:
            return "SELECT l.tweet_id, l.url FROM urls l JOIN tweets t ON \(dialect.sameTweet("l", "t")) WHERE \(filter) ORDER BY l.tweet_id, l.url"
        case .users:
            let columns = userColumns.map { "u." + $0 }.joined(separator: ", ")
            let inScope = everything ? "" : "WHERE u.id IN (SELECT t.author_id FROM tweets t WHERE \(filter))"
            return "SELECT \(columns) FROM users u \(inScope) ORDER BY u.id"
        }
    }

    private static func cells(of table: Table, _ row: Row) -> [JSONValue] {
        func id(_ i: Int) -> JSONValue { row.isNull(i) ? .null : .string(String(row.int(i))) }
        func text(_ i: Int) -> JSONValue { row.string(i).map(JSONValue.string) ?? .null }
        func int(_ i: Int) -> JSONValue { row.isNull(i) ? .null : .int(row.int(i)) }
        func bool(_ i: Int) -> JSONValue { row.isNull(i) ? .null : .bool(row.int(i) != 0) }
        func time(_ i: Int, _ format: (Int64) -> String) -> JSONValue { row.isNull(i) ? .null : .string(format(row.int(i))) }
        switch table {
        case .tweets: return tweetCells(row, id: id, text: text, int: int, bool: bool, time: time)
        case .ids: return [id(0)]
        case .hashtags: return [id(0), text(1), text(2)]
        case .mentions: return [id(0), text(1), id(2)]
        case .urls: return [id(0), text(1)]
        case .users:
            return [id(0), text(1), text(2), text(3), text(4), int(5), int(6), int(7), time(8, TwarcTime.iso8601),
                    text(9), bool(10), time(11, TwarcTime.iso8601)]
        }
    }

    /// One tweet's cells as twarc computes them from the JSON, but from the stored columns:
    /// the type is reply, else retweet, else quote, else original; the retweeted tweet's ids
    /// and name win over the quoted one's.
    private static func tweetCells(_ row: Row, id: (Int) -> JSONValue, text: (Int) -> JSONValue, int: (Int) -> JSONValue,
                                   bool: (Int) -> JSONValue, time: (Int, (Int64) -> String) -> JSONValue) -> [JSONValue] {
        let tweetID = String(row.int(0))
        let type = !row.isNull(4) ? "reply" : !row.isNull(5) ? "retweet" : !row.isNull(6) ? "quote" : "original"
        let coordinates: JSONValue = row.isNull(7) || row.isNull(8)
            ? .null : .string(String(format: "%f %f", row.double(7), row.double(8)))
        let retweet = !row.isNull(5)
        return [
            .string(tweetID), .string("https://twitter.com/\(row.string(1) ?? "i/web")/status/\(tweetID)"),
            time(2, TwarcTime.twitter), time(2, TwarcTime.parsed), text(1), text(3), .string(type), coordinates,
            .string(row.string(9) ?? ""), .string(row.string(10) ?? ""), text(11), id(4), id(12), text(13), text(14),
            retweet ? id(5) : id(6), retweet ? text(16) : text(18), retweet ? id(15) : id(17),
            text(19), id(20), time(21, TwarcTime.twitter), text(22), int(23), int(24), text(25), text(26), int(27), bool(28),
        ]
    }
}

/// UTC times written as twarc's CSV has them: Twitter's `created_at` text, and that text
/// parsed by dateutil and printed by Python (`2008-08-27 13:08:45+00:00`); ISO 8601 for the
/// tables twarc has no CSV of.
enum TwarcTime {
    private static let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

    /// The day, date and `HH:MM:SS` of an instant. Written out by hand: `String(format:)`
    /// costs more than the rest of a row.
    private static func parts(_ epoch: Int64) -> (day: Int64, date: (year: Int, month: Int, day: Int), clock: String) {
        let day = CivilDate.day(ofEpoch: epoch)
        let seconds = Int(epoch - day * 86400)
        return (day, CivilDate.civil(day), two(seconds / 3600) + ":" + two(seconds / 60 % 60) + ":" + two(seconds % 60))
    }

    private static func two(_ n: Int) -> String { n < 10 ? "0" + String(n) : String(n) }

    private static func date(_ d: (year: Int, month: Int, day: Int)) -> String {
        let year = String(d.year)
        return String(repeating: "0", count: max(0, 4 - year.count)) + year + "-" + two(d.month) + "-" + two(d.day)
    }

    /// `Wed Aug 27 13:08:45 +0000 2008`.
    static func twitter(_ epoch: Int64) -> String {
        let p = parts(epoch)
        return CivilDate.weekdayNames[CivilDate.weekdayIndex(p.day)] + " " + months[p.date.month - 1] + " " + two(p.date.day)
            + " " + p.clock + " +0000 " + String(p.date.year)
    }

    /// `2008-08-27 13:08:45+00:00`.
    static func parsed(_ epoch: Int64) -> String {
        let p = parts(epoch)
        return date(p.date) + " " + p.clock + "+00:00"
    }

    /// `2008-08-27T13:08:45Z`.
    static func iso8601(_ epoch: Int64) -> String {
        let p = parts(epoch)
        return date(p.date) + "T" + p.clock + "Z"
    }
}

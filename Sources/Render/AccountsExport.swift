import Analysis
import Foundation
import Model
import Output

/// `twindex users`: the per-account table as JSON (CLI.md's fields plus the three Tabel 6
/// shares) and as a table for the terminal and CSV. `first` and `last` are UTC; given a
/// zone, `first_local` and `last_local` follow them in that zone with its offset.
public enum AccountsExport {
    /// The columns, in order, of the table and the CSV (`first_local`, `last_local` last).
    static let columns = ["screen_name", "user_id", "tweets", "first", "last", "with_hashtags", "with_hashtags_share",
                          "with_mentions", "with_mentions_share", "starts_with_at", "starts_with_at_share", "replies",
                          "retweets", "hashtags", "mentions_received", "mentioned_by", "followers", "friends"]

    private static func columns(local: Bool) -> [String] { columns + (local ? ["first_local", "last_local"] : []) }

    private static func cells(_ a: AccountRow, in zone: TimeZone?) -> [JSONValue] {
        let local = zone.map { zone in [a.first, a.last].map { JSONValue.optional($0.map { LocalTime.iso8601($0, in: zone) }) } } ?? []
        return [.optional(a.screenName), .string(String(a.userID)), .int(a.tweets), .optional(a.firstUTC),
                .optional(a.lastUTC), .int(a.withHashtags), .double(a.share(a.withHashtags)),
                .int(a.withMentions), .double(a.share(a.withMentions)), .int(a.startsWithAt), .double(a.share(a.startsWithAt)),
                .int(a.replies), .int(a.retweets), .int(a.hashtags), .int(a.mentionsReceived), .int(a.mentionedBy),
                .optional(a.followers), .optional(a.friends)] + local
    }

    /// `twindex users --json`: `{"rows": [...]}`, `user_id` a string as in the networks;
    /// with `zone`, each row adds `first_local` and `last_local`.
    public static func json(_ rows: [AccountRow], localIn zone: TimeZone? = nil) -> JSONValue {
        .object(["rows": .array(rows.map { row in
            .object(Dictionary(uniqueKeysWithValues: zip(columns(local: zone != nil), cells(row, in: zone))))
        })])
    }

    /// Every column, shares as fractions: for `--csv`; with `zone`, `first_local` and
    /// `last_local` at the end.
    public static func table(_ rows: [AccountRow], localIn zone: TimeZone? = nil) -> Table {
        Table(columns: columns(local: zone != nil), rows: rows.map { cells($0, in: zone) })
    }

    /// A terminal table: counts with shares as percentages, first and last tweet in `zone`
    /// with its offset.
    public static func text(_ rows: [AccountRow], width: Int, in zone: TimeZone) -> String {
        let pct = { (a: AccountRow, n: Int64) in JSONValue.string("\(n) (\(String(format: "%.1f%%", a.share(n) * 100)))") }
        let time = { (t: Int64?) in JSONValue.optional(t.map { LocalTime.iso8601($0, in: zone) }) }
        return Table(columns: ["account", "tweets", "first", "last", "hashtags", "mentions", "starts @", "replies", "RTs",
                               "tags", "mentioned", "by", "followers"],
                     rows: rows.map { a in
            [.string("@" + (a.screenName ?? String(a.userID))), .int(a.tweets), time(a.first), time(a.last),
             pct(a, a.withHashtags), pct(a, a.withMentions), pct(a, a.startsWithAt), .int(a.replies), .int(a.retweets),
             .int(a.hashtags), .int(a.mentionsReceived), .int(a.mentionedBy), .optional(a.followers)]
        }).text(width: width)
    }
}

import Analysis
import Foundation
import Model

/// `twindex users`: the per-account table as JSON (CLI.md's fields plus the three Tabel 6
/// shares) and as a table for the terminal and CSV.
public enum AccountsExport {
    /// The columns, in order, of the table and the CSV.
    static let columns = ["screen_name", "user_id", "tweets", "first", "last", "with_hashtags", "with_hashtags_share",
                          "with_mentions", "with_mentions_share", "starts_with_at", "starts_with_at_share", "replies",
                          "retweets", "hashtags", "mentions_received", "mentioned_by", "followers", "friends"]

    private static func cells(_ a: AccountRow) -> [JSONValue] {
        [.optional(a.screenName), .string(String(a.userID)), .int(a.tweets), .optional(a.firstUTC),
         .optional(a.lastUTC), .int(a.withHashtags), .double(a.share(a.withHashtags)),
         .int(a.withMentions), .double(a.share(a.withMentions)), .int(a.startsWithAt), .double(a.share(a.startsWithAt)),
         .int(a.replies), .int(a.retweets), .int(a.hashtags), .int(a.mentionsReceived), .int(a.mentionedBy),
         .optional(a.followers), .optional(a.friends)]
    }

    /// `twindex users --json`: `{"rows": [...]}`, `user_id` a string as in the networks.
    public static func json(_ rows: [AccountRow]) -> JSONValue {
        .object(["rows": .array(rows.map { row in
            .object(Dictionary(uniqueKeysWithValues: zip(columns, cells(row))))
        })])
    }

    /// Every column, shares as fractions: for `--csv`.
    public static func table(_ rows: [AccountRow]) -> Table { Table(columns: columns, rows: rows.map(cells)) }

    /// A terminal table: counts with shares as percentages, days instead of timestamps.
    public static func text(_ rows: [AccountRow], width: Int) -> String {
        let pct = { (a: AccountRow, n: Int64) in JSONValue.string("\(n) (\(String(format: "%.1f%%", a.share(n) * 100)))") }
        let day = { (t: String?) in JSONValue.optional(t.map { String($0.prefix(10)) }) }
        return Table(columns: ["account", "tweets", "first", "last", "hashtags", "mentions", "starts @", "replies", "RTs",
                               "tags", "mentioned", "by", "followers"],
                     rows: rows.map { a in
            [.string("@" + (a.screenName ?? String(a.userID))), .int(a.tweets), day(a.firstUTC), day(a.lastUTC),
             pct(a, a.withHashtags), pct(a, a.withMentions), pct(a, a.startsWithAt), .int(a.replies), .int(a.retweets),
             .int(a.hashtags), .int(a.mentionsReceived), .int(a.mentionedBy), .optional(a.followers)]
        }).text(width: width)
    }
}

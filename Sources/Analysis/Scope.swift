import Foundation
import Store

/// Which tweets an analysis looks at: the scope options every analysis and the report share
/// (`--from/--to`, `--user`/`--users-file`, `--lang`, `--exclude-retweets`).
///
/// The empty scope is the whole store. Accounts are matched by screen name, case-insensitively,
/// against the latest profile the store holds (`users.screen_name`).
///
/// ```swift
/// let scope = Scope(range: try DateRange(from: "2012-01-01", to: "2012-12-31"), users: ["jan_min0"])
/// let filter = scope.filter(lower: lo, upper: hi)   // lo/hi: the range's UTC bounds
/// try store.rows("SELECT created_at FROM tweets WHERE \(filter.sql)", filter.arguments) { … }
/// ```
public struct Scope: Sendable, Equatable {
    /// Local days, inclusive, in the analysis's time zone.
    public var range: DateRange
    /// Screen names (without `@`); empty means every account.
    public var users: [String]
    /// Tweet language codes as stored (`lang`); empty means every language.
    public var languages: [String]
    /// Leave native retweets out.
    public var excludeRetweets: Bool

    /// A scope; the defaults cover everything.
    public init(range: DateRange = DateRange(), users: [String] = [], languages: [String] = [],
                excludeRetweets: Bool = false) {
        self.range = range
        self.users = users
        self.languages = languages
        self.excludeRetweets = excludeRetweets
    }

    /// True when the scope is the whole store.
    public var isEverything: Bool {
        range.from == nil && range.to == nil && users.isEmpty && languages.isEmpty && !excludeRetweets
    }

    /// The scope in words, for messages: "2012-01-01 to 2012-12-31, accounts a, b, languages nl,
    /// no retweets"; "the whole store" when it is everything.
    public var summary: String {
        var parts: [String] = []
        if range.from != nil || range.to != nil { parts.append("\(range.from.map(CalendarBuckets.format) ?? "the start") to \(range.to.map(CalendarBuckets.format) ?? "the end")") }
        if !users.isEmpty { parts.append("accounts " + users.joined(separator: ", ")) }
        if !languages.isEmpty { parts.append("languages " + languages.joined(separator: ", ")) }
        if excludeRetweets { parts.append("no retweets") }
        return parts.isEmpty ? "the whole store" : parts.joined(separator: ", ")
    }

    /// True when the scope limits only the days (no accounts, languages or retweets left out):
    /// the per-quarter summaries can serve it.
    public var limitsOnlyDays: Bool { users.isEmpty && languages.isEmpty && !excludeRetweets }

    /// A boolean SQL expression over the columns of `tweets` (qualified by `table`, e.g. `t`),
    /// with its arguments in order. `lower`/`upper` are the range's UTC bounds in seconds.
    public func filter(lower: Int64, upper: Int64, table: String = "tweets") -> (sql: String, arguments: [SQLValue]) {
        var parts = ["\(table).created_at >= ? AND \(table).created_at < ?"]
        var arguments: [SQLValue] = [.integer(lower), .integer(upper)]
        if !users.isEmpty {
            // lower() folds ASCII only, in SQLite and in PostgreSQL's "C" collation: NOCASE on both.
            let marks = Array(repeating: "lower(?)", count: users.count).joined(separator: ", ")
            parts.append("\(table).author_id IN (SELECT id FROM users WHERE lower(screen_name) IN (\(marks)))")
            arguments += users.map { .text($0) }
        }
        if !languages.isEmpty {
            let marks = Array(repeating: "?", count: languages.count).joined(separator: ", ")
            parts.append("\(table).lang IN (\(marks))")
            arguments += languages.map { .text($0) }
        }
        if excludeRetweets { parts.append("\(table).retweeted_id IS NULL") }
        return (parts.joined(separator: " AND "), arguments)
    }

    /// `filter(lower:upper:table:)` with the range's days taken as local days in `zone`; an
    /// open range adds no time condition, and the whole store is `1` (so a covering index
    /// that has no `created_at` still serves it).
    public func filter(in zone: TimeZone, table: String = "tweets") -> (sql: String, arguments: [SQLValue]) {
        if isEverything { return ("1 = 1", []) }
        let (lower, upper) = range.utcBounds(in: zone)
        return filter(lower: lower ?? .min, upper: upper ?? .max, table: table)
    }
}

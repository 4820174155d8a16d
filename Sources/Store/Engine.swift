/// The database engine behind a store: one SQLite file, or a PostgreSQL database (named by
/// a `postgresql://` URL). Analyses write their SQL once; what differs between the engines
/// comes from `SQLDialect`, one implementation per engine.
package enum Engine {
    /// A store file.
    case sqlite(Connection)
    /// A PostgreSQL database.
    case postgres(PGConnection)
}

extension Store {
    /// True for a PostgreSQL store. It keeps no summary tables: the analyses have the server
    /// group the rows instead (counts per bucket, per tag, per pair), never reading every row.
    public var isPostgres: Bool {
        if case .postgres = engine { return true }
        return false
    }
}

/// Which engine a `--db` value names.
public enum StoreLocation {
    /// True for a `postgresql://` or `postgres://` URL; anything else is a store file's path.
    public static func isPostgres(_ location: String) -> Bool {
        location.hasPrefix("postgresql://") || location.hasPrefix("postgres://")
    }
}

/// The SQL fragments that differ between the engines. Every statement an analysis sends
/// is written with `?` placeholders and these fragments; the PostgreSQL connection numbers
/// the placeholders.
public protocol SQLDialect: Sendable {
    /// `column` equal to one of `count` `?` values, ignoring ASCII case (as SQLite's NOCASE).
    func caseInsensitiveIn(_ column: String, count: Int) -> String
    /// A planner hint naming an index (empty where the engine has none or takes none).
    func indexHint(_ name: String, present: Bool) -> String
    /// `column` as a sort key ignoring ASCII case, as SQLite's NOCASE sorts (on SQLite, a
    /// NOCASE column's own index order).
    func caseInsensitiveKey(_ column: String) -> String
    /// A scalar subquery: the `column` values of the rows of `table` where `condition` holds,
    /// in `order`, joined by `separator` (a literal without quotes) into one text; NULL
    /// for no rows.
    func joinedText(_ column: String, from table: String, where condition: String, orderedBy order: String,
                    separator: String) -> String
    /// The condition joining the entity rows `entity` (hashtags, mentions, urls) to their
    /// tweet `tweet`: on SQLite the tweet's seq (the entity tables' key), on PostgreSQL its
    /// id and `shard_key`, so that on Citus the join stays on each shard (entities are
    /// co-located with their tweet).
    func sameTweet(_ entity: String, _ tweet: String) -> String
    /// The column of the entity rows `entity` that names their tweet in the order the table
    /// is keyed: a tweet's rows are adjacent in it (SQLite: `tweet_seq`, PostgreSQL: `tweet_id`).
    func entityTweetKey(_ entity: String) -> String
}

/// SQLite's fragments.
struct SQLiteDialect: SQLDialect {
    func caseInsensitiveIn(_ column: String, count: Int) -> String {
        "\(column) COLLATE NOCASE IN (\(Array(repeating: "?", count: count).joined(separator: ", ")))"
    }

    func indexHint(_ name: String, present: Bool) -> String { present ? "INDEXED BY \(name)" : "" }

    func caseInsensitiveKey(_ column: String) -> String { "\(column) COLLATE NOCASE" }

    /// SQLite's group_concat takes no ORDER BY before 3.44: it joins in the order an ordered
    /// subquery yields its rows.
    func joinedText(_ column: String, from table: String, where condition: String, orderedBy order: String,
                    separator: String) -> String {
        "(SELECT group_concat(v, '\(separator)') FROM (SELECT \(column) AS v FROM \(table) WHERE \(condition) ORDER BY \(order)))"
    }

    func sameTweet(_ entity: String, _ tweet: String) -> String { "\(tweet).seq = \(entity).tweet_seq" }

    func entityTweetKey(_ entity: String) -> String { "\(entity).tweet_seq" }
}

/// PostgreSQL's fragments. Text compares in the "C" collation, where `lower` folds ASCII
/// only: the same as SQLite's NOCASE.
struct PostgresDialect: SQLDialect {
    func caseInsensitiveIn(_ column: String, count: Int) -> String {
        "lower(\(column) COLLATE \"C\") IN (\(Array(repeating: "lower(?)", count: count).joined(separator: ", ")))"
    }

    func indexHint(_ name: String, present: Bool) -> String { "" }

    func caseInsensitiveKey(_ column: String) -> String { "lower(\(column))" }

    func joinedText(_ column: String, from table: String, where condition: String, orderedBy order: String,
                    separator: String) -> String {
        "(SELECT string_agg(\(column), '\(separator)' ORDER BY \(order)) FROM \(table) WHERE \(condition))"
    }

    func sameTweet(_ entity: String, _ tweet: String) -> String {
        "\(tweet).shard_key = \(entity).shard_key AND \(tweet).id = \(entity).tweet_id"
    }

    func entityTweetKey(_ entity: String) -> String { "\(entity).tweet_id" }

    /// `sql` with its `?` placeholders numbered `$1`, `$2`, … (not inside quotes or comments).
    static func numberPlaceholders(_ sql: String) -> String {
        var out = ""
        var n = 0
        var quote: Character?
        var lineComment = false
        var previous: Character = " "
        for c in sql {
            if lineComment {
                if c == "\n" { lineComment = false }
            } else if let q = quote {
                if c == q { quote = nil }
            } else if c == "'" || c == "\"" {
                quote = c
            } else if c == "-", previous == "-" {
                lineComment = true
            } else if c == "?" {
                n += 1
                out += "$\(n)"
                previous = c
                continue
            }
            out.append(c)
            previous = c
        }
        return out
    }
}

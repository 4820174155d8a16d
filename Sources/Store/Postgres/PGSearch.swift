import Foundation
import Model

/// Full-text search on a PostgreSQL store: the FTS5 query (`FTS5Query`) becomes a `tsquery`
/// over `tweets.fts`, a `tsvector` of the text in the `twindex_search` configuration (a copy of
/// `simple` with `unaccent`), found through a GIN index.
///
/// The text is folded before PostgreSQL's parser sees it, as FTS5's `unicode61` tokenizer
/// reads it: lower case in every script (ICU's `lower`), and every run of characters other
/// than letters and digits made one space, so `t.co/x`, `foo-bar` and `3.5` split into words
/// as in SQLite. What still differs (README "On PostgreSQL"): `unaccent` spells ligatures out
/// (ß finds ss, æ finds ae), characters such as ½ and ² are no tokens, `rank` orders by
/// `ts_rank_cd` instead of bm25, and NEAR takes two phrases.
enum PGSearch {
    /// The fold of `column` both the index and the query words go through.
    static func folded(_ column: String) -> String {
        "regexp_replace(lower(\(column) COLLATE \"und-x-icu\"), '[^[:alnum:]]+', ' ', 'g')"
    }

    /// The `tsvector` expression of the text in `column`.
    static func document(_ column: String) -> String {
        "to_tsvector('twindex_search', \(folded(column)))"
    }

    /// `query` as a `tsquery` expression with `?` placeholders and their values.
    static func tsquery(_ query: FTS5Query) throws -> (sql: String, arguments: [SQLValue]) {
        switch query {
        case .phrase(let terms):
            return phrase(terms)
        case .near(let phrases, let distance):
            guard phrases.count == 2 else {
                throw FTS5Query.SyntaxError(message: "NEAR takes two phrases on a PostgreSQL store")
            }
            // FTS5's distance counts the tokens between the phrases; <d> is the step from one to the next.
            let a = phrase(phrases[0]), b = phrase(phrases[1])
            var parts: [String] = []
            var arguments: [SQLValue] = []
            for d in 1...(max(0, distance) + 1) {
                parts.append("tsquery_phrase(\(a.sql), \(b.sql), \(d))")
                parts.append("tsquery_phrase(\(b.sql), \(a.sql), \(d))")
                arguments += a.arguments + b.arguments + b.arguments + a.arguments
            }
            return ("(" + parts.joined(separator: " || ") + ")", arguments)
        case .and(let l, let r): return try combine(l, "&&", r)
        case .or(let l, let r): return try combine(l, "||", r)
        case .not(let l, let r): return try combine(l, "&& !!", r)
        }
    }

    private static func combine(_ l: FTS5Query, _ op: String, _ r: FTS5Query) throws -> (sql: String, arguments: [SQLValue]) {
        let a = try tsquery(l), b = try tsquery(r)
        return ("(\(a.sql) \(op) \(b.sql))", a.arguments + b.arguments)
    }

    /// Terms one after another; a prefix term's last token matches any word it begins.
    private static func phrase(_ terms: [FTS5Query.Term]) -> (sql: String, arguments: [SQLValue]) {
        let parts = terms.map { term -> String in
            guard term.prefix, term.text.contains(where: { $0.isLetter || $0.isNumber }) else {
                return "phraseto_tsquery('twindex_search', \(folded("?::text")))"
            }
            // The folded text is letters, digits and single spaces: "a b" becomes 'a <-> b:*'.
            return "to_tsquery('twindex_search', regexp_replace(trim(\(folded("?::text"))), ' ', ' <-> ', 'g') || ':*')"
        }
        let sql = parts.dropFirst().reduce(parts[0]) { "tsquery_phrase(\($0), \($1))" }
        return (sql, terms.map { .text($0.text) })
    }

    /// The WHERE clause of `r` over `tweets t` with its values, and the `tsquery` in it.
    private static func filter(_ r: SearchRequest) throws
        -> (sql: String, arguments: [SQLValue], query: (sql: String, arguments: [SQLValue])) {
        let query: (sql: String, arguments: [SQLValue])
        do {
            query = try tsquery(FTS5Query.parse(r.query))
        } catch let error as FTS5Query.SyntaxError {
            throw StoreError.invalidSearch(query: r.query, message: error.message)
        }
        var parts = ["t.fts @@ \(query.sql)"]
        var arguments = query.arguments
        func list(_ n: Int, _ mark: String = "?") -> String { Array(repeating: mark, count: n).joined(separator: ", ") }
        if !r.users.isEmpty {
            parts.append("t.author_id IN (SELECT id FROM users WHERE lower(screen_name) IN (\(list(r.users.count, "lower(?::text COLLATE \"C\")"))))")
            arguments += r.users.map(SQLValue.text)
        }
        if !r.languages.isEmpty {
            parts.append("t.lang IN (\(list(r.languages.count)))")
            arguments += r.languages.map(SQLValue.text)
        }
        if r.excludeRetweets { parts.append("t.retweeted_id IS NULL") }
        if let tag = r.hashtag {
            parts.append("EXISTS (SELECT 1 FROM hashtags h WHERE h.shard_key = t.shard_key AND h.tweet_id = t.id AND h.tag = ?)")
            arguments.append(.text(tag))
        }
        if let lower = r.lower {
            parts.append("t.created_at >= ?")
            arguments.append(.integer(lower))
        }
        if let upper = r.upper {
            parts.append("t.created_at < ?")
            arguments.append(.integer(upper))
        }
        return (parts.joined(separator: " AND "), arguments, query)
    }

    /// The hits of `r`, in its order (times as SQLite orders them: no time first when oldest first).
    static func search(_ r: SearchRequest, on db: PGConnection, each: (SearchHit) throws -> Void) throws {
        let condition = try filter(r)
        let query = condition.query
        var text = "t.text"
        var textArguments: [SQLValue] = []
        if let h = r.highlight {
            text = "ts_headline('twindex_search', t.text, \(query.sql), ?)"
            textArguments = query.arguments + [.text("HighlightAll=true, StartSel=\"\(h.open)\", StopSel=\"\(h.close)\"")]
        }
        let order: String
        switch r.sort {
        case .rank: order = "ts_rank_cd(t.fts, \(query.sql)) DESC, t.id"
        case .newest: order = "t.created_at DESC NULLS LAST, t.id DESC"
        case .oldest: order = "t.created_at ASC NULLS FIRST, t.id ASC"
        }
        let sql = """
            SELECT t.id, t.created_at, u.screen_name, \(text)
            FROM tweets t LEFT JOIN users u ON u.id = t.author_id
            WHERE \(condition.sql)
            ORDER BY \(order)
            \(r.limit.map { "LIMIT \($0)" } ?? "")
            """
        // The values in the order of their placeholders: SELECT list, WHERE, ORDER BY.
        let arguments = textArguments + condition.arguments + (r.sort == .rank ? query.arguments : [])
        try db.query(PostgresDialect.numberPlaceholders(sql), arguments) { row in
            try each(SearchHit(id: row.int(0), createdAt: row.isNull(1) ? nil : row.int(1), screenName: row.string(2),
                               text: row.string(3) ?? ""))
        }
    }

    /// How many tweets `r` matches, whatever its limit.
    static func count(_ r: SearchRequest, on db: PGConnection) throws -> Int {
        let condition = try filter(r)
        return Int(try db.scalar(PostgresDialect.numberPlaceholders("SELECT count(*) FROM tweets t WHERE \(condition.sql)"),
                                 condition.arguments))
    }
}

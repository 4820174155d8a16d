import Analysis
import ArgumentParser
import Foundation
import Model
import Render
import Store
import Text

/// `--format table|csv|json|jsonl`.
struct FormatOption: ParsableArguments {
    @Option(help: "Output as a table, csv, json or jsonl.")
    var format: Table.Format = .table

    func print(_ table: Table) {
        let text = table.rendered(as: format, width: Terminal.width)
        FileHandle.standardOutput.write(Data((format == .csv ? text : text + "\n").utf8))
    }
}

extension SQLValue {
    var json: JSONValue {
        switch self {
        case .null: return .null
        case .integer(let i): return .int(i)
        case .real(let d): return .double(d)
        case .text(let s): return .string(s)
        case .blob(let b): return .string(b.map { String(format: "%02x", $0) }.joined())
        }
    }
}

struct Search: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Full-text search of tweets (FTS5 syntax), with filters.",
        discussion: """
            QUERY uses SQLite FTS5 syntax: words (all must match), "a phrase", prefix*, OR, NOT, NEAR(word1 word2, 10). Matching ignores case and diacritics: financiele finds financiële.

            Examples:
              twindex search tentenkamp --from 2012-01-01 --to 2012-12-31
              twindex search '"nieuwe werken" OR hnw' --sort newest --format csv
            """)

    @OptionGroup var store: StoreOptions

    @Argument(help: "The search query.")
    var query: String

    @Option(help: "Only tweets by this screen name (case-insensitive).")
    var user: String?

    @Option(help: "Only tweets with this hashtag (any spelling: #NS finds #ns).")
    var hashtag: String?

    @OptionGroup var calendar: CalendarOptions

    @Option(help: "At most this many tweets.")
    var limit = 50

    @Option(help: "rank (best match first), newest or oldest.")
    var sort: SearchRequest.Sort = .rank

    @OptionGroup var output: FormatOption

    func validate() throws {
        if limit < 1 { throw ValidationError("--limit must be at least 1") }
        if query.trimmingCharacters(in: .whitespaces).isEmpty { throw ValidationError("the search query is empty") }
    }

    func run() throws {
        try reportingErrors {
            let (zone, range) = try calendar.resolved()
            let db = try Store.openForReading(path: store.path)
            var request = SearchRequest(query: query)
            request.user = user.map { $0.hasPrefix("@") ? String($0.dropFirst()) : $0 }
            request.hashtag = hashtag.map(TagNormalizer.normalize)
            request.limit = limit
            request.sort = sort
            (request.lower, request.upper) = range.utcBounds(in: zone)
            let table = output.format == .table
            if table && Console.stdoutIsTerminal { request.highlight = ("\u{1B}[1;33m", "\u{1B}[0m") }
            let hits = try db.search(request)
            let unindexed = try db.unindexedTweetCount()
            if unindexed > 0 {
                Console.err("twindex: note: \(unindexed) stored tweets are not in the full-text index yet, so this search cannot find them; "
                    + "any `twindex ingest --db \(store.path) …` indexes them first (`- < /dev/null` as the input will do)")
            }
            output.print(Table(columns: ["id", "created_at", "screen_name", "text"], rows: hits.map {
                [.string(String($0.id)), .optional($0.createdAt.map(Store.iso8601)), .optional($0.screenName), .string($0.text)]
            }))
        }
    }
}

struct SQL: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sql",
        abstract: "Run read-only SQL on the store (writing statements are refused).",
        discussion: """
            Tables: tweets, users, hashtags, mentions, urls, deleted_tweets, files, bad_lines, ingest_runs, and tweets_fts (full text). Times are UTC epoch seconds.

            Example:  twindex sql "SELECT lang, count(*) FROM tweets GROUP BY lang ORDER BY 2 DESC"
            """)

    @OptionGroup var store: StoreOptions

    @Argument(help: "One or more SQL statements; the last one's rows are printed.")
    var statement: String

    @OptionGroup var output: FormatOption

    func run() throws {
        try reportingErrors {
            let result = try Store.openForReading(path: store.path).query(statement)
            output.print(Table(columns: result.columns, rows: result.rows.map { $0.map(\.json) }))
        }
    }
}

struct Query: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "query",
        abstract: "Run a saved read-only SQL file, binding --param NAME=VALUE to :NAME.",
        discussion: """
            The repository's queries/ folder holds documented examples.

            Example:  twindex query queries/hashtags_of_user.sql --param screen_name=jan_min0
            """)

    @OptionGroup var store: StoreOptions

    @Argument(help: "The SQL file.")
    var file: String

    @Option(name: .customLong("param"), parsing: .singleValue, help: ArgumentHelp("A named parameter.", valueName: "name=value"))
    var params: [String] = []

    @OptionGroup var output: FormatOption

    func validate() throws {
        for p in params where !p.contains("=") || p.hasPrefix("=") {
            throw ValidationError("--param \(p): expected NAME=VALUE")
        }
    }

    func run() throws {
        try reportingErrors {
            guard let sql = try? String(contentsOfFile: file, encoding: .utf8) else {
                throw ValidationError("cannot read \(file)")
            }
            var parameters: [String: String] = [:]
            for p in params {
                let parts = p.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
                parameters[String(parts[0])] = parts.count > 1 ? String(parts[1]) : ""
            }
            let result = try Store.openForReading(path: store.path).query(sql, parameters: parameters)
            output.print(Table(columns: result.columns, rows: result.rows.map { $0.map(\.json) }))
        }
    }
}

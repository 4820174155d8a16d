import Analysis
import ArgumentParser
import Foundation
import Model
import Render
import Store
import Text

struct SQL: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sql",
        abstract: "Run read-only SQL on the store (writing statements are refused).",
        discussion: """
            Tables: tweets, tweets_view (times, names and client as text), users, hashtags, mentions, urls, deleted_tweets, files, bad_lines, ingest_runs, and tweets_fts (full text). Times are UTC epoch seconds.

            Example:  twindex sql "SELECT lang, count(*) FROM tweets GROUP BY lang ORDER BY 2 DESC"
            """)

    @OptionGroup var store: StoreOptions

    @Argument(help: "One or more SQL statements; the last one's rows are printed.")
    var statement: String

    @OptionGroup var output: FormatOption

    /// `argument`, or with a space before it when it is a statement whose first line is a
    /// `--` comment: ArgumentParser would take it for an option, but no option's name (the
    /// part before any `=`) holds white space. SQL ignores the space.
    static func statementArgument(_ argument: String) -> String {
        guard argument.hasPrefix("--"), argument.prefix(while: { $0 != "=" }).contains(where: \.isWhitespace) else { return argument }
        return " " + argument
    }

    func validate() throws {
        if statement.trimmingCharacters(in: .whitespacesAndNewlines.union(CharacterSet(charactersIn: ";"))).isEmpty {
            throw ValidationError("the SQL statement is empty")
        }
    }

    func run() throws {
        try reportingErrors {
            try Cells.stream(statement, parameters: [:], store: try Store.openForReading(path: store.path), format: output)
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

    @Option(name: .customLong("param"), parsing: .singleValue, help: ArgumentHelp(
        "A named parameter, bound as text unless the query declares its type (-- param: NAME integer).",
        valueName: "name=value"))
    var params: [String] = []

    @Option(name: .customLong("param-int"), parsing: .singleValue, help: ArgumentHelp(
        "A named parameter bound as an integer.", valueName: "name=value"))
    var integerParams: [String] = []

    @OptionGroup var output: FormatOption

    func validate() throws {
        var seen = Set<String>()
        for p in params + integerParams {
            guard p.contains("="), !p.hasPrefix("=") else { throw ValidationError("--param \(p): expected NAME=VALUE") }
            let name = String(p.prefix(while: { $0 != "=" }))
            guard seen.insert(name).inserted else { throw ValidationError("--param \(name) is given more than once") }
        }
    }

    func run() throws {
        try reportingErrors {
            let sql = try TextFile.read(file)
            let db = try Store.openForReading(path: store.path)
            let declared = try QueryParameters.declaredKinds(in: sql)
            let known = try db.parameterNames(sql)
            var parameters: [String: SQLValue] = [:]
            for (p, forced) in params.map({ ($0, false) }) + integerParams.map({ ($0, true) }) {
                let parts = p.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
                let name = String(parts[0]), text = parts.count > 1 ? String(parts[1]) : ""
                guard known.contains(name) else { throw StoreError.unknownParameter(name: name, known: known) }
                let kind = forced ? .integer : declared[name] ?? .text
                guard let value = QueryParameters.value(text, as: kind) else {
                    throw UsageError("--param \(name)=\(text): \(name) is \(kind.rawValue == "integer" ? "an" : "a") \(kind.rawValue)")
                }
                parameters[name] = value
            }
            try Cells.stream(sql, parameters: parameters, store: db, format: output)
        }
    }
}

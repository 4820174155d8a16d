import Analysis
import ArgumentParser
import Foundation
import Model
import Output
import Render
import Store

struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write the corpus out: tweets in twarc's json2csv columns, tweet ids for sharing, or the hashtags, mentions, urls and users tables.",
        discussion: """
            WHAT is one of:
              tweets    a row per tweet: twarc v1 json2csv's columns the store keeps
              ids       one tweet id per line, no header (for sharing; twarc hydrate)
              hashtags  tweet_id, tag (normalised), spelling
              mentions  tweet_id, screen_name, user_id
              urls      tweet_id, url
              users     the latest profile of each account with a tweet in scope

            Rows stream out ordered by tweet id (users by account id), as CSV (RFC 4180, the default), jsonl or one json document; ids are strings in JSON. Times are UTC. The scope options limit every table to the tweets in scope.

            Examples:
              twindex export tweets --db study.db > tweets.csv
              twindex export ids --from 2012-01-01 --to 2012-12-31 > ids.txt
              twindex export hashtags --format jsonl --user jan_min0
            """)

    @Argument(help: ArgumentHelp("What to write: tweets, ids, hashtags, mentions, urls or users.", valueName: "what"))
    var table: CorpusExport.Table

    @OptionGroup var store: StoreOptions
    @OptionGroup var zone: TimeZoneOption
    @OptionGroup var scope: ScopeOptions

    @Option(help: "csv (the default; for ids: one id per line when not given), jsonl or json.")
    var format: Format?

    @Flag(name: .long, help: "Print one JSON document on stdout (the same as --format json).")
    var json = false

    /// The export formats: a table of every tweet is for files, not for a terminal.
    enum Format: String, ExpressibleByArgument, CaseIterable {
        case csv, jsonl, json
    }

    func validate() throws {
        if json, let format, format != .json { throw ValidationError("choose one of --json and --format \(format.rawValue)") }
    }

    func run() throws {
        try reportingErrors {
            let db = try Store.openForReading(path: store.path)
            let out = BufferedOutput()
            let chosen = json ? .json : format
            if table == .ids && chosen == nil {
                try CorpusExport.rows(of: .ids, in: db, scope: try scope.resolved(), zone: try zone.zone()) { cells in
                    out.write(Table.plain(cells[0]) + "\n")
                    try out.check()
                }
                return try out.flush()
            }
            let tableFormat: Table.Format
            switch chosen ?? .csv {
            case .csv: tableFormat = .csv
            case .jsonl: tableFormat = .jsonl
            case .json: tableFormat = .json
            }
            let writer = TableWriter(columns: CorpusExport.columns(of: table), format: tableFormat) { out.write($0) }
            let count = try CorpusExport.rows(of: table, in: db, scope: try scope.resolved(), zone: try zone.zone()) { row in
                writer.write(row)
                try out.check()
            }
            writer.finish(summary: ["total": .int(Int64(count))])
            try out.flush()
        }
    }
}

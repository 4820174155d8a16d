import ArgumentParser

/// The command line. To add a command: a `ParsableCommand` in its own file, listed in
/// `subcommands` below; shared options come from Options.swift (an analysis takes
/// `AnalysisOptions`: `StoreOptions`, `TimeZoneOption`, `ScopeOptions`, `JSONOption`), fixed
/// value sets are enums made `ExpressibleByArgument` in ArgumentValues.swift, the work is one
/// library call, and library errors are worded for users in ErrorMessage.swift
/// (`reportingErrors` does the printing).
@main
struct Twindex: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "twindex",
        abstract: "Index tweet corpora in SQLite and analyse them as digital-methods researchers do.",
        discussion: """
            A typical session:
              twindex ingest tweets/     # JSONL (v1.1 or v2, .gz too) into ./twindex.db
              twindex stats              # what the store holds
              twindex bad-lines          # lines that could not be read

            The store is a plain SQLite file; its full-text table is tweets_fts. Set TWINDEX_DB to use another store by default. A postgresql://USER@HOST:PORT/NAME URL as --db puts the store in PostgreSQL instead (twindex init, README \"On PostgreSQL\").
            """,
        version: "0.1.0",
        subcommands: [
            InitCommand.self, IngestCommand.self, CopyCommand.self, Stats.self, BadLines.self, Show.self,
            RatiosCommand.self, ActivityCommand.self, TimelineCommand.self, CompletenessCommand.self,
            HashtagsCommand.self, WordsCommand.self, RepeatsCommand.self, Cooccur.self,
            NetworkCommand.self, UsersCommand.self, FollowsCommand.self,
            Search.self, SQL.self, Query.self,
            DatasetteMetadataCommand.self, ExportCommand.self,
            Report.self, GenerateCorpus.self, Demo.self,
        ])
}

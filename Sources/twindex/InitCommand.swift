import ArgumentParser
import Foundation
import Store

struct InitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Create an empty PostgreSQL store, optionally distributed across a Citus cluster.",
        discussion: """
            An ingest creates a store by itself; init is for choosing how a PostgreSQL store is laid out before the first one. Every table that grows with the corpus carries shard_key: the author's id (--distribute-by author, the default) or the tweet's id (--distribute-by tweet, for corpora where a few accounts write most tweets). --distributed, on a Citus coordinator, shards those tables over --shards shards with create_distributed_table; on PostgreSQL without Citus it stops before making anything. --dry-run prints the SQL instead of running it. See docs/SCALE.md.

            Examples:
              twindex init --db postgresql://me@coordinator:5432/study --distributed --shards 64
              twindex init --db postgresql://me@localhost/study --distributed --distribute-by tweet --dry-run
            """)

    @OptionGroup var store: StoreOptions

    @Flag(help: "Distribute the tables with Citus (the server must have the citus extension).")
    var distributed = false

    @Option(help: "Shards per distributed table (with --distributed).")
    var shards = 32

    @Option(name: .customLong("distribute-by"), help: "author or tweet: what shard_key holds.")
    var distributeBy: PGSetup.Distribution = .author

    @Flag(help: "Print the SQL init would run, and run nothing.")
    var dryRun = false

    func validate() throws {
        if shards < 1 { throw ValidationError("--shards must be 1 or more") }
        if !dryRun && !StoreLocation.isPostgres(store.path) {
            throw ValidationError("init makes PostgreSQL stores (--db postgresql://…); an SQLite store is made by its first ingest")
        }
    }

    func run() throws {
        try reportingErrors {
            let shardCount = distributed ? shards : nil
            if dryRun {
                try Console.out(PGSetup.statements(distribution: distributeBy, shards: shardCount).joined(separator: "\n"))
                return
            }
            try PGSetup.run(url: store.path, distribution: distributeBy, shards: shardCount)
            let layout = distributed ? ", distributed over \(shards) shards per table" : ""
            Console.err("created the store \(store.path) (shard_key: the \(distributeBy.rawValue)'s id\(layout))")
        }
    }
}

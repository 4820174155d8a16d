import ArgumentParser
import Foundation
import Model
import Store

struct CopyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "copy",
        abstract: "Copy an SQLite store into a PostgreSQL store, resumably.",
        discussion: """
            Every table the analyses read goes across row for row: tweets with their hashtags, mentions and URLs, accounts, delete notices, stream notices, follow edges, bad lines and the ledger of runs and files (so a later `twindex ingest --db URL` of the same files skips what was read). Every analysis then gives the same answers on the copy as on the source. The PostgreSQL store keeps no summary tables and builds its full-text column as rows arrive.

            Rows go in transactions of --batch rows, each committed with the position reached: if the copy is stopped (Ctrl-C, kill -9, a lost connection), run the same command again and it goes on from there, storing each row once. The target must be an empty database or store (make it with `twindex init --db URL` first to choose --distribute-by or --distributed), or an unfinished copy of the same source; anything else is refused. The source is locked against ingests while the copy runs; readers go on. A finished copy run again does nothing. PostgreSQL text cannot hold a NUL character (\\u0000), which SQLite keeps: such a value is copied with U+FFFD in its place, and the copy names each table, row and column on stderr (and in --json). Copying a PostgreSQL store into SQLite is not supported: ingest the source files into an SQLite store instead.

            Example:  twindex copy --from study.db --to postgresql://me@localhost/study
            """)

    @Option(help: ArgumentHelp("The SQLite store to copy.", valueName: "path"))
    var from: String

    @Option(help: ArgumentHelp("The PostgreSQL store to copy into: postgresql://USER@HOST:PORT/NAME.", valueName: "url"))
    var to: String

    @Option(help: ArgumentHelp("Source rows per transaction.", valueName: "N"))
    var batch = 50_000

    @Flag(help: "No progress on stderr.")
    var quiet = false

    @OptionGroup var output: JSONOption

    func validate() throws {
        if batch < 1 { throw ValidationError("--batch takes a number of rows of 1 or more") }
    }

    func run() throws {
        try reportingErrors {
            let started = Date()
            let terminal = Console.stderrIsTerminal
            let bar = terminal && !quiet ? ProgressBar() : nil
            // A test hook: a real SIGKILL after N commits, for the resume tests.
            let killAfter = ProcessInfo.processInfo.environment["TWINDEX_COPY_KILL_AFTER"].flatMap { Int($0) }
            var commits = 0
            let summary = try StoreCopy.run(from: from, to: to, batchRows: batch) { p in
                let line = "copying \(p.table): \(p.rows) of \(p.total) rows"
                if let bar { bar.status(line) } else if !quiet { Console.err(line) }
                commits += 1
                if let killAfter, commits >= killAfter { kill(getpid(), SIGKILL) }
            }
            bar?.finish()
            let seconds = (Date().timeIntervalSince(started) * 1000).rounded() / 1000
            NULNotice.warn(summary.nulReplacements) { "\($0.place) row \($0.line)" }
            if output.json {
                try Console.json(.object([
                    "from": .string(from), "to": .string(PGConnection.redacted(to)), "resumed": .bool(summary.resumed),
                    "already_done": .bool(summary.alreadyDone), "transactions": .int(summary.batches),
                    "rows": .object(Dictionary(uniqueKeysWithValues: summary.tables.map { ($0.name, JSONValue.int($0.rows)) })),
                    "seconds": .double(seconds), "nul_replaced": .int(summary.nulReplacements.count),
                    "nul_replacements": NULNotice.json(summary.nulReplacements, placeKey: "table", lineKey: "key", keyAsString: true),
                ]))
            } else {
                let rows = summary.tables.map { "\($0.rows) \($0.name)" }.joined(separator: ", ")
                let how = summary.alreadyDone ? "already copied, nothing to do" : summary.resumed ? "resumed and finished" : "copied"
                try Console.out("\(how): \(rows) in \(String(format: "%.1f", seconds)) s → \(PGConnection.redacted(to))")
            }
        }
    }
}

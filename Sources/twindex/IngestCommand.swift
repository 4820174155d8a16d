import Analysis
import ArgumentParser
import Foundation
import Ingest
import Load
import Model
import Store

struct IngestCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ingest",
        abstract: "Load tweets from JSONL files into the store.",
        discussion: """
            INPUT is a file (.jsonl, .json, .ndjson, each optionally .gz, .bz2, .xz or .zst), an archive (.tar, optionally compressed, or .zip) read member by member without unpacking (--member and --from/--to pick members by path and by the UTC day their path names: YYYY/MM/DD folders, or a date in the name), a directory (its such files, recursively, in path order) or - for standard input. One JSON object per line: Twitter API v1.1 (REST or streaming) or v2 responses; delete notices remove tweets for good; other stream notices are counted. Lines that cannot be read are kept aside (see `twindex bad-lines`) and the run goes on.

            Safe to run every night: a file (or archive member) already ingested and unchanged is skipped, an interrupted run resumes where it stopped, and a tweet seen twice is stored once. Only one ingest may write to a store at a time; readers keep working. A PostgreSQL store (--db postgresql://…) cannot hold a NUL character (\\u0000): it keeps U+FFFD instead and the run names each file, line and field (SQLite keeps the NUL).

            Example:  twindex ingest --db study.db /data/tweets/
            """)

    @OptionGroup var store: StoreOptions
    @OptionGroup var output: JSONOption

    @Flag(help: "Read files again even when they were ingested unchanged.")
    var force = false

    @Flag(help: "No progress bar.")
    var quiet = false

    @Option(help: ArgumentHelp("Fail the run once more than N lines could not be read.", valueName: "N"))
    var maxBadLines: Int?

    @Option(name: .customLong("member"), help: ArgumentHelp(
        "Only archive members whose path matches this shell pattern (* also matches /); repeat for several.",
        valueName: "glob"))
    var members: [String] = []

    @Option(help: ArgumentHelp("Only archive members whose path names this UTC day or a later one.", valueName: "YYYY-MM-DD"))
    var from: String?

    @Option(help: ArgumentHelp("Only archive members whose path names this UTC day or an earlier one.", valueName: "YYYY-MM-DD"))
    var to: String?

    @Argument(help: ArgumentHelp("Files, directories, or - for standard input.", valueName: "input"))
    var inputs: [String]

    func validate() throws {
        if inputs.isEmpty { throw ValidationError("give at least one INPUT (a file, a directory, or -)") }
        if let n = maxBadLines, n < 0 { throw ValidationError("--max-bad-lines takes a number of 0 or more") }
        if members.contains(where: \.isEmpty) { throw ValidationError("--member needs a pattern, such as '2013/01/23/*'") }
        _ = try memberSelection()
    }

    /// The archive members to read, from --member and --from/--to.
    private func memberSelection() throws -> MemberSelection {
        do {
            let days = try DateRange(from: from, to: to)
            return MemberSelection(patterns: members, firstDay: days.from, lastDay: days.to)
        } catch let error as AnalysisError {
            throw ValidationError(ErrorMessage.analysis(error))
        }
    }

    func run() throws {
        try reportingErrors {
            var options = StoreIngest.Options()
            options.force = force
            options.maxBadLines = maxBadLines
            options.members = try memberSelection()
            let bar = (!quiet && Console.stderrIsTerminal) ? ProgressBar() : nil
            if !quiet, let notice = MigrationNotice.text(path: store.path) { Console.err(notice) }
            let summary = try StoreIngest.run(inputs: inputs, into: store.path, options: options) { bar?.show($0) }
            bar?.finish()
            let c = summary.counts
            for problem in summary.problems { Console.err("twindex: \(problem.input): \(problem.message)") }
            if summary.stoppedForBadLines {
                Console.err("twindex: stopped: \(c.badLines) bad lines is more than --max-bad-lines \(maxBadLines ?? 0) (see `twindex bad-lines`)")
            }
            NULNotice.warn(summary.nulReplacements) { "\($0.place):\($0.line)" }
            if output.json {
                try Console.json(.object([
                    "files": .int(c.files), "files_skipped": .int(c.filesSkipped), "lines": .int(c.lines),
                    "tweets_inserted": .int(c.tweetsInserted), "duplicates": .int(c.duplicates),
                    "suppressed": .int(c.suppressed), "deleted": .int(c.deleted), "notices": .int(c.notices),
                    "bad_lines": .int(c.badLines), "seconds": .double((summary.seconds * 1000).rounded() / 1000),
                    "problems": .array(summary.problems.map { .object(["input": .string($0.input), "message": .string($0.message)]) }),
                    "nul_replaced": .int(summary.nulReplacements.count),
                    "nul_replacements": NULNotice.json(summary.nulReplacements, placeKey: "input", lineKey: "line"),
                ]))
            } else {
                let rate = summary.seconds > 0 ? Int(Double(c.tweetsInserted) / summary.seconds) : 0
                try Console.out("""
                    ingested \(c.files) file(s) (\(c.filesSkipped) skipped unchanged): \(c.lines) lines, \
                    \(c.tweetsInserted) tweets new, \(c.duplicates) duplicates, \(c.deleted) deleted, \
                    \(c.notices) notices, \(c.badLines) bad lines in \(String(format: "%.1f", summary.seconds)) s \
                    (\(rate) tweets/s) → \(store.path)
                    """)
            }
            if summary.failed { throw ExitCodeError.failure }
        }
    }
}


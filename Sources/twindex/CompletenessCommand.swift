import Analysis
import ArgumentParser
import Foundation
import Render
import Store

struct CompletenessCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "completeness",
        abstract: "Is the collection complete? Per local day or hour: tweets, limit notices, missed tweets and share; and the gaps.",
        discussion: """
            A stream's limit notice ({"limit": {"track": N, "timestamp_ms": ...}}) says N matching tweets were withheld since the connection opened. missed = the increases of N from one limit notice to the next within an input (file order), credited to the period of the later notice; an input's first notice, and one whose N dropped (a new connection), count their whole N. A notice without timestamp_ms takes the time of the last tweet before it in its input; with none before it, it is not placed (unplaced_limit_notices). missed_share = missed / (tweets + missed), empty when both are 0.

            Gaps: between the store's first and last tweet, every run of more than --min-gap consecutive local hours without a tweet: its start, its end (the start of the next hour with a tweet) and its length in hours, ISO 8601 with the zone's offset. --from/--to choose the rows' days and the gaps that overlap them (shown whole). --csv writes the rows only.

            A store ingested before twindex kept notices: the command says so on stderr; twindex ingest --force of the original files fills them in (a notice read again is kept once).

            Example:  twindex completeness --by hour --from 2013-01-23 --to 2013-01-23
                      twindex completeness --min-gap 12 --json
            """)

    @OptionGroup var store: StoreOptions
    @OptionGroup var zone: TimeZoneOption
    @OptionGroup var output: JSONOption

    @Option(help: "Rows per local day or hour.")
    var by: CompletenessResult.Period = .day

    @Option(help: ArgumentHelp("Gaps are runs of more than this many local hours without a tweet.", valueName: "hours"))
    var minGap = 6

    @Option(help: ArgumentHelp("First local day, inclusive.", valueName: "YYYY-MM-DD"))
    var from: String?

    @Option(help: ArgumentHelp("Last local day, inclusive.", valueName: "YYYY-MM-DD"))
    var to: String?

    @Flag(help: "Write CSV (RFC 4180) of the rows instead of a table.")
    var csv = false

    func validate() throws {
        if csv && output.json { throw ValidationError("choose one of --json and --csv") }
        if minGap < 0 { throw ValidationError("--min-gap must be 0 or more") }
        _ = try range()
    }

    private func range() throws -> DateRange {
        do {
            return try DateRange(from: from, to: to)
        } catch let error as AnalysisError {
            throw ValidationError(ErrorMessage.analysis(error))
        }
    }

    func run() throws {
        try reportingErrors {
            var options = Completeness.Options()
            options.timeZone = try zone.zone()
            options.period = by
            options.minGap = minGap
            options.range = try range()
            let result = try Completeness.compute(in: try Store.openForReading(path: store.path), options: options)
            if result.inputsWithoutNotices > 0 {
                Console.err("""
                    note: \(result.inputsWithoutNotices) input(s) of this store were ingested before twindex kept stream notices, \
                    so their limit notices are not counted; `twindex ingest --force` of the original files fills them in
                    """)
            }
            if output.json { return try Console.json(CompletenessExport.json(result)) }
            if csv { return try Console.write(CompletenessExport.csv(result)) }
            try Console.out(CompletenessExport.text(result, width: Terminal.width))
        }
    }
}

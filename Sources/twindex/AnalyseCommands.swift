import Analysis
import ArgumentParser
import Foundation
import Model
import Render
import Store

struct RatiosCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ratios",
        abstract: "Tabel 6: shares of tweets with hashtags, with @mentions and starting with @.",
        discussion: """
            Each share comes with a 95% Wilson interval. --baseline published compares with the study's 1% sample of all tweets (2013-01-23: \(PublishedBaseline.percentages); shares only); --baseline PATH compares with another twindex store counted by the same rules and adds a two-proportion z-test; --baseline-from/--baseline-to count only those local days of it (one month's 1% sample as the baseline of one day).

            Example:  twindex ratios --baseline published
                      twindex ratios --baseline sample-2013-01.db --baseline-from 2013-01-23 --baseline-to 2013-01-23
            """)

    @OptionGroup var analysis: AnalysisOptions

    @Option(help: ArgumentHelp("published, or the path of another twindex store.", valueName: "published|path"))
    var baseline: String?

    @Option(help: ArgumentHelp("First local day of the baseline store to count, inclusive.", valueName: "YYYY-MM-DD")) var baselineFrom: String?
    @Option(help: ArgumentHelp("Last local day of the baseline store to count, inclusive.", valueName: "YYYY-MM-DD")) var baselineTo: String?

    func validate() throws {
        _ = try baselineRange()
    }

    /// The days of the baseline store to count (`--baseline-from/--to`), worded as a usage error.
    private func baselineRange() throws -> DateRange {
        guard baselineFrom != nil || baselineTo != nil else { return DateRange() }
        guard let baseline, baseline != "published" else {
            throw ValidationError("--baseline-from/--baseline-to need --baseline PATH (a store; the published figures are of one day)")
        }
        do {
            return try DateRange(from: baselineFrom, to: baselineTo)
        } catch AnalysisError.invalidDay(let day, let bound) {
            throw ValidationError("--baseline-\(bound.rawValue) \(day) is not a date; use YYYY-MM-DD")
        } catch AnalysisError.reversedRange(let from, let to) {
            throw ValidationError("--baseline-from \(from) is after --baseline-to \(to) (of \(baseline))")
        }
    }

    func run() throws {
        try reportingErrors {
            let (db, zone, s) = try analysis.resolved()
            let base: Baseline? = baseline.map { $0 == "published" ? .published : .store(path: $0) }
            let range = try baselineRange()
            let result = try Ratios.compute(in: db, baseline: base, scope: s, baselineRange: range, timeZone: zone)
            guard analysis.json else { return try Console.out(AnalysisText.ratios(result, store: analysis.store.path)) }
            var document = AnalysisJSON.scoped(AnalysisJSON.ratios(result), s)
            if case .object(var members) = document, !range.isOpen {
                members["baseline_scope"] = AnalysisJSON.scope(Scope(range: range))
                document = .object(members)
            }
            try Console.out(document.rendered())
        }
    }
}

struct ActivityCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "activity",
        abstract: "Grafiek 12: tweets per weekday and hour (local time), the week-hour matrix, weekend share.",
        discussion: "Example:  twindex activity --from 2012-01-01 --to 2012-12-31 --tz Europe/London")

    @OptionGroup var analysis: AnalysisOptions

    func run() throws {
        try reportingErrors {
            let (db, zone, s) = try analysis.resolved()
            let result = try Activity.compute(in: db, timeZone: zone, scope: s)
            try Console.out(analysis.json ? AnalysisJSON.scoped(AnalysisJSON.activity(result), s).rendered() : AnalysisText.activity(result))
        }
    }
}

struct TimelineCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "timeline",
        abstract: "Grafiek 11: per local day, week or month, tweets, active users, located, geo-coded, and more.",
        discussion: """
            Columns: date (first day of the period), tweets, active_users (distinct authors), located (profile location or place), geocoded (coordinates), with_hashtags, with_mentions, with_links, retweets (native), replies (in_reply_to set).

            Example:  twindex timeline --by month --csv > months.csv
            """)

    @OptionGroup var analysis: AnalysisOptions

    @Option(help: "Rows per day, week or month.")
    var by: TimelineResult.Period = .day

    @Flag(help: "Write CSV (RFC 4180) instead of a table.")
    var csv = false

    func validate() throws {
        if csv && analysis.json { throw ValidationError("choose one of --json and --csv") }
    }

    func run() throws {
        try reportingErrors {
            let (db, zone, s) = try analysis.resolved()
            let result = try Timeline.compute(in: db, timeZone: zone, by: by, scope: s)
            if analysis.json { try Console.out(AnalysisJSON.scoped(AnalysisJSON.timeline(result), s).rendered()); return }
            let table = Table(columns: AnalysisJSON.timelineColumns, rows: result.rows.map(AnalysisJSON.timelineCells))
            if csv {
                try Console.write(table.csv())
            } else {
                try Console.out(table.text(width: Terminal.width))
            }
        }
    }
}

struct HashtagsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "hashtags",
        abstract: "The most frequent hashtags (normalised), with their most common spelling, tweet counts and distinct authors.",
        discussion: """
            With --by, the top N of each local day, week or month (in --tz) with their ranks: ties go to the tag first in code-point order, so ranks run 1, 2, 3 without gaps. Periods are dated by their first day (weeks start on Monday); every period from the first tweet's to the last tweet's (or --from to --to) is listed, also one without hashtags.

            Example:  twindex hashtags --by month --top 10 --from 2012-01-01 --to 2012-12-31
            """)

    @OptionGroup var analysis: AnalysisOptions

    @OptionGroup var ranking: RankingOptions

    func run() throws {
        try reportingErrors {
            let (db, zone, s) = try analysis.resolved()
            if let by = ranking.by {
                let trends = try HashtagTrends.top(in: db, by: by, limit: ranking.limit ?? Int.max, scope: s, timeZone: zone)
                if analysis.json { return try Console.json(AnalysisJSON.scoped(AnalysisJSON.periods(trends, key: "tag"), s)) }
                return try Console.out(AnalysisJSON.periodsTable(trends, key: "tag", sign: "#").text(width: Terminal.width))
            }
            let rows = try HashtagCounts.top(in: db, limit: ranking.limit, scope: s, timeZone: zone)
            let total = ranking.limit == nil ? rows.count : try HashtagCounts.distinctTags(in: db, scope: s, timeZone: zone)
            if analysis.json {
                try Console.out(AnalysisJSON.scoped(AnalysisJSON.hashtags(rows, total: total), s).rendered())
            } else {
                let table = Table(columns: ["tag", "label", "tweets", "users"],
                                  rows: rows.map { [.string("#" + $0.tag), .string("#" + $0.label), .int($0.tweets), .int($0.users)] })
                try Console.out(table.text(width: Terminal.width))
            }
            // Said after the rows are written, so that a failed write is the one line said.
            if rows.count < total { Console.err("twindex: showing \(rows.count) of \(total) hashtags (--top 0 for all)") }
        }
    }
}

enum Terminal {
    /// The width tables are fitted to. With stdout on a terminal: `$COLUMNS` when it is a
    /// positive number, else the terminal's own width (TIOCGWINSZ), else 100. Piped or
    /// redirected: `Int.max`, so nothing is cut.
    static var width: Int {
        guard Console.stdoutIsTerminal else { return Int.max }
        if let columns = ProcessInfo.processInfo.environment["COLUMNS"].flatMap(Int.init), columns > 0 { return columns }
        var size = winsize()
        if ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 { return Int(size.ws_col) }
        return 100
    }
}

import Analysis
import ArgumentParser
import Foundation
import Generate
import Graph
import Ingest
import Load
import Model
import Output
import Render
import Store

/// Options shared by `report` and `demo`.
struct ReportOptions: ParsableArguments {
    @Option(help: ArgumentHelp("Compare Tabel 6 with: published, none, or another store's path.", valueName: "published|none|path"))
    var baseline = "published"

    @Option(help: ArgumentHelp("IANA time zone for days and hours.", valueName: "zone"))
    var tz = "Europe/Amsterdam"

    @Option(help: ArgumentHelp("The year of Grafiek 12 and the activity charts (default: the last full year).", valueName: "YYYY"))
    var year: Int?

    @Option(name: .customLong("more-than"), help: ArgumentHelp("Network: tags in more than N tweets.", valueName: "N"))
    var moreThan: Int?

    @Option(help: ArgumentHelp("Network: leiden or louvain.", valueName: "algorithm"))
    var algorithm: CommunityDetection.Algorithm = .leiden

    @Option(help: ArgumentHelp("Network: runs with seeds 1..K, best modularity kept.", valueName: "K"))
    var runs = 5

    func validate() throws {
        if TimeZone(identifier: tz) == nil { throw ValidationError(ErrorMessage.analysis(.unknownTimeZone(tz))) }
        if runs < 1 { throw ValidationError("--runs must be at least 1") }
    }

    func resolved(defaultMoreThan: Int, scope: Scope = Scope()) -> ReportData.Options {
        var o = ReportData.Options()
        switch baseline {
        case "published": o.baseline = .published
        case "none": o.baseline = nil
        default: o.baseline = .store(path: baseline)
        }
        o.timeZone = TimeZone(identifier: tz) ?? o.timeZone
        o.year = year
        o.scope = scope
        o.network.moreThan = moreThan ?? defaultMoreThan
        o.network.clustering.algorithm = algorithm
        o.network.clustering.runs = runs
        return o
    }
}

struct Report: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Write one self-contained HTML page with the study's tables and figures.",
        discussion: """
            Sections: corpus summary, Tabel 6 against the baseline, Grafiek 11 (daily tweets and active accounts), Grafiek 12 (one year, weekends marked), weekday/hour bars and the week-hour heatmap, top hashtags, and the co-occurrence network (Figuur 3) with a table per community. The page needs no network: CSS and SVG are inline.

            Example:  twindex report --db study.db --year 2012 --out report.html
            """)

    @OptionGroup var store: StoreOptions
    @OptionGroup var options: ReportOptions
    @OptionGroup var scope: ScopeOptions
    @OptionGroup var output: JSONOption

    @Option(help: ArgumentHelp("Where to write the page.", valueName: "file"))
    var out = "report.html"

    func run() throws {
        try reportingErrors {
            let db = try Store.openForReading(path: store.path)
            let s = try scope.resolved()
            let page = try ReplacementFile(path: out)   // before the work: a path that cannot be written fails now
            let data = try ReportData.gather(from: db, options: options.resolved(defaultMoreThan: 100, scope: s))
            try page.commit(HTMLReport.render(data))
            if output.json {
                try Console.json(AnalysisJSON.scoped(ReportSummary.json(data, report: out), s))
            } else {
                try Console.out("report written to \(out)")
            }
        }
    }
}

struct Demo: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "From nothing to a report: ingest the bundled sample (or generate one), analyse, write the report.",
        discussion: """
            Uses corpus/sample.jsonl.gz when run from the repository, else generates the same sample. Writes DIR/twindex.db and DIR/report.html and prints a short summary. Running it again reuses the store (the sample is skipped as already ingested).
            """)

    @Option(help: ArgumentHelp("Folder for the store and the report.", valueName: "dir"))
    var out = "twindex-demo"

    @OptionGroup var options: ReportOptions
    @OptionGroup var output: JSONOption

    func run() throws {
        try reportingErrors {
            try OutputDirectory.create(out)
            var sample = "corpus/sample.jsonl.gz"
            if !FileManager.default.fileExists(atPath: sample) {
                sample = (out as NSString).appendingPathComponent("sample.jsonl")
                Console.err("corpus/sample.jsonl.gz not found here: generating the sample into \(sample)")
                var o = CorpusGenerator.Options()
                o.tweets = 10_000
                o.seed = 2013
                let output = try GenerateCorpus.lines(to: sample)
                _ = try CorpusGenerator(options: o).generate { output.write($0 + "\n"); try output.check() }
                try output.close()
            }
            let dbPath = (out as NSString).appendingPathComponent("twindex.db")
            let bar = Console.stderrIsTerminal ? ProgressBar() : nil
            let summary = try StoreIngest.run(inputs: [sample], into: dbPath) { bar?.show($0) }
            bar?.finish()
            for p in summary.problems { Console.err("twindex: \(p.input): \(p.message)") }

            let store = try Store.openForReading(path: dbPath)
            let reportPath = (out as NSString).appendingPathComponent("report.html")
            let page = try ReplacementFile(path: reportPath)
            let data = try ReportData.gather(from: store, options: options.resolved(defaultMoreThan: 30))
            try page.commit(HTMLReport.render(data))
            if output.json {
                var summary = ReportSummary.json(data, report: reportPath)
                if case .object(var members) = summary {
                    members["sample"] = .string(sample)
                    members["store"] = .string(dbPath)
                    summary = .object(members)
                }
                return try Console.json(summary)
            }

            try Console.out("twindex demo: \(sample) → \(dbPath)")
            let zone = TimeZone(identifier: data.days.timeZone) ?? .current
            let local = { (t: String?) in t.map { LocalTime.iso8601(utc: $0, in: zone) } ?? "-" }
            try Console.out("\(data.stats.tweets) tweets by \(data.stats.users) accounts, \(local(data.stats.first)) to \(local(data.stats.last))\n")
            try Console.out(AnalysisText.ratios(data.ratios, store: dbPath) + "\n")
            let a = data.yearActivity
            try Console.out("\(data.year): \(a.tweets) tweets, weekend share \(a.weekendShare.map { String(format: "%.1f%%", $0 * 100) } ?? "-")")
            let n = data.network
            try Console.out("hashtag network: \(n.nodes.count) tags in more than \(n.moreThan) tweets, \(n.communities.count) communities, Q = \(String(format: "%.3f", n.modularity))")
            let labels = Dictionary(uniqueKeysWithValues: n.nodes.map { ($0.tag, $0.label) })
            for c in n.communities.prefix(8) {
                try Console.out("  \(c.id): " + TerminalText.sanitized(c.top.prefix(6).map { "#" + (labels[$0] ?? $0) }.joined(separator: " ")))
            }
            try Console.out("\nreport: \(reportPath)")
        }
    }
}

/// The `--json` summary of `report` and `demo`: what the page shows, in numbers.
enum ReportSummary {
    static func json(_ data: ReportData, report: String) -> JSONValue {
        .object([
            "report": .string(report), "tweets": .int(data.ratios.tweets), "year": .int(data.year),
            "year_tweets": .int(data.yearActivity.tweets), "weekend_share": .optional(data.yearActivity.weekendShare),
            "stats": .object(["tweets": .int(data.stats.tweets), "users": .int(data.stats.users),
                              "first": .optional(data.stats.first), "last": .optional(data.stats.last)]),
            "ratios": AnalysisJSON.ratios(data.ratios),
            "hashtags": .int(data.network.nodes.count), "communities": .int(data.network.communities.count),
            "modularity": .double(data.network.modularity),
        ])
    }
}

import Analysis
import ArgumentParser
import Foundation
import Model
import Render
import Store

/// `--top N` and `--by day|week|month`: how many of the most frequent, and per which local
/// period (`hashtags`, `words`).
struct RankingOptions: ParsableArguments {
    @Option(help: "How many (with --by: per period); 0 for all.")
    var top = 20

    @Option(help: "The top of each local day, week or month, ranked.")
    var by: TimelineResult.Period?

    /// The number of rows asked for; nil: all (`--top 0`).
    var limit: Int? { top == 0 ? nil : top }

    func validate() throws {
        if top < 0 { throw ValidationError("--top must be 0 (all) or more") }
    }
}

struct WordsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "words",
        abstract: "The most frequent words (case and diacritics folded), counted once per tweet.",
        discussion: """
            Words are cut as the full-text index cuts them (FTS5 unicode61 remove_diacritics 2: Financiële and financiele are one word, shown in its most frequent spelling). Hashtags, mentions and URLs are left out, and so are words made only of digits and the Dutch and English stop words (the Snowball lists; --keep-stopwords keeps them). RT counts as a word: --exclude-retweets leaves native retweets out. With --by, the top N of each local day, week or month with their ranks, ties to the word first in code-point order.

            Example:  twindex words --top 30 --lang nl
                      twindex words --by month --top 10 --from 2012-01-01
            """)

    @OptionGroup var analysis: AnalysisOptions

    @OptionGroup var ranking: RankingOptions

    @Flag(help: "Count the stop words too.")
    var keepStopwords = false

    func run() throws {
        try reportingErrors {
            let (db, zone, s) = try analysis.resolved()
            if let by = ranking.by {
                let trends = try WordCounts.top(in: db, by: by, limit: ranking.limit ?? Int.max, keepStopWords: keepStopwords, scope: s,
                                                timeZone: zone)
                if analysis.json { return try Console.json(documented(AnalysisJSON.periods(trends, key: "word"), s)) }
                return try Console.out(AnalysisJSON.periodsTable(trends, key: "word").text(width: Terminal.width))
            }
            let rows = try WordCounts.top(in: db, limit: ranking.limit, keepStopWords: keepStopwords, scope: s, timeZone: zone)
            if analysis.json { return try Console.json(documented(AnalysisJSON.words(rows), s)) }
            let table = Table(columns: ["word", "label", "tweets"], rows: rows.map { [.string($0.term), .string($0.label), .int($0.tweets)] })
            try Console.out(table.text(width: Terminal.width))
        }
    }

    /// The document with the scope and whether stop words were kept.
    private func documented(_ document: JSONValue, _ s: Scope) -> JSONValue {
        guard case .object(var members) = AnalysisJSON.scoped(document, s) else { return document }
        members["keep_stopwords"] = .bool(keepStopwords)
        return .object(members)
    }
}

struct RepeatsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "repeats",
        abstract: "Identical texts: texts tweeted more than once, with their tweets and distinct accounts.",
        discussion: """
            Texts are compared after removing a leading "RT @name: " and every URL and collapsing white space (ANALYSIS.md), so a retweet and its original, or the same message with different short links, are one text; case and punctuation count. A text left empty (only a link) is not counted. Most tweets first, ties by text.

            Example:  twindex repeats --top 50 --from 2012-09-01 --to 2012-09-30
            """)

    @OptionGroup var analysis: AnalysisOptions

    @Option(help: "How many texts.")
    var top = 20

    func validate() throws {
        if top < 1 { throw ValidationError("--top must be at least 1") }
    }

    func run() throws {
        try reportingErrors {
            let (db, zone, s) = try analysis.resolved()
            let rows = try IdenticalTexts.groups(in: db, limit: top, scope: s, timeZone: zone)
            if analysis.json { return try Console.json(AnalysisJSON.scoped(AnalysisJSON.repeats(rows), s)) }
            let table = Table(columns: ["tweets", "accounts", "text"], rows: rows.map { [.int($0.tweets), .int($0.accounts), .string($0.text)] })
            try Console.out(table.text(width: Terminal.width))
        }
    }
}

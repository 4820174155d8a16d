import Analysis
import ArgumentParser
import Foundation
import Model
import Output
import Render
import Store
import Text

struct Search: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Full-text search of tweets (FTS5 syntax), with filters.",
        discussion: """
            QUERY uses SQLite FTS5 syntax: words (all must match), "a phrase", prefix*, OR, NOT, NEAR(word1 word2, 10). Matching ignores case and diacritics: financiele finds financiële.

            Shows the first 50 matches; stderr says how many matched and how many were shown. --all (or --limit 0) streams every match, in any format. Tables show times in --tz with their offset; csv, json and jsonl give created_at in UTC and created_at_local in --tz.

            Examples:
              twindex search tentenkamp --from 2012-01-01 --to 2012-12-31
              twindex search '"nieuwe werken" OR hnw' --sort newest --all --format csv > hnw.csv
            """)

    @OptionGroup var store: StoreOptions

    @Argument(help: "The search query.")
    var query: String

    @Option(help: "Only tweets with this hashtag (any spelling: #NS finds #ns).")
    var hashtag: String?

    @OptionGroup var zone: TimeZoneOption
    @OptionGroup var scope: ScopeOptions

    @Option(help: "At most this many tweets; 0 for every one.")
    var limit = 50

    @Flag(help: "Every match (the same as --limit 0).")
    var all = false

    @Option(help: "rank (best match first), newest or oldest.")
    var sort: SearchRequest.Sort = .rank

    @OptionGroup var output: FormatOption
    @OptionGroup var colors: ColorOption

    func validate() throws {
        if limit < 0 { throw ValidationError("--limit must be 0 (every match) or more") }
        if query.trimmingCharacters(in: .whitespaces).isEmpty { throw ValidationError("the search query is empty") }
    }

    func run() throws {
        try reportingErrors {
            let zone = try zone.zone(), scope = try scope.resolved()
            let db = try Store.openForReading(path: store.path)
            var request = SearchRequest(query: query)
            request.users = scope.users
            request.languages = scope.languages
            request.excludeRetweets = scope.excludeRetweets
            request.hashtag = hashtag.map(TagNormalizer.normalize)
            request.limit = all || limit == 0 ? nil : limit
            request.sort = sort
            (request.lower, request.upper) = scope.range.utcBounds(in: zone)
            let table = output.chosen == .table
            if table && colors.enabled { request.highlight = (String(TerminalText.highlightOpen), String(TerminalText.highlightClose)) }
            // New columns go last: scripts that read CSV by position keep working.
            let columns = ["id", "created_at", "screen_name", "text"] + (table ? [] : ["created_at_local"])
            let out = BufferedOutput()
            let writer = output.writer(columns: columns, to: out, highlight: colors.highlight)
            var shown = 0
            try db.search(request) { hit in
                let local = JSONValue.optional(hit.createdAt.map { LocalTime.iso8601($0, in: zone) })
                let created = table ? local : .optional(hit.createdAt.map(LocalTime.utc))
                writer.write([.string(String(hit.id)), created, .optional(hit.screenName), .string(hit.text)] + (table ? [] : [local]))
                try out.check()
                shown += 1
            }
            // Only a full page can hide more matches.
            let total = request.limit.map { shown < $0 } ?? true ? shown : try db.searchCount(request)
            // The JSON document says what it is the answer to, as the analyses' documents do.
            writer.finish(summary: ["total": .int(total), "truncated": .bool(total > shown), "query": .string(query),
                                    "hashtag": .optional(request.hashtag), "sort": .string(sort.rawValue),
                                    "scope": AnalysisJSON.scope(scope)])
            try out.flush()
            let more = total > shown ? " (--all or --limit 0 for every match)" : ""
            Console.err("\(total) matched, \(shown) shown\(more)")
            let unindexed = try db.unindexedTweetCount()
            if unindexed > 0 {
                Console.err("twindex: note: \(unindexed) stored tweets are not in the full-text index yet, so this search cannot find them; "
                    + "any `twindex ingest --db \(store.path) …` indexes them first (`- < /dev/null` as the input will do)")
            }
        }
    }
}

import Foundation
import TestSupport
import XCTest

/// The command line end to end: the built binary on the bundled sample corpus.
final class CLITests: XCTestCase {
    private static var dir: URL!
    private static var db: String!
    private static let sample = SharedPaths.packageRoot.appendingPathComponent("corpus/sample.jsonl.gz").path
    private static let sampleTruth = SharedPaths.packageRoot.appendingPathComponent("corpus/sample.truth.json")

    override class func setUp() {
        dir = try? SharedPaths.temporaryDirectory()
        db = dir.appendingPathComponent("sample.db").path
        _ = try? CLI.run(["ingest", "--db", db, "--quiet", sample])
    }

    override class func tearDown() { try? FileManager.default.removeItem(at: dir) }

    private func twindex(_ args: String...) throws -> CLI.Output { try CLI.run(args) }

    private func truth() throws -> [String: Any] {
        try JSONSerialization.jsonObject(with: Data(contentsOf: Self.sampleTruth)) as? [String: Any] ?? [:]
    }

    /// A page of hashtags says it is one: `total` is the truth's number of distinct tags,
    /// stderr says how many were shown, and `--top 0` gives every tag.
    func testHashtagsSayHowManyThereAreAndTopZeroGivesAll() throws {
        let tags = try XCTUnwrap(truth()["hashtags"] as? [[String: Any]])
        let page = try twindex("hashtags", "--db", Self.db, "--json")
        let json = try XCTUnwrap(page.json as? [String: Any])
        XCTAssertEqual((json["rows"] as? [Any])?.count, 20)
        XCTAssertEqual(json["total"] as? Int, tags.count)
        XCTAssertEqual(json["truncated"] as? Bool, true)
        XCTAssertTrue(page.stderr.contains("showing 20 of \(tags.count) hashtags"), page.stderr)
        let all = try twindex("hashtags", "--db", Self.db, "--json", "--top", "0")
        let every = try XCTUnwrap(all.json as? [String: Any])
        XCTAssertEqual(Set(((every["rows"] as? [[String: Any]]) ?? []).compactMap { $0["tag"] as? String }),
                       Set(tags.compactMap { $0["tag"] as? String }))
        XCTAssertEqual(every["truncated"] as? Bool, false)
        XCTAssertEqual(all.stderr, "")
        XCTAssertEqual(try twindex("hashtags", "--db", Self.db, "--top", "-1").status, 64)
    }

    func testIngestJSONSummaryHasTheDocumentedFields() throws {
        let db = Self.dir.appendingPathComponent("again.db").path
        let out = try twindex("ingest", "--db", db, "--json", Self.sample)
        XCTAssertEqual(out.status, 0, out.stderr)
        let json = out.json as? [String: Any] ?? [:]
        for key in ["files", "files_skipped", "lines", "tweets_inserted", "duplicates", "deleted", "notices", "bad_lines", "seconds",
                    "problems", "nul_replaced", "nul_replacements"] {
            XCTAssertNotNil(json[key], key)
        }
        XCTAssertEqual(json["nul_replaced"] as? Int, 0, "SQLite keeps NUL characters")
        let t = try truth()
        XCTAssertEqual(json["tweets_inserted"] as? Int, t["tweets"] as? Int)
        XCTAssertEqual(json["duplicates"] as? Int, t["duplicates"] as? Int)
        XCTAssertEqual(json["lines"] as? Int, t["lines"] as? Int)
        let again = try twindex("ingest", "--db", db, "--json", Self.sample)
        XCTAssertEqual((again.json as? [String: Any])?["files_skipped"] as? Int, 1)
    }

    func testStatsAndRatiosMatchTheSampleTruth() throws {
        let t = try truth()
        let stats = try twindex("stats", "--db", Self.db, "--json").json as? [String: Any] ?? [:]
        XCTAssertEqual(Set(stats.keys), ["tweets", "users", "first", "last", "duplicates", "deleted", "notices", "bad_lines", "runs", "first_local", "last_local"])   // CLI.md's, and the local times (issue 12)
        XCTAssertEqual(stats["tweets"] as? Int, t["tweets"] as? Int)
        XCTAssertEqual(stats["users"] as? Int, t["users"] as? Int)
        XCTAssertEqual(stats["first"] as? String, t["first"] as? String)
        let ratios = try twindex("ratios", "--db", Self.db, "--baseline", "published", "--json").json as? [String: Any] ?? [:]
        let rows = ratios["rows"] as? [[String: Any]] ?? []
        let counts = t["ratios"] as? [String: Int] ?? [:]
        XCTAssertEqual(rows.map { $0["name"] as? String }, ["hashtags", "mentions", "starts_with_at"])
        XCTAssertEqual(rows.map { $0["count"] as? Int }, [counts["hashtags"], counts["mentions"], counts["starts_with_at"]])
        XCTAssertEqual((rows.first?["baseline"] as? [String: Any])?["share"] as? Double, 0.1318)
        XCTAssertTrue(rows.first?["z"] is NSNull)
        for row in rows { XCTAssertEqual(Set(row.keys), ["name", "count", "share", "ci95", "baseline", "diff_pp", "ratio", "z", "p"]) }
    }

    func testRatiosAgainstTheBaselineSampleStore() throws {
        let base = Self.dir.appendingPathComponent("baseline.db").path
        try CLI.run(["ingest", "--db", base, "--quiet", SharedPaths.packageRoot.appendingPathComponent("corpus/baseline.jsonl.gz").path])
        let out = try twindex("ratios", "--db", Self.db, "--baseline", base, "--json")
        let rows = (out.json as? [String: Any])?["rows"] as? [[String: Any]] ?? []
        XCTAssertEqual(rows.count, 3)
        XCTAssertEqual((rows[0]["baseline"] as? [String: Any])?["tweets"] as? Int, 5000)
        XCTAssertGreaterThan(rows[0]["z"] as? Double ?? 0, 10)   // 34% vs 13%: far apart
        XCTAssertLessThan(rows[2]["z"] as? Double ?? 0, -10)     // 34% vs 47%
    }

    func testActivityJSONMatchesTheTruth() throws {
        let t = try truth()
        let a = try twindex("activity", "--db", Self.db, "--json").json as? [String: Any] ?? [:]
        let ta = t["activity"] as? [String: Any] ?? [:]
        XCTAssertEqual(a["weekday"] as? [Int], ta["weekday"] as? [Int])
        XCTAssertEqual(a["hour"] as? [Int], ta["hour"] as? [Int])
        XCTAssertEqual(a["week_hour"] as? [[Int]], ta["week_hour"] as? [[Int]])
        XCTAssertEqual(a["tz"] as? String, "Europe/Amsterdam")
    }

    func testTimelineCSVIsRFC4180() throws {
        let out = try twindex("timeline", "--db", Self.db, "--by", "month", "--csv")
        XCTAssertEqual(out.status, 0)
        let lines = out.stdout.components(separatedBy: "\r\n")
        XCTAssertEqual(lines.first, "date,tweets,active_users,located,geocoded,with_hashtags,with_mentions,with_links,retweets,replies")
        XCTAssertEqual(lines.last, "")
        let total = lines.dropFirst().dropLast().compactMap { Int($0.split(separator: ",")[1]) }.reduce(0, +)
        XCTAssertEqual(total, try truth()["tweets"] as? Int)
    }

    func testEverySavedQueryRunsOnTheSample() throws {
        let folder = SharedPaths.packageRoot.appendingPathComponent("queries")
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".sql") }.sorted()
        XCTAssertGreaterThanOrEqual(files.count, 8)
        for file in files {
            let path = folder.appendingPathComponent(file).path
            let text = try String(contentsOfFile: path, encoding: .utf8)
            XCTAssertTrue(text.hasPrefix("--"), "\(file) starts without a comment saying what it does")
            guard let example = text.split(separator: "\n").first(where: { $0.hasPrefix("-- example: twindex query ") }) else {
                XCTFail("\(file) has no '-- example:' line")
                continue
            }
            let words = example.split(separator: " ").map(String.init).dropFirst(5)   // after the file name
            let out = try CLI.run(["query", "--db", Self.db, path, "--format", "json"] + words)
            XCTAssertEqual(out.status, 0, "\(file): \(out.stderr)")
            let rows = (out.json as? [String: Any])?["rows"] as? [Any]
            XCTAssertFalse(rows?.isEmpty ?? true, "\(file) returned no rows on the sample")
        }
    }

    func testSearchThroughAPipeHasNoHighlightCodes() throws {
        let out = try twindex("search", "--db", Self.db, "tentenkamp", "--limit", "5")
        XCTAssertEqual(out.status, 0, out.stderr)
        XCTAssertTrue(out.stdout.contains("tentenkamp"))
        XCTAssertFalse(out.stdout.contains("\u{1B}["))
        let csv = try twindex("search", "--db", Self.db, "tentenkamp", "--limit", "3", "--format", "csv")
        XCTAssertEqual(csv.stdout.components(separatedBy: "\r\n").first, "id,created_at,screen_name,text,created_at_local")
    }

    func testErrorsAreOneLineWithTheDocumentedExitCodes() throws {
        let missing = try twindex("stats", "--db", Self.dir.appendingPathComponent("nope.db").path)
        XCTAssertEqual(missing.status, 1)
        XCTAssertTrue(missing.stderr.contains("no store at"), missing.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: Self.dir.appendingPathComponent("nope.db").path))
        let usage = try twindex("timeline", "--db", Self.db, "--by", "year")
        XCTAssertEqual(usage.status, 64)
        let fts = try twindex("search", "--db", Self.db, "\"open phrase")
        XCTAssertEqual(fts.status, 1)
        XCTAssertEqual(fts.stderr.split(separator: "\n").count, 1, fts.stderr)
        let write = try twindex("sql", "--db", Self.db, "DELETE FROM tweets")
        XCTAssertEqual(write.status, 1)
        XCTAssertTrue(write.stderr.contains("refused"))
        let param = try twindex("query", "--db", Self.db, SharedPaths.packageRoot.appendingPathComponent("queries/hashtags_of_user.sql").path)
        XCTAssertEqual(param.status, 64, "a missing parameter is a usage error")
        XCTAssertTrue(param.stderr.contains(":screen_name"), param.stderr)
    }

    func testStandardInputAndShowRaw() throws {
        let db = Self.dir.appendingPathComponent("stdin.db").path
        let line = #"{"id_str":"42","created_at":"Wed Jan 23 10:00:00 +0000 2013","text":"via stdin #test","user":{"id_str":"1","screen_name":"a"}}"#
        let out = try CLI.run(["ingest", "--db", db, "--json", "-"], stdin: Data((line + "\n").utf8))
        XCTAssertEqual((out.json as? [String: Any])?["tweets_inserted"] as? Int, 1, out.stderr)
        let show = try twindex("show", "--db", db, "42", "--json")
        XCTAssertEqual((show.json as? [String: Any])?["hashtags"] as? [String], ["test"])
        XCTAssertEqual(try twindex("show", "--db", db, "42", "--raw").status, 1)   // stdin keeps no file
        // From a gzip file, --raw reads the very line back.
        let first = try twindex("sql", "--db", Self.db, "SELECT id FROM tweets ORDER BY file_id, line LIMIT 1", "--format", "csv")
        let id = first.stdout.components(separatedBy: "\r\n")[1]
        let raw = try twindex("show", "--db", Self.db, id, "--raw")
        XCTAssertEqual(raw.status, 0, raw.stderr)
        XCTAssertTrue(raw.stdout.hasPrefix("{\"created_at\""))
        XCTAssertTrue(raw.stdout.contains("\"id_str\":\"\(id)\""))
    }

    func testEverySubcommandHasHelpAndIsInTheReadme() throws {
        let readme = try String(contentsOf: SharedPaths.packageRoot.appendingPathComponent("README.md"), encoding: .utf8)
        for command in ["ingest", "stats", "bad-lines", "show", "ratios", "activity", "timeline", "hashtags", "cooccur",
                        "search", "sql", "query", "report", "generate", "demo"] {
            let help = try twindex(command, "--help")
            XCTAssertEqual(help.status, 0, command)
            XCTAssertTrue(help.stdout.contains("USAGE: twindex \(command)"), command)
            XCTAssertTrue(readme.contains("twindex \(command)"), "README does not show `twindex \(command)`")
        }
    }
}

import Foundation
import TestSupport
import XCTest

/// The scope options on every analysis and on `report`, against counts Python's sqlite3
/// makes from the same store with its own SQL and zoneinfo's day bounds.
final class ScopeCLITests: XCTestCase {
    private static var dir: URL!
    private static var db: String!

    override class func setUp() {
        dir = try? SharedPaths.temporaryDirectory()
        let corpus = dir.appendingPathComponent("scope.jsonl").path
        _ = try? GeneratedCorpus.write(to: corpus, tweets: 4_000, users: 30, seed: 9)
        db = dir.appendingPathComponent("scope.db").path
        _ = try? CLI.run(["ingest", "--db", db, "--quiet", corpus])
    }

    override class func tearDown() { try? FileManager.default.removeItem(at: dir) }

    /// Prints: the busiest author's screen name, then tweets, tweets with hashtags, and
    /// `tag count` lines, for that author's non-retweets on local days 2010-01-01..2012-12-31.
    private static let oracle = """
        import sqlite3, sys
        from datetime import datetime
        from zoneinfo import ZoneInfo
        con = sqlite3.connect(sys.argv[1])
        zone = ZoneInfo("Europe/Amsterdam")
        lo = int(datetime(2010, 1, 1, tzinfo=zone).timestamp())
        hi = int(datetime(2013, 1, 1, tzinfo=zone).timestamp())
        (name,) = con.execute("SELECT u.screen_name FROM tweets t JOIN users u ON u.id = t.author_id GROUP BY u.id ORDER BY count(*) DESC LIMIT 1").fetchone()
        where = "t.author_id IN (SELECT id FROM users WHERE lower(screen_name) = lower(?)) AND t.retweeted_id IS NULL AND t.created_at >= ? AND t.created_at < ?"
        args = (name, lo, hi)
        tweets, tagged = con.execute(f"SELECT count(*), sum(has_hashtags) FROM tweets t WHERE {where}", args).fetchone()
        print(name.upper())
        print(tweets, tagged)
        for tag, n in con.execute(f"SELECT h.tag, count(*) FROM hashtags h JOIN tweets t ON t.id = h.tweet_id WHERE {where} GROUP BY h.tag", args):
            print(tag, n)
        """

    func testEveryAnalysisCountsOnlyItsScopeAndEchoesIt() throws {
        if let reason = ReferenceTools.unavailableReason {
            if ReferenceTools.required { XCTFail(reason) }
            throw XCTSkip(reason)
        }
        let lines = try ReferenceTools.runPython(Self.oracle, arguments: [Self.db]).split(separator: "\n").map(String.init)
        let user = lines[0]
        let totals = lines[1].split(separator: " ").compactMap { Int($0) }
        var tags: [String: Int] = [:]
        for line in lines.dropFirst(2) {
            let parts = line.split(separator: " ")
            tags[String(parts[0])] = Int(parts[1])
        }
        XCTAssertGreaterThan(totals[0], 20)
        let scope = ["--user", "@" + user, "--exclude-retweets", "--from", "2010-01-01", "--to", "2012-12-31"]
        func run(_ args: [String]) throws -> [String: Any] {
            let out = try CLI.run(args + ["--db", Self.db, "--json"] + scope)
            XCTAssertEqual(out.status, 0, "\(args): \(out.stderr)")
            let json = try XCTUnwrap(out.json as? [String: Any], args.joined(separator: " "))
            let echoed = try XCTUnwrap(json["scope"] as? [String: Any], "\(args) does not echo its scope")
            XCTAssertEqual(echoed["users"] as? [String], [user], "\(args)")
            XCTAssertEqual(echoed["exclude_retweets"] as? Bool, true)
            XCTAssertEqual(echoed["from"] as? String, "2010-01-01")
            XCTAssertEqual(echoed["to"] as? String, "2012-12-31")
            return json
        }
        let ratios = try run(["ratios"])
        XCTAssertEqual(ratios["tweets"] as? Int, totals[0])
        XCTAssertEqual((ratios["rows"] as? [[String: Any]])?.first?["count"] as? Int, totals[1])
        XCTAssertEqual(try run(["activity"])["tweets"] as? Int, totals[0])
        let timeline = try run(["timeline", "--by", "month"])["rows"] as? [[String: Any]] ?? []
        XCTAssertEqual(timeline.compactMap { $0["tweets"] as? Int }.reduce(0, +), totals[0])
        let hashtags = try run(["hashtags", "--top", "1000"])["rows"] as? [[String: Any]] ?? []
        XCTAssertEqual(Dictionary(uniqueKeysWithValues: hashtags.map { ($0["tag"] as? String ?? "", $0["tweets"] as? Int ?? 0) }), tags)
        let nodes = try run(["cooccur", "--more-than", "0"])["nodes"] as? [[String: Any]] ?? []
        for node in nodes { XCTAssertEqual(node["frequency"] as? Int, tags[node["tag"] as? String ?? ""]) }
        let report = try run(["report", "--out", Self.dir.appendingPathComponent("scoped.html").path])
        XCTAssertEqual(report["tweets"] as? Int, totals[0])
    }

    func testAReportOfAnEmptyScopeOrYearIsAnError() throws {
        let out = Self.dir.appendingPathComponent("empty.html").path
        let year = try CLI.run(["report", "--db", Self.db, "--year", "1999", "--out", out])
        XCTAssertEqual(year.status, 1)
        XCTAssertTrue(year.stderr.contains("no tweets in 1999"), year.stderr)
        let scope = try CLI.run(["report", "--db", Self.db, "--lang", "xx", "--out", out])
        XCTAssertEqual(scope.status, 1)
        XCTAssertTrue(scope.stderr.contains("no tweets in the scope (languages xx); widen --from/--to"), scope.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: out))
    }

    func testGeneratePrintsAJSONSummary() throws {
        let corpus = Self.dir.appendingPathComponent("small.jsonl").path
        let generated = try CLI.run(["generate", "--tweets", "50", "--users", "5", "--out", corpus, "--json"]).json as? [String: Any]
        XCTAssertEqual(generated?["tweets"] as? Int, 50)
        XCTAssertEqual(generated?["out"] as? String, corpus)
        XCTAssertEqual(try CLI.run(["generate", "--tweets", "5", "--json"]).status, 64)
    }

    /// Python keeps, of every tweet a whole-store search finds, those in the scope (by its own
    /// SQL and zoneinfo's day bounds); `search` with the same scope must find exactly those.
    private static let searchOracle = """
        import json, sqlite3, sys
        from datetime import datetime
        from zoneinfo import ZoneInfo
        con = sqlite3.connect(sys.argv[1])
        zone = ZoneInfo("Europe/Amsterdam")
        lo = int(datetime(2010, 1, 1, tzinfo=zone).timestamp())
        hi = int(datetime(2013, 1, 1, tzinfo=zone).timestamp())
        found = [json.loads(l)["id"] for l in open(sys.argv[2], encoding="utf-8")]
        keep = {str(i) for (i,) in con.execute(
            "SELECT t.id FROM tweets t WHERE t.author_id IN (SELECT id FROM users WHERE lower(screen_name) IN (lower(?), lower(?)))"
            " AND t.retweeted_id IS NULL AND t.created_at >= ? AND t.created_at < ?", (sys.argv[3], sys.argv[4], lo, hi))}
        print(" ".join(sorted(i for i in found if i in keep)))
        """

    func testSearchTakesTheSameScope() throws {
        if let reason = ReferenceTools.unavailableReason {
            if ReferenceTools.required { XCTFail(reason) }
            throw XCTSkip(reason)
        }
        let names = try CLI.run(["sql", "--db", Self.db, "--format", "csv",
                                 "SELECT screen_name FROM users ORDER BY id LIMIT 2"]).stdout
            .split(separator: "\r\n").dropFirst().map(String.init)
        XCTAssertEqual(names.count, 2)
        let all = try CLI.run(["search", "--db", Self.db, "de", "--all", "--format", "jsonl"])
        XCTAssertEqual(all.status, 0, all.stderr)
        let allPath = Self.dir.appendingPathComponent("search-all.jsonl").path
        try all.stdout.write(toFile: allPath, atomically: true, encoding: .utf8)
        let scoped = try CLI.run(["search", "--db", Self.db, "de", "--all", "--format", "jsonl", "--user", "@" + names[0].uppercased(),
                                  "--user", names[1], "--exclude-retweets", "--from", "2010-01-01", "--to", "2012-12-31"])
        XCTAssertEqual(scoped.status, 0, scoped.stderr)
        let got = try scoped.stdout.split(separator: "\n").map { line -> String in
            let o = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
            return try XCTUnwrap(o["id"] as? String)
        }.sorted()
        let want = try ReferenceTools.runPython(Self.searchOracle, arguments: [Self.db, allPath] + names)
            .split(whereSeparator: \.isWhitespace).map(String.init)
        XCTAssertGreaterThan(want.count, 5)
        XCTAssertEqual(got, want)
    }
}

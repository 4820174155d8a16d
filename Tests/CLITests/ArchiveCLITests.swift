import Foundation
import TestSupport
import XCTest

/// From a sample archive to Tabel 6 on the command line: `ingest --member/--from/--to` on a
/// tar of `.json.bz2` minute files, and `ratios --baseline-from/--to` on the store it makes,
/// against counts Python's sqlite3 makes with zoneinfo's day bounds.
final class ArchiveCLITests: XCTestCase {
    func testMembersPickedOnTheCommandLineAndABaselineRange() throws {
        guard ReferenceTools.unavailableReason == nil else {
            XCTAssertFalse(ReferenceTools.required, ReferenceTools.unavailableReason ?? "")
            throw XCTSkip(ReferenceTools.unavailableReason ?? "")
        }
        let dir = try SharedPaths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        func path(_ name: String) -> String { dir.appendingPathComponent(name).path }
        let corpus = path("stream.jsonl")
        _ = try GeneratedCorpus.write(to: corpus, tweets: 900, users: 20, seed: 12)
        let members = try ArchiveLayouts.pack(corpus, into: dir, linesPerMember: 100)
        let base = path("base.db")
        let picked = try CLI.run(["ingest", "--db", base, "--quiet", "--json", "--member", "*/00/0[2-4].json.bz2",
                                  "--member", "*/00/07.*", "--from", "2013-01-23", "--to", "2013-01-23", path("stream.tar")])
        XCTAssertEqual(picked.status, 0, picked.stderr)
        XCTAssertEqual((picked.json as? [String: Any])?["files"] as? Int, 4)
        let read = try CLI.run(["sql", "--db", base, "--format", "csv", "SELECT member FROM files ORDER BY id"])
        XCTAssertEqual(read.stdout.split(whereSeparator: \.isNewline).dropFirst().map(String.init),
                       [members[2], members[3], members[4], members[7]])
        let none = try CLI.run(["ingest", "--db", base, "--quiet", "--json", "--from", "2013-01-24", path("stream.tar")])
        XCTAssertEqual((none.json as? [String: Any])?["files"] as? Int, 0, "no member names the 24th")
        try CLI.run(["ingest", "--db", base, "--quiet", path("stream.tar")])

        try CLI.run(["ingest", "--db", path("study.db"), "--quiet", corpus])
        let out = try CLI.run(["ratios", "--db", path("study.db"), "--baseline", base, "--baseline-from", "2012-01-01",
                               "--baseline-to", "2012-12-31", "--json"])
        XCTAssertEqual(out.status, 0, out.stderr)
        let json = out.json as? [String: Any] ?? [:]
        let scope = json["baseline_scope"] as? [String: Any] ?? [:]
        XCTAssertEqual(scope["from"] as? String, "2012-01-01")
        XCTAssertEqual(scope["to"] as? String, "2012-12-31")
        let rows = json["rows"] as? [[String: Any]] ?? []
        let expected = try ReferenceTools.runPython("""
            import sqlite3, sys
            from datetime import datetime
            from zoneinfo import ZoneInfo
            zone = ZoneInfo("Europe/Amsterdam")
            lo, hi = (int(datetime(y, 1, 1, tzinfo=zone).timestamp()) for y in (2012, 2013))
            print(*sqlite3.connect(sys.argv[1]).execute(
                "SELECT count(*), sum(has_hashtags), sum(has_mentions) FROM tweets WHERE created_at >= ? AND created_at < ?",
                (lo, hi)).fetchone())
            """, arguments: [base]).split(separator: " ").compactMap { Int($0.trimmingCharacters(in: .whitespacesAndNewlines)) }
        XCTAssertEqual(rows.compactMap { ($0["baseline"] as? [String: Any])?["tweets"] as? Int }, Array(repeating: expected[0], count: 3))
        XCTAssertEqual(rows.prefix(2).compactMap { ($0["baseline"] as? [String: Any])?["count"] as? Int }, Array(expected[1...2]))
        XCTAssertLessThan(expected[0], 900)

        let empty = try CLI.run(["ratios", "--db", path("study.db"), "--baseline", base, "--baseline-from", "2014-01-01"])
        XCTAssertEqual(empty.status, 1)
        XCTAssertTrue(empty.stderr.contains("holds no tweets on the days asked for (from 2014-01-01)"), empty.stderr)
        let published = try CLI.run(["ratios", "--db", path("study.db"), "--baseline", "published", "--baseline-to", "2013-01-23"])
        XCTAssertNotEqual(published.status, 0)
        XCTAssertTrue(published.stderr.contains("need --baseline PATH"), published.stderr)
        let bad = try CLI.run(["ingest", "--db", base, "--from", "23-01-2013", path("stream.tar")])
        XCTAssertTrue(bad.stderr.contains("--from 23-01-2013 is not a date"), bad.stderr)
    }
}

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

    /// README's path from a downloaded monthly archive to Tabel 6 against one day, run as
    /// written on a generated archive of the same layout (three UTC days), and checked against
    /// the generator's truth: the members read are exactly the day's, and the baseline counts
    /// are the truth's hours of the UTC day, then of the local day in Europe/Amsterdam.
    func testTheReadmePathFromAMonthlyArchiveToTabel6() throws {
        let dir = try SharedPaths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        func run(_ arguments: [String]) throws -> [String: Any] {
            let out = try CLI.run(arguments + ["--json"], directory: dir)
            XCTAssertEqual(out.status, 0, "\(arguments): \(out.stderr)")
            return out.json as? [String: Any] ?? [:]
        }
        let archive = "archiveteam-twitter-stream-2013-01.tar"
        let made = try run(["generate", "--profile", "sample1pct", "--day", "2013-01-22", "--days", "3", "--tweets", "6000",
                            "--archive", "tar", "--out", archive, "--truth", "month.truth.json"])
        XCTAssertEqual(made["tweets"] as? Int, 6000)
        _ = try run(["generate", "--tweets", "2000", "--out", "study.jsonl"])
        let truth = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(contentsOf: dir.appendingPathComponent("month.truth.json"))) as? [String: Any])
        let members = try XCTUnwrap(truth["members"] as? [String])
        XCTAssertEqual(made["members"] as? Int, members.count)
        let hours = try XCTUnwrap(truth["hours"] as? [[String: Any]])
        /// The truth's tweets, hashtags, mentions and starts-with-@ of the hours from `first` (inclusive) to `last` (exclusive).
        func counts(_ first: String, _ last: String) -> [Int] {
            let picked = hours.filter { ($0["hour"] as? String ?? "") >= first && ($0["hour"] as? String ?? "") < last }
            return ["tweets", "with_hashtags", "with_mentions", "starts_with_at"].map { key in picked.reduce(0) { $0 + ($1[key] as? Int ?? 0) } }
        }
        /// The baseline's tweets and its counts of the three rows.
        func baseline(_ json: [String: Any]) -> [Int] {
            let rows = json["rows"] as? [[String: Any]] ?? []
            let cells = rows.compactMap { $0["baseline"] as? [String: Any] }
            return [cells.first?["tweets"] as? Int ?? -1] + cells.map { $0["count"] as? Int ?? -1 }
        }

        let day = try run(["ingest", "--db", "base.db", "--from", "2013-01-23", "--to", "2013-01-23", archive])
        XCTAssertEqual(day["files"] as? Int, members.filter { $0.hasPrefix("2013/01/23/") }.count)
        _ = try run(["ingest", "--db", "study.db", "study.jsonl"])
        let utc = try run(["ratios", "--db", "study.db", "--baseline", "base.db", "--baseline-from", "2013-01-23",
                           "--baseline-to", "2013-01-23", "--tz", "UTC"])
        XCTAssertEqual(baseline(utc), counts("2013-01-23T00", "2013-01-24T00"))

        let local = try run(["ingest", "--db", "base-local.db", "--from", "2013-01-22", "--to", "2013-01-23", archive])
        XCTAssertEqual(local["files"] as? Int, members.filter { $0.hasPrefix("2013/01/22/") || $0.hasPrefix("2013/01/23/") }.count)
        let amsterdam = try run(["ratios", "--db", "study.db", "--baseline", "base-local.db", "--baseline-from", "2013-01-23",
                                 "--baseline-to", "2013-01-23"])
        XCTAssertEqual(baseline(amsterdam), counts("2013-01-22T23", "2013-01-23T23"))
        XCTAssertGreaterThan(counts("2013-01-22T23", "2013-01-23T23")[0], 1000)
    }

    func testGenerateRefusesArchiveOptionsItCannotHonour() throws {
        let civil = try CLI.run(["generate", "--archive", "tar", "--out", "/dev/null"])
        XCTAssertEqual(civil.status, 64)
        XCTAssertTrue(civil.stderr.contains("--archive is for --profile sample1pct"), civil.stderr)
        let day = try CLI.run(["generate", "--profile", "sample1pct", "--day", "23-01-2013"])
        XCTAssertTrue(day.stderr.contains("--day 23-01-2013 is not a date; use YYYY-MM-DD"), day.stderr)
        let nowhere = try CLI.run(["generate", "--profile", "sample1pct", "--tweets", "10", "--archive", "zip", "--out", "/nonexistent/x.zip"])
        XCTAssertEqual(nowhere.status, 1)
        XCTAssertTrue(nowhere.stderr.contains("cannot write /nonexistent/x.zip: No such file or directory"), nowhere.stderr)
    }
}

import Foundation
import TestSupport
import XCTest

/// `twindex completeness` end to end: CLI.md's JSON document, hours with their offsets, the
/// CSV as Python's csv module reads it, usage errors, and the note on a store ingested
/// before notices were kept (Tests/Fixtures/stores/v6.db) until `ingest --force` fills them in.
final class CompletenessCLITests: XCTestCase {
    private var dir: URL!
    override func setUpWithError() throws { dir = try SharedPaths.temporaryDirectory() }
    override func tearDownWithError() throws { try? FileManager.default.removeItem(at: dir) }

    /// The DST fixture of CompletenessTests: three tweets around the night of 28 October 2012
    /// and a limit notice (track 4) at 01:45Z, in Amsterdam's second 02:00 hour.
    private func dstStore() throws -> String {
        let lines = [
            #"{"id_str":"1","created_at":"Sat Oct 27 22:30:00 +0000 2012","text":"a","user":{"id_str":"7"}}"#,
            #"{"id_str":"2","created_at":"Sun Oct 28 00:30:00 +0000 2012","text":"b","user":{"id_str":"7"}}"#,
            #"{"id_str":"3","created_at":"Sun Oct 28 01:30:00 +0000 2012","text":"c","user":{"id_str":"7"}}"#,
            #"{"limit":{"track":4,"timestamp_ms":"1351388700000"}}"#,
        ]
        let input = dir.appendingPathComponent("dst.jsonl")
        try (lines.joined(separator: "\n") + "\n").write(to: input, atomically: true, encoding: .utf8)
        let db = dir.appendingPathComponent("dst.db").path
        let out = try CLI.run(["ingest", "--quiet", "--db", db, input.path])
        XCTAssertEqual(out.status, 0, out.stderr)
        return db
    }

    func testJSONIsCLIMdsDocumentWithHoursInLocalTime() throws {
        let db = try dstStore()
        let out = try CLI.run(["completeness", "--db", db, "--by", "hour", "--json"])
        XCTAssertEqual(out.status, 0, out.stderr)
        XCTAssertEqual(out.stderr, "")
        let doc = try XCTUnwrap(out.json as? [String: Any])
        XCTAssertEqual(Set(doc.keys), ["tz", "by", "rows", "unplaced_limit_notices", "gaps"])
        XCTAssertEqual(doc["tz"] as? String, "Europe/Amsterdam")
        XCTAssertEqual(doc["by"] as? String, "hour")
        let rows = try XCTUnwrap(doc["rows"] as? [[String: Any]])
        for row in rows { XCTAssertEqual(Set(row.keys), ["period", "tweets", "limit_notices", "missed", "missed_share"]) }
        // 00:30+02:00 (22:30Z), an empty 01:00+02:00, then the two 02:00 hours.
        XCTAssertEqual(rows.map { $0["period"] as? String }, ["2012-10-28T00:00:00+02:00", "2012-10-28T01:00:00+02:00",
                                                             "2012-10-28T02:00:00+02:00", "2012-10-28T02:00:00+01:00"])
        XCTAssertEqual(rows.map { $0["tweets"] as? Int }, [1, 0, 1, 1])
        XCTAssertEqual(rows.map { $0["missed"] as? Int }, [0, 0, 0, 4])
        XCTAssertTrue(rows[1]["missed_share"] is NSNull)
        XCTAssertEqual(rows[3]["missed_share"] as? Double, 0.8)
        XCTAssertEqual(doc["unplaced_limit_notices"] as? Int, 0)
        XCTAssertEqual((doc["gaps"] as? [[String: Any]])?.count, 0)

        // One hour without a tweet is a gap when --min-gap is 0; --tz UTC names it in UTC.
        let utc = try XCTUnwrap(try CLI.run(["completeness", "--db", db, "--min-gap", "0", "--tz", "UTC", "--json"]).json as? [String: Any])
        let gaps = try XCTUnwrap(utc["gaps"] as? [[String: Any]])
        XCTAssertEqual(gaps.map { $0["start"] as? String }, ["2012-10-27T23:00:00+00:00"])
        XCTAssertEqual(gaps.map { $0["end"] as? String }, ["2012-10-28T00:00:00+00:00"])
        XCTAssertEqual(gaps.map { $0["hours"] as? Int }, [1])
        XCTAssertEqual((utc["rows"] as? [[String: Any]])?.map { $0["period"] as? String }, ["2012-10-27", "2012-10-28"])
    }

    func testCSVIsTheRowsAsPythonsCsvReadsThem() throws {
        let db = try dstStore()
        let out = try CLI.run(["completeness", "--db", db, "--csv"])
        XCTAssertEqual(out.status, 0, out.stderr)
        let read = try Subprocess.run(URL(fileURLWithPath: "/usr/bin/python3"), [
            "-c", "import csv, sys, json; print(json.dumps(list(csv.reader(sys.stdin))))",
        ], stdin: Data(out.stdout.utf8))
        let rows = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(read.stdout.utf8)) as? [[String]])
        XCTAssertEqual(rows, [["period", "tweets", "limit_notices", "missed", "missed_share"], ["2012-10-28", "3", "1", "4", "0.5714285714285714"]])
    }

    func testUsageErrors() throws {
        let db = try dstStore()
        for args in [["--json", "--csv"], ["--min-gap", "-1"], ["--by", "week"], ["--from", "2012-02-30"], ["--tz", "Mars/Olympus"]] {
            let out = try CLI.run(["completeness", "--db", db] + args)
            XCTAssertEqual(out.status, 64, "\(args): \(out.stderr)")
        }
        XCTAssertEqual(try CLI.run(["completeness", "--db", dir.appendingPathComponent("none.db").path]).status, 1)
    }

    /// v6.db holds one input read before notices were kept: the note on stderr until an
    /// `ingest --force` of that input, which fills in its three limit notices (5, 12 placed by
    /// the tweet before it, then 3 after a drop: 5 + 7 on 23 January, 3 on 24 January).
    func testAStoreIngestedBeforeNoticesWereKeptSaysSoUntilForceFillsThemIn() throws {
        let fixtures = SharedPaths.packageRoot.appendingPathComponent("Tests/Fixtures/stores")
        for name in ["v6.db", "v6-stream.jsonl"] {
            try FileManager.default.copyItem(at: fixtures.appendingPathComponent(name), to: dir.appendingPathComponent(name))
        }
        try "".write(to: dir.appendingPathComponent("empty.jsonl"), atomically: true, encoding: .utf8)
        XCTAssertEqual(try CLI.run(["ingest", "--quiet", "--db", "v6.db", "empty.jsonl"], directory: dir).status, 0)   // migrates
        let before = try CLI.run(["completeness", "--db", "v6.db", "--json"], directory: dir)
        XCTAssertEqual(before.status, 0, before.stderr)
        XCTAssertTrue(before.stderr.contains("1 input(s)"), before.stderr)
        XCTAssertTrue(before.stderr.contains("twindex ingest --force"), before.stderr)
        XCTAssertEqual(((before.json as? [String: Any])?["rows"] as? [[String: Any]])?.map { $0["missed"] as? Int }, [0, 0])

        for _ in 0..<2 {
            XCTAssertEqual(try CLI.run(["ingest", "--quiet", "--force", "--db", "v6.db", "v6-stream.jsonl"], directory: dir).status, 0)
            let after = try CLI.run(["completeness", "--db", "v6.db", "--json"], directory: dir)
            XCTAssertEqual(after.stderr, "")
            let rows = (after.json as? [String: Any])?["rows"] as? [[String: Any]]
            XCTAssertEqual(rows?.map { $0["period"] as? String }, ["2013-01-23", "2013-01-24"])
            XCTAssertEqual(rows?.map { $0["limit_notices"] as? Int }, [2, 1])
            XCTAssertEqual(rows?.map { $0["missed"] as? Int }, [12, 3])
        }
    }
}

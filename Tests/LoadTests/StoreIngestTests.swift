import Foundation
import Load
import Store
import TestSupport
import XCTest

/// `StoreIngest.run`, the one ingest entry point: what its summary says and what it records
/// of the run, against hand-counted inputs.
final class StoreIngestTests: XCTestCase {
    private var dir: URL!

    override func setUpWithError() throws { dir = try SharedPaths.temporaryDirectory() }
    override func tearDownWithError() throws { try? FileManager.default.removeItem(at: dir) }

    private var dbPath: String { dir.appendingPathComponent("store.db").path }

    private func file(_ name: String, _ lines: [String]) throws -> String {
        let url = dir.appendingPathComponent(name)
        try (lines.joined(separator: "\n") + "\n").write(to: url, atomically: true, encoding: .utf8)
        return url.path
    }

    private func tweet(_ id: Int) -> String {
        #"{"id_str":"\#(id)","created_at":"Mon Jan 07 10:00:00 +0000 2013","text":"t\#(id)","user":{"id_str":"7","screen_name":"u7"}}"#
    }

    private func runStatuses() throws -> [SQLValue] {
        try Store.openForReading(path: dbPath).query("SELECT status FROM ingest_runs ORDER BY id").rows.map { $0[0] }
    }

    func testACleanRunCountsEveryLineAndIsRecordedOK() throws {
        // 3 tweets, 1 repeated id, 1 blank line, 1 line that is not JSON: 6 lines.
        let f = try file("a.jsonl", [tweet(1), tweet(2), "", tweet(2), "not json", tweet(3)])
        var events: [String] = []
        let summary = try StoreIngest.run(inputs: [f], into: dbPath) { p in
            switch p {
            case .reading: if events.last != "reading" { events.append("reading") }
            case .buildingIndexes: events.append("indexes")
            }
        }
        XCTAssertEqual(summary.counts.files, 1)
        XCTAssertEqual(summary.counts.lines, 6)
        XCTAssertEqual(summary.counts.tweetsInserted, 3)
        XCTAssertEqual(summary.counts.duplicates, 1)
        XCTAssertEqual(summary.counts.badLines, 1)
        XCTAssertFalse(summary.failed)
        XCTAssertEqual(events, ["reading", "indexes"])
        XCTAssertEqual(try runStatuses(), [.text("ok")])
    }

    func testAMissingInputIsAProblemAndTheRunFails() throws {
        let f = try file("a.jsonl", [tweet(1)])
        let missing = dir.appendingPathComponent("missing.jsonl").path
        let summary = try StoreIngest.run(inputs: [missing, f], into: dbPath)
        XCTAssertEqual(summary.problems.map(\.input), [missing])
        XCTAssertEqual(summary.problems.first?.message, "no such file or directory")
        XCTAssertEqual(summary.counts.tweetsInserted, 1)
        XCTAssertTrue(summary.failed)
        XCTAssertEqual(try runStatuses(), [.text("failed")])
    }

    func testMaxBadLinesStopsTheRunBeforeTheNextInput() throws {
        let bad = try file("a.jsonl", ["{", "[", tweet(1)])
        let next = try file("b.jsonl", [tweet(2)])
        var options = StoreIngest.Options()
        options.maxBadLines = 1
        options.pipeline.batchLines = 1
        let summary = try StoreIngest.run(inputs: [bad, next], into: dbPath, options: options)
        XCTAssertTrue(summary.stoppedForBadLines)
        XCTAssertTrue(summary.failed)
        XCTAssertEqual(summary.counts.badLines, 2)
        XCTAssertEqual(try Store.openForReading(path: dbPath).stats().tweets, 0)
        XCTAssertEqual(try runStatuses(), [.text("failed")])
    }

    func testASecondRunSkipsTheUnchangedInputUnlessForced() throws {
        let f = try file("a.jsonl", [tweet(1), tweet(2)])
        _ = try StoreIngest.run(inputs: [f], into: dbPath)
        let again = try StoreIngest.run(inputs: [f], into: dbPath)
        XCTAssertEqual(again.counts.files, 0)
        XCTAssertEqual(again.counts.filesSkipped, 1)
        var options = StoreIngest.Options()
        options.force = true
        let forced = try StoreIngest.run(inputs: [f], into: dbPath, options: options)
        XCTAssertEqual(forced.counts.files, 1)
        XCTAssertEqual(forced.counts.duplicates, 2)
        XCTAssertEqual(try runStatuses(), [.text("ok"), .text("ok"), .text("ok")])
    }
}

import Foundation
import Store
import TestSupport
import XCTest

/// The `ingest_runs` rows: what each run counted, written inside the batches' transactions,
/// and the status of a run that never finished. Expected values are counted by hand.
final class RunLedgerTests: XCTestCase {
    private var dir: URL!

    override func setUpWithError() throws { dir = try SharedPaths.temporaryDirectory() }
    override func tearDownWithError() throws { try? FileManager.default.removeItem(at: dir) }

    private var dbPath: String { dir.appendingPathComponent("store.db").path }

    private func runs() throws -> [[SQLValue]] {
        try Store.openForReading(path: dbPath).query("""
            SELECT status, files, files_skipped, lines, tweets_inserted, duplicates, deleted, notices, bad_lines,
                   finished_at IS NOT NULL FROM ingest_runs ORDER BY id
            """).rows
    }

    func testEachRunRecordsWhatItCounted() throws {
        let tweet = { (id: Int) in
            #"{"id_str":"\#(id)","created_at":"Mon Jan 07 10:00:00 +0000 2013","text":"t","user":{"id_str":"7"}}"#
        }
        // 6 lines: 3 tweets (one twice), a delete of tweet 2, a limit notice, a broken line.
        let lines = [tweet(1), tweet(2), tweet(1), #"{"delete":{"status":{"id_str":"2","user_id_str":"7"}}}"#,
                     #"{"limit":{"track":5}}"#, "{broken"]
        let file = dir.appendingPathComponent("a.jsonl")
        try (lines.joined(separator: "\n") + "\n").write(to: file, atomically: true, encoding: .utf8)
        try TestStores.ingest([file.path], into: dbPath, batchLines: 2)
        try TestStores.ingest([file.path], into: dbPath)
        XCTAssertEqual(try runs(), [
            [.text("ok"), .integer(1), .integer(0), .integer(6), .integer(2), .integer(1), .integer(1), .integer(1), .integer(1), .integer(1)],
            [.text("ok"), .integer(0), .integer(1), .integer(0), .integer(0), .integer(0), .integer(0), .integer(0), .integer(0), .integer(1)],
        ])
    }

    func testARunThatNeverFinishedIsMarkedInterruptedByTheNext() throws {
        do { _ = try StoreWriter(path: dbPath) }   // opened, then dropped without finishRun: as if killed
        XCTAssertEqual(try runs().map { $0[0] }, [.text("running")])
        try TestStores.ingest([], into: dbPath)
        XCTAssertEqual(try runs().map { $0[0] }, [.text("interrupted"), .text("ok")])
        XCTAssertEqual(try runs().map { $0[9] }, [.integer(0), .integer(1)])
    }
}

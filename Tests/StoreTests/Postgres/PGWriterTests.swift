import Foundation
import Ingest
import Model
import TestSupport
import XCTest
@testable import Store

/// Ingest into a PostgreSQL store: a run that dies mid-file keeps its committed transactions
/// and their file position, and the next run ends with the store one run makes (and the one
/// SQLite makes of the same input); one writer at a time; readers cannot write. Skipped
/// without a test server (scripts/pg-drills.py kills a real ingest with SIGKILL).
final class PGWriterTests: XCTestCase {
    private var dir: URL!
    private var databases: [String] = []

    override func setUpWithError() throws {
        guard PostgresServer.url != nil else { throw XCTSkip(PostgresServer.skipReason) }
        dir = try SharedPaths.temporaryDirectory()
    }

    override func tearDownWithError() throws {
        databases.forEach { PostgresServer.drop($0) }
        PostgresServer.remove(nil, dir)
    }

    private func database() throws -> String {
        let url = try XCTUnwrap(try PostgresServer.freshDatabase())
        databases.append(url)
        return url
    }

    /// 3,000+ lines, transactions of 500 lines, batches of 100, as StoreWriterTests does on SQLite.
    func testInterruptedRunResumesMidFileAndEndsAsOneRun() throws {
        let corpus = dir.appendingPathComponent("big.jsonl").path
        _ = try GeneratedCorpus.write(to: corpus, tweets: 3000, users: 100, seed: 11)
        let inputs = [corpus] + Fixtures.tweetFiles.map(\.path)
        let clean = try database()
        try TestStores.ingest(inputs, into: clean, batchLines: 100)
        let sqlite = dir.appendingPathComponent("clean.db").path
        try TestStores.ingest(inputs, into: sqlite, batchLines: 100)
        XCTAssertEqual(try TestStores.fingerprint(clean), try TestStores.fingerprint(sqlite), "PostgreSQL and SQLite stores differ")
        for (failAfter, committed) in [(7, 500), (29, 2500)] {
            let url = try database()
            try crashAndResume({ try PGWriter(url: url) }, store: url, inputs: inputs, failAfter: failAfter, committed: committed, clean: clean)
        }
    }

    func testASecondWriterIsRefusedByTheAdvisoryLockAndReadersGoOn() throws {
        let url = try database()
        let first = try PGWriter(url: url)
        XCTAssertThrowsError(try PGWriter(url: url)) { error in
            XCTAssertEqual(error as? StoreError, .locked(path: url))
            XCTAssertTrue("\(error)".contains("another twindex ingest"), "\(error)")
        }
        try first.commit()
        XCTAssertEqual(try Store.openForReading(path: url).stats().tweets, 0)
        try first.finishRun(status: "ok")
        // The lock goes with the writer's connection.
        withExtendedLifetime(first) {}
    }

    func testTheLockIsFreedWhenTheWriterGoes() throws {
        let url = try database()
        do { _ = try PGWriter(url: url) }
        XCTAssertNoThrow(try PGWriter(url: url))
    }

    func testAReaderConnectionsTransactionsAreReadOnly() throws {
        let url = try database()
        try TestStores.ingest(Fixtures.tweetFiles.map(\.path), into: url)
        let store = try Store.openForReading(path: url)
        let before = try store.stats().tweets
        XCTAssertGreaterThan(before, 0)
        XCTAssertThrowsError(try store.postgres.execute("DELETE FROM tweets")) { error in
            XCTAssertEqual((error as? PostgresError)?.sqlState, "25006", "read-only transaction")
        }
        XCTAssertEqual(try Store.openForReading(path: url).stats().tweets, before)
    }
}

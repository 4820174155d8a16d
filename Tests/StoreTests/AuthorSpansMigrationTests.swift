import Foundation
import Model
import TestSupport
import XCTest
@testable import Store

/// The migrations to `author_spans` (64 UTC days to a row) and without `tweets_id_author`, run
/// on a store version 8 wrote (v8.db, with its one-row-per-day `author_days`): the days move
/// over unchanged, the old table and index go, the summaries stay current, and later runs (new tweets, deletes) keep the rows equal to
/// the tweets. The expected days are computed here from the tweets.
final class AuthorSpansMigrationTests: XCTestCase {
    private var dir: URL!
    override func setUpWithError() throws { dir = try SharedPaths.temporaryDirectory() }
    override func tearDownWithError() throws { try? FileManager.default.removeItem(at: dir) }

    private func copyOfVersionEight() throws -> String {
        let copy = dir.appendingPathComponent("v8.db").path
        try FileManager.default.copyItem(atPath: SharedPaths.packageRoot.appendingPathComponent("Tests/Fixtures/stores/v8.db").path, toPath: copy)
        return copy
    }

    func testTheDaysOfAVersionEightStoreMoveToSpansAtItsMigration() throws {
        let path = try copyOfVersionEight()
        let oldDays: Int64 = try {
            let old = try Connection(path: path, flags: 0x1)   // SQLITE_OPEN_READONLY
            XCTAssertEqual(try old.scalar("PRAGMA user_version"), 8)
            return try old.scalar("SELECT count(*) FROM author_days")
        }()
        XCTAssertGreaterThan(oldDays, 250, "the fixture's author days")
        let store = try Store.openForWriting(path: path)
        XCTAssertEqual(try store.schemaVersion(), Schema.migrations.count)
        XCTAssertEqual(try store.query("SELECT count(*) FROM sqlite_master WHERE name = 'author_days'").rows, [[.integer(0)]])
        XCTAssertEqual(try store.query("""
            SELECT name FROM sqlite_master WHERE name IN ('tweets_id_author', 'tweets_id_network', 'tweets_seq_network')
            """).rows, [[.text("tweets_seq_network")]], "the id-and-author index is dropped; the networks' index is by seq")
        XCTAssertTrue(try store.summariesAreCurrent(), "the move keeps the summaries current: no ingest needed")
        let want = try AuthorDaysOracle.fromTweets(store)
        XCTAssertEqual(Int64(want.count), oldDays)
        XCTAssertEqual(try AuthorDaysOracle.fromSpans(store), want)
        XCTAssertLessThan(try store.scalar("SELECT count(*) FROM author_spans"), oldDays / 2, "days share rows")
        XCTAssertGreaterThan(try store.scalar("SELECT count(*) FROM author_spans WHERE days & (days - 1) != 0"), 0,
                             "some rows hold more than one day")
    }

    func testLaterRunsAddAndDeleteDaysInTheMovedRows() throws {
        let path = try copyOfVersionEight()
        let before = try Store.openForWriting(path: path)
        // A tweet on an author's day that has tweets (merged into its quarters), one on a new
        // day of the same span, and deletes that empty one day and thin another.
        let rows = try before.query("""
            SELECT t.id, t.author_id, t.created_at, u.screen_name FROM tweets t JOIN users u ON u.id = t.author_id
            ORDER BY t.author_id, t.created_at
            """).rows
        func int(_ v: SQLValue) -> Int64 { if case .integer(let i) = v { return i } else { return 0 } }
        func text(_ v: SQLValue) -> String { if case .text(let s) = v { return s } else { return "" } }
        let first = try XCTUnwrap(rows.first)
        let author = int(first[1]), name = text(first[3]), created = int(first[2])
        func tweet(_ id: Int64, at epoch: Int64) -> String {
            let date = Date(timeIntervalSince1970: TimeInterval(epoch))
            let formatter = DateFormatter()
            formatter.locale = Locale(identifier: "en_US_POSIX")
            formatter.timeZone = TimeZone(identifier: "UTC")
            formatter.dateFormat = "EEE MMM dd HH:mm:ss +0000 yyyy"
            return #"{"id_str":"\#(id)","created_at":"\#(formatter.string(from: date))","text":"nieuw","user":{"id_str":"\#(author)","screen_name":"\#(name)"}}"#
        }
        let deletes = rows.dropFirst().prefix(3).map { #"{"delete":{"status":{"id_str":"\#(int($0[0]))"}}}"# }
        let lines = [tweet(9_000_001, at: created + 3 * 900), tweet(9_000_002, at: created + 86400 + 1800)] + deletes
        let counts = try TestStores.ingest(lines: lines, in: dir, into: path)
        XCTAssertEqual(counts.tweetsInserted, 2)
        XCTAssertEqual(counts.deleted, 3)
        let store = try Store.openForReading(path: path)
        XCTAssertTrue(try store.summariesAreCurrent())
        XCTAssertEqual(try store.scalar("SELECT count(*) FROM summary_stale"), 0)
        XCTAssertEqual(try AuthorDaysOracle.fromSpans(store), try AuthorDaysOracle.fromTweets(store))
    }
}

import Foundation
import Model
import TestSupport
import XCTest
@testable import Store

/// The notices migration, run on a store version 6 wrote (Tests/Fixtures/stores/v6.db): the
/// store says its input was read before notices were kept, and an `ingest --force` of that
/// input fills them in, once however often it is repeated.
final class NoticesMigrationTests: XCTestCase {
    private var dir: URL!
    private var previousDirectory = ""

    override func setUpWithError() throws {
        dir = try SharedPaths.temporaryDirectory()
        let fixtures = SharedPaths.packageRoot.appendingPathComponent("Tests/Fixtures/stores")
        for name in ["v6.db", "v6-stream.jsonl"] {
            try FileManager.default.copyItem(at: fixtures.appendingPathComponent(name), to: dir.appendingPathComponent(name))
        }
        // The input as version 6 read it: its size and modification time (the files row's
        // mtime_ns), so an ingest without --force skips it as unchanged.
        try FileManager.default.setAttributes([.modificationDate: Date(timeIntervalSince1970: 1_796_227_508.834_237_952)],
                                              ofItemAtPath: dir.appendingPathComponent("v6-stream.jsonl").path)
        // The store's files row names its input relative to the folder it was ingested in.
        previousDirectory = FileManager.default.currentDirectoryPath
        FileManager.default.changeCurrentDirectoryPath(dir.path)
    }

    override func tearDownWithError() throws {
        FileManager.default.changeCurrentDirectoryPath(previousDirectory)
        try? FileManager.default.removeItem(at: dir)
    }

    private func notices() throws -> [[SQLValue]] {
        try Store.openForReading(path: "v6.db").query("""
            SELECT kind, timestamp_ms, track, previous_tweet_at, line, "offset" FROM notices ORDER BY "offset"
            """).rows
    }

    /// The notices of v6-stream.jsonl, derived by hand: line numbers from the file, offsets
    /// the sums of the line lengths before them plus a newline each, times from the tweets'
    /// created_at (101 at 2013-01-23T09:00Z = 1358931600, 102 at 10:00Z = 1358935200).
    private func expectedNotices() throws -> [[SQLValue]] {
        let lines = try String(contentsOfFile: "v6-stream.jsonl", encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false)
        func offset(_ line: Int) -> SQLValue { .integer(Int64(lines.prefix(line - 1).reduce(0) { $0 + $1.utf8.count + 1 })) }
        return [
            [.text("limit"), .integer(1_358_932_200_000), .integer(5), .integer(1_358_931_600), .integer(2), offset(2)],
            [.text("limit"), .null, .integer(12), .integer(1_358_935_200), .integer(4), offset(4)],
            [.text("warning"), .null, .null, .integer(1_358_935_200), .integer(5), offset(5)],
            [.text("limit"), .integer(1_359_014_400_000), .integer(3), .integer(1_358_935_200), .integer(6), offset(6)],
        ]
    }

    func testVersionSixStoreSaysItsInputWasReadBeforeNoticesWereKept() throws {
        XCTAssertThrowsError(try Store.openForReading(path: "v6.db"))   // older schema: an ingest migrates it
        try "".write(toFile: "empty.jsonl", atomically: true, encoding: .utf8)
        try TestStores.ingest(["empty.jsonl"], into: "v6.db")
        let store = try Store.openForReading(path: "v6.db")
        XCTAssertEqual(try store.schemaVersion(), Schema.currentVersion)
        XCTAssertEqual(try notices(), [])
        XCTAssertEqual(try store.inputsReadBeforeNotices(), 1)
        XCTAssertEqual(try store.query("SELECT sum(notices) FROM ingest_runs").rows, [[.integer(4)]], "counted by version 6")
    }

    func testForceRerunFillsTheNoticesInOnce() throws {
        try TestStores.ingest(["v6-stream.jsonl"], into: "v6.db")   // unchanged: skipped, nothing filled in
        XCTAssertEqual(try notices(), [])
        XCTAssertEqual(try Store.openForReading(path: "v6.db").inputsReadBeforeNotices(), 1)

        let counts = try TestStores.ingest(["v6-stream.jsonl"], into: "v6.db", force: true)
        XCTAssertEqual(counts.tweetsInserted, 0)
        XCTAssertEqual(counts.duplicates, 3)
        XCTAssertEqual(try notices(), try expectedNotices())
        XCTAssertEqual(try Store.openForReading(path: "v6.db").inputsReadBeforeNotices(), 0)

        try TestStores.ingest(["v6-stream.jsonl"], into: "v6.db", force: true)
        XCTAssertEqual(try notices(), try expectedNotices(), "a second --force keeps each notice once")
        let latest = try Store.openForReading(path: "v6.db").query("""
            SELECT count(DISTINCT n.file_id), max(n.file_id) = (SELECT max(id) FROM files) FROM notices n
            """).rows
        XCTAssertEqual(latest, [[.integer(1), .integer(1)]], "the notices belong to the latest read")
    }
}

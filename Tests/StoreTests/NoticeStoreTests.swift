import Foundation
import Ingest
import Model
import Store
import TestSupport
import XCTest

/// The `notices` table: every stream notice but deletes, with its time, `track` and place;
/// placed by the last tweet before it however the input is cut into batches and resumed;
/// kept once when the input is read again.
final class NoticeStoreTests: XCTestCase {
    private var dir: URL!
    override func setUpWithError() throws { dir = try SharedPaths.temporaryDirectory() }
    override func tearDownWithError() throws { try? FileManager.default.removeItem(at: dir) }

    private func tweet(_ id: Int, at time: String) -> String {
        #"{"id_str":"\#(id)","created_at":"\#(time)","text":"t\#(id)","user":{"id_str":"7","screen_name":"u7"}}"#
    }

    /// Twelve lines: a notice before any tweet, notices between tweets (one without a
    /// timestamp), a v2 tweet without created_at (it places nothing), a warning.
    private var lines: [String] {
        [
            #"{"limit":{"track":4}}"#,
            tweet(1, at: "Mon Jan 07 10:00:00 +0000 2013"),
            #"{"limit":{"track":9,"timestamp_ms":"1357553100000"}}"#,
            tweet(2, at: "Mon Jan 07 11:00:00 +0000 2013"),
            #"{"data":{"id":"3","text":"v2 zonder tijd","author_id":"7"}}"#,
            #"{"limit":{"track":10}}"#,
            #"{"warning":{"code":"FALLING_BEHIND","message":"m","percent_full":60}}"#,
            tweet(4, at: "Mon Jan 07 12:00:00 +0000 2013"),
            tweet(5, at: "Mon Jan 07 12:30:00 +0000 2013"),
            #"{"limit":{"track":2,"timestamp_ms":1357565400000}}"#,
            tweet(6, at: "Mon Jan 07 13:00:00 +0000 2013"),
            #"{"scrub_geo":{"user_id":7,"up_to_status_id":6}}"#,
        ]
    }

    /// The rows by hand: (line, kind, timestamp_ms, track, previous tweet's created_at).
    /// 10:00Z = 1357552800, 11:00Z = 1357556400, 12:30Z = 1357561800, 13:00Z = 1357563600.
    private let expected: [[SQLValue]] = [
        [.integer(1), .text("limit"), .null, .integer(4), .null],
        [.integer(3), .text("limit"), .integer(1_357_553_100_000), .integer(9), .integer(1_357_552_800)],
        [.integer(6), .text("limit"), .null, .integer(10), .integer(1_357_556_400)],
        [.integer(7), .text("warning"), .null, .null, .integer(1_357_556_400)],
        [.integer(10), .text("limit"), .integer(1_357_565_400_000), .integer(2), .integer(1_357_561_800)],
        [.integer(12), .text("scrub_geo"), .null, .null, .integer(1_357_563_600)],
    ]

    private func write(_ lines: [String], to name: String) throws -> String {
        let path = dir.appendingPathComponent(name).path
        try (lines.joined(separator: "\n") + "\n").write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    private func rows(_ db: String) throws -> [[SQLValue]] {
        try Store.openForReading(path: db).query("""
            SELECT line, kind, timestamp_ms, track, previous_tweet_at FROM notices ORDER BY file_id, "offset"
            """).rows
    }

    func testEveryNoticeIsKeptWithItsTimeTrackAndPlaceWhateverTheBatches() throws {
        let input = try write(lines, to: "stream.jsonl")
        for batch in [1, 2, 5, 4096] {
            let db = dir.appendingPathComponent("b\(batch).db").path
            let counts = try TestStores.ingest([input], into: db, batchLines: batch)
            XCTAssertEqual(counts.notices, 6)
            XCTAssertEqual(try rows(db), expected, "batches of \(batch)")
            let offsets = try Store.openForReading(path: db).query("SELECT \"offset\" FROM notices ORDER BY \"offset\"").rows
            let starts = [1, 3, 6, 7, 10, 12].map { n in Int64(lines.prefix(n - 1).reduce(0) { $0 + $1.utf8.count + 1 }) }
            XCTAssertEqual(offsets, starts.map { [.integer($0)] })
        }
    }

    /// A run that dies after its third batch of two lines (transactions of four lines): the
    /// store keeps four lines' notices; the resumed run places the notice after line 5 by the
    /// tweet of line 4, read by the dead run, and no notice is stored twice.
    func testResumedReadPlacesNoticesByTheTweetsTheEarlierRunRead() throws {
        let input = try write(lines, to: "stream.jsonl")
        let db = dir.appendingPathComponent("crash.db").path
        try FailingTarget.crash(ingesting: [input], into: db, commitLines: 4, batchLines: 2, failAfter: 3)
        XCTAssertEqual(try rows(db), Array(expected.prefix(2)), "lines 1-4 committed")
        XCTAssertEqual(try Store.openForReading(path: db).query("SELECT lines_done, last_tweet_at FROM files").rows,
                       [[.integer(4), .integer(1_357_556_400)]])
        try TestStores.ingest([input], into: db, batchLines: 2)
        XCTAssertEqual(try rows(db), expected)
    }

    /// A file that grew since it was read (a capture appended to) is read again from its
    /// start: the notices already stored move to the new read, the new ones are added.
    func testGrownFileKeepsEachNoticeOnce() throws {
        let input = try write(Array(lines.prefix(7)), to: "stream.jsonl")
        let db = dir.appendingPathComponent("grown.db").path
        try TestStores.ingest([input], into: db)
        XCTAssertEqual(try rows(db), Array(expected.prefix(4)))
        _ = try write(lines, to: "stream.jsonl")
        try TestStores.ingest([input], into: db)
        XCTAssertEqual(try rows(db), expected)
        XCTAssertEqual(try Store.openForReading(path: db).query("SELECT DISTINCT file_id FROM notices").rows, [[.integer(2)]])
    }

    /// Two inputs with the same notice at the same place are two inputs: both are kept.
    func testTheSameNoticeInAnotherInputIsKeptToo() throws {
        let a = try write(lines, to: "a.jsonl"), b = try write(lines, to: "b.jsonl")
        let db = dir.appendingPathComponent("two.db").path
        try TestStores.ingest([a, b], into: db)
        XCTAssertEqual(try rows(db), expected + expected)
    }
}

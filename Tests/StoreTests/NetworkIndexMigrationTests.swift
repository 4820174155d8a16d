import Foundation
import Model
import TestSupport
import XCTest
@testable import Store

/// The account networks' covering index (issue 13; by tweet id from version 8, by seq from
/// version 11), on stores earlier versions wrote (v1.db: real tweets and their mentions; v6.db:
/// the version before the notices table): the index is made, covers the mention join, and
/// gives the rows the table gives.
final class NetworkIndexMigrationTests: XCTestCase {
    private var dir: URL!
    override func setUpWithError() throws { dir = try SharedPaths.temporaryDirectory() }
    override func tearDownWithError() throws { try? FileManager.default.removeItem(at: dir) }

    private let newTweet = #"{"id_str":"903","created_at":"Mon Jan 07 10:00:00 +0000 2013","text":"@Nieuw hoi","lang":"nl","user":{"id_str":"7","screen_name":"u7"},"entities":{"hashtags":[],"user_mentions":[{"screen_name":"Nieuw","id_str":"57"}],"urls":[]}}"#

    /// The mention join by tweet, with every column the index holds.
    private func join(_ hint: String) -> String {
        """
        SELECT m.tweet_id, m.screen_name, t.author_id, t.created_at, t.retweeted_id, t.lang
        FROM mentions m JOIN tweets t \(hint) ON t.seq = m.tweet_seq ORDER BY 1, 2
        """
    }

    /// A copy of fixture `name`, with `newTweet` ingested into it (which migrates it).
    private func migrated(_ name: String) throws -> Store {
        let copy = dir.appendingPathComponent(name).path
        try FileManager.default.copyItem(atPath: SharedPaths.packageRoot.appendingPathComponent("Tests/Fixtures/stores/\(name)").path, toPath: copy)
        XCTAssertThrowsError(try Store.openForReading(path: copy), "an old store is not read before it is migrated")
        let input = dir.appendingPathComponent("new-\(name).jsonl")
        try (newTweet + "\n").write(to: input, atomically: true, encoding: .utf8)
        try TestStores.ingest([input.path], into: copy)
        let store = try Store.openForReading(path: copy)
        XCTAssertEqual(try store.schemaVersion(), Schema.migrations.count)
        XCTAssertEqual(try store.query("PRAGMA integrity_check").rows, [[.text("ok")]])
        XCTAssertEqual(try store.query("SELECT name FROM pragma_index_info('tweets_seq_network') ORDER BY seqno").rows,
                       ["seq", "author_id", "created_at", "retweeted_id", "lang"].map { [.text($0)] })
        return store
    }

    func testAStoreOfVersionOneGainsTheIndexAndItCoversTheMentionJoin() throws {
        let store = try migrated("v1.db")
        func rows(_ sql: String) throws -> [[SQLValue]] { try store.query(sql).rows }
        let plan = try rows("EXPLAIN QUERY PLAN " + join("INDEXED BY tweets_seq_network")).map { $0.last ?? .null }
        XCTAssertTrue(plan.contains(.text("SEARCH t USING COVERING INDEX tweets_seq_network (seq=?)")), "\(plan)")
        let indexed = try rows(join("INDEXED BY tweets_seq_network"))
        XCTAssertEqual(Int64(indexed.count), 1 + (try store.scalar("SELECT count(*) FROM mentions WHERE tweet_id <> 903")))
        XCTAssertGreaterThan(indexed.count, 300, "version 1's mentions")
        XCTAssertEqual(indexed, try rows(join("NOT INDEXED")))
        XCTAssertTrue(indexed.contains([.integer(903), .text("Nieuw"), .integer(7), .integer(1357552800), .null, .text("nl")]))
    }

    func testAStoreOfVersionSixGainsTheIndexAfterTheNoticesTable() throws {
        let store = try migrated("v6.db")
        XCTAssertEqual(try store.query(join("INDEXED BY tweets_seq_network")).rows,
                       [[.integer(903), .text("Nieuw"), .integer(7), .integer(1357552800), .null, .text("nl")]])
        XCTAssertEqual(try store.query("SELECT count(*) FROM sqlite_master WHERE name = 'notices'").rows, [[.integer(1)]])
    }

    func testALoadIntoAnEmptyStoreBuildsTheIndexAtItsEnd() throws {
        let input = dir.appendingPathComponent("new.jsonl")
        try (newTweet + "\n").write(to: input, atomically: true, encoding: .utf8)
        let path = dir.appendingPathComponent("fresh.db").path
        try TestStores.ingest([input.path], into: path)
        let store = try Store.openForReading(path: path)
        XCTAssertEqual(try store.query("SELECT count(*) FROM sqlite_master WHERE type = 'index' AND name = 'tweets_seq_network'").rows,
                       [[.integer(1)]])
    }
}

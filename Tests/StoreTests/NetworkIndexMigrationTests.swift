import Foundation
import Model
import TestSupport
import XCTest
@testable import Store

/// The migration that adds the account networks' covering index (issue 13), run on a store
/// the version before it wrote: the index is made, covers the mention join, and gives the
/// rows the table gives.
final class NetworkIndexMigrationTests: XCTestCase {
    private var dir: URL!
    override func setUpWithError() throws { dir = try SharedPaths.temporaryDirectory() }
    override func tearDownWithError() throws { try? FileManager.default.removeItem(at: dir) }

    private let newTweet = #"{"id_str":"903","created_at":"Mon Jan 07 10:00:00 +0000 2013","text":"@Nieuw hoi","lang":"nl","user":{"id_str":"7","screen_name":"u7"},"entities":{"hashtags":[],"user_mentions":[{"screen_name":"Nieuw","id_str":"57"}],"urls":[]}}"#

    /// The mention join by tweet, with every column the index holds.
    private func join(_ hint: String) -> String {
        """
        SELECT m.tweet_id, m.screen_name, t.author_id, t.created_at, t.retweeted_id, t.lang
        FROM mentions m JOIN tweets t \(hint) ON t.id = m.tweet_id ORDER BY 1, 2
        """
    }

    func testVersionSixStoreGainsTheIndexAndItCoversTheMentionJoin() throws {
        let copy = dir.appendingPathComponent("v6-real.db").path
        try FileManager.default.copyItem(atPath: SharedPaths.packageRoot.appendingPathComponent("Tests/Fixtures/stores/v6-real.db").path, toPath: copy)
        XCTAssertThrowsError(try Store.openForReading(path: copy), "an old store is not read before it is migrated")
        let input = dir.appendingPathComponent("new.jsonl")
        try (newTweet + "\n").write(to: input, atomically: true, encoding: .utf8)
        try TestStores.ingest([input.path], into: copy)

        let store = try Store.openForReading(path: copy)
        XCTAssertEqual(try store.schemaVersion(), Schema.migrations.count)
        func rows(_ sql: String) throws -> [[SQLValue]] { try store.query(sql).rows }
        XCTAssertEqual(try rows("PRAGMA integrity_check"), [[.text("ok")]])
        XCTAssertEqual(try rows("SELECT name FROM pragma_index_info('tweets_id_network') ORDER BY seqno"),
                       ["id", "author_id", "created_at", "retweeted_id", "lang"].map { [.text($0)] })
        let plan = try rows("EXPLAIN QUERY PLAN " + join("INDEXED BY tweets_id_network")).map { $0.last ?? .null }
        XCTAssertTrue(plan.contains(.text("SEARCH t USING COVERING INDEX tweets_id_network (id=?)")), "\(plan)")
        let indexed = try rows(join("INDEXED BY tweets_id_network"))
        XCTAssertEqual(indexed.count, 350, "version 6's 349 mentions and the new one")
        XCTAssertEqual(indexed, try rows(join("NOT INDEXED")))
        XCTAssertTrue(indexed.contains([.integer(903), .text("Nieuw"), .integer(7), .integer(1357552800), .null, .text("nl")]))
    }

    func testALoadIntoAnEmptyStoreBuildsTheIndexAtItsEnd() throws {
        let input = dir.appendingPathComponent("new.jsonl")
        try (newTweet + "\n").write(to: input, atomically: true, encoding: .utf8)
        let path = dir.appendingPathComponent("fresh.db").path
        try TestStores.ingest([input.path], into: path)
        let store = try Store.openForReading(path: path)
        XCTAssertEqual(try store.query("SELECT count(*) FROM sqlite_master WHERE type = 'index' AND name = 'tweets_id_network'").rows,
                       [[.integer(1)]])
    }
}

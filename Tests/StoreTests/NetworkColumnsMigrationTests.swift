import Foundation
import Model
import TestSupport
import XCTest
@testable import Store

/// The migration that adds the retweeted and quoted authors, run on a store version 1 wrote.
final class NetworkColumnsMigrationTests: XCTestCase {
    private var dir: URL!
    override func setUpWithError() throws { dir = try SharedPaths.temporaryDirectory() }
    override func tearDownWithError() throws { try? FileManager.default.removeItem(at: dir) }

    private let v1Retweet = #"{"id_str":"901","created_at":"Mon Jan 07 10:00:00 +0000 2013","text":"RT @Orig: hi","user":{"id_str":"7","screen_name":"u7"},"retweeted_status":{"id_str":"900","text":"hi","user":{"id_str":"55","screen_name":"Orig"}},"entities":{"hashtags":[],"user_mentions":[{"screen_name":"Orig","id_str":"55"}],"urls":[]}}"#
    private let v2Quote = #"{"data":{"id":"902","author_id":"7","created_at":"2013-01-07T11:00:00.000Z","text":"look","in_reply_to_user_id":"66","referenced_tweets":[{"type":"quoted","id":"800"},{"type":"replied_to","id":"801"}]},"includes":{"users":[{"id":"7","username":"u7"},{"id":"56","username":"Quoted"},{"id":"66","username":"ReplyTo"}],"tweets":[{"id":"800","author_id":"56","text":"q"}]}}"#

    func testVersionOneStoreGainsTheAuthorColumnsAndKeepsItsTweets() throws {
        let copy = dir.appendingPathComponent("v1.db").path
        try FileManager.default.copyItem(atPath: SharedPaths.packageRoot.appendingPathComponent("Tests/Fixtures/stores/v1.db").path, toPath: copy)
        XCTAssertThrowsError(try Store.openForReading(path: copy), "an old store is not read before it is migrated")
        let input = dir.appendingPathComponent("new.jsonl")
        try (v1Retweet + "\n" + v2Quote + "\n").write(to: input, atomically: true, encoding: .utf8)
        try TestStores.ingest([input.path], into: copy)

        let store = try Store.openForReading(path: copy)
        XCTAssertEqual(try store.schemaVersion(), Schema.migrations.count)
        func rows(_ sql: String) throws -> [[SQLValue]] { try store.query(sql).rows }
        XCTAssertEqual(try rows("SELECT count(*) FROM tweets WHERE id NOT IN (901, 902)"), [[.integer(262)]], "version 1's tweets kept")
        XCTAssertEqual(try rows("SELECT count(*) FROM follows"), [[.integer(0)]], "the follows table is made")
        XCTAssertEqual(try rows("SELECT count(*) FROM tweets WHERE id NOT IN (901, 902) AND retweeted_screen_name IS NOT NULL"), [[.integer(0)]])
        XCTAssertEqual(try rows("""
            SELECT id, retweeted_user_id, retweeted_screen_name, quoted_user_id, quoted_screen_name, in_reply_to_screen_name
            FROM tweets WHERE id IN (901, 902) ORDER BY id
            """), [
                [.integer(901), .integer(55), .text("Orig"), .null, .null, .null],
                [.integer(902), .null, .null, .integer(56), .text("Quoted"), .text("ReplyTo")],
            ])
    }
}

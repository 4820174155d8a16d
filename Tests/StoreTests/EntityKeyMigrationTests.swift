import Foundation
import Model
import TestSupport
import XCTest
@testable import Store

/// The migration to entity tables keyed by their tweet's seq (version 11), run on a store
/// version 10 wrote (v10.db): every entity row moves over unchanged, the tables and the
/// networks' index are keyed in arrival order, and deletes and later tweets find their rows by
/// seq. The expected rows are the old file's own, read before it is migrated.
final class EntityKeyMigrationTests: XCTestCase {
    private var dir: URL!
    override func setUpWithError() throws { dir = try SharedPaths.temporaryDirectory() }
    override func tearDownWithError() throws { try? FileManager.default.removeItem(at: dir) }

    private static let entityRows = [
        "hashtags": "SELECT tweet_id, tag, spelling, tweet_seq FROM hashtags ORDER BY tweet_id, tag",
        "mentions": "SELECT tweet_id, screen_name, user_id, tweet_seq FROM mentions ORDER BY tweet_id, screen_name",
        "urls": "SELECT tweet_id, url, tweet_seq FROM urls ORDER BY tweet_id, url",
    ]

    /// Every row of `sql` on a plain connection (the store is not opened before it is migrated).
    private static func rows(_ connection: Connection, _ sql: String) throws -> [[SQLValue]] {
        let statement = try connection.prepare(sql)
        var out: [[SQLValue]] = []
        while try statement.step() { out.append((0..<statement.columnCount).map { statement.value($0) }) }
        return out
    }

    /// A copy of v10.db and its entity rows, read through a plain read-only connection.
    private func copyOfVersionTen() throws -> (path: String, rows: [String: [[SQLValue]]]) {
        let copy = dir.appendingPathComponent("v10.db").path
        try FileManager.default.copyItem(atPath: SharedPaths.packageRoot.appendingPathComponent("Tests/Fixtures/stores/v10.db").path,
                                         toPath: copy)
        let old = try Connection(path: copy, flags: 0x1)   // SQLITE_OPEN_READONLY
        XCTAssertEqual(try old.scalar("PRAGMA user_version"), 10)
        var rows: [String: [[SQLValue]]] = [:]
        for (table, sql) in Self.entityRows { rows[table] = try Self.rows(old, sql) }
        return (copy, rows)
    }

    /// The columns of `table`'s primary key, in key order.
    private func primaryKey(_ table: String, _ store: Store) throws -> [[SQLValue]] {
        try store.query("""
            SELECT name FROM pragma_index_info((SELECT name FROM pragma_index_list('\(table)') WHERE origin = 'pk')) ORDER BY seqno
            """).rows
    }

    func testEveryEntityRowMovesToTablesKeyedBySeq() throws {
        let (path, before) = try copyOfVersionTen()
        XCTAssertGreaterThan(before["hashtags"]?.count ?? 0, 150, "the fixture's hashtags")
        XCTAssertGreaterThan(before["mentions"]?.count ?? 0, 150, "the fixture's mentions")
        XCTAssertGreaterThan(before["urls"]?.count ?? 0, 50, "the fixture's links")
        let store = try Store.openForWriting(path: path)
        XCTAssertEqual(try store.schemaVersion(), Schema.migrations.count)
        for (table, sql) in Self.entityRows { XCTAssertEqual(try store.query(sql).rows, before[table], table) }
        XCTAssertEqual(try primaryKey("hashtags", store), [[.text("tweet_seq")], [.text("tag")]])
        XCTAssertEqual(try primaryKey("mentions", store), [[.text("tweet_seq")], [.text("screen_name")]])
        XCTAssertEqual(try primaryKey("urls", store), [[.text("tweet_seq")], [.text("url")]])
        XCTAssertEqual(try store.query("PRAGMA table_info(hashtags)").rows.map { $0[1] },
                       ["tweet_seq", "tag", "spelling", "tweet_id"].map { .text($0) }, "the key's columns first")
        XCTAssertEqual(try store.query("""
            SELECT name FROM sqlite_master WHERE type = 'index' AND name NOT LIKE 'sqlite_autoindex%' AND tbl_name IN ('hashtags', 'mentions', 'urls')
            ORDER BY name
            """).rows, [[.text("hashtags_tag")], [.text("mentions_screen_name")]], "no index by tweet_seq beside the key")
        XCTAssertEqual(try store.query("""
            SELECT name FROM sqlite_master WHERE name IN ('tweets_id_network', 'tweets_seq_network')
            """).rows, [[.text("tweets_seq_network")]])
        XCTAssertEqual(try store.query("PRAGMA integrity_check").rows, [[.text("ok")]])
        XCTAssertEqual(try store.query("PRAGMA foreign_key_check").rows, [])
        XCTAssertTrue(try store.summariesAreCurrent(), "the move keeps the summaries current")
    }

    func testDeletesAndNewTweetsUseTheSeqKeyAfterTheMigration() throws {
        let (path, before) = try copyOfVersionTen()
        // The stored tweet with the most hashtags, deleted; a new tweet with two tags.
        func int(_ v: SQLValue) -> Int64 { if case .integer(let i) = v { return i } else { return -1 } }
        let tagged = try XCTUnwrap(Dictionary(grouping: before["hashtags"] ?? [], by: { int($0[0]) }).max { $0.value.count < $1.value.count })
        let doomed = tagged.key
        let doomedTags = tagged.value.map { $0[1] }
        XCTAssertGreaterThan(doomedTags.count, 1)
        let old = try Connection(path: path, flags: 0x1)
        let spellingsBefore = try Self.rows(old, "SELECT tag, tweets FROM tag_spellings ORDER BY tag, spelling")
        let seqBefore = try old.scalar("SELECT max(seq) FROM tweets")
        let lines = [
            #"{"delete":{"status":{"id_str":"\#(doomed)"}}}"#,
            ##"{"id_str":"9000001","created_at":"Mon Jan 07 10:00:00 +0000 2013","text":"#Nieuw en #tweede","user":{"id_str":"7","screen_name":"u7"}}"##,
        ]
        let counts = try TestStores.ingest(lines: lines, in: dir, into: path)
        XCTAssertEqual(counts.tweetsInserted, 1)
        XCTAssertEqual(counts.deleted, 1)
        let store = try Store.openForReading(path: path)
        XCTAssertEqual(try store.scalar("SELECT count(*) FROM hashtags WHERE tweet_id = \(doomed)"), 0, "the deleted tweet's tags go")
        XCTAssertEqual(try store.query("SELECT tag, spelling, tweet_seq FROM hashtags WHERE tweet_id = 9000001 ORDER BY tag").rows, [
            [.text("nieuw"), .text("Nieuw"), .integer(seqBefore + 1)], [.text("tweede"), .text("tweede"), .integer(seqBefore + 1)],
        ])
        // Tag counts: the old ones, less one for each of the deleted tweet's tags, plus the new two.
        var want: [String: Int64] = [:]
        for row in spellingsBefore { if case .text(let tag) = row[0], case .integer(let n) = row[1] { want[tag, default: 0] += n } }
        for tag in doomedTags { if case .text(let t) = tag { want[t, default: 0] -= 1 } }
        want["nieuw", default: 0] += 1
        want["tweede", default: 0] += 1
        var got: [String: Int64] = [:]
        for row in try store.query("SELECT tag, tweets FROM tag_spellings").rows {
            if case .text(let tag) = row[0], case .integer(let n) = row[1] { got[tag, default: 0] += n }
        }
        XCTAssertEqual(got.filter { $0.value != 0 }, want.filter { $0.value != 0 })
        XCTAssertEqual(try store.tweet(id: 9000001)?.hashtags, ["Nieuw", "tweede"])
    }

    func testEachRowTakesItsTweetsSeqAndRowsOfNoStoredTweetGo() throws {
        let (path, before) = try copyOfVersionTen()
        func int(_ v: SQLValue) -> Int64 { if case .integer(let i) = v { return i } else { return -1 } }
        let rows = before["hashtags"] ?? []
        let first = try XCTUnwrap(rows.first), last = try XCTUnwrap(rows.last)
        XCTAssertNotEqual(int(first[0]), int(last[0]))
        // Damage a version-10 store could only get by hand: a row naming no stored tweet, and
        // a row of the first tweet with the last tweet's seq (colliding with its rows' key).
        guard case .text(let lastTag) = last[1], !lastTag.contains("'") else { return XCTFail("a plain tag") }
        let old = try Connection(path: path, flags: 0x2)   // SQLITE_OPEN_READWRITE
        try old.execute("""
            INSERT INTO hashtags (tweet_id, tag, spelling, tweet_seq) VALUES (424242, 'ghost', 'Ghost', 999999);
            INSERT INTO hashtags (tweet_id, tag, spelling, tweet_seq) VALUES (\(int(first[0])), '\(lastTag)', 'x', \(int(last[3])));
            """)
        let store = try Store.openForWriting(path: path)
        XCTAssertEqual(try store.scalar("SELECT count(*) FROM hashtags WHERE tweet_id = 424242"), 0, "no stored tweet: not carried")
        XCTAssertEqual(try store.query("SELECT tweet_seq FROM hashtags WHERE tweet_id = \(int(first[0])) AND spelling = 'x'").rows,
                       [[first[3]]], "the seq of its own tweet")
        XCTAssertEqual(try store.scalar("""
            SELECT count(*) FROM hashtags h LEFT JOIN tweets t ON t.seq = h.tweet_seq WHERE t.id IS NOT h.tweet_id
            """), 0)
        XCTAssertEqual(try store.scalar("SELECT count(*) FROM hashtags"), Int64(rows.count + 1))
    }
}

import Foundation
import Model
import TestSupport
import XCTest
@testable import Store

/// The migration that readies a store for Datasette, run in place on a store version 1
/// wrote: declared foreign keys, `tweets_view`'s text columns (hand-derived values), a
/// store SQLite still finds whole and consistent, and every table and column described.
final class DatasetteMigrationTests: XCTestCase {
    private var dir: URL!
    override func setUpWithError() throws { dir = try SharedPaths.temporaryDirectory() }
    override func tearDownWithError() throws { try? FileManager.default.removeItem(at: dir) }

    // Either side of the 2013 switch to summer time (31 March, 01:00 UTC) in Amsterdam.
    private let winter = #"{"id_str":"951","created_at":"Sun Mar 31 00:30:00 +0000 2013","text":"voor","user":{"id_str":"71","screen_name":"Ambtenaar"},"source":"<a href=\"http://tapbots.com\" rel=\"nofollow\">Tweetbot &amp; co</a>","entities":{"hashtags":[{"text":"NS"}],"user_mentions":[],"urls":[]}}"#
    private let summer = #"{"id_str":"952","created_at":"Sun Mar 31 01:30:00 +0000 2013","text":"na","user":{"id_str":"71","screen_name":"Ambtenaar"},"source":"web","entities":{"hashtags":[],"user_mentions":[],"urls":[]}}"#

    private func migratedCopy() throws -> String {
        let copy = dir.appendingPathComponent("v1.db").path
        try FileManager.default.copyItem(atPath: SharedPaths.packageRoot.appendingPathComponent("Tests/Fixtures/stores/v1.db").path, toPath: copy)
        let input = dir.appendingPathComponent("new.jsonl")
        try (winter + "\n" + summer + "\n").write(to: input, atomically: true, encoding: .utf8)
        try TestStores.ingest([input.path], into: copy)
        return copy
    }

    func testVersionOneStoreUpgradesInPlaceWithForeignKeysAndReadableTweets() throws {
        let store = try Store.openForReading(path: try migratedCopy())
        func rows(_ sql: String) throws -> [[SQLValue]] { try store.query(sql).rows }
        XCTAssertEqual(try rows("PRAGMA integrity_check"), [[.text("ok")]])
        XCTAssertEqual(try rows("PRAGMA foreign_key_check"), [])
        XCTAssertEqual(try rows("SELECT count(*) FROM tweets WHERE id NOT IN (951, 952)"), [[.integer(262)]], "version 1's tweets kept")
        for (table, column, parent, key) in [("tweets", "author", "users", "id"), ("hashtags", "tweet_seq", "tweets", "seq"),
                                             ("mentions", "tweet_seq", "tweets", "seq"), ("urls", "tweet_seq", "tweets", "seq")] {
            XCTAssertEqual(try rows("SELECT \"table\", \"from\", \"to\" FROM pragma_foreign_key_list('\(table)')"),
                           [[.text(parent), .text(column), .text(key)]], table)
        }
        XCTAssertEqual(try rows("SELECT count(*) FROM tweets WHERE author IS NOT author_id"), [[.integer(0)]])
        for table in ["hashtags", "mentions", "urls"] {
            // Filled in for version 1's rows and written by the ingest after the migration.
            XCTAssertEqual(try rows("SELECT count(*) FROM \(table) e LEFT JOIN tweets t ON t.seq = e.tweet_seq WHERE t.id IS NOT e.tweet_id"),
                           [[.integer(0)]], table)
        }
        XCTAssertEqual(try rows("SELECT count(*) FROM hashtags WHERE tweet_id NOT IN (951, 952)"), [[.integer(167)]], "version 1's hashtags kept")
        XCTAssertEqual(try rows("SELECT h.tag, t.id FROM hashtags h JOIN tweets t ON t.seq = h.tweet_seq WHERE h.tweet_id = 951"),
                       [[.text("ns"), .integer(951)]])
        XCTAssertEqual(try rows("""
            SELECT id, tweet_url, created_utc, created_local, screen_name, client FROM tweets_view WHERE id IN (951, 952) ORDER BY id
            """), [
                [.integer(951), .text("https://twitter.com/Ambtenaar/status/951"), .text("2013-03-31T00:30:00Z"),
                 .text("2013-03-31T01:30:00+01:00"), .text("Ambtenaar"), .text("Tweetbot & co")],
                [.integer(952), .text("https://twitter.com/Ambtenaar/status/952"), .text("2013-03-31T01:30:00Z"),
                 .text("2013-03-31T03:30:00+02:00"), .text("Ambtenaar"), .text("web")],
            ])
        XCTAssertEqual(try rows("SELECT count(*) FROM tweets_view"), try rows("SELECT count(*) FROM tweets"))
        XCTAssertEqual(try rows("SELECT value FROM meta WHERE key = 'local_time_zone'"), [[.text("Europe/Amsterdam")]])
    }

    /// Every table and column a store has (generated columns too) is in `StoreCatalogue`,
    /// and the catalogue names nothing a store lacks.
    func testCatalogueDescribesEveryTableAndColumn() throws {
        let store = try Store.openForReading(path: try migratedCopy())
        let tables = try store.query("""
            SELECT name FROM sqlite_master WHERE type IN ('table', 'view') AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'tweets_fts_%'
            """).rows.compactMap { row -> String? in if case .text(let s) = row[0] { s } else { nil } }
        var actual: [String: [String]] = [:]
        for t in tables {
            actual[t] = try store.query("SELECT name FROM pragma_table_xinfo('\(t)') WHERE hidden != 1").rows.compactMap {
                if case .text(let s) = $0[0] { s } else { nil }
            }
        }
        let described = Dictionary(uniqueKeysWithValues: StoreCatalogue.tables.map { ($0.name, $0.columns.map(\.name)) })
        XCTAssertEqual(Set(described.keys), Set(actual.keys))
        for (table, columns) in actual { XCTAssertEqual(described[table], columns, table) }
    }

    /// README's store section lists every table and column with the catalogue's words.
    func testReadmeStoreSectionHoldsTheCatalogue() throws {
        let readme = try String(contentsOf: SharedPaths.packageRoot.appendingPathComponent("README.md"), encoding: .utf8)
        let lines = StoreCatalogue.tables.flatMap { t in
            ["- `\(t.name)` — **\(t.title)**: \(t.description)"]
                + t.columns.map { c in "  - `\(c.name)`\(c.unit.map { " (\($0))" } ?? ""): \(c.description)" }
        }
        XCTAssertTrue(readme.contains(lines.joined(separator: "\n") + "\n"), "README.md's store section is the catalogue")
    }
}

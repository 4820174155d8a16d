import Foundation
import Model
import TestSupport
import XCTest
@testable import Store

/// The summary tables' migration, run on a store version 1 wrote: its first ingest fills them
/// for the old tweets and the new, and a delete takes a tweet out. The expected tables are
/// computed here from the tweets and hashtags with SQL of the test's own.
final class SummariesMigrationTests: XCTestCase {
    private var dir: URL!
    override func setUpWithError() throws { dir = try SharedPaths.temporaryDirectory() }
    override func tearDownWithError() throws { try? FileManager.default.removeItem(at: dir) }

    private let newTweet = ##"{"id_str":"903","created_at":"Mon Jan 07 23:59:00 +0000 2013","text":"#Een #twee #drie","user":{"id_str":"7","screen_name":"u7"},"entities":{"hashtags":[{"text":"Een"},{"text":"twee"},{"text":"drie"}],"user_mentions":[],"urls":[]}}"##

    private func copyOfVersionOne() throws -> String {
        let copy = dir.appendingPathComponent("v1.db").path
        try FileManager.default.copyItem(atPath: SharedPaths.packageRoot.appendingPathComponent("Tests/Fixtures/stores/v1.db").path, toPath: copy)
        return copy
    }

    private func ingest(_ lines: [String], into store: String, name: String) throws {
        let input = dir.appendingPathComponent(name).path
        try (lines.joined(separator: "\n") + "\n").write(toFile: input, atomically: true, encoding: .utf8)
        try TestStores.ingest([input], into: store)
    }

    /// The summary tables as they should be, from the tweets.
    private func expected(_ store: Store) throws -> [String: [[SQLValue]]] {
        return [
            "quarters": try store.query("""
                SELECT created_at / 900, count(*), sum(located), sum(longitude IS NOT NULL AND latitude IS NOT NULL),
                       sum(has_hashtags), sum(has_mentions), sum(has_urls), sum(retweeted_id IS NOT NULL),
                       sum(in_reply_to_status_id IS NOT NULL), sum(starts_with_at)
                FROM tweets WHERE created_at IS NOT NULL GROUP BY 1 ORDER BY 1
                """).rows,
            "spellings": try store.query("SELECT tag, spelling, count(*) FROM hashtags GROUP BY 1, 2 ORDER BY 1, 2").rows,
            "authors": try store.query("""
                SELECT h.tag, t.author_id, count(*) FROM hashtags h JOIN tweets t ON t.id = h.tweet_id
                WHERE t.author_id IS NOT NULL GROUP BY 1, 2 ORDER BY 1, 2
                """).rows,
            "pairs": try store.query("""
                SELECT h.tag, o.tag, count(*) FROM hashtags h JOIN hashtags o ON o.tweet_id = h.tweet_id AND o.tag > h.tag
                GROUP BY 1, 2 ORDER BY 1, 2
                """).rows,
            "days": try AuthorDaysOracle.fromTweets(store).map { $0.map(SQLValue.integer) },
        ]
    }

    private func stored(_ store: Store) throws -> [String: [[SQLValue]]] {
        [
            "quarters": try store.query("SELECT * FROM tweet_quarters WHERE tweets > 0 ORDER BY quarter").rows,
            "spellings": try store.query("SELECT * FROM tag_spellings WHERE tweets > 0 ORDER BY tag, spelling").rows,
            "authors": try store.query("SELECT * FROM tag_authors WHERE tweets > 0 ORDER BY tag, author_id").rows,
            "pairs": try store.query("SELECT * FROM tag_pairs WHERE tweets > 0 ORDER BY a, b").rows,
            "days": try AuthorDaysOracle.fromSpans(store).map { $0.map(SQLValue.integer) },
        ]
    }

    func testVersionOneStoreGetsItsSummariesFilledAtItsFirstIngest() throws {
        let path = try copyOfVersionOne()
        try ingest([newTweet], into: path, name: "new.jsonl")
        let store = try Store.openForReading(path: path)
        XCTAssertTrue(try store.summariesAreCurrent())
        XCTAssertEqual(try store.query("SELECT sum(tweets) FROM tweet_quarters").rows, [[.integer(263)]], "262 old tweets + 1")
        XCTAssertEqual(try store.query("SELECT count(*) FROM tag_pairs WHERE a = 'drie'").rows, [[.integer(2)]])
        let want = try expected(store), got = try stored(store)
        for table in want.keys.sorted() { XCTAssertEqual(got[table], want[table], table) }
    }

    func testDeletesAndLaterRunsKeepTheSummariesEqualToTheTweets() throws {
        let path = try copyOfVersionOne()
        try ingest([newTweet], into: path, name: "new.jsonl")
        // Delete the new tweet and two old ones with hashtags, and add one more in the same run.
        let old = try Store.openForReading(path: path).query(
            "SELECT t.id FROM tweets t WHERE t.id IN (SELECT tweet_id FROM hashtags) AND t.id != 903 ORDER BY t.id LIMIT 2").rows
        let ids: [Int64] = old.compactMap { row -> Int64? in if case .integer(let i) = row[0] { return i } else { return nil } } + [903]
        let deletes = ids.map { #"{"delete":{"status":{"id_str":"\#($0)","user_id_str":"1"}}}"# }
        let another = newTweet.replacingOccurrences(of: "\"903\"", with: "\"904\"").replacingOccurrences(of: "23:59", with: "00:01")
        try ingest(deletes + [another], into: path, name: "deletes.jsonl")
        let store = try Store.openForReading(path: path)
        XCTAssertTrue(try store.summariesAreCurrent())
        XCTAssertEqual(try store.query("SELECT count(*) FROM tweets WHERE id IN (\(ids.map { String($0) }.joined(separator: ",")))").rows,
                       [[.integer(0)]])
        XCTAssertEqual(try store.query("SELECT count(*) FROM summary_stale").rows, [[.integer(0)]])
        let want = try expected(store), got = try stored(store)
        for table in want.keys.sorted() { XCTAssertEqual(got[table], want[table], table) }
    }
}

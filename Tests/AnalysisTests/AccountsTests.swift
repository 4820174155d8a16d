import Foundation
import Store
import TestSupport
import XCTest
@testable import Analysis

/// The per-account table and the hashtags' distinct authors on a hand-made corpus; every
/// expected value is derived by hand in the comments.
final class AccountsTests: XCTestCase {
    private var dir: URL!
    override func setUpWithError() throws { dir = try SharedPaths.temporaryDirectory() }
    override func tearDownWithError() throws { try? FileManager.default.removeItem(at: dir) }

    private func tweet(_ id: Int, _ user: Int, _ name: String, minute: Int, _ text: String, tags: [String] = [],
                       mentions: [String] = [], extra: String = "", followers: Int = 10) -> String {
        let h = tags.map { #"{"text":"\#($0)"}"# }.joined(separator: ",")
        let m = mentions.map { #"{"screen_name":"\#($0)"}"# }.joined(separator: ",")
        return #"{"id_str":"\#(id)","created_at":"Mon Jan 07 10:\#(String(format: "%02d", minute)):00 +0000 2013","text":"\#(text)","user":{"id_str":"\#(user)","screen_name":"\#(name)","followers_count":\#(followers),"friends_count":\#(followers / 2)},"entities":{"hashtags":[\#(h)],"user_mentions":[\#(m)],"urls":[]}\#(extra)}"#
    }

    /// A: t1 "#x @B", t2 a reply starting "@B", t3 a retweet of B ("RT @B: #y");
    /// B: t4 "@A #x #X", t5 mentions itself; C: t6 "@a" (lower case).
    private func store() throws -> Store {
        let lines = [
            tweet(1, 1, "A", minute: 1, "#x @B hi", tags: ["x"], mentions: ["B"], followers: 30),
            tweet(2, 1, "A", minute: 2, "@B thanks", mentions: ["B"], extra: #","in_reply_to_status_id_str":"4","in_reply_to_screen_name":"B""#, followers: 31),
            tweet(3, 1, "A", minute: 3, "RT @B: #y", tags: ["y"], mentions: ["B"], extra: ##","retweeted_status":{"id_str":"99","text":"#y","user":{"id_str":"2","screen_name":"B"}}"##, followers: 32),
            tweet(4, 2, "B", minute: 4, "@A #x #X", tags: ["x", "X"], mentions: ["A"], followers: 20),
            tweet(5, 2, "B", minute: 5, "hello @B", mentions: ["B"], followers: 20),
            tweet(6, 3, "C", minute: 6, "@a lower", mentions: ["a"], followers: 5),
        ]
        let path = dir.appendingPathComponent("a.jsonl").path
        try (lines.joined(separator: "\n") + "\n").write(toFile: path, atomically: true, encoding: .utf8)
        try TestStores.ingest([path], into: path + ".db")
        return try Store.openForReading(path: path + ".db")
    }

    func testEveryFigureOfEveryAccount() throws {
        let rows = try Accounts.compute(in: try store())
        XCTAssertEqual(rows.map(\.screenName), ["A", "B", "C"])
        let figures = rows.map { [$0.tweets, $0.withHashtags, $0.withMentions, $0.startsWithAt, $0.replies, $0.retweets,
                                  $0.hashtags, $0.mentionsReceived, $0.mentionedBy, $0.followers ?? -1, $0.friends ?? -1] }
        // A: received t4 (B) and t6 (C); B: t1 and t2 by A (t3 is a retweet, t5 its own).
        XCTAssertEqual(figures, [[3, 2, 3, 1, 1, 1, 2, 2, 2, 32, 16],
                                 [2, 1, 2, 1, 0, 0, 1, 2, 1, 20, 10],
                                 [1, 0, 1, 1, 0, 0, 0, 0, 0, 5, 2]])
        XCTAssertEqual(rows[0].firstUTC, "2013-01-07T10:01:00Z")
        XCTAssertEqual(rows[0].lastUTC, "2013-01-07T10:03:00Z")
        XCTAssertEqual(rows[0].share(rows[0].withHashtags), 2.0 / 3, accuracy: 1e-15)
    }

    func testSortsAndLimit() throws {
        let s = try store()
        XCTAssertEqual(try Accounts.compute(in: s, sort: .mentionsReceived).map(\.screenName), ["A", "B", "C"], "2, 2 (by name), 0")
        XCTAssertEqual(try Accounts.compute(in: s, sort: .followers, limit: 2).map(\.screenName), ["A", "B"])
    }

    func testHashtagRowsCarryDistinctAuthors() throws {
        let rows = try HashtagCounts.top(in: try store())
        XCTAssertEqual(rows.map(\.tag), ["x", "y"])
        XCTAssertEqual(rows.map(\.tweets), [2, 1])
        XCTAssertEqual(rows.map(\.users), [2, 1])
    }
}

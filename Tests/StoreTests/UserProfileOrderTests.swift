import Foundation
import TestSupport
import XCTest
@testable import Store

/// An account's row is the profile of its newest tweet, seen at that tweet's time, whatever
/// order the tweets come in and however they are split into runs (a resumed ingest, an archive
/// read in directory order). Expected values are the fixtures' own, by hand.
final class UserProfileOrderTests: XCTestCase {
    private var dir: URL!
    override func setUpWithError() throws { dir = try SharedPaths.temporaryDirectory() }
    override func tearDownWithError() throws { try? FileManager.default.removeItem(at: dir) }

    /// A tweet of account 7 on 2013-01-`day` at 12:00 UTC (`weekday` its name), with
    /// `followers` in its profile.
    private func tweet(_ id: Int, day: Int, weekday: String, followers: Int) -> String {
        #"{"id_str":"\#(id)","created_at":"\#(weekday) Jan \#(String(format: "%02d", day)) 12:00:00 +0000 2013","text":"t","user":{"id_str":"7","screen_name":"u7","followers_count":\#(followers)}}"#
    }

    private func file(_ name: String, _ lines: String...) throws -> String {
        let path = dir.appendingPathComponent(name).path
        try (lines.joined(separator: "\n") + "\n").write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    /// (followers_count, profile_seen_at) of account 7 after the runs, each a list of files.
    private func row(_ runs: [[String]]) throws -> [SQLValue] {
        let db = dir.appendingPathComponent("\(UUID().uuidString).db").path
        for run in runs { try TestStores.ingest(run, into: db) }
        return try Store.openForReading(path: db).query("SELECT followers_count, profile_seen_at FROM users WHERE id = 7").rows.first ?? []
    }

    func testTheNewestTweetsProfileWinsInAnyOrderAndAnyRuns() throws {
        // The same profile (10 followers) on the 7th and the 8th: seen on the 8th, 12:00 UTC.
        let old = try file("old.jsonl", tweet(1, day: 7, weekday: "Mon", followers: 10))
        let mid = try file("mid.jsonl", tweet(2, day: 8, weekday: "Tue", followers: 10))
        let eighth: [SQLValue] = [.integer(10), .integer(1_357_646_400)]
        XCTAssertEqual(try row([[old, mid]]), eighth, "one run")
        XCTAssertEqual(try row([[old], [mid]]), eighth, "two runs")
        XCTAssertEqual(try row([[mid, old]]), eighth, "newest first")
        // Profiles A (10), B (20), A (10) on the 7th, 8th and 9th: A, seen on the 9th.
        let a1 = try file("a1.jsonl", tweet(3, day: 7, weekday: "Mon", followers: 10))
        let b = try file("b.jsonl", tweet(4, day: 8, weekday: "Tue", followers: 20))
        let a2 = try file("a2.jsonl", tweet(5, day: 9, weekday: "Wed", followers: 10))
        let ninth: [SQLValue] = [.integer(10), .integer(1_357_732_800)]
        for order in [[a1, b, a2], [a2, b, a1], [b, a1, a2], [a2, a1, b]] {
            XCTAssertEqual(try row([order]), ninth, "\(order.map { URL(fileURLWithPath: $0).lastPathComponent })")
            XCTAssertEqual(try row(order.map { [$0] }), ninth, "one run each")
        }
    }
}

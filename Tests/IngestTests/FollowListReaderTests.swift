import Foundation
import Model
import TestSupport
import XCTest
@testable import Ingest

/// Follow edge lists and twarc2 following/followers output, with hand-written expectations.
final class FollowListReaderTests: XCTestCase {
    private var dir: URL!
    override func setUpWithError() throws { dir = try SharedPaths.temporaryDirectory() }
    override func tearDownWithError() throws { try? FileManager.default.removeItem(at: dir) }

    private func read(_ name: String, _ text: String) throws -> FollowListReader.Contents {
        let path = dir.appendingPathComponent(name).path
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return try FollowListReader.read(path: path)
    }

    func testCSVByNameAndIdWithQuotesAndBadLines() throws {
        let c = try read("e.csv", """
            weight,Source,TARGET
            1,@Jan_Min0,rijksoverheid
            1,"12345","anne_bzk3"

            1,,piet
            1,only
            1,jan,"two words"
            1,"a""b",x

            """)
        XCTAssertEqual(c.edges, [
            FollowEdge(sourceName: "Jan_Min0", targetName: "rijksoverheid", line: 2),
            FollowEdge(sourceID: 12345, targetName: "anne_bzk3", line: 3),
        ])
        XCTAssertEqual(c.badLines.map(\.line), [5, 6, 7, 8])
        XCTAssertEqual(c.badLines.map(\.error), [
            "source is empty", "2 field(s), the header names 3 or more",
            "target \"two words\" is neither a screen name nor a user id",
            "source \"a\"b\" is neither a screen name nor a user id",
        ])
        XCTAssertEqual(c.lines, 8)
    }

    func testTSVAndAHeaderWithoutTheColumns() throws {
        XCTAssertEqual(try read("e.tsv", "source\ttarget\nalice\tbob\n").edges, [FollowEdge(sourceName: "alice", targetName: "bob", line: 2)])
        let bad = try read("h.csv", "from,to\na,b\n")
        XCTAssertEqual(bad.badLines.first?.error, "header must name the columns source and target (follower, followed)")
        XCTAssertTrue(bad.edges.isEmpty)
    }

    func testTwarcFollowingAndFollowersPagesAndFlattenedUsers() throws {
        let c = try read("t.jsonl", """
            {"data":[{"id":"2","username":"Bob"},{"id":"3","username":"carol"}],"meta":{"result_count":2},"__twarc":{"url":"https://api.twitter.com/2/users/1/following?max_results=1000&user.fields=id","version":"2.10.4"}}
            {"data":[{"id":"4","username":"dave"}],"__twarc":{"url":"https://api.twitter.com/2/users/1/followers?max_results=1000"}}
            {"id":"5","username":"erin","__twarc":{"url":"https://api.twitter.com/2/users/9/following"}}
            {"data":[{"id":"6","username":"frank"}],"__twarc":{"url":"https://api.twitter.com/2/tweets/search/recent"}}
            {"errors":[{"detail":"Not Found"}],"__twarc":{"url":"https://api.twitter.com/2/users/7/followers"}}
            not json

            """)
        XCTAssertEqual(c.edges, [
            FollowEdge(sourceID: 1, targetID: 2, targetName: "Bob", line: 1),
            FollowEdge(sourceID: 1, targetID: 3, targetName: "carol", line: 1),
            FollowEdge(sourceID: 4, sourceName: "dave", targetID: 1, line: 2),
            FollowEdge(sourceID: 9, targetID: 5, targetName: "erin", line: 3),
        ])
        XCTAssertEqual(c.badLines.map(\.line), [4, 6])
        XCTAssertEqual(c.badLines.first?.error, "no __twarc.url naming /2/users/ID/following or /followers")
    }
}

import Foundation
import Load
import Store
import TestSupport
import XCTest

/// `FollowsImport.run`: edges and bad lines stored per file, unchanged files skipped on a
/// rerun, a changed file's edges replaced, a missing file reported.
final class FollowsImportTests: XCTestCase {
    private var dir: URL!
    override func setUpWithError() throws { dir = try SharedPaths.temporaryDirectory() }
    override func tearDownWithError() throws { try? FileManager.default.removeItem(at: dir) }

    private var dbPath: String { dir.appendingPathComponent("store.db").path }

    private func file(_ name: String, _ text: String) throws -> String {
        let path = dir.appendingPathComponent(name).path
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    private func rows(_ sql: String) throws -> [[SQLValue]] { try Store.openForReading(path: dbPath).query(sql).rows }

    func testImportSkipRerunAndQuarantine() throws {
        let csv = try file("e.csv", "source,target\na,b\n,c\nb,a\n")
        let twarc = try file("t.jsonl", #"{"data":[{"id":"2","username":"b"}],"__twarc":{"url":"https://api.twitter.com/2/users/1/followers"}}"# + "\n")
        let first = try FollowsImport.run(inputs: [csv, twarc, dir.appendingPathComponent("none.csv").path], into: dbPath)
        XCTAssertEqual([first.files, first.filesSkipped, first.edges, first.badLines, first.lines], [2, 0, 3, 1, 5])
        XCTAssertEqual(first.problems.map(\.message), ["no such file"])
        XCTAssertEqual(try rows("SELECT source_id, source_name, target_id, target_name, line FROM follows ORDER BY file_id, line"), [
            [.null, .text("a"), .null, .text("b"), .integer(2)],
            [.null, .text("b"), .null, .text("a"), .integer(4)],
            [.integer(2), .text("b"), .integer(1), .null, .integer(1)],
        ])
        XCTAssertEqual(try rows("SELECT line, error FROM bad_lines"), [[.integer(3), .text("source is empty")]])

        let again = try FollowsImport.run(inputs: [csv, twarc], into: dbPath)
        XCTAssertEqual([again.files, again.filesSkipped, again.edges], [0, 2, 0])
        XCTAssertEqual(try rows("SELECT count(*) FROM follows"), [[.integer(3)]], "nothing twice")

        // A changed file is read again and replaces what its earlier version gave.
        try "source,target\nc,d\n".write(toFile: csv, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.modificationDate: Date(timeIntervalSinceNow: 60)], ofItemAtPath: csv)
        let changed = try FollowsImport.run(inputs: [csv], into: dbPath)
        XCTAssertEqual([changed.files, changed.edges], [1, 1])
        XCTAssertEqual(try rows("SELECT source_name, target_name FROM follows WHERE target_id IS NULL"), [[.text("c"), .text("d")]])
        XCTAssertEqual(try rows("SELECT count(*) FROM follows"), [[.integer(2)]], "the twarc file's edge stays")
        XCTAssertEqual(try rows("SELECT count(*) FROM bad_lines"), [[.integer(0)]])
    }
}

import Foundation
import Store
import TestSupport
import XCTest

/// Streaming read-only SQL: parameters, empty texts, PRAGMAs; search paging and counting.
final class ReadOnlySQLTests: XCTestCase {
    private static var dir: URL!
    private static var db: String!

    override class func setUp() {
        dir = try? SharedPaths.temporaryDirectory()
        let lines = (1...30).map {
            SearchTests.tweet($0, "Mon Jan 09 10:00:\(String(format: "%02d", $0)) +0000 2012", "tweet \($0) trein",
                              user: $0 % 3 + 1, name: "u\($0 % 3)", tags: [])
        }
        let path = dir.appendingPathComponent("r.jsonl").path
        try? (lines.joined(separator: "\n") + "\n").write(toFile: path, atomically: true, encoding: .utf8)
        db = path + ".db"
        _ = try? TestStores.ingest([path], into: db)
    }

    override class func tearDown() { try? FileManager.default.removeItem(at: dir) }

    func testRowsStreamOneAtATimeWithTheirColumns() throws {
        let store = try Store.openForReading(path: Self.db)
        var columns: [String] = [], seen: [Int64] = []
        try store.query("SELECT 1; SELECT id, id FROM tweets ORDER BY id", parameters: [:],
                        columns: { columns = $0 }, row: { if case .integer(let i) = $0[0] { seen.append(i) } })
        XCTAssertEqual(columns, ["id", "id"])
        XCTAssertEqual(seen, Array(1...30))
    }

    func testUnknownAndMissingParametersAndEmptyTexts() throws {
        let store = try Store.openForReading(path: Self.db)
        XCTAssertThrowsError(try store.query("SELECT :a, :b", parameters: ["a": .integer(1), "c": .integer(2)])) {
            XCTAssertEqual($0 as? StoreError, .unknownParameter(name: "c", known: ["a", "b"]))
        }
        XCTAssertEqual(try store.parameterNames("SELECT :a; SELECT @b, :a"), ["a", "b"])
        for text in ["", "  ;; ", "-- only a comment\n", "/* c */"] {
            XCTAssertThrowsError(try store.query(text)) { XCTAssertEqual($0 as? StoreError, .emptyStatement, text) }
        }
        let text = try store.query("SELECT typeof(:v), :v", parameters: ["v": .text("007")]).rows
        XCTAssertEqual(text, [[.text("text"), .text("007")]])
    }

    func testReadOnlyPragmasPassAndSettingOnesAreRefused() throws {
        let store = try Store.openForReading(path: Self.db)
        XCTAssertEqual(try store.query("PRAGMA table_info(hashtags)").rows.count, 4, "tweet_seq, tag, spelling, tweet_id")
        XCTAssertFalse(try store.query("PRAGMA main.index_list(tweets)").rows.isEmpty)
        XCTAssertEqual(try store.query("PRAGMA user_version;").rows.count, 1)
        for statement in ["PRAGMA user_version = 9", "PRAGMA user_version(9)", "PRAGMA journal_mode=DELETE"] {
            XCTAssertThrowsError(try store.query(statement), statement)
        }
    }

    /// Hostile finding 12: ATTACH was "SQLite error 1: too many attached databases - max 0".
    func testAttachingIsRefusedAsSuchBeforeAnythingRuns() throws {
        let store = try Store.openForReading(path: Self.db)
        for statement in ["ATTACH 'x.db' AS x", "  /* c */ -- line\r\nattach database ':memory:' as m", "SELECT 1; DETACH x"] {
            XCTAssertThrowsError(try store.query(statement), statement) { error in
                guard case StoreError.attachRefused = error else { return XCTFail("\(statement): \(error)") }
                XCTAssertTrue("\(error)".hasPrefix("refused: a read-only query cannot attach or detach databases"), "\(error)")
            }
        }
        // A comment before a reading PRAGMA does not make it a writing one.
        XCTAssertEqual(try store.query("-- columns\nPRAGMA table_info(hashtags)").rows.count, 4)
    }

    func testDeclaredParameterKinds() throws {
        let sql = "-- param: limit integer\n  --   param: share REAL\n-- parameters are listed above\nSELECT :limit"
        XCTAssertEqual(try QueryParameters.declaredKinds(in: sql), ["limit": .integer, "share": .real])
        XCTAssertThrowsError(try QueryParameters.declaredKinds(in: "SELECT 1;\n-- param: n number")) {
            XCTAssertEqual($0 as? StoreError, .badParameterDeclaration(line: 2, text: "-- param: n number"))
        }
        XCTAssertEqual(QueryParameters.value("007", as: .text), .text("007"))
        XCTAssertEqual(QueryParameters.value("007", as: .integer), .integer(7))
        XCTAssertNil(QueryParameters.value("7x", as: .integer))
        XCTAssertEqual(QueryParameters.value("0.5", as: .real), .real(0.5))
    }

    func testSearchStreamsEveryHitAndCountsBeyondTheLimit() throws {
        let store = try Store.openForReading(path: Self.db)
        var r = SearchRequest(query: "trein")
        r.limit = 7
        XCTAssertEqual(try store.search(r).count, 7)
        XCTAssertEqual(try store.searchCount(r), 30)
        r.users = ["u1"]
        XCTAssertEqual(try store.searchCount(r), 10)
        r.users = []
        r.limit = nil
        var n = 0
        try store.search(r) { _ in n += 1 }
        XCTAssertEqual(n, 30)
    }
}

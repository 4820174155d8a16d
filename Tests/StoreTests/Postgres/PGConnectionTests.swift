import Foundation
import TestSupport
import XCTest
@testable import Store

/// The libpq layer against the test server (skipped without one, see PostgresServer).
final class PGConnectionTests: XCTestCase {
    private var url: String!
    override func setUpWithError() throws {
        guard let url = try PostgresServer.freshDatabase() else { throw XCTSkip(PostgresServer.skipReason) }
        self.url = url
    }
    override func tearDownWithError() throws { if let url { PostgresServer.drop(url) } }

    func testValuesRoundTripAsTheServerPrintsThem() throws {
        let db = try PGConnection(url: url)
        var rows: [[String?]] = []
        try db.query("SELECT $1::bigint, $2::text, $3::text, $4::double precision, 2 + 2",
                     [.integer(-9_007_199_254_740_993), .text("café ⚽ 'q'"), .null, .real(0.1)]) { r in
            rows.append((0..<r.columnCount).map(r.string))
        }
        XCTAssertEqual(rows, [["-9007199254740993", "café ⚽ 'q'", nil, "0.1", "4"]])
    }

    func testCopyLoadsRowsAndAFailedStatementNamesItsState() throws {
        let db = try PGConnection(url: url)
        try db.execute("CREATE TABLE t (id bigint PRIMARY KEY, s text)")
        try db.copy("COPY t (id, s) FROM STDIN", Array("1\tone\n2\t\\N\n3\ttab\\there\n".utf8))
        var got: [String] = []
        try db.query("SELECT id, coalesce(s, 'NULL') FROM t ORDER BY id") { got.append("\($0.int(0)) \($0.string(1) ?? "")") }
        XCTAssertEqual(got, ["1 one", "2 NULL", "3 tab\there"])
        XCTAssertThrowsError(try db.execute("INSERT INTO t VALUES (1, 'again')")) { error in
            XCTAssertEqual((error as? PostgresError)?.sqlState, "23505", "unique violation")
        }
    }

    func testAnUnreachableServerIsACannotConnectError() throws {
        XCTAssertThrowsError(try PGConnection(url: "postgresql://nobody@127.0.0.1:1/none?connect_timeout=2")) { error in
            guard case .cannotConnect(let url, _)? = error as? PostgresError else { return XCTFail("\(error)") }
            XCTAssertTrue(url.hasSuffix("/none?connect_timeout=2"))
        }
    }
}

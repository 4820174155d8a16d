import Foundation
import TestSupport
import XCTest
@testable import Store

/// `sql` and `query` on a PostgreSQL store: reading statements run, writing ones are refused
/// before anything runs, named parameters bind as on SQLite. Skipped without a test server.
final class PGReadOnlySQLTests: XCTestCase {
    private var url: String!
    private var dir: URL!

    override func setUpWithError() throws {
        let lines = (1...3).map {
            SearchTests.tweet($0, "Mon Jan 09 10:00:0\($0) +0000 2012", "tweet \($0)", user: $0 == 3 ? 2 : 1, name: "u\($0)", tags: [])
        }
        guard let made = try PostgresServer.store(holding: lines) else { throw XCTSkip(PostgresServer.skipReason) }
        (url, dir) = made
    }

    override func tearDownWithError() throws { PostgresServer.remove(url, dir) }

    func testWritingStatementsAreRefusedAndNothingChanges() throws {
        let store = try Store.openForReading(path: url)
        for statement in ["DELETE FROM tweets", "INSERT INTO users(id) VALUES (9)", "DROP TABLE tweets",
                          "UPDATE tweets SET text = ''", "CREATE TABLE x(a int)", "SELECT 1; DELETE FROM tweets",
                          "COMMIT; DELETE FROM tweets", "SET TRANSACTION READ WRITE; DELETE FROM tweets",
                          "WITH d AS (DELETE FROM tweets RETURNING id) SELECT count(*) FROM d",
                          "SELECT set_config('transaction_read_only', 'off', true); DELETE FROM tweets"] {
            XCTAssertThrowsError(try store.query(statement), statement) { error in
                guard case .readOnly? = error as? StoreError else { return XCTFail("\(statement): \(error)") }
            }
        }
        XCTAssertEqual(try store.query("SELECT count(*) FROM tweets").rows, [[.integer(3)]])
    }

    func testValuesComeTypedAsSQLiteGivesThem() throws {
        let result = try Store.openForReading(path: url).query("""
            -- a comment; with a semicolon
            SELECT 'a;b' AS s, count(*) AS n, sum(author_id) AS total, 0.5::float8 AS half, true AS yes, NULL AS nothing,
                   '\\x00ff'::bytea AS bytes, $q$it's$q$ AS dollar FROM tweets
            """)
        XCTAssertEqual(result.columns, ["s", "n", "total", "half", "yes", "nothing", "bytes", "dollar"])
        XCTAssertEqual(result.rows, [[.text("a;b"), .integer(3), .integer(4), .real(0.5), .integer(1), .null, .blob([0, 255]), .text("it's")]])
    }

    func testNamedParametersBindAndAMissingOrUnknownOneIsNamed() throws {
        let store = try Store.openForReading(path: url)
        let r = try store.query("SELECT id FROM tweets WHERE author_id = :user AND id::text <> '::x' ORDER BY id LIMIT @n",
                                parameters: ["user": "1", "n": "5"])
        XCTAssertEqual(r.rows, [[.integer(1)], [.integer(2)]])
        XCTAssertEqual(try store.query("SELECT :who", parameters: ["who": "me"]).rows, [[.text("me")]])
        XCTAssertEqual(try store.parameterNames("SELECT $a, :b; SELECT :a"), ["a", "b"])
        XCTAssertThrowsError(try store.query("SELECT :who")) { XCTAssertEqual($0 as? StoreError, .missingParameter(name: "who")) }
        XCTAssertThrowsError(try store.query("SELECT 1", parameters: ["x": .integer(1)])) {
            XCTAssertEqual($0 as? StoreError, .unknownParameter(name: "x", known: []))
        }
        XCTAssertThrowsError(try store.query("SELECT $1")) {
            XCTAssertEqual($0 as? StoreError, .positionalParameter(statement: "SELECT $1"))
        }
        XCTAssertThrowsError(try store.query("SELECT nope FROM tweets")) { error in
            guard case .invalidSQL(let message, _)? = error as? StoreError else { return XCTFail("\(error)") }
            XCTAssertTrue(message.contains("nope"), message)
        }
        XCTAssertThrowsError(try store.query("  ;  -- nothing")) { XCTAssertEqual($0 as? StoreError, .emptyStatement) }
    }
}

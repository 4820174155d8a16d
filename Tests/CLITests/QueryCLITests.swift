import Foundation
import TestSupport
import XCTest

/// `sql`, `query` and `search` as a user sees them: tables fitted to the terminal and never
/// cut in a pipe, JSON keys in column order, comments before a statement, parameters given
/// twice or not at all, and the filters echoed in search's JSON. Expected outputs are written
/// out by hand from the two tweets below.
final class QueryCLITests: XCTestCase {
    /// The folder of the test's store and saved queries, and the store of two tweets in it.
    private static var dir: URL!, db: String!

    override class func setUp() {
        let lines = [
            #"{"id_str":"101","created_at":"Mon Jun 04 10:00:00 +0000 2012","text":"overleg #NS vandaag","lang":"nl","user":{"id_str":"7","screen_name":"anna"}}"#,
            #"{"id_str":"102","created_at":"Tue Jun 05 10:00:00 +0000 2012","text":"overleg elders","lang":"en","user":{"id_str":"8","screen_name":"bob"}}"#,
        ]
        dir = try? SharedPaths.temporaryDirectory()
        guard let corpus = try? file(lines.joined(separator: "\n") + "\n", "two.jsonl") else { return }
        db = dir.appendingPathComponent("two.db").path
        _ = try? CLI.run(["ingest", "--quiet", "--db", db, corpus])
    }

    override class func tearDown() { try? FileManager.default.removeItem(at: dir) }

    /// `text` written to `name` in the test's folder; its path.
    private static func file(_ text: String, _ name: String) throws -> String {
        let url = dir.appendingPathComponent(name)
        try Data(text.utf8).write(to: url)
        return url.path
    }

    /// A 20-column and a 30-column value: 52 columns with the gap.
    private static let wide = "SELECT '\(String(repeating: "a", count: 20))' AS a, '\(String(repeating: "b", count: 30))' AS b"

    func testTableInAPipeIsNeverCutWhateverCOLUMNSSays() throws {
        let out = try CLI.run(["sql", "--db", Self.db, Self.wide], environment: ["COLUMNS": "30"])
        XCTAssertEqual(out.status, 0, out.stderr)
        XCTAssertEqual(out.stdout, "a" + String(repeating: " ", count: 19) + "  b\n"
                       + String(repeating: "─", count: 20) + "  " + String(repeating: "─", count: 30) + "\n"
                       + String(repeating: "a", count: 20) + "  " + String(repeating: "b", count: 30) + "\n")
    }

    func testTableOnATerminalIsFittedToCOLUMNSWithAMarker() throws {
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/script") else { throw XCTSkip("no script(1) for a terminal") }
        let command = "COLUMNS=30 '\(CLI.binary.path)' sql --db '\(Self.db!)' \"\(Self.wide)\""
        let out = try Subprocess.run(URL(fileURLWithPath: "/usr/bin/script"), ["-qec", command, "/dev/null"])
        // 30 columns: two columns of 14 and the gap of 2; each cut cell keeps 13 letters and the marker.
        XCTAssertEqual(out.stdout.replacingOccurrences(of: "\r\n", with: "\n"),
                       "a" + String(repeating: " ", count: 13) + "  b\n"
                       + String(repeating: "─", count: 14) + "  " + String(repeating: "─", count: 14) + "\n"
                       + String(repeating: "a", count: 13) + "…  " + String(repeating: "b", count: 13) + "…\n")
    }

    func testJSONObjectsKeepColumnOrder() throws {
        let sql = "SELECT 1 AS z, 'x' AS a, 3 AS m"
        XCTAssertEqual(try CLI.run(["sql", "--db", Self.db, sql, "--format", "jsonl"]).stdout, #"{"z":1,"a":"x","m":3}"# + "\n")
        let file = try Self.file(sql + ";\n", "order.sql")
        XCTAssertEqual(try CLI.run(["query", "--db", Self.db, file, "--json"]).stdout, """
            {
              "columns": [
                "z",
                "a",
                "m"
              ],
              "rows": [
                {
                  "z": 1,
                  "a": "x",
                  "m": 3
                }
              ],
              "total": 1,
              "truncated": false
            }

            """)
    }

    func testCommentsBeforeAStatementChangeNothingAboutIt() throws {
        for sql in ["-- a note; with a semicolon\nSELECT 7 AS n", "/* a note; = */ SELECT 7 AS n", "-- one\n/* two */\n  SELECT 7 AS n;"] {
            let out = try CLI.run(["sql", "--db", Self.db, sql, "--format", "csv"])
            XCTAssertEqual(out.status, 0, "\(sql): \(out.stderr)")
            XCTAssertEqual(out.stdout, "n\r\n7\r\n", sql)
        }
        // A reading PRAGMA after a comment that holds '=' still reads; one that sets is refused.
        let pragma = try CLI.run(["sql", "--db", Self.db, "-- x = 1\n/* y = 2 */ PRAGMA page_size", "--format", "csv"])
        XCTAssertEqual(pragma.status, 0, pragma.stderr)
        XCTAssertTrue(pragma.stdout.hasPrefix("page_size\r\n"), pragma.stdout)
        for (sql, said) in [("-- harmless\nDELETE FROM tweets", "refused: the statement would write"),
                            ("/* harmless */ PRAGMA user_version = 9", "refused: the statement would write"),
                            ("-- harmless\nATTACH 'other.db' AS o", "refused: a read-only query cannot attach or detach databases")] {
            let out = try CLI.run(["sql", "--db", Self.db, sql])
            XCTAssertEqual(out.status, 1, sql)
            XCTAssertTrue(out.stderr.hasPrefix("twindex: error: \(said)"), out.stderr)
            XCTAssertEqual(out.stdout, "")
        }
        XCTAssertEqual(try CLI.run(["sql", "--db", Self.db, "SELECT count(*) AS n FROM tweets", "--format", "csv"]).stdout, "n\r\n2\r\n")
    }

    func testAParameterGivenTwiceIsAUsageErrorNamingIt() throws {
        let file = try Self.file("SELECT :a AS a;\n", "twice.sql")
        for extra in [["--param", "a=2"], ["--param-int", "a=2"]] {
            let out = try CLI.run(["query", "--db", Self.db, file, "--param", "a=1"] + extra)
            XCTAssertEqual(out.status, 64)
            XCTAssertTrue(out.stderr.contains("--param a is given more than once"), out.stderr)
            XCTAssertEqual(out.stdout, "")
        }
    }

    func testAMissingParameterIsAUsageErrorNamingIt() throws {
        let file = try Self.file("SELECT :a AS a, :b AS b;\n", "missing.sql")
        let out = try CLI.run(["query", "--db", Self.db, file, "--param", "a=1"])
        XCTAssertEqual(out.status, 64)
        XCTAssertEqual(out.stderr, "twindex: error: the query needs a value for :b; pass --param b=VALUE\n")
        XCTAssertEqual(out.stdout, "")
    }

    func testSearchJSONEchoesTheScopeAndFiltersItRanWith() throws {
        let out = try CLI.run(["search", "--db", Self.db, "overleg", "--json", "--user", "@Anna", "--lang", "nl",
                              "--from", "2012-06-01", "--to", "2012-06-30", "--hashtag", "#NS", "--sort", "newest"])
        XCTAssertEqual(out.status, 0, out.stderr)
        let doc = try XCTUnwrap(out.json as? [String: Any], out.stdout)
        XCTAssertEqual(doc["query"] as? String, "overleg")
        XCTAssertEqual(doc["hashtag"] as? String, "ns")
        XCTAssertEqual(doc["sort"] as? String, "newest")
        XCTAssertEqual(doc["total"] as? Int, 1)
        XCTAssertEqual(doc["truncated"] as? Bool, false)
        XCTAssertEqual((doc["rows"] as? [[String: Any]])?.compactMap { $0["id"] as? String }, ["101"])
        let scope = try XCTUnwrap(doc["scope"] as? [String: Any])
        XCTAssertEqual(scope["from"] as? String, "2012-06-01")
        XCTAssertEqual(scope["to"] as? String, "2012-06-30")
        XCTAssertEqual(scope["users"] as? [String], ["Anna"])
        XCTAssertEqual(scope["languages"] as? [String], ["nl"])
        XCTAssertEqual(scope["exclude_retweets"] as? Bool, false)
        XCTAssertEqual(scope.count, 5)
        // Without filters: nulls and empty lists, not missing keys.
        let open = try XCTUnwrap(try CLI.run(["search", "--db", Self.db, "overleg", "--json"]).json as? [String: Any])
        XCTAssertTrue(open["hashtag"] is NSNull)
        XCTAssertEqual(open["sort"] as? String, "rank")
        XCTAssertEqual(open["total"] as? Int, 2)
        let openScope = try XCTUnwrap(open["scope"] as? [String: Any])
        XCTAssertTrue(openScope["from"] is NSNull && openScope["to"] is NSNull)
        XCTAssertEqual(openScope["users"] as? [String], [])
    }
}

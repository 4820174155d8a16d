import Foundation
import TestSupport
import XCTest

/// NUL characters (U+0000): PostgreSQL text cannot hold one, so a PostgreSQL store keeps
/// U+FFFD in its place and `ingest`, `copy` and `follows` name every place; SQLite keeps the
/// NUL (skipped without a test server, see PostgresServer).
final class PostgresNULTests: XCTestCase {
    /// Three tweets and a duplicate: line 1 has NUL in its text, a hashtag and the author's
    /// description; line 2 none; line 3 in its text; line 4 repeats line 1 (not stored again).
    static let lines = [
        #"{"id_str":"101","created_at":"Mon Jun 04 22:47:50 +0000 2012","text":"one\u0000two #tag","#
            + #""entities":{"hashtags":[{"text":"ta\u0000g","indices":[8,12]}],"user_mentions":[],"urls":[]},"#
            + #""user":{"id_str":"7","screen_name":"alice","name":"Alice","description":"d\u0000e"}}"#,
        #"{"id_str":"102","created_at":"Mon Jun 04 22:48:50 +0000 2012","text":"clean","user":{"id_str":"9","screen_name":"carol"}}"#,
        #"{"id_str":"103","created_at":"Mon Jun 04 22:49:50 +0000 2012","text":"x\u0000","user":{"id_str":"8","screen_name":"bob"}}"#,
    ]

    /// Runs `body` with a fresh PostgreSQL database and a temporary directory, both removed after.
    private func withDatabase(_ body: (_ url: String, _ dir: URL) throws -> Void) throws {
        guard let url = try PostgresServer.freshDatabase() else { throw XCTSkip(PostgresServer.skipReason) }
        defer { PostgresServer.drop(url) }
        let dir = try SharedPaths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        try body(url, dir)
    }

    /// Writes `lines` as the JSONL file `name` in `dir`; returns its path.
    private func write(_ lines: [String], _ name: String, in dir: URL) throws -> String {
        let path = dir.appendingPathComponent(name).path
        try (lines.joined(separator: "\n") + "\n").write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    private func sql(_ store: String, _ query: String) throws -> String {
        let r = try CLI.run(["sql", "--db", store, "--format", "csv", query])
        XCTAssertEqual(r.status, 0, r.stderr)
        return r.stdout
    }

    private func json(_ output: CLI.Output) throws -> [String: Any] {
        XCTAssertEqual(output.status, 0, output.stderr)
        return try XCTUnwrap(JSONSerialization.jsonObject(with: Data(output.stdout.utf8)) as? [String: Any])
    }

    func testIngestStoresReplacementAndNamesEveryLineAndField() throws {
        try withDatabase { url, dir in
            let input = try write(Self.lines + [Self.lines[0]], "nul.jsonl", in: dir)

            let ingest = try CLI.run(["ingest", "--db", url, "--quiet", "--json", input])
            let summary = try json(ingest)
            XCTAssertEqual(summary["tweets_inserted"] as? Int, 3)
            XCTAssertEqual(summary["duplicates"] as? Int, 1)
            XCTAssertEqual(summary["nul_replaced"] as? Int, 2)
            let listed = try XCTUnwrap(summary["nul_replacements"] as? [[String: Any]])
            XCTAssertEqual(listed.map { $0["input"] as? String }, [input, input])
            XCTAssertEqual(listed.map { $0["line"] as? Int }, [1, 3])
            XCTAssertEqual(listed.map { $0["fields"] as? [String] }, [["text", "entities.hashtags", "user.description"], ["text"]])
            XCTAssertTrue(ingest.stderr.contains(
                "twindex: \(input):1: NUL character (\\u0000) in text, entities.hashtags, user.description stored as U+FFFD"), ingest.stderr)
            XCTAssertTrue(ingest.stderr.contains("twindex: \(input):3: NUL character (\\u0000) in text stored as U+FFFD"), ingest.stderr)

            XCTAssertEqual(try sql(url, "SELECT id, text FROM tweets ORDER BY id"), "id,text\r\n101,one\u{FFFD}two #tag\r\n102,clean\r\n103,x\u{FFFD}\r\n")
            XCTAssertEqual(try sql(url, "SELECT tag, spelling FROM hashtags"), "tag,spelling\r\nta\u{FFFD}g,ta\u{FFFD}g\r\n")
            XCTAssertEqual(try sql(url, "SELECT description FROM users WHERE id = 7"), "description\r\nd\u{FFFD}e\r\n")

            // SQLite keeps the NUL, and says nothing of it.
            let db = dir.appendingPathComponent("nul.db").path
            let local = try json(CLI.run(["ingest", "--db", db, "--quiet", "--json", input]))
            XCTAssertEqual(local["nul_replaced"] as? Int, 0)
            XCTAssertEqual(try sql(db, "SELECT id, text FROM tweets ORDER BY id"), "id,text\r\n101,one\u{0}two #tag\r\n102,clean\r\n103,x\u{0}\r\n")
        }
    }

    func testAnArchiveMemberIsNamedWithItsArchive() throws {
        try withDatabase { url, dir in
            let input = try write(Self.lines, "nul.jsonl", in: dir)
            // Two lines to a member: lines 1-2 in the first minute, line 3 is line 1 of the second.
            let members = try ArchiveLayouts.pack(input, into: dir, linesPerMember: 2)
            XCTAssertEqual(members, ["2013/01/23/00/00.json.bz2", "2013/01/23/00/01.json.bz2"])
            let tar = dir.appendingPathComponent("stream.tar").path
            let summary = try json(CLI.run(["ingest", "--db", url, "--quiet", "--json", tar]))
            let listed = try XCTUnwrap(summary["nul_replacements"] as? [[String: Any]])
            XCTAssertEqual(listed.map { $0["input"] as? String }, members.map { "\(tar):\($0)" })
            XCTAssertEqual(listed.map { $0["line"] as? Int }, [1, 1])
        }
    }

    func testManyReplacementsShowTwentyThenACount() throws {
        try withDatabase { url, dir in
            let lines = (1...25).map {
                #"{"id_str":"\#(500 + $0)","created_at":"Mon Jun 04 22:47:50 +0000 2012","text":"n\u0000","user":{"id_str":"9","screen_name":"c"}}"#
            }
            let input = try write(lines, "many.jsonl", in: dir)
            let ingest = try CLI.run(["ingest", "--db", url, "--quiet", input])
            XCTAssertEqual(ingest.status, 0, ingest.stderr)
            let said = ingest.stderr.split(separator: "\n").filter { $0.contains("U+FFFD") }
            XCTAssertEqual(said.count, 21, ingest.stderr)
            XCTAssertEqual(said.first.map(String.init), "twindex: \(input):1: NUL character (\\u0000) in text stored as U+FFFD (PostgreSQL text cannot hold it)")
            XCTAssertTrue(said[19].contains(":20: NUL"), String(said[19]))
            XCTAssertTrue(said[20].hasPrefix("twindex: 5 more with a NUL character stored as U+FFFD"), String(said[20]))
        }
    }

    func testCopyFromSQLiteNamesTableRowAndColumn() throws {
        try withDatabase { url, dir in
            let input = try write(Self.lines, "nul.jsonl", in: dir)
            let db = dir.appendingPathComponent("nul.db").path
            XCTAssertEqual(try CLI.run(["ingest", "--db", db, "--quiet", input]).status, 0)
            let seqs = try sql(db, "SELECT seq FROM tweets WHERE id IN (101, 103) ORDER BY id")
                .split(separator: "\r\n").dropFirst().compactMap { Int($0) }
            XCTAssertEqual(seqs.count, 2)

            let copy = try CLI.run(["copy", "--from", db, "--to", url, "--quiet", "--json"])
            let summary = try json(copy)
            XCTAssertEqual(summary["nul_replaced"] as? Int, 4)
            let listed = try XCTUnwrap(summary["nul_replacements"] as? [[String: Any]])
            // Copy order: users, then each batch of tweets followed by its entities.
            XCTAssertEqual(listed.map { $0["table"] as? String }, ["users", "tweets", "tweets", "hashtags"])
            XCTAssertEqual(listed.map { $0["key"] as? String }, ["7", String(seqs[0]), String(seqs[1]), "101"], "row keys are ids: strings")
            XCTAssertEqual(listed.map { $0["fields"] as? [String] }, [["description"], ["text"], ["text"], ["tag", "spelling"]])
            XCTAssertTrue(copy.stderr.contains("twindex: tweets row \(seqs[0]): NUL character (\\u0000) in text stored as U+FFFD"), copy.stderr)
            XCTAssertEqual(try sql(url, "SELECT id, text FROM tweets ORDER BY id"), "id,text\r\n101,one\u{FFFD}two #tag\r\n102,clean\r\n103,x\u{FFFD}\r\n")
            XCTAssertEqual(try sql(url, "SELECT tag, spelling FROM hashtags"), "tag,spelling\r\nta\u{FFFD}g,ta\u{FFFD}g\r\n")
        }
    }

    func testFollowsNameTheLineOfANameWithNUL() throws {
        try withDatabase { url, dir in
            // twarc2 `following` output: account 12 follows 5 and 6; the second's username holds a NUL.
            let page = #"{"__twarc":{"url":"https://api.twitter.com/2/users/12/following"},"#
                + #""data":[{"id":"5","username":"bob"},{"id":"6","username":"ca\u0000rol"}]}"#
            let edges = try write([#"{"__twarc":{"url":"https://api.twitter.com/2/users/12/following"},"data":[]}"#, page],
                                  "following.jsonl", in: dir)
            let follows = try CLI.run(["follows", "--db", url, "--json", edges])
            let summary = try json(follows)
            XCTAssertEqual(summary["edges"] as? Int, 2)
            XCTAssertEqual(summary["nul_replaced"] as? Int, 1)
            let listed = try XCTUnwrap(summary["nul_replacements"] as? [[String: Any]])
            XCTAssertEqual(listed.map { $0["line"] as? Int }, [2])
            XCTAssertEqual(listed.map { $0["fields"] as? [String] }, [["target_name"]])
            XCTAssertTrue(follows.stderr.contains("twindex: \(edges):2: NUL character (\\u0000) in target_name stored as U+FFFD"), follows.stderr)
            XCTAssertEqual(try sql(url, "SELECT target_name FROM follows ORDER BY target_id"), "target_name\r\nbob\r\nca\u{FFFD}rol\r\n")
        }
    }
}

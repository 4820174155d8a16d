import Foundation
import TestSupport
import XCTest

/// `export` reads through the engine seam: the same lines ingested into SQLite and into
/// PostgreSQL export byte for byte the same, every table in every format, with and without
/// scope options (skipped without a test server, see PostgresServer).
final class ExportPostgresTests: XCTestCase {
    func testEveryTableExportsTheSameFromBothEngines() throws {
        guard let url = try PostgresServer.freshDatabase() else { throw XCTSkip(PostgresServer.skipReason) }
        defer { PostgresServer.drop(url) }
        let dir = try SharedPaths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let generated = dir.appendingPathComponent("generated.jsonl").path
        try GeneratedCorpus.write(to: generated, tweets: 1500, users: 80, seed: 31)
        let hostile = dir.appendingPathComponent("hostile.jsonl").path
        // A PostgreSQL store keeps U+FFFD for a NUL (PostgresNULTests): the hostile lines go in without theirs.
        let lines = ExportCLITests.hostileLines().map { $0.replacingOccurrences(of: "\\u0000", with: "") }
        try (lines.joined(separator: "\n") + "\n").write(toFile: hostile, atomically: true, encoding: .utf8)
        let db = dir.appendingPathComponent("export.db").path
        for store in [db, url] {
            let ingest = try CLI.run(["ingest", "--db", store, "--quiet", generated, hostile])
            XCTAssertEqual(ingest.status, 0, ingest.stderr)
        }
        let scopes = [[], ["--from", "2010-01-01", "--to", "2012-12-31", "--lang", "nl", "--exclude-retweets"],
                      ["--user", "jan_min0", "--user", "HOSTILE1"]]
        for table in ["tweets", "ids", "hashtags", "mentions", "urls", "users"] {
            for format in [[], ["--format", "jsonl"], ["--json"]] {
                for limits in scopes {
                    let arguments = ["export", table] + format + limits
                    let sqlite = try CLI.run(arguments + ["--db", db]), postgres = try CLI.run(arguments + ["--db", url])
                    XCTAssertEqual(sqlite.status, 0, sqlite.stderr)
                    XCTAssertEqual(postgres.status, 0, postgres.stderr)
                    XCTAssertGreaterThan(sqlite.stdout.count, 40, arguments.joined(separator: " "))
                    XCTAssertTrue(sqlite.stdout == postgres.stdout, "\(arguments.joined(separator: " ")): the engines differ")
                }
            }
        }
    }
}

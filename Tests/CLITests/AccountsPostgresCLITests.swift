import Foundation
import TestSupport
import XCTest

/// `network` and `users` read a PostgreSQL store as they read SQLite: the same generated
/// corpus in both gives the same JSON, byte for byte, scoped or not (skipped without a test
/// server, see PostgresServer).
final class AccountsPostgresCLITests: XCTestCase {
    func testEveryKindOfNetworkAndTheUsersTableAreTheSameOnBothEngines() throws {
        guard let url = try PostgresServer.freshDatabase() else { throw XCTSkip(PostgresServer.skipReason) }
        let dir = try SharedPaths.temporaryDirectory()
        defer {
            PostgresServer.drop(url)
            try? FileManager.default.removeItem(at: dir)
        }
        let corpus = dir.appendingPathComponent("c.jsonl").path
        try GeneratedCorpus.write(to: corpus, tweets: 2000, users: 50, seed: 4)
        let file = dir.appendingPathComponent("c.db").path
        for store in [file, url] {
            let ingest = try CLI.run(["ingest", "--quiet", "--db", store, corpus])
            XCTAssertEqual(ingest.status, 0, ingest.stderr)
        }
        let scope = ["--from", "2011-01-01", "--to", "2012-06-30", "--exclude-retweets"]
        let commands: [[String]] = ["mention", "reply", "retweet", "quote", "interaction"].map { ["network", "--kind", $0] }
            + [["network", "--kind", "user-hashtag", "--more-than", "5"], ["network", "--kind", "mention"] + scope,
               ["network", "--kind", "interaction", "--corpus-only"] + scope, ["users"], ["users"] + scope]
        for command in commands {
            let sqlite = try CLI.run(command + ["--json", "--db", file])
            let postgres = try CLI.run(command + ["--json", "--db", url])
            XCTAssertEqual(sqlite.status, 0, "\(command) on SQLite: \(sqlite.stderr)")
            XCTAssertEqual(postgres.status, 0, "\(command) on PostgreSQL: \(postgres.stderr)")
            XCTAssertGreaterThan(sqlite.stdout.count, 200, "\(command)")
            XCTAssertEqual(postgres.stdout, sqlite.stdout, "\(command)")
        }
    }
}

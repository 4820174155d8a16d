import Foundation
import TestSupport
import XCTest
@testable import Store

/// `twindex init` on PostgreSQL: the plan it prints, the store it makes, and the clear refusal
/// of --distributed on a server without Citus (the test server has none: Citus is not
/// packaged in Debian). Skipped without a test server, except the plan.
final class PGSetupTests: XCTestCase {
    private var url: String?

    override func tearDownWithError() throws { PostgresServer.remove(url, nil) }

    private func database() throws -> String {
        guard let made = try PostgresServer.freshDatabase() else { throw XCTSkip(PostgresServer.skipReason) }
        url = made
        return made
    }

    func testTheDistributedPlanCreatesCitusFirstAndShardsColocatedTablesLast() {
        let plan = PGSetup.statements(distribution: .tweet, shards: 12)
        XCTAssertEqual(plan.first, "CREATE EXTENSION IF NOT EXISTS citus;")
        XCTAssertTrue(plan.contains("INSERT INTO twindex_meta VALUES ('schema_version', '\(PGSchema.migrations.count)'), ('distribute_by', 'tweet');"))
        XCTAssertEqual(plan.last?.split(separator: "\n").map(String.init), [
            "SET citus.shard_count = 12;",
            "SELECT create_distributed_table('tweets', 'shard_key');",
            "SELECT create_distributed_table('hashtags', 'shard_key', colocate_with => 'tweets');",
            "SELECT create_distributed_table('mentions', 'shard_key', colocate_with => 'tweets');",
            "SELECT create_distributed_table('urls', 'shard_key', colocate_with => 'tweets');",
            "SELECT create_reference_table('users');",
            "SELECT create_reference_table('deleted_tweets');",
        ])
        let single = PGSetup.statements(distribution: .author, shards: nil)
        XCTAssertFalse(single.joined().contains("citus"))
        XCTAssertEqual(Array(plan.dropFirst().dropLast()), single.map { $0.replacingOccurrences(of: "'author'", with: "'tweet'") })
    }

    func testTheSingleServerPlanRunVerbatimMakesAStoreTwindexReadsAndIngestsInto() throws {
        let url = try database()
        try PGConnection(url: url).execute(PGSetup.statements(distribution: .author, shards: nil).joined(separator: "\n"))
        XCTAssertEqual(try Store.openForReading(path: url).stats().tweets, 0)
        try TestStores.ingest(Fixtures.tweetFiles.map(\.path), into: url)
        XCTAssertGreaterThan(try Store.openForReading(path: url).stats().tweets, 100)
    }

    func testWithoutCitusDistributedIsRefusedBeforeAnythingIsMade() throws {
        let url = try database()
        XCTAssertThrowsError(try PGSetup.run(url: url, distribution: .author, shards: 8)) { error in
            // Without Citus on the machine (CI), or with it installed but not preloaded.
            let refusal = error as? PostgresError
            XCTAssertTrue(refusal == .citusMissing(url: url) || refusal == .citusNotLoaded(url: url), "\(error)")
            XCTAssertTrue("\(error)".contains("Citus is not installed") || "\(error)".contains("shared_preload_libraries = 'citus'"),
                          "\(error)")
        }
        XCTAssertEqual(try PGConnection(url: url).scalar("SELECT count(*) FROM pg_tables WHERE schemaname = current_schema()"), 0)
    }

    func testTheDistributionColumnIsKeptAndCannotChange() throws {
        let url = try database()
        try PGSetup.run(url: url, distribution: .tweet, shards: nil)
        try PGSetup.run(url: url, distribution: .tweet, shards: nil)   // again: nothing to do
        XCTAssertThrowsError(try PGSetup.run(url: url, distribution: .author, shards: nil)) {
            XCTAssertEqual($0 as? PostgresError, .distributionMismatch(url: url, found: "tweet", asked: "author"))
        }
        try TestStores.ingest(Fixtures.tweetFiles.map(\.path), into: url)
        let db = try PGConnection(url: url)
        XCTAssertEqual(try db.scalar("SELECT count(*) FROM tweets WHERE shard_key <> id"), 0)
        XCTAssertEqual(try db.scalar("SELECT count(*) FROM hashtags h WHERE h.shard_key <> h.tweet_id"), 0)
    }
}

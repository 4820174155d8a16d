import Foundation
import TestSupport
import XCTest
@testable import Store

/// `twindex init --distributed` on a real Citus cluster (`TWINDEX_TEST_CITUS`, skipped
/// without one: CI has no Citus): what Citus's own catalogue says was distributed, and that
/// an ingest spreads the tweets over the workers' shards with each tweet's entities on its
/// tweet's shard, where the analyses' joins of entities with tweets run. The oracle is
/// Citus's metadata (pg_dist_partition, citus_shards), its plans and counts made on the
/// shards themselves, not twindex's code.
final class PGCitusTests: XCTestCase {
    private var url: String?

    override func tearDownWithError() throws { if let url { PostgresServer.dropCitus(url) } }

    private func database() throws -> String {
        guard let made = try PostgresServer.freshCitusDatabase() else { throw XCTSkip(PostgresServer.citusSkipReason) }
        url = made
        return made
    }

    func testDistributedInitShardsTheTweetTablesColocatedAndCopiesTheAccounts() throws {
        for distribution in PGSetup.Distribution.allCases {
            let url = try database()
            try PGSetup.run(url: url, distribution: distribution, shards: 6)
            let db = try PGConnection(url: url)
            var tables: [String: String] = [:]
            var colocation: [String: Int64] = [:]
            try db.query("SELECT logicalrelid::text, partmethod::text, colocationid FROM pg_dist_partition") {
                tables[$0.string(0) ?? ""] = $0.string(1)
                colocation[$0.string(0) ?? ""] = $0.int(2)
            }
            XCTAssertEqual(tables, ["tweets": "h", "hashtags": "h", "mentions": "h", "urls": "h", "users": "n", "deleted_tweets": "n"])
            XCTAssertEqual(Set(["tweets", "hashtags", "mentions", "urls"].map { colocation[$0] }).count, 1, "co-located")
            XCTAssertEqual(try db.scalar("SELECT count(*) FROM pg_dist_shard WHERE logicalrelid = 'tweets'::regclass"), 6)
            XCTAssertEqual(try db.scalar("SELECT count(DISTINCT nodeport) FROM citus_shards WHERE table_name = 'tweets'::regclass"),
                           try db.scalar("SELECT count(*) FROM pg_dist_node WHERE groupid <> 0"), "shards on every worker")

            try TestStores.ingest(Fixtures.tweetFiles.map(\.path), into: url)
            var perShard: [Int64] = []
            try db.query("SELECT result FROM run_command_on_shards('tweets', 'SELECT count(*) FROM %s')") {
                perShard.append(Int64($0.string(0) ?? "") ?? -1)
            }
            XCTAssertEqual(perShard.count, 6)
            XCTAssertEqual(perShard.reduce(0, +), try db.scalar("SELECT count(*) FROM tweets"))
            XCTAssertGreaterThan(perShard.filter { $0 > 0 }.count, 1, "the tweets spread over the shards: \(perShard)")
            // Each hashtag row sits on its tweet's shard: a join on the shard key alone finds them all.
            XCTAssertEqual(try db.scalar("SELECT count(*) FROM hashtags h JOIN tweets t ON t.shard_key = h.shard_key AND t.id = h.tweet_id"),
                           try db.scalar("SELECT count(*) FROM hashtags"))
            // The PostgreSQL dialect's entity join is co-located: Citus's plan is one task per
            // shard, where a join on the tweet id alone is a repartition (map and merge jobs).
            var plan = ""
            try db.query("EXPLAIN SELECT h.tag, count(*) FROM hashtags h JOIN tweets t ON \(PostgresDialect().sameTweet("h", "t")) GROUP BY h.tag") {
                plan += ($0.string(0) ?? "") + "\n"
            }
            XCTAssertTrue(plan.contains("Task Count: 6"), plan)
            XCTAssertFalse(plan.contains("MapMergeJob"), plan)
            PostgresServer.dropCitus(url)
            self.url = nil
        }
    }
}

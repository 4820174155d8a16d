import Foundation
import Store
import TestSupport
import XCTest
@testable import Analysis

/// A scoped report's account sections count the scope's tweets only, as every other section
/// does: tweets per account counted here from the generated JSON lines.
final class ReportScopeTests: XCTestCase {
    func testAccountSectionsOfAReportOfTwoAccountsHoldOnlyThem() throws {
        let dir = try SharedPaths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let corpus = dir.appendingPathComponent("r.jsonl").path
        _ = try GeneratedCorpus.write(to: corpus, tweets: 3_000, users: 30, seed: 6)
        var tweets: [String: Int64] = [:], seen = Set<String>()
        for line in try String(contentsOfFile: corpus, encoding: .utf8).split(separator: "\n") {
            let t = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
            guard let id = t["id_str"] as? String, seen.insert(id).inserted else { continue }
            let name = try XCTUnwrap((t["user"] as? [String: Any])?["screen_name"] as? String)
            tweets[name.lowercased(), default: 0] += 1
        }
        let chosen = tweets.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }.prefix(2).map(\.key)
        try TestStores.ingest([corpus], into: corpus + ".db")
        var options = ReportData.Options()
        options.baseline = nil
        options.scope = Scope(users: chosen)
        let data = try ReportData.gather(from: try Store.openForReading(path: corpus + ".db"), options: options)
        XCTAssertEqual(Dictionary(uniqueKeysWithValues: data.accounts.map { ($0.screenName?.lowercased() ?? "", $0.tweets) }),
                       Dictionary(uniqueKeysWithValues: chosen.map { ($0, tweets[$0] ?? -1) }))
        XCTAssertFalse(data.accountNetwork.nodes.isEmpty)
        for node in data.accountNetwork.nodes {
            XCTAssertTrue(chosen.contains(node.key), "\(node.key) tweeted outside the scope only")
            XCTAssertEqual(node.tweets, tweets[node.key])
        }
    }
}

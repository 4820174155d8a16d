import Analysis
import Foundation
import Generate
import Store
import TestSupport
import XCTest
@testable import Render

/// The report's account sections on a corpus with planted account groups: Figuur 2 with the
/// study's filter scaled, its brokers and groups (the generator's truth), and the most active
/// accounts counted here from the JSON lines.
final class ReportAccountSectionsTests: XCTestCase {
    private static var html = ""
    private static var truth: Truth?
    private static var lines: [[String: Any]] = []

    override class func setUp() {
        guard let dir = try? SharedPaths.temporaryDirectory() else { return }
        let corpus = dir.appendingPathComponent("a.jsonl").path
        truth = try? GeneratedCorpus.write(to: corpus, tweets: 20_000, users: 200, seed: 3)
        _ = try? TestStores.ingest([corpus], into: corpus + ".db")
        if let store = try? Store.openForReading(path: corpus + ".db"),
           let data = try? ReportData.gather(from: store, options: ReportData.Options()) {
            html = HTMLReport.render(data)
        }
        let text = (try? String(contentsOfFile: corpus, encoding: .utf8)) ?? ""
        lines = text.split(separator: "\n").compactMap {
            (try? JSONSerialization.jsonObject(with: Data($0.utf8))) as? [String: Any]
        }
        try? FileManager.default.removeItem(at: dir)
    }

    private func embedded(_ key: String) throws -> [String: Any] {
        let start = try XCTUnwrap(Self.html.range(of: "<script type=\"application/json\" id=\"twindex-data\">"))
        let end = try XCTUnwrap(Self.html.range(of: "</script>", range: start.upperBound..<Self.html.endIndex))
        let object = try JSONSerialization.jsonObject(with: Data(Self.html[start.upperBound..<end.lowerBound].utf8))
        return try XCTUnwrap((object as? [String: Any])?[key] as? [String: Any], key)
    }

    /// 50 neighbours at the study's 687,811 tweets by 1,109 accounts, proportionally fewer
    /// with fewer tweets per account (values worked out by hand).
    func testTheStudysFilterScalesWithTweetsPerAccount() {
        XCTAssertEqual(ReportData.studyMinDegree(tweets: 687_811, accounts: 1_109), 50)
        XCTAssertEqual(ReportData.studyMinDegree(tweets: 10_000, accounts: 1_105), 1)      // 0.73
        XCTAssertEqual(ReportData.studyMinDegree(tweets: 20_000, accounts: 200), 8)        // 8.06
        XCTAssertEqual(ReportData.studyMinDegree(tweets: 3 * 687_811, accounts: 1_109), 150)
        XCTAssertEqual(ReportData.studyMinDegree(tweets: 0, accounts: 0), 0)
    }

    func testFiguur2PutsThePlantedBrokersOnTopAndKeepsTheGroupsApart() throws {
        let truth = try XCTUnwrap(Self.truth)
        XCTAssertTrue(Self.html.contains("<section id=\"accounts-network\">"))
        XCTAssertTrue(Self.html.contains("Figuur 2"))
        let network = try embedded("account_network")
        XCTAssertEqual(network["kind"] as? String, "interaction")
        XCTAssertEqual(network["corpus_only"] as? Bool, true)
        let perAccount = 20_000.0 / Double(truth.accountGroups.count)
        XCTAssertEqual(network["min_degree"] as? Int, Int((50 * perAccount / (687_811.0 / 1_109)).rounded()))
        let top = try XCTUnwrap(network["top_betweenness"] as? [[String: Any]]).compactMap { $0["account"] as? String }
        let brokers = Set(truth.brokers.map { $0.lowercased() })
        XCTAssertEqual(Set(top.prefix(brokers.count)), brokers)
        for broker in truth.brokers { XCTAssertTrue(Self.html.contains("<td>@\(broker)</td>"), broker) }
        // Each large community's leading accounts come from one planted group.
        let groups = Dictionary(uniqueKeysWithValues: truth.accountGroups.map { ($0.key.lowercased(), $0.value) })
        let communities = try XCTUnwrap(network["communities"] as? [[String: Any]])
        XCTAssertEqual(communities.count, 5)
        var seen = Set<Int>()
        for c in communities {
            let leaders = (c["top"] as? [String] ?? []).filter { !brokers.contains($0) }
            let planted = Set(leaders.compactMap { groups[$0] })
            XCTAssertEqual(planted.count, 1, "\(leaders)")
            seen.formUnion(planted)
        }
        XCTAssertEqual(seen.count, 5)
    }

    /// The 20 most active accounts with their tweets, replies and native retweets, counted
    /// from the JSON lines (unique ids), ties by lower-cased screen name.
    func testMostActiveAccountsAreCountedFromTheJSON() throws {
        var tweets: [String: Int] = [:], replies: [String: Int] = [:], retweets: [String: Int] = [:]
        var seen = Set<String>()
        for t in Self.lines {
            guard let id = t["id_str"] as? String, seen.insert(id).inserted,
                  let name = (t["user"] as? [String: Any])?["screen_name"] as? String else { continue }
            tweets[name, default: 0] += 1
            if t["in_reply_to_status_id_str"] is String { replies[name, default: 0] += 1 }
            if t["retweeted_status"] != nil { retweets[name, default: 0] += 1 }
        }
        let expected = tweets.keys.sorted { (tweets[$0] ?? 0, $1.lowercased()) > (tweets[$1] ?? 0, $0.lowercased()) }.prefix(20)
        let rows = try XCTUnwrap(try embedded("users")["rows"] as? [[String: Any]])
        XCTAssertEqual(rows.compactMap { $0["screen_name"] as? String }, Array(expected))
        for row in rows {
            let name = try XCTUnwrap(row["screen_name"] as? String)
            XCTAssertEqual(row["tweets"] as? Int, tweets[name], name)
            XCTAssertEqual(row["replies"] as? Int, replies[name] ?? 0, name)
            XCTAssertEqual(row["retweets"] as? Int, retweets[name] ?? 0, name)
            XCTAssertTrue(Self.html.contains("<td>@\(name)</td>"), name)
        }
        XCTAssertTrue(Self.html.contains("<section id=\"accounts\">"))
    }
}

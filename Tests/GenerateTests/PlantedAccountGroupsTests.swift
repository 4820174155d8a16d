import Analysis
import Foundation
import Generate
import Graph
import Store
import TestSupport
import XCTest

/// The generator's planted account groups and brokers are what the account networks find,
/// and the networks' edge weights equal an independent count made from the JSON itself.
final class PlantedAccountGroupsTests: XCTestCase {
    private static var dir: URL!
    private static var corpus: String { dir.appendingPathComponent("g.jsonl").path }
    private static var truth: Truth!

    override class func setUp() {
        dir = try? SharedPaths.temporaryDirectory()
        truth = try? GeneratedCorpus.write(to: corpus, tweets: 20_000, users: 200, seed: 3)
        _ = try? TestStores.ingest([corpus], into: corpus + ".db")
    }

    override class func tearDown() { try? FileManager.default.removeItem(at: dir) }

    private func network(_ kind: NetworkKind, _ change: (inout AccountNetwork.Options) -> Void = { _ in }) throws -> AccountNetworkResult {
        var options = AccountNetwork.Options()
        options.kind = kind
        change(&options)
        return try AccountNetwork.network(in: try Store.openForReading(path: Self.corpus + ".db"), options: options).result
    }

    func testPlantedGroupsAreRecoveredAndBrokersRankTopByBetweenness() throws {
        let truth = try XCTUnwrap(Self.truth)
        let brokers = Set(truth.brokers.map { $0.lowercased() })
        XCTAssertEqual(brokers.count, 2, "one account in a hundred")
        let groups = Dictionary(uniqueKeysWithValues: truth.accountGroups.map { ($0.key.lowercased(), $0.value) })
        for algorithm in [CommunityDetection.Algorithm.leiden, .louvain] {
            let r = try network(.interaction) { $0.corpusOnly = true; $0.clustering.algorithm = algorithm }
            let members = r.nodes.filter { !brokers.contains($0.key) }
            let planted = try members.map { try XCTUnwrap(groups[$0.key], $0.key) }
            let nmi = ClusterAgreement.nmi(planted, members.map(\.community))
            print("planted account groups (\(algorithm)): NMI \(nmi), \(r.communities.count) communities")
            XCTAssertGreaterThanOrEqual(nmi, 0.95, "\(algorithm)")
            XCTAssertEqual(members.count + brokers.count, r.nodes.count)
            let top = r.nodes.sorted { $0.betweenness > $1.betweenness }.prefix(brokers.count).map(\.key)
            XCTAssertEqual(Set(top), brokers)
        }
    }

    /// Edges counted by Python from the JSON lines, by the ANALYSIS.md rules, without the store.
    func testEdgeWeightsEqualAnIndependentCountFromTheJSON() throws {
        if let reason = ReferenceTools.unavailableReason {
            if ReferenceTools.required { XCTFail(reason) }
            throw XCTSkip(reason)
        }
        let script = #"""
        import json, re, sys
        from collections import Counter
        MENTION = re.compile(r"(?:^|[^A-Za-z0-9_!#$%&*@＠])[@＠]([A-Za-z0-9_]{1,20})(?![@＠A-Za-z0-9_]|://)")
        seen = set(); kinds = {k: Counter() for k in ["mention", "mention+rt", "reply", "retweet", "interaction"]}
        for line in open(sys.argv[1]):
            t = json.loads(line)
            if "limit" in t: continue   # a stream notice, no tweet
            if t["id_str"] in seen: continue
            seen.add(t["id_str"])
            src = t["user"]["screen_name"].lower()
            ext = t.get("extended_tweet") if t.get("truncated") else None
            entities = ext["entities"] if ext else t.get("entities")
            text = ext["full_text"] if ext else t.get("full_text", t.get("text"))
            if entities is not None: names = [m["screen_name"] for m in entities["user_mentions"]]
            else: names = MENTION.findall(text)
            names = {n.lower() for n in names}
            rt = t.get("retweeted_status")
            links = {"mention": set() if rt else names, "mention+rt": names,
                     "reply": {t["in_reply_to_screen_name"].lower()} if t.get("in_reply_to_screen_name") else set(),
                     "retweet": {rt["user"]["screen_name"].lower()} if rt else set()}
            links["interaction"] = links["mention"] | links["reply"] | links["retweet"]
            for kind, targets in links.items():
                for dst in targets - {src}: kinds[kind][src + ">" + dst] += 1
        print(json.dumps(kinds))
        """#
        let out = try ReferenceTools.runPython(script, arguments: [Self.corpus])
        let expected = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(out.utf8)) as? [String: [String: Int]])
        let edges = { (r: AccountNetworkResult) in Dictionary(uniqueKeysWithValues: r.edges.map { ("\($0.source)>\($0.target)", Int($0.weight)) }) }
        XCTAssertEqual(edges(try network(.mention)), expected["mention"])
        XCTAssertEqual(edges(try network(.mention) { $0.includeRetweets = true }), expected["mention+rt"])
        XCTAssertEqual(edges(try network(.reply)), expected["reply"])
        XCTAssertEqual(edges(try network(.retweet)), expected["retweet"])
        XCTAssertEqual(edges(try network(.interaction)), expected["interaction"])
        XCTAssertGreaterThan(expected["interaction"]?.count ?? 0, 1000)
    }
}

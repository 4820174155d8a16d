import Foundation
import Graph
import Store
import TestSupport
import XCTest
@testable import Analysis

/// Account networks on a hand-made corpus whose edges are derived by hand in the comments.
final class AccountNetworkTests: XCTestCase {
    private var dir: URL!
    override func setUpWithError() throws { dir = try SharedPaths.temporaryDirectory() }
    override func tearDownWithError() throws { try? FileManager.default.removeItem(at: dir) }

    private static let ids = ["A": 1, "B": 2, "C": 3, "D": 4]

    /// A v1.1 tweet by `author` at minute `minute`, mentioning `mentions` (entities), with
    /// optional raw JSON members appended.
    private func v1(_ id: Int, _ author: String, _ minute: Int, mentions: [(String, Int)] = [], extra: String = "") -> String {
        let m = mentions.map { #"{"screen_name":"\#($0.0)","id_str":"\#($0.1)"}"# }.joined(separator: ",")
        let text = mentions.map { "@" + $0.0 }.joined(separator: " ") + " text"
        return #"{"id_str":"\#(id)","created_at":"Mon Jan 07 10:\#(String(format: "%02d", minute)):00 +0000 2013","text":"\#(text)","user":{"id_str":"\#(Self.ids[author]!)","screen_name":"\#(author)"},"entities":{"hashtags":[],"user_mentions":[\#(m)],"urls":[]}\#(extra)}"#
    }

    private func user(_ name: String) -> String { #"{"id_str":"\#(Self.ids[name] ?? 99)","screen_name":"\#(name)"}"# }

    /// t1: A mentions B (twice, as B and b) and X; t2: A replies to B mentioning B and C;
    /// t3: B retweets A ("RT @A"); t4: C quotes D, mentioning A; t5: D mentions itself;
    /// t6 (v2): D replies to C, mentioning C; t7: A mentions B, then is deleted.
    private func corpus() throws -> Store {
        let lines = [
            v1(1, "A", 1, mentions: [("B", 2), ("b", 2), ("X", 99)]),
            v1(2, "A", 2, mentions: [("B", 2), ("C", 3)], extra: #","in_reply_to_status_id_str":"5","in_reply_to_user_id_str":"2","in_reply_to_screen_name":"B""#),
            v1(3, "B", 3, mentions: [("A", 1)], extra: #","retweeted_status":{"id_str":"1","text":"x","user":\#(user("A"))}"#),
            v1(4, "C", 4, mentions: [("A", 1)], extra: #","quoted_status_id_str":"500","quoted_status":{"id_str":"500","text":"q","user":\#(user("D"))}"#),
            v1(5, "D", 5, mentions: [("D", 4)]),
            #"{"data":{"id":"6","author_id":"4","created_at":"2013-01-07T10:06:00.000Z","text":"@C yes","in_reply_to_user_id":"3","referenced_tweets":[{"type":"replied_to","id":"4"}],"entities":{"mentions":[{"username":"C","id":"3"}]}},"includes":{"users":[{"id":"4","username":"D"},{"id":"3","username":"C"}]}}"#,
            v1(7, "A", 7, mentions: [("B", 2)]),
            #"{"delete":{"status":{"id_str":"7","user_id_str":"1"}}}"#,
        ]
        let path = dir.appendingPathComponent("n.jsonl").path
        try (lines.joined(separator: "\n") + "\n").write(toFile: path, atomically: true, encoding: .utf8)
        try TestStores.ingest([path], into: path + ".db")
        return try Store.openForReading(path: path + ".db")
    }

    private func edges(_ r: AccountNetworkResult) -> [String: Int64] {
        Dictionary(uniqueKeysWithValues: r.edges.map { ("\($0.source)>\($0.target)", $0.weight) })
    }

    private func network(_ s: Store, _ kind: NetworkKind, _ change: (inout AccountNetwork.Options) -> Void = { _ in }) throws -> AccountNetworkResult {
        var options = AccountNetwork.Options()
        options.kind = kind
        change(&options)
        return try AccountNetwork.network(in: s, options: options).result
    }

    func testEdgesOfEveryKind() throws {
        let s = try corpus()
        XCTAssertEqual(edges(try network(s, .mention)), ["a>b": 2, "a>x": 1, "a>c": 1, "c>a": 1, "d>c": 1])
        XCTAssertEqual(edges(try network(s, .mention) { $0.includeRetweets = true }),
                       ["a>b": 2, "a>x": 1, "a>c": 1, "c>a": 1, "d>c": 1, "b>a": 1])
        XCTAssertEqual(edges(try network(s, .reply)), ["a>b": 1, "d>c": 1])
        XCTAssertEqual(edges(try network(s, .retweet)), ["b>a": 1])
        XCTAssertEqual(edges(try network(s, .quote)), ["c>d": 1])
        // t2 is both a mention and a reply of B: it adds 1.
        XCTAssertEqual(edges(try network(s, .interaction)),
                       ["a>b": 2, "a>x": 1, "a>c": 1, "b>a": 1, "c>a": 1, "c>d": 1, "d>c": 1])
    }

    func testNodeFiguresAndFilters() throws {
        let s = try corpus()
        let r = try network(s, .interaction)
        let byKey = Dictionary(uniqueKeysWithValues: r.nodes.map { ($0.key, $0) })
        XCTAssertEqual(r.nodes.map(\.key), ["a", "c", "b", "d", "x"], "by in + out weight (a 6, c 4, b 3, d 2, x 1), then key")
        XCTAssertEqual(byKey["a"].map { [$0.tweets, Int64($0.inDegree), Int64($0.outDegree), $0.inWeight, $0.outWeight] }, [2, 2, 3, 2, 4])
        XCTAssertEqual(byKey["x"].map { [$0.tweets, Int64($0.inDegree), Int64($0.outDegree)] }, [0, 1, 0])
        XCTAssertEqual(byKey["x"]?.label, "X")
        XCTAssertEqual(byKey["x"]?.userID, "99")
        XCTAssertEqual(byKey["d"]?.userID, "4")
        XCTAssertEqual(try network(s, .interaction) { $0.corpusOnly = true }.nodes.map(\.key), ["a", "c", "b", "d"])
        // Distinct neighbours on the whole graph: a 3 (b, c, x), c 2 (a, d), b, d, x 1.
        let filtered = try network(s, .interaction) { $0.minDegree = 1 }
        XCTAssertEqual(filtered.nodes.map(\.key), ["a", "c"])
        XCTAssertEqual(edges(filtered), ["a>c": 1, "c>a": 1])
        XCTAssertEqual(Set(r.communities.flatMap(\.top)), Set(r.nodes.map(\.key)))
        XCTAssertEqual(r.communities.map(\.size).reduce(0, +), 5)
    }

    /// A scope of A's and D's tweets: t1, t2 (A) and t5, t6 (D) link; the follow edges stay.
    func testAScopeKeepsOnlyItsTweetsEdgesAndCounts() throws {
        let s = try corpus()
        let scoped = try network(s, .interaction) { $0.scope = Scope(users: ["a", "D"]) }
        XCTAssertEqual(edges(scoped), ["a>b": 2, "a>x": 1, "a>c": 1, "d>c": 1])
        XCTAssertEqual(Dictionary(uniqueKeysWithValues: scoped.nodes.map { ($0.key, $0.tweets) }), ["a": 2, "b": 0, "c": 0, "d": 2, "x": 0])
        XCTAssertEqual(scoped.nodes.first { $0.key == "x" }?.label, "X", "names come from the whole store")
        XCTAssertEqual(try network(s, .interaction) { $0.scope = Scope(users: ["a", "d"]); $0.corpusOnly = true }.nodes.map(\.key),
                       ["a", "d"])
        XCTAssertEqual(edges(try network(s, .retweet) { $0.scope = Scope(excludeRetweets: true) }), [:])
        let later = try DateRange(from: "2013-01-08", to: nil)
        XCTAssertEqual(edges(try network(s, .mention) { $0.scope = Scope(range: later) }), [:])
    }

    /// Each account's latest spelling and id come from a different source: ann from a quote,
    /// bob from a mention, cy from its own profile, dee from a retweet, eve from a reply; fay's
    /// two spellings at the same time tie to the larger ("Fay" > "FAY").
    func testLabelsAndIdsAreTheLatestOfEverySourceOfNames() throws {
        let user = { (id: Int, name: String) in #"{"id_str":"\#(id)","screen_name":"\#(name)"}"# }
        func tweet(_ id: Int, _ minute: Int, by author: String = user(9, "Zed"), mentions: [(String, Int)] = [], _ extra: String = "") -> String {
            let m = mentions.map { #"{"screen_name":"\#($0.0)","id_str":"\#($0.1)"}"# }.joined(separator: ",")
            let text = mentions.map { "@" + $0.0 }.joined(separator: " ") + " text"
            return #"{"id_str":"\#(id)","created_at":"Mon Jan 07 10:\#(String(format: "%02d", minute)):00 +0000 2013","text":"\#(text)","user":\#(author),"entities":{"hashtags":[],"user_mentions":[\#(m)],"urls":[]}\#(extra)}"#
        }
        let reply = { (id: Int, name: String) in #","in_reply_to_status_id_str":"1","in_reply_to_user_id_str":"\#(id)","in_reply_to_screen_name":"\#(name)""# }
        let retweet = { (id: Int, name: String) in #","retweeted_status":{"id_str":"2","text":"x","user":\#(user(id, name))}"# }
        let quote = { (id: Int, name: String) in #","quoted_status_id_str":"3","quoted_status":{"id_str":"3","text":"q","user":\#(user(id, name))}"# }
        let lines = [
            tweet(10, 0, mentions: [("CY", 71)]),
            tweet(11, 1, mentions: [("ANN", 51)]), tweet(12, 2, reply(52, "Ann")), tweet(13, 3, retweet(53, "aNN")), tweet(14, 4, quote(54, "anN")),
            tweet(15, 5, quote(61, "BOB")), tweet(16, 6, retweet(62, "Bob")), tweet(17, 7, reply(63, "bOb")), tweet(18, 8, mentions: [("boB", 64)]),
            tweet(19, 9, by: user(71, "Cy"), mentions: [("Zed", 9)]),
            tweet(20, 10, mentions: [("DEE", 81)]), tweet(21, 11, retweet(82, "Dee")),
            tweet(22, 12, quote(91, "EVE")), tweet(23, 13, reply(92, "Eve")),
            tweet(24, 14, mentions: [("FAY", 101)]), tweet(25, 14, mentions: [("Fay", 101)]),
        ]
        let path = dir.appendingPathComponent("names.jsonl").path
        try (lines.joined(separator: "\n") + "\n").write(toFile: path, atomically: true, encoding: .utf8)
        try TestStores.ingest([path], into: path + ".db")
        let r = try network(try Store.openForReading(path: path + ".db"), .interaction)
        let names = Dictionary(uniqueKeysWithValues: r.nodes.map { ($0.key, [$0.label, $0.userID ?? "-"]) })
        XCTAssertEqual(names, ["zed": ["Zed", "9"], "ann": ["anN", "54"], "bob": ["boB", "64"], "cy": ["Cy", "71"],
                               "dee": ["Dee", "82"], "eve": ["Eve", "92"], "fay": ["Fay", "101"]])
        XCTAssertEqual(edges(r), ["zed>ann": 4, "zed>bob": 4, "zed>cy": 1, "cy>zed": 1, "zed>dee": 2, "zed>eve": 2, "zed>fay": 2])
    }

    func testUserHashtagNetworkIsBipartiteWithDistinctAuthors() throws {
        let tweet = { (id: Int, author: Int, tags: [String]) -> String in
            let h = tags.map { #"{"text":"\#($0)"}"# }.joined(separator: ",")
            return #"{"id_str":"\#(id)","created_at":"Mon Jan 07 10:00:00 +0000 2013","text":"t","user":{"id_str":"\#(author)","screen_name":"U\#(author)"},"entities":{"hashtags":[\#(h)],"user_mentions":[],"urls":[]}}"#
        }
        let lines = [tweet(1, 1, ["NS", "a"]), tweet(2, 1, ["ns"]), tweet(3, 2, ["NS"]), tweet(4, 3, ["a"]), tweet(5, 3, ["rare"])]
        let path = dir.appendingPathComponent("h.jsonl").path
        try (lines.joined(separator: "\n") + "\n").write(toFile: path, atomically: true, encoding: .utf8)
        try TestStores.ingest([path], into: path + ".db")
        let r = try network(try Store.openForReading(path: path + ".db"), .userHashtag) { $0.moreThan = 1 }
        XCTAssertFalse(r.directed)
        XCTAssertEqual(edges(r), ["u1>ns": 2, "u1>a": 1, "u2>ns": 1, "u3>a": 1])
        let ns = try XCTUnwrap(r.nodes.first { $0.key == "ns" })
        XCTAssertEqual([ns.tweets, ns.users ?? -1, Int64(ns.inDegree)], [3, 2, 2])
        XCTAssertEqual(ns.type, .hashtag)
        XCTAssertEqual(ns.label, "NS")
        XCTAssertNil(r.nodes.first { $0.key == "rare" }, "tags at or under --more-than are no nodes")
    }

    /// Betweenness and PageRank of every node equal networkx's on the network's own edges.
    func testCentralitiesEqualNetworkxOnTheEdges() throws {
        let corpus = dir.appendingPathComponent("g.jsonl").path
        _ = try GeneratedCorpus.write(to: corpus, tweets: 6000, users: 120, seed: 3)
        try TestStores.ingest([corpus], into: corpus + ".db")
        let r = try network(try Store.openForReading(path: corpus + ".db"), .interaction)
        XCTAssertGreaterThan(r.edges.count, 100)
        try CentralityOracle.check(r, file: #filePath, line: #line)
    }
}

/// networkx on a result's edges, node by node.
enum CentralityOracle {
    static func check(_ r: AccountNetworkResult, file: StaticString, line: UInt) throws {
        if let reason = ReferenceTools.unavailableReason {
            if ReferenceTools.required { XCTFail(reason, file: file, line: line) }
            throw XCTSkip(reason)
        }
        let script = """
        import json, sys
        import networkx as nx
        from networkx.algorithms.link_analysis.pagerank_alg import _pagerank_python
        spec = json.load(sys.stdin)
        G = nx.DiGraph() if spec["directed"] else nx.Graph()
        G.add_nodes_from(spec["nodes"])
        G.add_weighted_edges_from(spec["edges"])
        b = nx.betweenness_centrality(G, normalized=True)
        p = _pagerank_python(G, alpha=0.85, weight="weight", tol=1e-15, max_iter=100000)
        print(json.dumps({n: [b[n], p[n]] for n in G}))
        """
        let spec: [String: Any] = ["directed": r.directed, "nodes": r.nodes.map(\.key),
                                   "edges": r.edges.map { [$0.source, $0.target, $0.weight] as [Any] }]
        let out = try ReferenceTools.runPython(script, stdin: try JSONSerialization.data(withJSONObject: spec))
        let reference = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(out.utf8)) as? [String: [Double]])
        for node in r.nodes {
            let expected = try XCTUnwrap(reference[node.key])
            XCTAssertEqual(node.betweenness, expected[0], accuracy: 1e-9, "betweenness of \(node.key)", file: file, line: line)
            XCTAssertEqual(node.pagerank, expected[1], accuracy: 1e-8, "pagerank of \(node.key)", file: file, line: line)
        }
    }
}

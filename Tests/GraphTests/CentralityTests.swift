import Foundation
import Model
import TestSupport
import XCTest
@testable import Graph

/// Betweenness and PageRank against networkx 3.6 on seeded random directed graphs.
final class CentralityTests: XCTestCase {
    /// A random directed graph: `n` nodes, about `n * density` edges with weights 1...5,
    /// a few isolated nodes, some parallel edges (summed) and self-loops (dropped).
    static func randomGraph(n: Int, density: Double, seed: UInt64) -> [(Int, Int, Double)] {
        var rng = SeededRandom(seed: seed)
        var edges: [(Int, Int, Double)] = []
        let active = max(1, n - n / 10)
        for _ in 0..<Int(Double(n) * density) {
            let a = Int(rng.next() % UInt64(active)), b = Int(rng.next() % UInt64(active))
            edges.append((a, b, Double(1 + rng.next() % 5)))
        }
        return edges
    }

    /// networkx's values on the same edge list (parallel edges summed, self-loops dropped as
    /// DirectedGraph does). `sources`, when given, is the sample a k-source estimate used.
    func networkx(n: Int, edges: [(Int, Int, Double)], sources: [Int]? = nil) throws -> (betweenness: [Double], pagerank: [Double]) {
        if let reason = ReferenceTools.unavailableReason {
            if ReferenceTools.required { XCTFail(reason) }
            throw XCTSkip(reason)
        }
        let script = """
        import json, sys
        import networkx as nx
        from networkx.algorithms.centrality import betweenness as bc
        from networkx.algorithms.link_analysis.pagerank_alg import _pagerank_python
        spec = json.load(sys.stdin)
        G = nx.DiGraph()
        G.add_nodes_from(range(spec["n"]))
        for a, b, w in spec["edges"]:
            if a == b: continue
            if G.has_edge(a, b): G[a][b]["weight"] += w
            else: G.add_edge(a, b, weight=w)
        if spec["sources"] is None:
            b = nx.betweenness_centrality(G, normalized=True)
        else:
            b = dict.fromkeys(G, 0.0)
            for s in spec["sources"]:
                S, P, sigma, _ = bc._single_source_shortest_path_basic(G, s)
                b, _ = bc._accumulate_basic(b, S, P, sigma, s)
            b = bc._rescale(b, len(G), normalized=True, directed=True, endpoints=False, sampled_nodes=spec["sources"])
        p = _pagerank_python(G, alpha=0.85, weight="weight", tol=1e-15, max_iter=100000) if len(G) else {}
        print(json.dumps({"b": [b[i] for i in range(spec["n"])], "p": [p[i] for i in range(spec["n"])]}))
        """
        let spec: [String: Any] = ["n": n, "edges": edges.map { [$0.0, $0.1, $0.2] as [Any] }, "sources": sources as Any? ?? NSNull()]
        let out = try ReferenceTools.runPython(script, stdin: try JSONSerialization.data(withJSONObject: spec))
        let json = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(out.utf8)) as? [String: [Double]])
        return (try XCTUnwrap(json["b"]), try XCTUnwrap(json["p"]))
    }

    func testExactBetweennessAndPageRankEqualNetworkx() throws {
        for (n, density, seed) in [(1, 0.0, 1), (2, 1.0, 2), (3, 2.0, 3), (12, 1.5, 4), (60, 2.5, 5), (250, 3.0, 6), (400, 1.2, 7)] {
            let edges = Self.randomGraph(n: n, density: density, seed: UInt64(seed))
            let g = DirectedGraph(nodeCount: n, edges: edges)
            let reference = try networkx(n: n, edges: edges)
            let b = Betweenness.exact(g)
            let p = PageRank.compute(g)
            XCTAssertTrue(p.converged)
            for i in 0..<n {
                XCTAssertEqual(b[i], reference.betweenness[i], accuracy: 1e-9, "n=\(n) betweenness of \(i)")
                XCTAssertEqual(p.scores[i], reference.pagerank[i], accuracy: 1e-8, "n=\(n) pagerank of \(i)")
            }
        }
    }

    func testSampledBetweennessEqualsNetworkxOnTheSameSources() throws {
        let n = 300
        let edges = Self.randomGraph(n: n, density: 2.5, seed: 11)
        let g = DirectedGraph(nodeCount: n, edges: edges)
        let sources = Betweenness.sources(count: 40, nodeCount: n, seed: 5)
        XCTAssertEqual(Set(sources).count, 40)
        XCTAssertEqual(sources, Betweenness.sources(count: 40, nodeCount: n, seed: 5), "seeded")
        let reference = try networkx(n: n, edges: edges, sources: sources)
        let estimate = Betweenness.estimate(g, samples: 40, seed: 5)
        for i in 0..<n { XCTAssertEqual(estimate[i], reference.betweenness[i], accuracy: 1e-9, "node \(i)") }
        XCTAssertEqual(Betweenness.estimate(g, samples: n, seed: 5), Betweenness.exact(g))
    }

    /// Hand-derived: on the path 0 → 1 → 2 → 3 node 1 lies on 0→2 and 0→3, node 2 on 0→3
    /// and 1→3; (n−1)(n−2) = 6.
    func testBetweennessOfADirectedPath() {
        let g = DirectedGraph(nodeCount: 4, edges: [(0, 1, 1), (1, 2, 1), (2, 3, 1)])
        XCTAssertEqual(Betweenness.exact(g), [0, 2.0 / 6, 2.0 / 6, 0])
    }

    func testParallelEdgesAreSummedAndSelfLoopsDropped() {
        let g = DirectedGraph(nodeCount: 3, edges: [(0, 1, 2), (0, 1, 1), (1, 1, 5), (2, 0, 1), (1, 0, 1)])
        XCTAssertEqual(g.edgeCount, 3)
        XCTAssertEqual(g.outWeight, [3, 1, 1])
        XCTAssertEqual(g.inWeight, [2, 3, 0])
        XCTAssertEqual((0..<3).map(g.neighborCount), [2, 1, 1])
        XCTAssertEqual((0..<3).map(g.outDegree), [1, 1, 1])
        XCTAssertEqual(g.undirected.totalWeight, 5)
    }
}

@testable import Analysis
import Foundation
import Store
import TestSupport
import XCTest
@testable import Render

/// The account network's files read back by networkx (GEXF, GraphML) and Python's csv module,
/// node by node and edge by edge, against the result they were written from.
final class AccountNetworkExportTests: XCTestCase {
    private var dir: URL!
    override func setUpWithError() throws { dir = try SharedPaths.temporaryDirectory() }
    override func tearDownWithError() throws { try? FileManager.default.removeItem(at: dir) }

    private func network(_ kind: NetworkKind) throws -> AccountNetworkGraph {
        let corpus = dir.appendingPathComponent("g.jsonl").path
        if !FileManager.default.fileExists(atPath: corpus + ".db") {
            _ = try GeneratedCorpus.write(to: corpus, tweets: 3000, users: 60, seed: 5)
            try TestStores.ingest([corpus], into: corpus + ".db")
        }
        var options = AccountNetwork.Options()
        options.kind = kind
        options.moreThan = 20
        return try AccountNetwork.network(in: try Store.openForReading(path: corpus + ".db"), options: options)
    }

    private static let reader = """
    import csv, json, sys
    import networkx as nx
    gexf, graphml, nodes_csv, edges_csv = sys.argv[1:5]
    def dump(G):
        return {"directed": G.is_directed(),
                "nodes": {str(n): {k: v for k, v in d.items()} for n, d in G.nodes(data=True)},
                "edges": sorted([str(a), str(b), d["weight"]] for a, b, d in G.edges(data=True))}
    with open(nodes_csv, newline="") as f: nodes = list(csv.DictReader(f))
    with open(edges_csv, newline="") as f: edges = list(csv.DictReader(f))
    print(json.dumps({"gexf": dump(nx.read_gexf(gexf)), "graphml": dump(nx.read_graphml(graphml)),
                      "nodes_csv": nodes, "edges_csv": edges}, default=str))
    """

    private func readBack(_ network: AccountNetworkGraph) throws -> [String: Any] {
        if let reason = ReferenceTools.unavailableReason {
            if ReferenceTools.required { XCTFail(reason) }
            throw XCTSkip(reason)
        }
        let document = AccountNetworkExport.document(network.result, positions: network.layout())
        let paths = ["n.gexf", "n.graphml", "n-nodes.csv", "n-edges.csv"].map { dir.appendingPathComponent($0).path }
        for (path, text) in zip(paths, [document.gexf(), document.graphML(), document.nodesCSV(), document.edgesCSV()]) {
            try text.write(toFile: path, atomically: true, encoding: .utf8)
        }
        let out = try ReferenceTools.runPython(Self.reader, arguments: paths)
        return try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(out.utf8)) as? [String: Any])
    }

    func testEveryNodeEdgeAndAttributeReadsBack() throws {
        for kind in [NetworkKind.interaction, .userHashtag] {
            let network = try network(kind)
            let r = network.result
            XCTAssertGreaterThan(r.edges.count, 20, "\(kind)")
            let back = try readBack(network)
            let id = { (n: AccountNetworkResult.Node) in n.type == .hashtag ? "#" + n.key : n.key }
            let expectedEdges = r.edges.map { e -> [String] in
                [e.source, kind == .userHashtag ? "#" + e.target : e.target, String(e.weight)]
            }.sorted { $0.lexicographicallyPrecedes($1) }
            for format in ["gexf", "graphml"] {
                let g = try XCTUnwrap(back[format] as? [String: Any])
                XCTAssertEqual(g["directed"] as? Bool, r.directed, "\(kind) \(format)")
                let nodes = try XCTUnwrap(g["nodes"] as? [String: [String: Any]])
                XCTAssertEqual(Set(nodes.keys), Set(r.nodes.map(id)), "\(kind) \(format)")
                for n in r.nodes {
                    let d = try XCTUnwrap(nodes[id(n)])
                    XCTAssertEqual(d["label"] as? String, n.label)
                    XCTAssertEqual((d["tweets"] as? NSNumber)?.int64Value, n.tweets)
                    XCTAssertEqual((d["in_degree"] as? NSNumber)?.intValue, n.inDegree)
                    XCTAssertEqual((d["out_weight"] as? NSNumber)?.int64Value, n.outWeight)
                    XCTAssertEqual((d["community"] as? NSNumber)?.intValue, n.community)
                    XCTAssertEqual((d["betweenness"] as? NSNumber)?.doubleValue ?? -1, n.betweenness, accuracy: 1e-15)
                    XCTAssertEqual((d["pagerank"] as? NSNumber)?.doubleValue ?? -1, n.pagerank, accuracy: 1e-15)
                    if format == "gexf" {
                        let viz = try XCTUnwrap(d["viz"] as? [String: Any], "viz of \(n.key)")
                        XCTAssertNotNil(viz["position"])
                        XCTAssertNotNil(viz["color"])
                        XCTAssertNotNil(viz["size"])
                    }
                }
                // An undirected graph may give an edge's ends either way round.
                let ends = { (e: [String]) in r.directed ? e : e.prefix(2).sorted() + [e[2]] }
                let edges = try XCTUnwrap(g["edges"] as? [[Any]]).map { ends($0.map { "\($0)".replacingOccurrences(of: ".0", with: "") }) }
                XCTAssertTrue(edges.sorted { $0.lexicographicallyPrecedes($1) } == expectedEdges.map(ends).sorted { $0.lexicographicallyPrecedes($1) },
                              "\(kind) \(format): edges differ")
            }
            let nodesCSV = try XCTUnwrap(back["nodes_csv"] as? [[String: String]])
            XCTAssertEqual(nodesCSV.map { $0["Id"] ?? "" }, r.nodes.map(id))
            XCTAssertEqual(nodesCSV.map { $0["Label"] ?? "" }, r.nodes.map(\.label))
            let edgesCSV = try XCTUnwrap(back["edges_csv"] as? [[String: String]])
            XCTAssertEqual(edgesCSV.map { [$0["Source"] ?? "", $0["Target"] ?? "", $0["Weight"] ?? ""] }.sorted { $0.lexicographicallyPrecedes($1) },
                           expectedEdges)
            XCTAssertEqual(Set(edgesCSV.map { $0["Type"] ?? "" }), [r.directed ? "Directed" : "Undirected"])
        }
    }

    func testBiggestBrokerIsDrawnLargestInItsCommunityColour() throws {
        let r = try network(.interaction).result
        let document = AccountNetworkExport.document(r, positions: nil)
        let top = try XCTUnwrap(r.nodes.indices.max { r.nodes[$0].betweenness < r.nodes[$1].betweenness })
        XCTAssertEqual(document.nodes[top].size, 40)
        XCTAssertEqual(document.nodes[top].colour, ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442"].indices
            .contains(r.nodes[top].community) ? ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442"][r.nodes[top].community] : "#999999")
        XCTAssertFalse(document.gexf().contains("viz:position"), "no positions asked for")
    }
}

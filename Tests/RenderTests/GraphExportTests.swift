@testable import Analysis
import Foundation
import Graph
import TestSupport
import XCTest
@testable import Render

final class GraphExportTests: XCTestCase {
    let result = CooccurrenceResult(
        algorithm: .leiden, resolution: 1, seed: 3, runs: 1, moreThan: 100, modularity: 0.25,
        nodes: [.init(tag: "ns", label: "NS", frequency: 300, users: 40, community: 0),
                .init(tag: "café", label: "Café & <co>", frequency: 200, users: 30, community: 0),
                .init(tag: "hnw", label: "hnw", frequency: 150, users: 20, community: 1)],
        edges: [.init(source: "ns", target: "café", weight: 12), .init(source: "café", target: "hnw", weight: 3)],
        communities: [.init(id: 0, size: 2, top: ["ns", "café"]), .init(id: 1, size: 1, top: ["hnw"])])

    /// Hand-placed positions (the report's layout is in [-1, 1]²).
    let positions: [(x: Double, y: Double)] = [(0.5, -0.25), (-1, 0), (0.125, 1)]

    private static let reader = """
    import json, sys
    import networkx as nx
    def dump(G):
        return {"directed": G.is_directed(),
                "nodes": {str(n): d for n, d in G.nodes(data=True)},
                "edges": sorted(sorted([str(a), str(b)]) + [float(d["weight"])] for a, b, d in G.edges(data=True))}
    print(json.dumps({"gexf": dump(nx.read_gexf(sys.argv[1])), "graphml": dump(nx.read_graphml(sys.argv[2]))}))
    """

    /// GEXF and GraphML read back by networkx: every node (label, frequency, users, community;
    /// in the GEXF colour, size and position too) and every weighted edge, against values
    /// derived by hand from `result`: the palette's first two colours, 3 + 14·√(f/300), ×1000.
    func testNetworkxReadsBackEveryNodeEdgeAndAttribute() throws {
        if let reason = ReferenceTools.unavailableReason {
            if ReferenceTools.required { XCTFail(reason) }
            throw XCTSkip(reason)
        }
        let dir = try SharedPaths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let document = GraphExport.document(result, positions: positions)
        let gexf = dir.appendingPathComponent("n.gexf").path, graphML = dir.appendingPathComponent("n.graphml").path
        try document.gexf().write(toFile: gexf, atomically: true, encoding: .utf8)
        try document.graphML().write(toFile: graphML, atomically: true, encoding: .utf8)
        let out = try ReferenceTools.runPython(Self.reader, arguments: [gexf, graphML])
        let back = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(out.utf8)) as? [String: [String: Any]])
        let expected: [String: (label: String, frequency: Int, users: Int, community: Int)] = [
            "ns": ("NS", 300, 40, 0), "café": ("Café & <co>", 200, 30, 0), "hnw": ("hnw", 150, 20, 1)]
        let viz: [String: (rgb: [Int], size: Double, x: Double, y: Double)] = [
            "ns": ([0x00, 0x72, 0xB2], 17, 500, -250),
            "café": ([0x00, 0x72, 0xB2], 3 + 14 * (2.0 / 3).squareRoot(), -1000, 0),
            "hnw": ([0xE6, 0x9F, 0x00], 3 + 14 * 0.5.squareRoot(), 125, 1000)]
        for format in ["gexf", "graphml"] {
            let g = try XCTUnwrap(back[format])
            XCTAssertEqual(g["directed"] as? Bool, false)
            let nodes = try XCTUnwrap(g["nodes"] as? [String: [String: Any]])
            XCTAssertEqual(Set(nodes.keys), Set(expected.keys), format)
            for (id, e) in expected {
                let d = try XCTUnwrap(nodes[id])
                XCTAssertEqual(d["label"] as? String, e.label, "\(format) \(id)")
                XCTAssertEqual(d["frequency"] as? Int, e.frequency, "\(format) \(id)")
                XCTAssertEqual(d["users"] as? Int, e.users, "\(format) \(id)")
                XCTAssertEqual(d["community"] as? Int, e.community, "\(format) \(id)")
                guard format == "gexf", let v = viz[id] else { continue }
                let drawn = try XCTUnwrap(d["viz"] as? [String: Any], id)
                let colour = try XCTUnwrap(drawn["color"] as? [String: Any])
                XCTAssertEqual(["r", "g", "b"].map { colour[$0] as? Int }, v.rgb.map { $0 }, id)
                XCTAssertEqual(drawn["size"] as? Double ?? -1, v.size, accuracy: 1e-6, id)
                let p = try XCTUnwrap(drawn["position"] as? [String: Any])
                XCTAssertEqual(p["x"] as? Double ?? .nan, v.x, accuracy: 1e-6, id)
                XCTAssertEqual(p["y"] as? Double ?? .nan, v.y, accuracy: 1e-6, id)
            }
            let edges = try XCTUnwrap(g["edges"] as? [[Any]]).map { $0.map { "\($0)" } }
            XCTAssertEqual(edges, [["café", "hnw", "3.0"], ["café", "ns", "12.0"]], format)
        }
    }

    /// The CSV files read by Python's csv module and the JSON document read by
    /// JSONSerialization: two parsers that are not twindex's, the same network, and the
    /// hand-written values of `tricky` (quotes, commas, a line break, `&` and `<`).
    func testCSVAndJSONCarryTheSameNetwork() throws {
        guard ReferenceTools.python != nil else {
            if ReferenceTools.required { XCTFail(ReferenceTools.unavailableReason ?? "") }
            throw XCTSkip(ReferenceTools.unavailableReason ?? "")
        }
        let dir = try SharedPaths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let nodesPath = dir.appendingPathComponent("nodes.csv"), edgesPath = dir.appendingPathComponent("edges.csv")
        let document = GraphExport.document(tricky, positions: nil)
        try document.nodesCSV().write(to: nodesPath, atomically: true, encoding: .utf8)
        try document.edgesCSV().write(to: edgesPath, atomically: true, encoding: .utf8)
        let script = """
            import csv, json, sys
            def rows(path):
                with open(path, newline="", encoding="utf-8") as f:
                    return list(csv.reader(f, strict=True))
            print(json.dumps({"nodes": rows(sys.argv[1]), "edges": rows(sys.argv[2])}))
            """
        let out = try ReferenceTools.runPython(script, arguments: [nodesPath.path, edgesPath.path])
        let csv = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(out.utf8)) as? [String: [[String]]])
        let json = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(GraphExport.json(tricky).rendered().utf8)) as? [String: Any])

        let expectedNodes = [["Id", "Label", "frequency", "users", "community"],
                             ["ns", "NS, \"de\" spoorwegen", "300", "40", "0"],
                             ["café", "Café & <co>", "200", "30", "0"],
                             ["hnw", "het nieuwe\nwerken", "150", "20", "1"]]
        let expectedEdges = [["Source", "Target", "Weight", "Type"], ["ns", "café", "12", "Undirected"],
                             ["café", "hnw", "3", "Undirected"]]
        XCTAssertEqual(csv["nodes"], expectedNodes)
        XCTAssertEqual(csv["edges"], expectedEdges)

        let jsonNodes = (json["nodes"] as? [[String: Any]] ?? []).map { n in
            ["tag", "label", "frequency", "users", "community"].map { key in n[key].map { "\($0)" } ?? "missing" }
        }
        let jsonEdges = (json["edges"] as? [[String: Any]] ?? []).map { e in
            ["source", "target", "weight"].map { key in e[key].map { "\($0)" } ?? "missing" }
        }
        XCTAssertEqual(jsonNodes, Array(expectedNodes.dropFirst()), "JSON nodes = CSV nodes")
        XCTAssertEqual(jsonEdges, expectedEdges.dropFirst().map { Array($0.prefix(3)) }, "JSON edges = CSV edges")
        XCTAssertEqual(json["modularity"] as? Double, 0.25)
        XCTAssertEqual(json["more_than"] as? Int, 100)
    }

    /// `result` with labels that need quoting in CSV.
    private var tricky: CooccurrenceResult {
        var r = result
        r.nodes[0].label = "NS, \"de\" spoorwegen"
        r.nodes[2].label = "het nieuwe\nwerken"
        return r
    }
}

import Foundation
import TestSupport
import XCTest

/// README's "Use it with" commands, run as written (on the bundled sample, with thresholds
/// for its size), and their files opened by the tools named there.
final class UseItWithTests: XCTestCase {
    private static var dir: URL!
    private static var db: String!

    override class func setUp() {
        dir = try? SharedPaths.temporaryDirectory()
        db = dir.appendingPathComponent("study.db").path
        _ = try? CLI.run(["ingest", "--db", db, "--quiet", SharedPaths.packageRoot.appendingPathComponent("corpus/sample.jsonl.gz").path])
    }

    override class func tearDown() { try? FileManager.default.removeItem(at: dir) }

    private func requireReferenceTools() throws {
        if let reason = ReferenceTools.unavailableReason {
            if ReferenceTools.required { XCTFail(reason) }
            throw XCTSkip(reason)
        }
    }

    /// Gephi: `cooccur --gexf --csv`; networkx reads the GEXF with a colour, size and position
    /// on every node, and the same nodes and edges as `--json` and the spreadsheet CSVs.
    func testGephiFilesCarryTheNetworkAndItsDrawing() throws {
        try requireReferenceTools()
        let out = try CLI.run(["cooccur", "--db", Self.db, "--more-than", "5", "--gexf", "figuur3.gexf", "--csv", "figuur3", "--json"],
                              directory: Self.dir)
        XCTAssertEqual(out.status, 0, out.stderr)
        let json = try XCTUnwrap(out.json as? [String: Any])
        let nodes = try XCTUnwrap(json["nodes"] as? [[String: Any]]).compactMap { $0["tag"] as? String }
        let edges = try XCTUnwrap(json["edges"] as? [[String: Any]]).map { e in
            [e["source"], e["target"]].compactMap { $0 as? String }.sorted() + ["\(e["weight"] ?? "")"]
        }
        XCTAssertGreaterThan(edges.count, 5)
        let script = """
            import csv, json, sys
            import networkx as nx
            G = nx.read_gexf(sys.argv[1])
            drawn = all({"color", "size", "position"} <= set(d.get("viz", {})) for _, d in G.nodes(data=True))
            with open(sys.argv[2], newline="") as f: csv_nodes = [r["Id"] for r in csv.DictReader(f)]
            with open(sys.argv[3], newline="") as f: csv_edges = [sorted([r["Source"], r["Target"]]) + [r["Weight"]] for r in csv.DictReader(f)]
            print(json.dumps({"nodes": list(G.nodes), "drawn": drawn, "csv_nodes": csv_nodes, "csv_edges": csv_edges,
                              "edges": [sorted([a, b]) + [str(int(d["weight"]))] for a, b, d in G.edges(data=True)]}))
            """
        let paths = ["figuur3.gexf", "figuur3-nodes.csv", "figuur3-edges.csv"].map { Self.dir.appendingPathComponent($0).path }
        let back = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(try ReferenceTools.runPython(script, arguments: paths).utf8)) as? [String: Any])
        XCTAssertEqual(back["nodes"] as? [String], nodes)
        XCTAssertEqual(back["csv_nodes"] as? [String], nodes)
        XCTAssertEqual(back["drawn"] as? Bool, true)
        let sort = { (e: [[String]]) in e.sorted { $0.lexicographicallyPrecedes($1) } }
        XCTAssertEqual(sort(back["edges"] as? [[String]] ?? []), sort(edges))
        XCTAssertEqual(sort(back["csv_edges"] as? [[String]] ?? []), sort(edges))
    }
}

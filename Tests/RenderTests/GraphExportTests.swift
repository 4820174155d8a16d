@testable import Analysis
import Foundation
import Graph
import TestSupport
#if canImport(FoundationXML)
import FoundationXML
#endif
import XCTest
@testable import Render

/// Reads XML back and keeps elements with their attributes, in order.
final class XMLCollector: NSObject, XMLParserDelegate {
    var elements: [(String, [String: String])] = []
    var text: [String: String] = [:]
    private var currentKey: String?
    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                attributes: [String: String] = [:]) {
        elements.append((name, attributes))
        currentKey = name == "data" ? attributes["key"] : nil
    }
    func parser(_ parser: XMLParser, foundCharacters string: String) {
        if let key = currentKey { text[key, default: ""] += string }
    }
}

final class GraphExportTests: XCTestCase {
    let result = CooccurrenceResult(
        algorithm: .leiden, resolution: 1, seed: 3, runs: 1, moreThan: 100, modularity: 0.25,
        nodes: [.init(tag: "ns", label: "NS", frequency: 300, users: 40, community: 0),
                .init(tag: "café", label: "Café & <co>", frequency: 200, users: 30, community: 0),
                .init(tag: "hnw", label: "hnw", frequency: 150, users: 20, community: 1)],
        edges: [.init(source: "ns", target: "café", weight: 12), .init(source: "café", target: "hnw", weight: 3)],
        communities: [.init(id: 0, size: 2, top: ["ns", "café"]), .init(id: 1, size: 1, top: ["hnw"])])

    private func parse(_ text: String) throws -> XMLCollector {
        let parser = XMLParser(data: Data(text.utf8))
        let collector = XMLCollector()
        parser.delegate = collector
        XCTAssertTrue(parser.parse(), "not well-formed: \(parser.parserError.map { "\($0)" } ?? "")")
        return collector
    }

    func testGEXFIsWellFormedWithNodesAttributesAndWeightedUndirectedEdges() throws {
        let xml = try parse(GraphExport.gexf(result))
        let root = xml.elements.first
        XCTAssertEqual(root?.0, "gexf")
        XCTAssertEqual(root?.1["version"], "1.3")
        XCTAssertEqual(root?.1["xmlns"], "http://gexf.net/1.3")
        XCTAssertEqual(xml.elements.first { $0.0 == "graph" }?.1["defaultedgetype"], "undirected")
        let nodes = xml.elements.filter { $0.0 == "node" }
        XCTAssertEqual(nodes.map { $0.1["id"] }, ["ns", "café", "hnw"])
        XCTAssertEqual(nodes[1].1["label"], "Café & <co>")
        let declared = Set(xml.elements.filter { $0.0 == "attribute" }.compactMap { $0.1["id"] })
        let used = xml.elements.filter { $0.0 == "attvalue" }
        XCTAssertEqual(used.count, 9)
        XCTAssertTrue(used.allSatisfy { declared.contains($0.1["for"] ?? "") })
        let ids = Set(nodes.compactMap { $0.1["id"] })
        let edges = xml.elements.filter { $0.0 == "edge" }
        XCTAssertEqual(edges.map { $0.1["weight"] }, ["12", "3"])
        XCTAssertTrue(edges.allSatisfy { ids.contains($0.1["source"] ?? "") && ids.contains($0.1["target"] ?? "") })
        XCTAssertEqual(Set(edges.compactMap { $0.1["id"] }).count, edges.count)
    }

    func testGraphMLIsWellFormedAndKeysAreDeclared() throws {
        let xml = try parse(GraphExport.graphML(result))
        let keys = Set(xml.elements.filter { $0.0 == "key" }.compactMap { $0.1["id"] })
        XCTAssertEqual(keys, ["label", "frequency", "users", "community", "weight"])
        XCTAssertEqual(xml.elements.first { $0.0 == "graph" }?.1["edgedefault"], "undirected")
        XCTAssertEqual(xml.elements.filter { $0.0 == "node" }.count, 3)
        XCTAssertEqual(xml.elements.filter { $0.0 == "edge" }.count, 2)
        XCTAssertTrue(xml.elements.filter { $0.0 == "data" }.allSatisfy { keys.contains($0.1["key"] ?? "") })
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
        try GraphExport.nodesCSV(tricky).write(to: nodesPath, atomically: true, encoding: .utf8)
        try GraphExport.edgesCSV(tricky).write(to: edgesPath, atomically: true, encoding: .utf8)
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

        let expectedNodes = [["tag", "label", "frequency", "users", "community"],
                             ["ns", "NS, \"de\" spoorwegen", "300", "40", "0"],
                             ["café", "Café & <co>", "200", "30", "0"],
                             ["hnw", "het nieuwe\nwerken", "150", "20", "1"]]
        let expectedEdges = [["source", "target", "weight"], ["ns", "café", "12"], ["café", "hnw", "3"]]
        XCTAssertEqual(csv["nodes"], expectedNodes)
        XCTAssertEqual(csv["edges"], expectedEdges)

        let jsonNodes = (json["nodes"] as? [[String: Any]] ?? []).map { n in
            ["tag", "label", "frequency", "users", "community"].map { key in n[key].map { "\($0)" } ?? "missing" }
        }
        let jsonEdges = (json["edges"] as? [[String: Any]] ?? []).map { e in
            ["source", "target", "weight"].map { key in e[key].map { "\($0)" } ?? "missing" }
        }
        XCTAssertEqual(jsonNodes, Array(expectedNodes.dropFirst()), "JSON nodes = CSV nodes")
        XCTAssertEqual(jsonEdges, Array(expectedEdges.dropFirst()), "JSON edges = CSV edges")
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

import Analysis
import Foundation
import Model

/// The co-occurrence network as files other tools open (GEXF 1.3 for Gephi, GraphML, CSV,
/// through `AttributedGraph`) and the `--json` document. Byte-stable for the same input.
public enum GraphExport {
    /// `twindex cooccur --json`.
    public static func json(_ r: CooccurrenceResult) -> JSONValue {
        .object([
            "algorithm": .string(r.algorithm.rawValue), "resolution": .double(r.resolution),
            "seed": .int(Int64(bitPattern: r.seed)), "runs": .int(r.runs), "more_than": .int(r.moreThan),
            "modularity": .double(r.modularity),
            "nodes": .array(r.nodes.map {
                .object(["tag": .string($0.tag), "label": .string($0.label), "frequency": .int($0.frequency),
                         "users": .int($0.users), "community": .int($0.community)])
            }),
            "edges": .array(r.edges.map {
                .object(["source": .string($0.source), "target": .string($0.target), "weight": .int($0.weight)])
            }),
            "communities": .array(r.communities.map {
                .object(["id": .int($0.id), "size": .int($0.size), "top": .array($0.top.map(JSONValue.string))])
            }),
        ])
    }

    /// The network as an attributed graph (the GEXF, GraphML and CSV files): node ids are the
    /// normalised tags; attributes `frequency`, `users`, `community`; colours from the report's
    /// palette by community; sizes 3–17 by frequency (the report's circle radius: 3 + 14·√(f/max));
    /// positions (when given: the report's layout, by node index) scaled to ±1000.
    ///
    /// ```swift
    /// let file = GraphExport.document(network.result, positions: NetworkLayout(network).positions)
    /// try file.gexf().write(toFile: "figuur3.gexf", atomically: true, encoding: .utf8)
    /// ```
    public static func document(_ r: CooccurrenceResult, positions: [(x: Double, y: Double)]?) -> AttributedGraph {
        let maxF = Double(max(r.nodes.map(\.frequency).max() ?? 1, 1))
        let nodes = r.nodes.enumerated().map { i, n in
            AttributedGraph.Node(id: n.tag, label: n.label, values: [.int(n.frequency), .int(n.users), .int(n.community)],
                                 colour: SVGCharts.communityColour(n.community), size: nodeRadius(n.frequency, max: maxF),
                                 position: positions.flatMap { i < $0.count ? ($0[i].x * 1000, $0[i].y * 1000) : nil })
        }
        return AttributedGraph(directed: false, name: "cooccurrence", description: description(r),
                               columns: [.init("frequency", .integer), .init("users", .integer), .init("community", .integer)],
                               nodes: nodes, edges: r.edges.map { .init(source: $0.source, target: $0.target, weight: $0.weight) })
    }

    /// The radius the report draws a tag with (and its GEXF `viz:size`).
    static func nodeRadius(_ frequency: Int64, max: Double) -> Double { 3 + 14 * (Double(frequency) / max).squareRoot() }

    static func description(_ r: CooccurrenceResult) -> String {
        "Hashtag co-occurrence: tags in more than \(r.moreThan) tweets; \(r.algorithm.rawValue), resolution \(r.resolution), seed \(r.seed), modularity \(String(format: "%.4f", r.modularity))"
    }
}

import Analysis
import Foundation
import Model

/// `twindex network`'s outputs: the `--json` document of CLI.md and the Gephi/GraphML/CSV
/// files (through `AttributedGraph`), coloured by community and sized by betweenness.
public enum AccountNetworkExport {
    /// `twindex network --json`.
    public static func json(_ r: AccountNetworkResult) -> JSONValue {
        let o = r.options
        return .object([
            "kind": .string(r.kind.rawValue), "directed": .bool(r.directed),
            "algorithm": .string(o.clustering.algorithm.rawValue), "resolution": .double(o.clustering.resolution),
            "seed": .int(Int64(bitPattern: r.seed)), "runs": .int(o.clustering.runs), "modularity": .double(r.modularity),
            "include_retweets": .bool(o.includeRetweets), "corpus_only": .bool(o.corpusOnly),
            "min_degree": o.minDegree.map { .int($0) } ?? .null,
            "more_than": r.kind == .userHashtag ? .int(o.moreThan) : .null,
            "betweenness_samples": o.betweennessSamples.map { .int($0) } ?? .null,
            "nodes": .array(r.nodes.map { node($0, bipartite: r.kind == .userHashtag) }),
            "edges": .array(r.edges.map {
                .object(["source": .string($0.source), "target": .string($0.target), "weight": .int($0.weight)])
            }),
            "communities": .array(r.communities.map {
                .object(["id": .int($0.id), "size": .int($0.size), "top": .array($0.top.map(JSONValue.string))])
            }),
        ])
    }

    /// One node of the `--json` document.
    static func node(_ n: AccountNetworkResult.Node, bipartite: Bool) -> JSONValue {
        var o: [String: JSONValue] = [
            n.type == .hashtag ? "tag" : "account": .string(n.key), "label": .string(n.label),
            "user_id": .optional(n.userID), "tweets": .int(n.tweets),
            "in_degree": .int(n.inDegree), "out_degree": .int(n.outDegree),
            "in_weight": .int(n.inWeight), "out_weight": .int(n.outWeight),
            "betweenness": .double(n.betweenness), "pagerank": .double(n.pagerank), "community": .int(n.community),
        ]
        if bipartite { o["type"] = .string(n.type.rawValue) }
        if n.type == .hashtag { o["users"] = .optional(n.users) }
        return .object(o)
    }

    /// The network as an attributed graph: node ids are the keys (`#tag` for hashtags in the
    /// user–hashtag network, so an account and a tag of the same name stay two nodes);
    /// colours from the report's palette by community, sizes 4–40 by betweenness,
    /// positions (when given) scaled to ±1000.
    public static func document(_ r: AccountNetworkResult, positions: [(x: Double, y: Double)]?) -> AttributedGraph {
        let bipartite = r.kind == .userHashtag
        let id = { (key: String, type: AccountNetworkResult.NodeType) in type == .hashtag ? "#" + key : key }
        var columns: [AttributedGraph.Column] = [
            .init("user_id", .string), .init("tweets", .integer), .init("in_degree", .integer), .init("out_degree", .integer),
            .init("in_weight", .integer), .init("out_weight", .integer), .init("betweenness", .double),
            .init("pagerank", .double), .init("community", .integer),
        ]
        if bipartite { columns += [.init("type", .string), .init("users", .integer)] }
        let maxBetweenness = max(r.nodes.map(\.betweenness).max() ?? 0, 1e-300)
        let nodes = r.nodes.enumerated().map { i, n -> AttributedGraph.Node in
            var values: [JSONValue] = [.optional(n.userID), .int(n.tweets), .int(n.inDegree), .int(n.outDegree),
                                       .int(n.inWeight), .int(n.outWeight), .double(n.betweenness), .double(n.pagerank),
                                       .int(n.community)]
            if bipartite { values += [.string(n.type.rawValue), .optional(n.users)] }
            return AttributedGraph.Node(id: id(n.key, n.type), label: n.label, values: values,
                                        colour: SVGCharts.communityColour(n.community),
                                        size: 4 + 36 * n.betweenness / maxBetweenness,
                                        position: positions.flatMap { i < $0.count ? ($0[i].x * 1000, $0[i].y * 1000) : nil })
        }
        // In user–hashtag, sources are accounts and targets hashtags.
        let edges = r.edges.map { e in
            AttributedGraph.Edge(source: e.source, target: id(e.target, bipartite ? .hashtag : .account), weight: e.weight)
        }
        return AttributedGraph(directed: r.directed, name: r.kind.rawValue, description: description(r),
                               columns: columns, nodes: nodes, edges: edges)
    }

    /// How the network was made, in one sentence.
    static func description(_ r: AccountNetworkResult) -> String {
        let o = r.options
        var filters: [String] = []
        if o.includeRetweets { filters.append("retweets included") }
        if o.corpusOnly { filters.append("corpus accounts only") }
        if let n = o.minDegree { filters.append("more than \(n) neighbours") }
        if r.kind == .userHashtag { filters.append("hashtags in more than \(o.moreThan) tweets") }
        let sampling = o.betweennessSamples.map { "betweenness estimated from \($0) sources" } ?? "exact betweenness"
        return "Account network (\(r.kind.rawValue))\(filters.isEmpty ? "" : ", " + filters.joined(separator: ", ")); \(sampling); \(o.clustering.algorithm.rawValue), resolution \(o.clustering.resolution), seed \(r.seed), modularity \(String(format: "%.4f", r.modularity))"
    }
}

extension SVGCharts {
    /// The colour of community `c`: the palette for the largest ones, grey for the rest.
    static func communityColour(_ c: Int) -> String { c < palette.count - 1 ? palette[c] : "#999999" }
}

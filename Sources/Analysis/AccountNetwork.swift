import Foundation
import Graph
import Store

/// Figuur 2 and DMI-TCAT's account graphs: builds a network of accounts from a store,
/// filters it, and computes each node's degrees, weights, betweenness, PageRank and
/// community (ANALYSIS.md "Networks of accounts").
///
/// ```swift
/// var options = AccountNetwork.Options()
/// options.kind = .mention
/// options.minDegree = 50          // the study's filter
/// let network = try AccountNetwork.network(in: store, options: options).result
/// print(network.nodes.max { $0.betweenness < $1.betweenness }?.label ?? "")
/// ```
public enum AccountNetwork {
    /// Which network, which nodes, and how to cluster it.
    public struct Options: Sendable, Equatable {
        /// The kind of edge.
        public var kind = NetworkKind.mention
        /// Mention network: keep native retweets' mentions.
        public var includeRetweets = false
        /// Keep only accounts that authored a tweet in the store.
        public var corpusOnly = false
        /// Keep nodes with more than N distinct neighbours on the unfiltered graph.
        public var minDegree: Int?
        /// User–hashtag network: hashtags in more than N tweets.
        public var moreThan = 100
        /// How communities are found; its seed also seeds a betweenness estimate.
        public var clustering = ClusteringSettings()
        /// Estimate betweenness from this many seeded sources instead of all (nil: exact).
        public var betweennessSamples: Int?
        /// The tweets whose links make the edges and whose authors' `tweets` are counted
        /// (the default: all). Follow edges are no tweets: a scope limits only their nodes'
        /// `tweets` and so what `corpusOnly` keeps. Names come from the whole store.
        public var scope = Scope()
        /// The zone of the scope's days.
        public var timeZone = TimeZone(identifier: "UTC") ?? .current
        /// The defaults of `twindex network`.
        public init() {}
    }

    /// The network `options` describe (its `result`), with its graph for a layout or another
    /// analysis.
    public static func network(in store: Store, options: Options = Options()) throws -> AccountNetworkGraph {
        try options.clustering.check()
        var nodes = NodeTable()
        var raw: [(Int, Int, Double)] = []
        let scope = options.scope.filter(in: options.timeZone, table: "t")
        if options.kind == .userHashtag {
            let edges = UserHashtags.edges(moreThan: options.moreThan, scope: options.scope, in: options.timeZone,
                                           dialect: store.dialect)
            try store.rows(edges.sql, edges.arguments) { r in
                let a = nodes.index(.account, r.string(0) ?? ""), h = nodes.index(.hashtag, r.string(1) ?? "")
                raw.append((a, h, Double(r.int(2))))
                raw.append((h, a, Double(r.int(2))))
            }
        } else {
            let edges = try AccountEdges.statement(options.kind, includeRetweets: options.includeRetweets, scope: scope,
                                                   store: store)
            try store.rows(edges.sql, edges.arguments) { r in
                raw.append((nodes.index(.account, r.string(0) ?? ""), nodes.index(.account, r.string(1) ?? ""), Double(r.int(2))))
            }
        }
        let full = DirectedGraph(nodeCount: nodes.count, edges: raw)
        let authored = try AccountFacts.tweetsByAccount(in: store, scope: scope)
        var keep = [Bool](repeating: true, count: nodes.count)
        for i in 0..<nodes.count {
            let isAccount = nodes.types[i] == .account
            if options.corpusOnly, isAccount, (authored[nodes.keys[i]] ?? 0) == 0 { keep[i] = false }
            if let n = options.minDegree, full.neighborCount(i) <= n { keep[i] = false }
        }
        // Nodes by weighted degree on the filtered graph: count it first on old indices.
        var newIndex = [Int](repeating: -1, count: nodes.count)
        var kept: [Int] = []
        for i in 0..<nodes.count where keep[i] { newIndex[i] = kept.count; kept.append(i) }
        let filtered = DirectedGraph(nodeCount: kept.count, edges: raw.compactMap { a, b, w in
            newIndex[a] >= 0 && newIndex[b] >= 0 ? (newIndex[a], newIndex[b], w) : nil
        })
        let strength = (0..<kept.count).map { filtered.inWeight[$0] + filtered.outWeight[$0] }
        let order = (0..<kept.count).sorted {
            strength[$0] != strength[$1] ? strength[$0] > strength[$1] : nodes.sortKey(kept[$0]) < nodes.sortKey(kept[$1])
        }
        var position = [Int](repeating: 0, count: kept.count)
        for (p, i) in order.enumerated() { position[i] = p }
        let graph = DirectedGraph(nodeCount: kept.count, edges: filtered.edges.map { (position[$0.source], position[$0.target], $0.weight) })
        let old = order.map { kept[$0] }
        return try assemble(store: store, options: options, nodes: nodes, old: old, graph: graph, authored: authored)
    }

    /// Centralities, communities and names for the filtered, ordered graph.
    private static func assemble(store: Store, options: Options, nodes: NodeTable, old: [Int], graph: DirectedGraph,
                                 authored: [String: Int64]) throws -> AccountNetworkGraph {
        let n = graph.nodeCount
        let betweenness = options.betweennessSamples.map { Betweenness.estimate(graph, samples: $0, seed: options.clustering.seed) }
            ?? Betweenness.exact(graph)
        let pagerank = PageRank.compute(graph).scores
        let keys = old.map { nodes.keys[$0] }
        let clustering = options.clustering.run(graph.undirected, tieBreak: { members in members.map { keys[$0] }.min() ?? "" })
        let accounts = Set(old.filter { nodes.types[$0] == .account }.map { nodes.keys[$0] })
        let names = try AccountFacts.names(in: store, for: accounts)
        let tags = old.filter { nodes.types[$0] == .hashtag }.map { nodes.keys[$0] }
        let tagFacts = try UserHashtags.tagFacts(in: store, for: tags, scope: options.scope.filter(in: options.timeZone, table: "t"))
        let bipartite = options.kind == .userHashtag
        var out: [AccountNetworkResult.Node] = []
        out.reserveCapacity(n)
        for i in 0..<n {
            let key = keys[i], type = nodes.types[old[i]]
            // The user–hashtag graph holds both directions of each edge: its degree is one of them.
            let (inDegree, outDegree) = bipartite ? (graph.outDegree(i), graph.outDegree(i)) : (graph.inDegree(i), graph.outDegree(i))
            var node = AccountNetworkResult.Node(
                key: key, type: type, label: names[key]?.label ?? key, userID: names[key]?.userID,
                tweets: authored[key] ?? 0, users: nil, inDegree: inDegree, outDegree: outDegree,
                inWeight: Int64(graph.inWeight[i]), outWeight: Int64(graph.outWeight[i]),
                betweenness: betweenness[i], pagerank: pagerank[i], community: clustering.partition[i])
            if type == .hashtag {
                let facts = tagFacts[key]
                node.label = facts?.label ?? key
                node.userID = nil
                node.tweets = facts?.tweets ?? 0
                node.users = facts?.users ?? 0
            }
            out.append(node)
        }
        var edges: [AccountNetworkResult.Edge] = []
        var ends: [(source: Int, target: Int)] = []
        for e in graph.edges where !bipartite || out[e.source].type == .account {
            edges.append(.init(source: keys[e.source], target: keys[e.target], weight: Int64(e.weight)))
            ends.append((e.source, e.target))
        }
        var communities: [AccountNetworkResult.Community] = []
        for c in 0..<((clustering.partition.max() ?? -1) + 1) {
            let members = out.filter { $0.community == c }   // already by weighted degree
            communities.append(.init(id: c, size: members.count, top: members.prefix(10).map(\.key)))
        }
        let result = AccountNetworkResult(kind: options.kind, directed: options.kind.isDirected, options: options,
                                          seed: clustering.seed, modularity: clustering.modularity,
                                          nodes: out, edges: edges, communities: communities)
        return AccountNetworkGraph(result: result, graph: graph, edgeEnds: ends)
    }
}

/// Node keys met while reading edges, numbered in order of first appearance.
private struct NodeTable {
    var keys: [String] = []
    var types: [AccountNetworkResult.NodeType] = []
    private var index: [String: Int] = [:]
    var count: Int { keys.count }

    mutating func index(_ type: AccountNetworkResult.NodeType, _ key: String) -> Int {
        let k = (type == .account ? "@" : "#") + key
        if let i = index[k] { return i }
        index[k] = keys.count
        keys.append(key)
        types.append(type)
        return keys.count - 1
    }

    /// Accounts before hashtags on equal weight, then by key.
    func sortKey(_ i: Int) -> String { (types[i] == .account ? "0" : "1") + keys[i] }
}

/// How a network is clustered, the same for every network analysis (cooccur, network, the
/// report): one set of command-line options fills any of them.
public struct ClusteringSettings: Sendable, Equatable {
    /// Leiden (default) or Louvain.
    public var algorithm = CommunityDetection.Algorithm.leiden
    /// Resolution γ (networkx/igraph convention); positive.
    public var resolution = 1.0
    /// The first seed (also the seed of a betweenness estimate).
    public var seed: UInt64 = 1
    /// Runs with seeds seed..seed+runs−1; the best modularity is kept.
    public var runs = 1
    /// The defaults: Leiden, γ = 1, seed 1, one run.
    public init() {}

    /// Throws `AnalysisError.invalidResolution` unless the resolution is positive and finite.
    func check() throws {
        guard resolution > 0, resolution.isFinite else { throw AnalysisError.invalidResolution(resolution) }
    }

    /// The best of `runs` clusterings of `graph`; `tieBreak` orders communities of equal size.
    func run(_ graph: WeightedGraph, tieBreak: ([Int]) -> String) -> CommunityDetection.Result {
        CommunityDetection.run(graph, algorithm: algorithm, resolution: resolution, seed: seed, runs: runs, tieBreak: tieBreak)
    }
}

import Graph

/// A network of accounts (or, for `user-hashtag`, of accounts and hashtags) with each node's
/// centralities and communities: what `twindex network` prints and exports (CLI.md).
public struct AccountNetworkResult: Sendable, Equatable {
    /// What a node stands for.
    public enum NodeType: String, Sendable {
        /// An account, keyed by its lower-cased screen name.
        case account
        /// A normalised hashtag (user–hashtag network only).
        case hashtag
    }

    /// A node and its figures, all computed on the filtered graph except `tweets`.
    public struct Node: Sendable, Equatable {
        /// The key: a lower-cased screen name, or a normalised tag.
        public var key: String
        /// Account or hashtag.
        public var type: NodeType
        /// The most recent spelling of the screen name (a tag's most frequent spelling).
        public var label: String
        /// The account's user id where any tweet gave it.
        public var userID: String?
        /// Tweets the account authored in the store (a hashtag: tweets carrying it).
        public var tweets: Int64
        /// A hashtag's distinct authors (nil for accounts).
        public var users: Int64?
        /// Distinct predecessors.
        public var inDegree: Int
        /// Distinct successors.
        public var outDegree: Int
        /// Sum of in-edge weights.
        public var inWeight: Int64
        /// Sum of out-edge weights.
        public var outWeight: Int64
        /// Normalised betweenness (directed, unweighted shortest paths).
        public var betweenness: Double
        /// Weighted PageRank, damping 0.85.
        public var pagerank: Double
        /// Community (0 = the largest).
        public var community: Int
    }

    /// A weighted edge between two node keys: author (follower; in user–hashtag, the account)
    /// → account linked to (followed; the hashtag); weight = unique tweets linking them (1
    /// for a follow edge).
    public typealias Edge = CooccurrenceResult.Edge

    /// A community of nodes; `top` holds member keys by weighted degree (in + out weight).
    public typealias Community = CooccurrenceResult.Community

    /// The kind of network.
    public var kind: NetworkKind
    /// True for every kind but user–hashtag.
    public var directed: Bool
    /// The options it was computed with (filters, clustering, betweenness sampling).
    public var options: AccountNetwork.Options
    /// The seed of the clustering run kept.
    public var seed: UInt64
    /// The kept partition's modularity Q.
    public var modularity: Double
    /// Nodes by weighted degree, largest first (ties by key).
    public var nodes: [Node]
    /// Edges in node order of their source, then target.
    public var edges: [Edge]
    /// Communities by size.
    public var communities: [Community]
}

/// A result with the graph it was computed on: node i of `graph` is `result.nodes[i]`, and
/// edge k of `result.edges` joins `edgeEnds[k]`.
public struct AccountNetworkGraph: Sendable {
    /// The network as the CLI and exports show it.
    public var result: AccountNetworkResult
    /// The filtered directed graph (user–hashtag: both directions of every edge).
    public var graph: DirectedGraph
    /// The node indices of each edge of `result.edges`.
    public var edgeEnds: [(source: Int, target: Int)]

    /// Positions for a drawing (ForceLayout on the undirected graph, seeded by the result's
    /// seed), or nil past `maxNodes`, where the quadratic layout would take too long. Past 500
    /// nodes the iterations shrink with the square of the size (at least 30), so a layout
    /// costs about as much as one of 500 nodes.
    public func layout(maxNodes: Int = 3000) -> [(x: Double, y: Double)]? {
        let n = graph.nodeCount
        guard n <= maxNodes else { return nil }
        var options = ForceLayout.Options()
        if n > 500 { options.iterations = max(30, options.iterations * 250_000 / (n * n)) }
        options.seed = result.seed
        return ForceLayout.positions(graph.undirected, options: options)
    }
}

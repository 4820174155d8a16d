import Foundation
import Graph
import Store

/// Figuur 3: the hashtag co-occurrence network and its communities (ANALYSIS.md).
/// Nodes: normalised tags carried by more than `moreThan` tweets (and no others anywhere
/// in the result); edges: the number of tweets carrying both tags, each pair once per tweet.
public struct CooccurrenceResult: Sendable, Equatable {
    /// A tag of the network.
    public struct Node: Sendable, Equatable {
        /// The normalised tag.
        public var tag: String
        /// Its most frequent spelling.
        public var label: String
        /// Tweets carrying the tag.
        public var frequency: Int64
        /// Distinct authors of those tweets.
        public var users: Int64
        /// Its community (0 = the largest).
        public var community: Int
    }

    /// Two tags carried by the same tweets, and how many (the account networks' edges too).
    public struct Edge: Sendable, Equatable {
        /// The ends' keys (normalised tags), `source` first in node order.
        public var source: String
        /// See `source`.
        public var target: String
        /// Tweets carrying both (linking both).
        public var weight: Int64
    }

    /// A community of tags (of the account networks' nodes too).
    public struct Community: Sendable, Equatable {
        /// Its number (0 = the largest).
        public var id: Int
        /// Members.
        public var size: Int
        /// Member keys, most important first (tags by frequency), at most ten.
        public var top: [String]
    }

    /// The clustering's algorithm and resolution γ.
    public var algorithm: CommunityDetection.Algorithm
    /// See `algorithm`.
    public var resolution: Double
    /// The seed of the run kept (with `runs` > 1, the best of seed..seed+runs−1).
    public var seed: UInt64
    /// Runs tried (seeds seed..seed+runs−1).
    public var runs: Int
    /// Tags in more than this many tweets are nodes.
    public var moreThan: Int
    /// The kept partition's modularity Q (at `resolution`).
    public var modularity: Double
    /// Nodes by frequency, most frequent first (ties by tag).
    public var nodes: [Node]
    /// Edges in node order.
    public var edges: [Edge]
    /// Communities by size.
    public var communities: [Community]
}

/// Figuur 3's analysis: builds the network of a store's hashtags and clusters it.
///
/// ```swift
/// var options = Cooccurrence.Options()
/// options.moreThan = 30
/// let network = try Cooccurrence.compute(in: store, options: options)
/// print(network.communities.count, network.modularity)
/// ```
public enum Cooccurrence {
    /// Which tags and how to cluster them.
    public struct Options: Sendable {
        /// Keep tags in more than this many tweets.
        public var moreThan = 100
        /// How communities are found.
        public var clustering = ClusteringSettings()
        /// The tweets whose hashtags count (default: all).
        public var scope = Scope()
        /// The zone of the scope's days.
        public var timeZone = TimeZone(identifier: "UTC") ?? .current
        /// The defaults of `twindex cooccur`.
        public init() {}
    }

    /// The network of the store's hashtags, clustered as `options` say.
    public static func compute(in store: Store, options: Options = Options()) throws -> CooccurrenceResult {
        try network(in: store, options: options).result
    }

    /// The network with the graph it was clustered on, for a layout (the report draws it).
    public static func network(in store: Store, options: Options = Options()) throws -> CooccurrenceNetwork {
        try options.clustering.check()
        let summarized = try options.scope.isEverything && store.summariesAreCurrent()
        let counts = try summarized ? summarizedCounts(in: store, moreThan: options.moreThan)
            : store.isPostgres ? ServerCounts.cooccurrence(in: store, options: options) : directCounts(in: store, options: options)
        let (pairs, n) = (counts.pairs, counts.nodes.count)
        let edgeKeys = pairs.keys.sorted()
        let graph = WeightedGraph(nodeCount: n, edges: edgeKeys.map { ($0 / n, $0 % n, Double(pairs[$0]!)) })
        let labels = try HashtagCounts.labels(in: store, for: counts.nodes.map(\.tag))
        let clustering = options.clustering.run(graph, tieBreak: { members in members.map { counts.nodes[$0].tag }.min() ?? "" })
        let nodes = counts.nodes.enumerated().map { i, c in
            CooccurrenceResult.Node(tag: c.tag, label: labels[c.tag] ?? c.tag, frequency: c.frequency,
                                    users: c.users, community: clustering.partition[i])
        }
        let edges = edgeKeys.map { key in
            CooccurrenceResult.Edge(source: nodes[key / n].tag, target: nodes[key % n].tag, weight: pairs[key]!)
        }
        var communities: [CooccurrenceResult.Community] = []
        for c in 0..<((clustering.partition.max() ?? -1) + 1) {
            let members = nodes.filter { $0.community == c }   // already by frequency
            communities.append(.init(id: c, size: members.count, top: Array(members.prefix(10).map(\.tag))))
        }
        let result = CooccurrenceResult(algorithm: options.clustering.algorithm, resolution: options.clustering.resolution,
                                        seed: clustering.seed, runs: options.clustering.runs, moreThan: options.moreThan, modularity: clustering.modularity,
                                        nodes: nodes, edges: edges, communities: communities)
        return CooccurrenceNetwork(result: result, graph: graph, edgeEnds: edgeKeys.map { ($0 / n, $0 % n) })
    }

    /// The nodes (tags in more than `moreThan` tweets, most frequent first, ties by tag) with
    /// their tweets and distinct authors, and the edges' weights keyed `i * n + j` (node
    /// positions, i < j).
    typealias NetworkCounts = (nodes: [(tag: String, frequency: Int64, users: Int64)], pairs: [Int: Int64])

    /// `NetworkCounts` from one pass over the tweet → tags lists of the tweets in the scope.
    static func directCounts(in store: Store, options: Options) throws -> NetworkCounts {
        // One pass over the tweet → tags lists (hashtags is keyed by tweet, then tag).
        var tagIndex: [String: Int] = [:]
        var tagNames: [String] = []
        var frequency: [Int64] = []
        var authors: [Set<Int64>] = []
        var lists: [[Int32]] = []
        var current: Int64 = .min
        var list: [Int32] = []
        let filter = options.scope.filter(in: options.timeZone, table: "t")
        try store.rows("""
            SELECT \(store.dialect.entityTweetKey("h")), h.tag, t.author_id FROM hashtags h
            JOIN tweets t \(try store.indexHint(Schema.networkIndex)) ON \(store.dialect.sameTweet("h", "t"))
            WHERE \(filter.sql)
            ORDER BY \(store.dialect.entityTweetKey("h"))
            """, filter.arguments) { r in
            let tweet = r.int(0)
            if tweet != current {
                if list.count > 1 { lists.append(list) }
                list.removeAll(keepingCapacity: true)
                current = tweet
            }
            let tag = r.string(1) ?? ""
            let k: Int
            if let known = tagIndex[tag] {
                k = known
            } else {
                k = tagNames.count
                tagIndex[tag] = k
                tagNames.append(tag)
                frequency.append(0)
                authors.append([])
            }
            frequency[k] += 1
            if !r.isNull(2) { authors[k].insert(r.int(2)) }
            list.append(Int32(k))
        }
        if list.count > 1 { lists.append(list) }

        // Nodes: frequency > N, most frequent first.
        let kept = (0..<tagNames.count).filter { frequency[$0] > Int64(options.moreThan) }
            .sorted { frequency[$0] != frequency[$1] ? frequency[$0] > frequency[$1] : tagNames[$0] < tagNames[$1] }
        var nodeOf = [Int](repeating: -1, count: tagNames.count)
        for (i, k) in kept.enumerated() { nodeOf[k] = i }
        var pairs: [Int: Int64] = [:]
        let n = kept.count
        for l in lists {
            let members = l.map { nodeOf[Int($0)] }.filter { $0 >= 0 }.sorted()
            guard members.count > 1 else { continue }
            for a in 0..<members.count {
                for b in (a + 1)..<members.count where members[a] != members[b] {
                    pairs[members[a] * n + members[b], default: 0] += 1
                }
            }
        }
        return (kept.map { (tagNames[$0], frequency[$0], Int64(authors[$0].count)) }, pairs)
    }

    /// `NetworkCounts` of the whole store from the tag summaries.
    static func summarizedCounts(in store: Store, moreThan: Int) throws -> NetworkCounts {
        // Sorted here as `directCounts` sorts (Swift's string order, not SQLite's bytes).
        let kept = try Summarized.tagFrequencies(in: store, moreThan: Int64(moreThan))
            .sorted { $0.tweets != $1.tweets ? $0.tweets > $1.tweets : $0.tag < $1.tag }
        let tags = kept.map(\.tag)
        let users = try Summarized.tagUsers(in: store, tags)
        return (kept.map { ($0.tag, $0.tweets, users[$0.tag] ?? 0) }, try Summarized.pairs(in: store, of: tags))
    }
}

/// A co-occurrence result with its graph: node i of `graph` is `result.nodes[i]`, and edge k
/// of `result.edges` joins the nodes `edgeEnds[k]`.
public struct CooccurrenceNetwork: Sendable {
    /// The network as the CLI and exports show it.
    public var result: CooccurrenceResult
    /// The weighted graph the communities were found on.
    public var graph: WeightedGraph
    /// The node indices of each edge of `result.edges`.
    public var edgeEnds: [(source: Int, target: Int)]
}

/// A directed weighted graph in compressed sparse row form, with both the out-edges and the
/// in-edges of every node. Nodes are 0..<n. Parallel edges are summed into one; self-loops
/// and edges of weight 0 are left out (the account networks have none by definition).
///
/// ```swift
/// let g = DirectedGraph(nodeCount: 3, edges: [(0, 1, 2), (1, 2, 1), (0, 1, 1)])
/// g.outWeight[0]   // 3
/// ```
public struct DirectedGraph: Sendable {
    /// One direction's edges in compressed sparse row form: row i is
    /// `neighbors[offsets[i]..<offsets[i+1]]` with `weights` alongside, neighbours ascending.
    struct Adjacency: Sendable {
        let offsets: [Int]
        let neighbors: [Int]
        let weights: [Double]
        /// Sum of each row's weights.
        let strength: [Double]

        /// Rows from `(row, neighbour, weight)` triples that arrive sorted by (row, neighbour).
        init(nodeCount: Int, sorted triples: [(row: Int, neighbor: Int, weight: Double)]) {
            var offsets = [Int](repeating: 0, count: nodeCount + 1)
            for t in triples { offsets[t.row + 1] += 1 }
            for i in 0..<nodeCount { offsets[i + 1] += offsets[i] }
            var neighbors = [Int](repeating: 0, count: triples.count)
            var weights = [Double](repeating: 0, count: triples.count)
            var strength = [Double](repeating: 0, count: nodeCount)
            var fill = offsets
            for t in triples {
                neighbors[fill[t.row]] = t.neighbor
                weights[fill[t.row]] = t.weight
                fill[t.row] += 1
                strength[t.row] += t.weight
            }
            (self.offsets, self.neighbors, self.weights, self.strength) = (offsets, neighbors, weights, strength)
        }

        /// Number of entries in row `i`.
        func count(_ i: Int) -> Int { offsets[i + 1] - offsets[i] }
    }

    /// The number of nodes.
    public let nodeCount: Int
    /// Each node's out-edges (successors).
    let out: Adjacency
    /// Each node's in-edges (predecessors).
    let into: Adjacency
    /// Sum of the weights of each node's out-edges.
    public var outWeight: [Double] { out.strength }
    /// Sum of the weights of each node's in-edges.
    public var inWeight: [Double] { into.strength }

    /// Builds from `(source, target, weight)` triples with endpoints in 0..<nodeCount.
    public init(nodeCount: Int, edges: [(Int, Int, Double)]) {
        self.nodeCount = nodeCount
        var merged: [Int: Double] = [:]
        for (a, b, w) in edges where a != b && w != 0 {
            merged[a * nodeCount + b, default: 0] += w
        }
        // Out-rows from the edges sorted by (source, target), in-rows from them sorted by
        // (target, source): each row's neighbours ascend.
        let keys = merged.keys.sorted()
        let bySource = keys.map { (row: $0 / nodeCount, neighbor: $0 % nodeCount, weight: merged[$0] ?? 0) }
        let byTarget = keys.sorted { ($0 % nodeCount, $0 / nodeCount) < ($1 % nodeCount, $1 / nodeCount) }
            .map { (row: $0 % nodeCount, neighbor: $0 / nodeCount, weight: merged[$0] ?? 0) }
        out = Adjacency(nodeCount: nodeCount, sorted: bySource)
        into = Adjacency(nodeCount: nodeCount, sorted: byTarget)
    }

    /// The number of edges (after merging parallel ones).
    public var edgeCount: Int { out.neighbors.count }

    /// Number of distinct successors of `i`.
    public func outDegree(_ i: Int) -> Int { out.count(i) }

    /// Number of distinct predecessors of `i`.
    public func inDegree(_ i: Int) -> Int { into.count(i) }

    /// Successors of `i` with edge weights, ascending.
    @inline(__always)
    public func forEachSuccessor(of i: Int, _ body: (Int, Double) -> Void) {
        for k in out.offsets[i]..<out.offsets[i + 1] { body(out.neighbors[k], out.weights[k]) }
    }

    /// Predecessors of `i` with edge weights, ascending.
    @inline(__always)
    public func forEachPredecessor(of i: Int, _ body: (Int, Double) -> Void) {
        for k in into.offsets[i]..<into.offsets[i + 1] { body(into.neighbors[k], into.weights[k]) }
    }

    /// Every edge once, by source then target.
    public var edges: [(source: Int, target: Int, weight: Double)] {
        var out: [(source: Int, target: Int, weight: Double)] = []
        out.reserveCapacity(edgeCount)
        for i in 0..<nodeCount { forEachSuccessor(of: i) { j, w in out.append((i, j, w)) } }
        return out
    }

    /// Number of distinct neighbours of `i`, in or out, each counted once.
    public func neighborCount(_ i: Int) -> Int {
        let (ins, outs) = (into.neighbors, out.neighbors)
        var (a, b, n) = (into.offsets[i], out.offsets[i], 0)
        let (aEnd, bEnd) = (into.offsets[i + 1], out.offsets[i + 1])
        while a < aEnd || b < bEnd {
            if b == bEnd || (a < aEnd && ins[a] < outs[b]) { a += 1 }
            else if a == aEnd || outs[b] < ins[a] { b += 1 }
            else { a += 1; b += 1 }
            n += 1
        }
        return n
    }

    /// The undirected graph whose pair weight is the sum of both directions, for community
    /// detection.
    public var undirected: WeightedGraph {
        WeightedGraph(nodeCount: nodeCount, edges: edges.map { ($0.source, $0.target, $0.weight) })
    }
}

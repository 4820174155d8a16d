/// An undirected weighted graph in compressed sparse row form. Nodes are 0..<n; a
/// self-loop (as aggregation creates) is stored once in its node's row.
public struct WeightedGraph: Sendable {
    /// Nodes are 0..<nodeCount.
    public let nodeCount: Int
    /// Row i's neighbours are `neighbors[offsets[i]..<offsets[i+1]]`, with `weights` alike.
    let offsets: [Int]
    let neighbors: [Int]
    let weights: [Double]
    /// Strength of each node: the sum of its edge weights, a self-loop counted twice.
    public let strength: [Double]
    /// Sum of all edge weights, each edge once (m).
    public let totalWeight: Double

    /// Builds from an edge list; parallel edges are summed.
    public init(nodeCount: Int, edges: [(Int, Int, Double)]) {
        self.nodeCount = nodeCount
        var rows = [[Int: Double]](repeating: [:], count: nodeCount)
        var total = 0.0
        for (a, b, w) in edges where w != 0 {
            rows[a][b, default: 0] += w
            if a != b { rows[b][a, default: 0] += w }
            total += w
        }
        var offsets = [0]
        var neighbors: [Int] = []
        var weights: [Double] = []
        var strength = [Double](repeating: 0, count: nodeCount)
        for (i, row) in rows.enumerated() {
            for (j, w) in row.sorted(by: { $0.key < $1.key }) {
                neighbors.append(j)
                weights.append(w)
                strength[i] += j == i ? 2 * w : w
            }
            offsets.append(neighbors.count)
        }
        self.offsets = offsets
        self.neighbors = neighbors
        self.weights = weights
        self.strength = strength
        self.totalWeight = total
    }

    /// Neighbours of `i` with edge weights (self-loop included).
    @inline(__always)
    public func forEachNeighbor(of i: Int, _ body: (Int, Double) -> Void) {
        for k in offsets[i]..<offsets[i + 1] { body(neighbors[k], weights[k]) }
    }

    /// The graph of communities: one node per community of `partition`, edge weights summed,
    /// internal weight as self-loops. Shared by Louvain and Leiden.
    public func aggregated(by partition: [Int], communityCount: Int) -> WeightedGraph {
        var edges: [(Int, Int, Double)] = []
        var sums: [Int: Double] = [:]
        for i in 0..<nodeCount {
            forEachNeighbor(of: i) { j, w in
                guard j >= i else { return }
                let (a, b) = (min(partition[i], partition[j]), max(partition[i], partition[j]))
                sums[a * communityCount + b, default: 0] += w
            }
        }
        for key in sums.keys.sorted() { edges.append((key / communityCount, key % communityCount, sums[key]!)) }
        return WeightedGraph(nodeCount: communityCount, edges: edges)
    }
}

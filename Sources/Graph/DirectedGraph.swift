/// A directed weighted graph in compressed sparse row form, with both the out-edges and the
/// in-edges of every node. Nodes are 0..<n. Parallel edges are summed into one; self-loops
/// and edges of weight 0 are left out (the account networks have none by definition).
///
/// ```swift
/// let g = DirectedGraph(nodeCount: 3, edges: [(0, 1, 2), (1, 2, 1), (0, 1, 1)])
/// g.outWeight[0]   // 3
/// ```
public struct DirectedGraph: Sendable {
    /// The number of nodes.
    public let nodeCount: Int
    /// Row i's successors are `successors[outOffsets[i]..<outOffsets[i+1]]`, ascending.
    let outOffsets: [Int]
    let successors: [Int]
    let outWeights: [Double]
    /// Row i's predecessors are `predecessors[inOffsets[i]..<inOffsets[i+1]]`, ascending.
    let inOffsets: [Int]
    let predecessors: [Int]
    let inWeights: [Double]
    /// Sum of the weights of each node's out-edges.
    public let outWeight: [Double]
    /// Sum of the weights of each node's in-edges.
    public let inWeight: [Double]

    /// Builds from `(source, target, weight)` triples with endpoints in 0..<nodeCount.
    public init(nodeCount: Int, edges: [(Int, Int, Double)]) {
        self.nodeCount = nodeCount
        var merged: [Int: Double] = [:]
        for (a, b, w) in edges where a != b && w != 0 {
            merged[a * nodeCount + b, default: 0] += w
        }
        let keys = merged.keys.sorted()
        var outCount = [Int](repeating: 0, count: nodeCount + 1)
        var inCount = [Int](repeating: 0, count: nodeCount + 1)
        for key in keys {
            outCount[key / nodeCount + 1] += 1
            inCount[key % nodeCount + 1] += 1
        }
        for i in 0..<nodeCount {
            outCount[i + 1] += outCount[i]
            inCount[i + 1] += inCount[i]
        }
        var successors = [Int](repeating: 0, count: keys.count), outWeights = [Double](repeating: 0, count: keys.count)
        var predecessors = [Int](repeating: 0, count: keys.count), inWeights = [Double](repeating: 0, count: keys.count)
        var outFill = outCount, inFill = inCount
        var outWeight = [Double](repeating: 0, count: nodeCount), inWeight = [Double](repeating: 0, count: nodeCount)
        // Keys ascend by (source, target), so both rows come out sorted.
        for key in keys {
            let (a, b, w) = (key / nodeCount, key % nodeCount, merged[key] ?? 0)
            successors[outFill[a]] = b
            outWeights[outFill[a]] = w
            outFill[a] += 1
            predecessors[inFill[b]] = a
            inWeights[inFill[b]] = w
            inFill[b] += 1
            outWeight[a] += w
            inWeight[b] += w
        }
        self.outOffsets = outCount
        self.successors = successors
        self.outWeights = outWeights
        self.inOffsets = inCount
        self.predecessors = predecessors
        self.inWeights = inWeights
        self.outWeight = outWeight
        self.inWeight = inWeight
    }

    /// The number of edges (after merging parallel ones).
    public var edgeCount: Int { successors.count }

    /// Number of distinct successors of `i`.
    public func outDegree(_ i: Int) -> Int { outOffsets[i + 1] - outOffsets[i] }

    /// Number of distinct predecessors of `i`.
    public func inDegree(_ i: Int) -> Int { inOffsets[i + 1] - inOffsets[i] }

    /// Successors of `i` with edge weights, ascending.
    @inline(__always)
    public func forEachSuccessor(of i: Int, _ body: (Int, Double) -> Void) {
        for k in outOffsets[i]..<outOffsets[i + 1] { body(successors[k], outWeights[k]) }
    }

    /// Predecessors of `i` with edge weights, ascending.
    @inline(__always)
    public func forEachPredecessor(of i: Int, _ body: (Int, Double) -> Void) {
        for k in inOffsets[i]..<inOffsets[i + 1] { body(predecessors[k], inWeights[k]) }
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
        var (a, b, n) = (inOffsets[i], outOffsets[i], 0)
        let (aEnd, bEnd) = (inOffsets[i + 1], outOffsets[i + 1])
        while a < aEnd || b < bEnd {
            if b == bEnd || (a < aEnd && predecessors[a] < successors[b]) { a += 1 }
            else if a == aEnd || successors[b] < predecessors[a] { b += 1 }
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

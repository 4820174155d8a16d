import Model

/// Operations on partitions (node → community id) shared by Louvain and Leiden.
public enum Partition {
    /// Community ids made compact (0..<count) in order of first appearance.
    public static func renumbered(_ p: [Int]) -> (partition: [Int], count: Int) {
        var map: [Int: Int] = [:]
        let out = p.map { c -> Int in
            if let k = map[c] { return k }
            map[c] = map.count
            return map.count - 1
        }
        return (out, map.count)
    }

    /// Splits every community into its connected components (within the community), so that
    /// each community is internally connected. Splitting a disconnected community never
    /// lowers modularity.
    public static func connected(_ graph: WeightedGraph, _ p: [Int]) -> [Int] {
        var out = [Int](repeating: -1, count: graph.nodeCount)
        var next = 0
        for start in 0..<graph.nodeCount where out[start] < 0 {
            var stack = [start]
            out[start] = next
            while let i = stack.popLast() {
                graph.forEachNeighbor(of: i) { j, _ in
                    if out[j] < 0, p[j] == p[start] {
                        out[j] = next
                        stack.append(j)
                    }
                }
            }
            next += 1
        }
        return out
    }

    /// Community sizes (number of nodes).
    public static func sizes(_ p: [Int]) -> [Int] {
        var sizes = [Int](repeating: 0, count: (p.max() ?? -1) + 1)
        for c in p { sizes[c] += 1 }
        return sizes
    }
}

/// The state local moving works on: each node's community and each community's total strength.
struct CommunityState {
    var community: [Int]
    var total: [Double]
    let graph: WeightedGraph
    let resolution: Double
    let twoM: Double

    init(graph: WeightedGraph, partition: [Int], resolution: Double) {
        self.graph = graph
        self.resolution = resolution
        community = partition
        twoM = 2 * graph.totalWeight
        total = [Double](repeating: 0, count: graph.nodeCount)
        for i in 0..<graph.nodeCount { total[partition[i]] += graph.strength[i] }
    }

    /// Moves `i` to the community with the largest modularity gain (staying put on ties, then
    /// the smallest id); returns true when it moved. `weightTo` is scratch space, all zeros.
    mutating func moveBest(_ i: Int, weightTo: inout [Double], touched: inout [Int]) -> Bool {
        let current = community[i]
        let k = graph.strength[i]
        touched.removeAll(keepingCapacity: true)
        graph.forEachNeighbor(of: i) { j, w in
            guard j != i else { return }
            let c = community[j]
            if weightTo[c] == 0 { touched.append(c) }
            weightTo[c] += w
        }
        total[current] -= k
        var best = current
        var bestGain = weightTo[current] - resolution * k * total[current] / twoM
        for c in touched where c != current {
            let gain = weightTo[c] - resolution * k * total[c] / twoM
            if gain > bestGain + 1e-12 || (abs(gain - bestGain) <= 1e-12 && best != current && c < best) {
                best = c
                bestGain = gain
            }
        }
        total[best] += k
        community[i] = best
        for c in touched { weightTo[c] = 0 }
        return best != current
    }
}

extension SeededRandom {
    /// A seeded Fisher–Yates permutation of 0..<n.
    mutating func permutation(_ n: Int) -> [Int] {
        var a = Array(0..<n)
        guard n > 1 else { return a }
        for i in stride(from: n - 1, to: 0, by: -1) {
            let j = Int(next() % UInt64(i + 1))
            a.swapAt(i, j)
        }
        return a
    }
}

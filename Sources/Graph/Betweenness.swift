import Dispatch
import Model

/// Betweenness centrality of a directed graph over unweighted shortest paths (Brandes 2001,
/// "A faster algorithm for betweenness centrality"): for each node v, the sum over ordered
/// pairs (s, t), s ≠ v ≠ t, of the share of shortest s→t paths that pass through v,
/// normalised by (n−1)(n−2). This is networkx `betweenness_centrality(G, normalized=True)`
/// on a `DiGraph` and Gephi's definition. Edge weights are ignored, as in both.
///
/// Exact: one breadth-first search and one back-propagation per source, O(n·m) time and
/// O(n + m) memory per worker. Sources are split into a fixed number of chunks whose partial
/// sums are added in chunk order, so the result does not depend on the number of cores.
///
/// Estimate (`samples: k`, for graphs too big for n searches): the same sums over k sources
/// drawn without replacement by a seeded Fisher–Yates shuffle, rescaled as networkx 3.6 does
/// for `betweenness_centrality(G, k=k, normalized=True)`: a sampled source's score is divided
/// by (k−1)(n−2), any other node's by k(n−2) (a source cannot lie inside its own paths). The
/// estimate is unbiased; its error shrinks like 1/√k. k ≥ n gives the exact values.
public enum Betweenness {
    /// Exact normalised betweenness of every node.
    public static func exact(_ g: DirectedGraph) -> [Double] {
        let raw = accumulate(g, sources: Array(0..<g.nodeCount))
        let n = g.nodeCount
        guard n > 2 else { return raw }
        let scale = 1 / (Double(n - 1) * Double(n - 2))
        return raw.map { $0 * scale }
    }

    /// Estimated normalised betweenness from `samples` seeded sources (exact when
    /// `samples` ≥ the number of nodes).
    public static func estimate(_ g: DirectedGraph, samples: Int, seed: UInt64) -> [Double] {
        let n = g.nodeCount
        guard samples < n else { return exact(g) }
        let chosen = sources(count: samples, nodeCount: n, seed: seed)
        let raw = accumulate(g, sources: chosen)
        guard n > 2 else { return raw }
        let k = Double(chosen.count)
        var isSource = [Bool](repeating: false, count: n)
        for s in chosen { isSource[s] = true }
        let nonSource = 1 / (k * Double(n - 2))
        let source = k > 1 ? 1 / ((k - 1) * Double(n - 2)) : 0
        return (0..<n).map { raw[$0] * (isSource[$0] ? source : nonSource) }
    }

    /// The sources an estimate with this seed uses: the first `count` of a seeded permutation.
    public static func sources(count: Int, nodeCount: Int, seed: UInt64) -> [Int] {
        var rng = SeededRandom(seed: seed)
        return Array(rng.permutation(nodeCount).prefix(max(0, min(count, nodeCount))))
    }

    /// Unnormalised sums of pair dependencies over `sources`.
    static func accumulate(_ g: DirectedGraph, sources: [Int]) -> [Double] {
        let n = g.nodeCount
        guard n > 0, !sources.isEmpty else { return [Double](repeating: 0, count: n) }
        let chunks = min(sources.count, 16)
        let partials = PartialSums(count: chunks)
        DispatchQueue.concurrentPerform(iterations: chunks) { c in
            var search = SourceSearch(nodeCount: n)
            var sum = [Double](repeating: 0, count: n)
            for index in stride(from: c, to: sources.count, by: chunks) {
                search.run(g, from: sources[index], into: &sum)
            }
            partials.set(c, sum)
        }
        var total = [Double](repeating: 0, count: n)
        for c in 0..<chunks {
            for (i, v) in partials.value(c).enumerated() { total[i] += v }
        }
        return total
    }
}

/// Scratch space of one breadth-first search, reused across sources.
private struct SourceSearch {
    var distance: [Int32]
    var sigma: [Double]
    var delta: [Double]
    var order: [Int]

    init(nodeCount n: Int) {
        distance = [Int32](repeating: -1, count: n)
        sigma = [Double](repeating: 0, count: n)
        delta = [Double](repeating: 0, count: n)
        order = []
        order.reserveCapacity(n)
    }

    /// Adds the dependencies of source `s` on every node to `sum`.
    mutating func run(_ g: DirectedGraph, from s: Int, into sum: inout [Double]) {
        order.removeAll(keepingCapacity: true)
        distance[s] = 0
        sigma[s] = 1
        order.append(s)
        var head = 0
        while head < order.count {
            let v = order[head]
            head += 1
            let next = distance[v] + 1
            let sv = sigma[v]
            g.forEachSuccessor(of: v) { w, _ in
                if distance[w] < 0 {
                    distance[w] = next
                    order.append(w)
                }
                if distance[w] == next { sigma[w] += sv }
            }
        }
        // Back-propagation in order of non-increasing distance; predecessors on shortest
        // paths are the in-neighbours one step closer to s.
        for w in order.reversed() {
            let dw = distance[w]
            let factor = (1 + delta[w]) / sigma[w]
            g.forEachPredecessor(of: w) { v, _ in
                if distance[v] == dw - 1 { delta[v] += sigma[v] * factor }
            }
            if w != s { sum[w] += delta[w] }
        }
        for w in order {
            distance[w] = -1
            sigma[w] = 0
            delta[w] = 0
        }
    }
}

/// Per-chunk results written by concurrent workers, each to its own slot.
private final class PartialSums: @unchecked Sendable {
    private var slots: [[Double]]
    private let lock = DispatchQueue(label: "twindex.betweenness")
    init(count: Int) { slots = [[Double]](repeating: [], count: count) }
    func set(_ i: Int, _ v: [Double]) { lock.sync { slots[i] = v } }
    func value(_ i: Int) -> [Double] { lock.sync { slots[i] } }
}

/// Weighted modularity with resolution γ (the networkx/igraph convention):
///
///   Q = Σ_c [ L_c / m − γ (K_c / 2m)² ]
///
/// where L_c is the weight of edges inside community c (each once), K_c the summed
/// strength of its nodes and m the total edge weight. Every algorithm reports Q through
/// this one function. A graph without edges has Q = 0.
public enum Modularity {
    /// Q of `partition` (a community per node) at resolution γ.
    public static func of(_ graph: WeightedGraph, partition: [Int], resolution γ: Double = 1) -> Double {
        let m = graph.totalWeight
        guard m > 0 else { return 0 }
        let count = (partition.max() ?? -1) + 1
        var inside = [Double](repeating: 0, count: count)
        var total = [Double](repeating: 0, count: count)
        for i in 0..<graph.nodeCount {
            total[partition[i]] += graph.strength[i]
            graph.forEachNeighbor(of: i) { j, w in
                if j >= i, partition[i] == partition[j] { inside[partition[i]] += w }
            }
        }
        var q = 0.0
        for c in 0..<count { q += inside[c] / m - γ * (total[c] / (2 * m)) * (total[c] / (2 * m)) }
        return q
    }
}

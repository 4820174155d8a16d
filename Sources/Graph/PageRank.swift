/// PageRank of a directed weighted graph by power iteration (Page, Brin, Motwani & Winograd
/// 1999), as networkx `pagerank(G, alpha=0.85, weight="weight")` defines it: a walker follows
/// an out-edge with probability proportional to its weight, with probability 1 − α jumps to
/// a node chosen uniformly, and from a node without out-edges jumps uniformly. Starts from
/// the uniform vector; stops when the L1 change of one iteration is below `tolerance`
/// (default 1e-10, so values agree with any other exact solver to about 1e-9). Scores sum to 1.
public enum PageRank {
    /// What one run produced.
    public struct Result: Sendable, Equatable {
        /// The score of each node.
        public var scores: [Double]
        /// Iterations made.
        public var iterations: Int
        /// False when `maxIterations` ran out first (not reached for α < 1 in practice).
        public var converged: Bool
    }

    /// Runs power iteration on `g` with damping `alpha`.
    public static func compute(_ g: DirectedGraph, alpha: Double = 0.85, tolerance: Double = 1e-10,
                               maxIterations: Int = 10_000) -> Result {
        let n = g.nodeCount
        guard n > 0 else { return Result(scores: [], iterations: 0, converged: true) }
        let uniform = 1 / Double(n)
        var x = [Double](repeating: uniform, count: n)
        var next = x
        for iteration in 1...max(1, maxIterations) {
            var dangling = 0.0
            for i in 0..<n where g.outWeight[i] == 0 { dangling += x[i] }
            let base = (alpha * dangling + (1 - alpha)) * uniform
            var change = 0.0
            for j in 0..<n {
                var inflow = 0.0
                g.forEachPredecessor(of: j) { i, w in inflow += x[i] * w / g.outWeight[i] }
                next[j] = alpha * inflow + base
                change += abs(next[j] - x[j])
            }
            swap(&x, &next)
            if change < tolerance { return Result(scores: x, iterations: iteration, converged: true) }
        }
        return Result(scores: x, iterations: maxIterations, converged: false)
    }
}

import Model

/// The clustering `twindex cooccur` runs: Leiden (default) or Louvain, repeated over seeds
/// S..S+K−1 keeping the best modularity, then made connected and numbered by size.
public enum CommunityDetection {
    /// The clustering algorithm.
    public enum Algorithm: String, CaseIterable, Sendable { case leiden, louvain }

    /// The best run's partition.
    public struct Result: Sendable, Equatable {
        /// Community of each node, 0 = the largest.
        public var partition: [Int]
        /// Its modularity Q.
        public var modularity: Double
        /// The seed whose run was kept.
        public var seed: UInt64
    }

    /// `tieBreak` orders communities of equal size (e.g. by their top tag); lower first.
    public static func run(_ graph: WeightedGraph, algorithm: Algorithm, resolution: Double, seed: UInt64,
                           runs: Int = 1, tieBreak: ([Int]) -> String = { _ in "" }) -> Result {
        var best: Result?
        for k in 0..<max(1, runs) {
            var rng = SeededRandom(seed: seed &+ UInt64(k))
            let raw: [Int]
            switch algorithm {
            case .leiden: raw = Leiden.run(graph, resolution: resolution, rng: &rng)
            case .louvain: raw = Louvain.run(graph, resolution: resolution, rng: &rng)
            }
            let partition = Partition.connected(graph, raw)
            let q = Modularity.of(graph, partition: partition, resolution: resolution)
            if best == nil || q > best!.modularity + 1e-12 {
                best = Result(partition: partition, modularity: q, seed: seed &+ UInt64(k))
            }
        }
        var result = best ?? Result(partition: [], modularity: 0, seed: seed)
        result.partition = numberedBySize(result.partition, tieBreak: tieBreak)
        return result
    }

    /// Renumbers communities: largest first, equal sizes ordered by `tieBreak` of their members.
    static func numberedBySize(_ p: [Int], tieBreak: ([Int]) -> String) -> [Int] {
        let count = (p.max() ?? -1) + 1
        var members = [[Int]](repeating: [], count: count)
        for (i, c) in p.enumerated() { members[c].append(i) }
        let keys = members.map(tieBreak)
        let order = (0..<count).sorted { a, b in
            let (sa, sb) = (members[a].count, members[b].count)
            if sa != sb { return sa > sb }
            if keys[a] != keys[b] { return keys[a] < keys[b] }
            return (members[a].first ?? 0) < (members[b].first ?? 0)
        }
        var newID = [Int](repeating: 0, count: count)
        for (rank, c) in order.enumerated() { newID[c] = rank }
        return p.map { newID[$0] }
    }
}

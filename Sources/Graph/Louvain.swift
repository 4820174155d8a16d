import Model

/// Louvain (Blondel, Guillaume, Lambiotte & Lefebvre 2008), as Gephi's modularity runs it:
/// move nodes one by one to the neighbouring community that raises modularity most, in
/// seeded random order, until no move helps; then aggregate communities into nodes and
/// repeat. Objective: weighted modularity with resolution γ (`Modularity`). No guarantee
/// that communities are connected; `CommunityDetection` splits any that are not.
public enum Louvain {
    /// The community of each node of `graph` (not renumbered, possibly disconnected).
    public static func run(_ graph: WeightedGraph, resolution: Double, rng: inout SeededRandom) -> [Int] {
        var g = graph
        var membership = Array(0..<graph.nodeCount)
        while true {
            var state = CommunityState(graph: g, partition: Array(0..<g.nodeCount), resolution: resolution)
            var weightTo = [Double](repeating: 0, count: g.nodeCount)
            var touched: [Int] = []
            var movedAny = false
            var moved = true
            while moved {
                moved = false
                for i in rng.permutation(g.nodeCount) where state.moveBest(i, weightTo: &weightTo, touched: &touched) {
                    moved = true
                    movedAny = true
                }
            }
            let (p, count) = Partition.renumbered(state.community)
            membership = membership.map { p[$0] }
            if !movedAny || count == g.nodeCount { break }
            g = g.aggregated(by: p, communityCount: count)
        }
        return membership
    }
}

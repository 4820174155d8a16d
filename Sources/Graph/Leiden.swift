import Model

/// Leiden (Traag, Waltman & van Eck 2019, "From Louvain to Leiden: guaranteeing
/// well-connected communities"). Objective: weighted modularity with resolution γ.
/// Each iteration: (1) fast local moving, revisiting only the neighbours of nodes that moved;
/// (2) refinement: inside each community, nodes start alone and merge only into
/// well-connected refined subcommunities they are linked to; (3) aggregation by the refined
/// partition, starting from the unrefined one. Stops when local moving leaves every community
/// a single aggregate node.
///
/// When a refinement merges nothing, the graph is aggregated by the communities themselves
/// (else the loop would not end); such a community need not be connected, so the result is
/// not guaranteed connected here: `CommunityDetection` splits it with `Partition.connected`.
///
/// Refinement merges each node into the subcommunity with the largest modularity gain
/// (the θ → 0 limit of the paper's randomised merge), keeping runs reproducible per seed.
public enum Leiden {
    /// The community of each node of `graph` (not renumbered).
    public static func run(_ graph: WeightedGraph, resolution: Double, rng: inout SeededRandom) -> [Int] {
        var g = graph
        var membership = Array(0..<graph.nodeCount)   // original node → aggregate node
        var partition = Array(0..<graph.nodeCount)    // aggregate node → community
        while true {
            partition = fastLocalMoving(g, partition, resolution, &rng)
            let (p, count) = Partition.renumbered(partition)
            partition = p
            if count == g.nodeCount { break }
            var (refined, refinedCount) = Partition.renumbered(refine(g, partition, count, resolution, &rng))
            // A refinement that merged nothing would leave the graph as it is and loop forever:
            // aggregate by the communities themselves then (connectedness is restored afterwards).
            if refinedCount == g.nodeCount { (refined, refinedCount) = (partition, count) }
            var next = [Int](repeating: 0, count: refinedCount)
            for i in 0..<g.nodeCount { next[refined[i]] = partition[i] }
            membership = membership.map { refined[$0] }
            g = g.aggregated(by: refined, communityCount: refinedCount)
            partition = next
        }
        return membership.map { partition[$0] }
    }

    static func fastLocalMoving(_ g: WeightedGraph, _ start: [Int], _ γ: Double, _ rng: inout SeededRandom) -> [Int] {
        var state = CommunityState(graph: g, partition: start, resolution: γ)
        var queue = rng.permutation(g.nodeCount)
        var queued = [Bool](repeating: true, count: g.nodeCount)
        var head = 0
        var weightTo = [Double](repeating: 0, count: g.nodeCount)
        var touched: [Int] = []
        while head < queue.count {
            let i = queue[head]
            head += 1
            queued[i] = false
            if state.moveBest(i, weightTo: &weightTo, touched: &touched) {
                let c = state.community[i]
                g.forEachNeighbor(of: i) { j, _ in
                    if !queued[j], state.community[j] != c {
                        queued[j] = true
                        queue.append(j)
                    }
                }
            }
            if head > 4096, head * 2 > queue.count {
                queue.removeFirst(head)
                head = 0
            }
        }
        return state.community
    }

    /// The refined partition: subcommunities of `p` built by merging singletons.
    static func refine(_ g: WeightedGraph, _ p: [Int], _ count: Int, _ γ: Double, _ rng: inout SeededRandom) -> [Int] {
        let twoM = 2 * g.totalWeight
        var communityTotal = [Double](repeating: 0, count: count)
        for i in 0..<g.nodeCount { communityTotal[p[i]] += g.strength[i] }
        var refined = Array(0..<g.nodeCount)
        var total = g.strength                         // strength of each refined subcommunity
        var external = [Double](repeating: 0, count: g.nodeCount)   // weight to the rest of its community
        for i in 0..<g.nodeCount {
            g.forEachNeighbor(of: i) { j, w in if j != i, p[j] == p[i] { external[i] += w } }
        }
        var singleton = [Bool](repeating: true, count: g.nodeCount)
        var weightTo = [Double](repeating: 0, count: g.nodeCount)
        var touched: [Int] = []
        for v in rng.permutation(g.nodeCount) where singleton[v] {
            let c = p[v], k = g.strength[v]
            // v itself must be well connected to its community.
            guard external[v] >= γ * k * (communityTotal[c] - k) / twoM else { continue }
            touched.removeAll(keepingCapacity: true)
            g.forEachNeighbor(of: v) { j, w in
                guard j != v, p[j] == c else { return }
                let r = refined[j]
                if weightTo[r] == 0 { touched.append(r) }
                weightTo[r] += w
            }
            var best = -1
            var bestGain = 0.0
            for r in touched {
                let kr = total[r]
                guard external[r] >= γ * kr * (communityTotal[c] - kr) / twoM else { continue }
                let gain = weightTo[r] - γ * k * kr / twoM
                if gain > bestGain + 1e-12 || (best >= 0 && abs(gain - bestGain) <= 1e-12 && r < best) || (best < 0 && gain >= 0) {
                    best = r
                    bestGain = gain
                }
            }
            if best >= 0 {
                let wvr = weightTo[best]
                refined[v] = best
                total[best] += k
                external[best] += external[v] - 2 * wvr
                // Subcommunity `best` grew around node `best`, which therefore is in it.
                singleton[v] = false
                singleton[best] = false
            }
            for r in touched { weightTo[r] = 0 }
        }
        return refined
    }
}

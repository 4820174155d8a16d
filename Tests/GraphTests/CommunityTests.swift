import Model
import XCTest
@testable import Graph

final class CommunityTests: XCTestCase {
    /// Zachary's karate club (1977), 34 members, 78 ties, unweighted.
    static let karateEdges: [(Int, Int)] = [
        (0, 1), (0, 2), (0, 3), (0, 4), (0, 5), (0, 6), (0, 7), (0, 8), (0, 10), (0, 11), (0, 12), (0, 13), (0, 17),
        (0, 19), (0, 21), (0, 31), (1, 2), (1, 3), (1, 7), (1, 13), (1, 17), (1, 19), (1, 21), (1, 30), (2, 3), (2, 7),
        (2, 8), (2, 9), (2, 13), (2, 27), (2, 28), (2, 32), (3, 7), (3, 12), (3, 13), (4, 6), (4, 10), (5, 6), (5, 10),
        (5, 16), (6, 16), (8, 30), (8, 32), (8, 33), (9, 33), (13, 33), (14, 32), (14, 33), (15, 32), (15, 33),
        (18, 32), (18, 33), (19, 33), (20, 32), (20, 33), (22, 32), (22, 33), (23, 25), (23, 27), (23, 29), (23, 32),
        (23, 33), (24, 25), (24, 27), (24, 31), (25, 31), (26, 29), (26, 33), (27, 33), (28, 31), (28, 33), (29, 32),
        (29, 33), (30, 32), (30, 33), (31, 32), (31, 33), (32, 33),
    ]
    static let mrHi: Set<Int> = [0, 1, 2, 3, 4, 5, 6, 7, 8, 10, 11, 12, 13, 16, 17, 19, 21]

    var karate: WeightedGraph { WeightedGraph(nodeCount: 34, edges: Self.karateEdges.map { ($0.0, $0.1, 1.0) }) }

    func testModularityOfTheKarateFactionSplit() {
        let split = (0..<34).map { Self.mrHi.contains($0) ? 0 : 1 }
        XCTAssertEqual(karate.totalWeight, 78)
        // networkx 3.6: modularity(G, [mr_hi, officer]) = 0.358234714...
        XCTAssertEqual(Modularity.of(karate, partition: split), 0.358_234_714, accuracy: 1e-8)
        XCTAssertEqual(Modularity.of(karate, partition: [Int](repeating: 0, count: 34)), 0, accuracy: 1e-12)
    }

    func testLeidenFindsTheBestKnownKaratePartition() {
        let r = CommunityDetection.run(karate, algorithm: .leiden, resolution: 1, seed: 1, runs: 10)
        print("karate: Leiden best of 10 runs Q = \(r.modularity)")
        XCTAssertEqual(r.modularity, 0.419_789_612, accuracy: 1e-6)
        XCTAssertEqual(Set(r.partition).count, 4)
    }

    func testLouvainComesCloseOnKarateAndReachesTheBestOverRuns() {
        var rng = SeededRandom(seed: 3)
        let one = Louvain.run(karate, resolution: 1, rng: &rng)
        XCTAssertGreaterThan(Modularity.of(karate, partition: one), 0.40)
        let r = CommunityDetection.run(karate, algorithm: .louvain, resolution: 1, seed: 1, runs: 20)
        print("karate: Louvain best of 20 runs Q = \(r.modularity)")
        XCTAssertEqual(r.modularity, 0.419_789_612, accuracy: 1e-6)
    }

    /// A ring of 8 cliques of 5 joined by single edges: both algorithms must find the cliques.
    func testRingOfCliquesIsSplitIntoItsCliques() {
        var edges: [(Int, Int, Double)] = []
        for c in 0..<8 {
            for a in 0..<5 { for b in (a + 1)..<5 { edges.append((c * 5 + a, c * 5 + b, 1)) } }
            edges.append((c * 5, ((c + 1) % 8) * 5 + 1, 1))
        }
        let g = WeightedGraph(nodeCount: 40, edges: edges)
        for algorithm in CommunityDetection.Algorithm.allCases {
            let r = CommunityDetection.run(g, algorithm: algorithm, resolution: 1, seed: 7)
            for c in 0..<8 {
                let ids = Set((0..<5).map { r.partition[c * 5 + $0] })
                XCTAssertEqual(ids.count, 1, "\(algorithm): clique \(c) split")
            }
            XCTAssertEqual(Set(r.partition).count, 8, "\(algorithm)")
        }
    }

    func testDisconnectedGraphNeverMergesComponents() {
        // Two triangles with no edge between them, and an isolated node.
        let g = WeightedGraph(nodeCount: 7, edges: [(0, 1, 1), (1, 2, 1), (0, 2, 1), (3, 4, 2), (4, 5, 2), (3, 5, 2)])
        for algorithm in CommunityDetection.Algorithm.allCases {
            let r = CommunityDetection.run(g, algorithm: algorithm, resolution: 1, seed: 1)
            XCTAssertEqual(r.partition[0], r.partition[1])
            XCTAssertEqual(r.partition[3], r.partition[4])
            XCTAssertNotEqual(r.partition[0], r.partition[3])
            XCTAssertEqual(Set(r.partition).count, 3)
            // Q = (3/9 − (6/18)²) + (6/9 − (12/18)²) = 4/9
            XCTAssertEqual(r.modularity, 4.0 / 9, accuracy: 1e-12)
        }
    }

    func testGraphWithoutEdgesGivesSingletonsAndZeroModularity() {
        let g = WeightedGraph(nodeCount: 4, edges: [])
        let r = CommunityDetection.run(g, algorithm: .leiden, resolution: 1, seed: 1)
        XCTAssertEqual(r.modularity, 0)
        XCTAssertEqual(Set(r.partition).count, 4)
        let empty = CommunityDetection.run(WeightedGraph(nodeCount: 0, edges: []), algorithm: .louvain, resolution: 1, seed: 1)
        XCTAssertEqual(empty.partition, [])
    }

    /// Whether each community of `partition` is connected in the graph of `edges`: a
    /// breadth-first search written here, on an adjacency list built here.
    static func communitiesAreConnected(nodeCount: Int, edges: [(Int, Int)], partition: [Int]) -> Bool {
        var adjacency = [[Int]](repeating: [], count: nodeCount)
        for (a, b) in edges where a != b {
            adjacency[a].append(b)
            adjacency[b].append(a)
        }
        for community in Set(partition) {
            let members = (0..<nodeCount).filter { partition[$0] == community }
            var seen: Set<Int> = [members[0]]
            var queue = [members[0]], head = 0
            while head < queue.count {
                let v = queue[head]
                head += 1
                for w in adjacency[v] where partition[w] == community && !seen.contains(w) {
                    seen.insert(w)
                    queue.append(w)
                }
            }
            if seen.count != members.count { return false }
        }
        return true
    }

    /// Sparse planted partitions: 200 nodes in 10 groups, within-group ties with probability
    /// 0.08, between groups 0.01, weights 1-5. Sparse enough that the raw Leiden result of
    /// seed 16 has a community in two pieces (found by searching with the split turned off).
    static func plantedGraph(seed: UInt64) -> [(Int, Int, Double)] {
        let n = 200
        var rng = SeededRandom(seed: seed &* 7919 &+ UInt64(n))
        var edges: [(Int, Int, Double)] = []
        for a in 0..<n {
            for b in (a + 1)..<n where rng.unit() < (a * 10 / n == b * 10 / n ? 0.08 : 0.01) {
                edges.append((a, b, Double(1 + (a * 31 + b * 17) % 5)))
            }
        }
        return edges
    }

    func testEveryCommunityIsConnected() {
        var graphs = [(34, Self.karateEdges.map { ($0.0, $0.1, 1.0) })]
        for seed in UInt64(14)...18 { graphs.append((200, Self.plantedGraph(seed: seed))) }
        for (n, edges) in graphs {
            let g = WeightedGraph(nodeCount: n, edges: edges)
            let pairs = edges.map { ($0.0, $0.1) }
            for algorithm in CommunityDetection.Algorithm.allCases {
                for (seed, resolution) in [(UInt64(1), 1.0), (2, 1.5), (3, 0.7)] {
                    let r = CommunityDetection.run(g, algorithm: algorithm, resolution: resolution, seed: seed)
                    XCTAssertTrue(Self.communitiesAreConnected(nodeCount: n, edges: pairs, partition: r.partition),
                                  "\(algorithm) seed \(seed) γ \(resolution), \(n) nodes: a community is not connected")
                }
            }
        }
    }

    /// `Partition.connected` on hand-made partitions: one community over two components
    /// becomes two; connected communities stay as they are (up to numbering).
    func testSplittingIntoConnectedParts() {
        let path = WeightedGraph(nodeCount: 5, edges: [(0, 1, 1), (2, 3, 1), (3, 4, 1)])
        let split = Partition.connected(path, [0, 0, 0, 0, 0])
        XCTAssertEqual(split[0], split[1])
        XCTAssertEqual(split[2], split[3])
        XCTAssertEqual(split[3], split[4])
        XCTAssertNotEqual(split[1], split[2])
        // 0-1 and 2-3-4 as given: already connected; {1, 2} is not (no edge 1-2).
        XCTAssertEqual(Set(Partition.connected(path, [0, 0, 1, 1, 1])).count, 2)
        XCTAssertEqual(Set(Partition.connected(path, [0, 1, 1, 2, 2])).count, 4)
    }

    func testSameSeedSameResultAndCommunitiesNumberedBySize() {
        let a = CommunityDetection.run(karate, algorithm: .leiden, resolution: 1, seed: 5)
        let b = CommunityDetection.run(karate, algorithm: .leiden, resolution: 1, seed: 5)
        XCTAssertEqual(a, b)
        let sizes = Partition.sizes(a.partition)
        XCTAssertEqual(sizes, sizes.sorted(by: >))
    }

    func testHigherResolutionGivesMoreCommunities() {
        let low = CommunityDetection.run(karate, algorithm: .leiden, resolution: 0.5, seed: 1, runs: 3)
        let high = CommunityDetection.run(karate, algorithm: .leiden, resolution: 2, seed: 1, runs: 3)
        XCTAssertLessThan(Set(low.partition).count, Set(high.partition).count)
    }
}

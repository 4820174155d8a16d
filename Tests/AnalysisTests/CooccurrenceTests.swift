import Foundation
import Graph
import Store
import TestSupport
import XCTest
@testable import Analysis

final class CooccurrenceTests: XCTestCase {
    private var dir: URL!
    override func setUpWithError() throws { dir = try SharedPaths.temporaryDirectory() }
    override func tearDownWithError() throws { try? FileManager.default.removeItem(at: dir) }

    private func store(_ tagLists: [[String]]) throws -> Store {
        let lines = tagLists.enumerated().map { i, tags -> String in
            let text = tags.map { "#" + $0 }.joined(separator: " ")
            let h = tags.map { #"{"text":"\#($0)"}"# }.joined(separator: ",")
            return #"{"id_str":"\#(i + 1)","created_at":"Mon Jan 07 10:00:00 +0000 2013","text":"\#(text)","user":{"id_str":"\#(i % 3)"},"entities":{"hashtags":[\#(h)],"user_mentions":[],"urls":[]}}"#
        }
        let path = dir.appendingPathComponent("c.jsonl").path
        try (lines.joined(separator: "\n") + "\n").write(toFile: path, atomically: true, encoding: .utf8)
        try TestStores.ingest([path], into: path + ".db")
        return try Store.openForReading(path: path + ".db")
    }

    func testEdgesCountTweetsCarryingBothTagsOncePerTweetWithoutSelfLoops() throws {
        let s = try store([["a", "b"], ["a", "B", "b"], ["a", "c"], ["a"], ["b", "c"], ["d", "a"]])
        var options = Cooccurrence.Options()
        options.moreThan = 1
        let r = try Cooccurrence.compute(in: s, options: options)
        XCTAssertEqual(r.nodes.map(\.tag), ["a", "b", "c"])        // d (1 tweet) is not a node
        XCTAssertEqual(r.nodes.map(\.frequency), [5, 3, 2])
        XCTAssertEqual(r.nodes.map(\.users), [3, 2, 2])   // authors are tweet index % 3
        let edges = Dictionary(uniqueKeysWithValues: r.edges.map { ("\($0.source)-\($0.target)", $0.weight) })
        XCTAssertEqual(edges, ["a-b": 2, "a-c": 1, "b-c": 1])
    }

    func testTagsAtOrUnderTheThresholdAppearInNoOutput() throws {
        let s = try store([["x", "y"], ["x", "y"], ["x", "z"]])
        var options = Cooccurrence.Options()
        options.moreThan = 2
        let r = try Cooccurrence.compute(in: s, options: options)
        XCTAssertEqual(r.nodes.map(\.tag), ["x"])
        XCTAssertTrue(r.edges.isEmpty)
        XCTAssertEqual(r.communities.flatMap(\.top), ["x"])
    }

    /// The generator plants five clusters; the network must recover them.
    func testPlantedClustersAreRecovered() throws {
        let corpus = dir.appendingPathComponent("g.jsonl").path
        let truth = try GeneratedCorpus.write(to: corpus, tweets: 30_000, users: 400, seed: 11)
        try TestStores.ingest([corpus], into: corpus + ".db")
        let s = try Store.openForReading(path: corpus + ".db")
        var options = Cooccurrence.Options()
        options.moreThan = 100
        for algorithm in CommunityDetection.Algorithm.allCases {
            options.clustering.algorithm = algorithm
            let r = try Cooccurrence.compute(in: s, options: options)
            let planted = Dictionary(uniqueKeysWithValues: truth.clusters.enumerated().flatMap { c, tags in tags.map { ($0, c) } })
            let nodes = r.nodes.filter { planted[$0.tag] != nil }
            XCTAssertEqual(nodes.count, r.nodes.count, "a node outside the planted clusters passed the threshold")
            let nmi = ClusterAgreement.nmi(nodes.map { planted[$0.tag]! }, nodes.map(\.community))
            let ari = ClusterAgreement.ari(nodes.map { planted[$0.tag]! }, nodes.map(\.community))
            print("planted clusters, \(algorithm): \(r.nodes.count) nodes, \(r.communities.count) communities, Q = \(r.modularity), NMI = \(nmi), ARI = \(ari)")
            XCTAssertEqual(r.communities.count, 5)
            XCTAssertGreaterThan(nmi, 0.95)
            XCTAssertGreaterThan(ari, 0.9)
        }
    }

    func testSameStoreSeedAndOptionsGiveTheSameResult() throws {
        let s = try store((0..<60).map { i in [["a", "b", "c"], ["c", "d"], ["e", "f"], ["a", "f"]][i % 4] })
        var options = Cooccurrence.Options()
        options.moreThan = 5
        options.clustering.runs = 3
        XCTAssertEqual(try Cooccurrence.compute(in: s, options: options), try Cooccurrence.compute(in: s, options: options))
    }
}

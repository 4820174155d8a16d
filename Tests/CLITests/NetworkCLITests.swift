import Foundation
import TestSupport
import XCTest

/// `twindex network` end to end on the bundled sample: the JSON fields of CLI.md, the files,
/// and usage errors.
final class NetworkCLITests: XCTestCase {
    private static var dir: URL!
    private static var db: String!

    override class func setUp() {
        dir = try? SharedPaths.temporaryDirectory()
        db = dir.appendingPathComponent("sample.db").path
        _ = try? CLI.run(["ingest", "--db", db, "--quiet", SharedPaths.packageRoot.appendingPathComponent("corpus/sample.jsonl.gz").path])
    }

    override class func tearDown() { try? FileManager.default.removeItem(at: dir) }

    func testJSONHasTheDocumentedFieldsAndFilesAreWritten() throws {
        let prefix = Self.dir.appendingPathComponent("m").path
        let out = try CLI.run(["network", "--db", Self.db, "--kind", "mention", "--json", "--gexf", prefix + ".gexf",
                               "--graphml", prefix + ".graphml", "--csv", prefix])
        XCTAssertEqual(out.status, 0, out.stderr)
        let json = try XCTUnwrap(out.json as? [String: Any])
        for key in ["kind", "directed", "algorithm", "seed", "modularity", "nodes", "edges", "communities"] { XCTAssertNotNil(json[key], key) }
        XCTAssertEqual(json["kind"] as? String, "mention")
        XCTAssertEqual(json["directed"] as? Bool, true)
        let nodes = try XCTUnwrap(json["nodes"] as? [[String: Any]])
        XCTAssertFalse(nodes.isEmpty)
        for key in ["account", "label", "user_id", "tweets", "in_degree", "out_degree", "in_weight", "out_weight", "betweenness", "pagerank", "community"] {
            XCTAssertNotNil(nodes[0][key], key)
        }
        let edge = try XCTUnwrap((json["edges"] as? [[String: Any]])?.first)
        XCTAssertEqual(Set(edge.keys), ["source", "target", "weight"])
        let community = try XCTUnwrap((json["communities"] as? [[String: Any]])?.first)
        XCTAssertEqual(Set(community.keys), ["id", "size", "top"])
        for suffix in [".gexf", ".graphml", "-nodes.csv", "-edges.csv"] {
            XCTAssertTrue(FileManager.default.fileExists(atPath: prefix + suffix), suffix)
        }
        let tagged = try XCTUnwrap(try CLI.run(["network", "--db", Self.db, "--kind", "user-hashtag", "--more-than", "5", "--json"]).json as? [String: Any])
        let types = Set((tagged["nodes"] as? [[String: Any]] ?? []).compactMap { $0["type"] as? String })
        XCTAssertEqual(types, ["account", "hashtag"])
        XCTAssertNotNil((tagged["nodes"] as? [[String: Any]] ?? []).first { $0["type"] as? String == "hashtag" }?["tag"])
    }

    func testUsageErrorsExit64AndAMissingStoreExits1() throws {
        XCTAssertEqual(try CLI.run(["network", "--db", Self.db, "--kind", "likes"]).status, 64)
        XCTAssertEqual(try CLI.run(["network", "--db", Self.db]).status, 64)
        XCTAssertEqual(try CLI.run(["network", "--db", Self.db, "--kind", "mention", "--min-degree", "-1"]).status, 64)
        XCTAssertEqual(try CLI.run(["network", "--db", Self.dir.appendingPathComponent("none.db").path, "--kind", "mention"]).status, 1)
        let table = try CLI.run(["network", "--db", Self.db, "--kind", "follow"])
        XCTAssertEqual(table.status, 0)
        XCTAssertTrue(table.stdout.contains("twindex follows"), table.stdout)
    }
}

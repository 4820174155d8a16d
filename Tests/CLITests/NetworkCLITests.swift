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

/// `twindex users` and the `users` column of `twindex hashtags`, end to end.
final class UsersCLITests: XCTestCase {
    /// The users table's page of 20 says how many accounts there are: the truth's `users`.
    func testUsersTableSaysItShowsAPage() throws {
        let truth = try JSONSerialization.jsonObject(with: Data(contentsOf: SharedPaths.packageRoot
            .appendingPathComponent("corpus/sample.truth.json"))) as? [String: Any]
        let users = try XCTUnwrap(truth?["users"] as? Int)
        let dir = try SharedPaths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let db = dir.appendingPathComponent("s.db").path
        try CLI.run(["ingest", "--db", db, "--quiet", SharedPaths.packageRoot.appendingPathComponent("corpus/sample.jsonl.gz").path])
        let table = try CLI.run(["users", "--db", db])
        XCTAssertEqual(table.status, 0)
        XCTAssertTrue(table.stderr.contains("showing 20 of \(users) accounts"), table.stderr)
        XCTAssertEqual(try CLI.run(["users", "--db", db, "--top", String(users)]).stderr, "")
    }

    func testUsersJSONFieldsCSVAndHashtagUsers() throws {
        let dir = try SharedPaths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let db = dir.appendingPathComponent("s.db").path
        try CLI.run(["ingest", "--db", db, "--quiet", SharedPaths.packageRoot.appendingPathComponent("corpus/sample.jsonl.gz").path])
        let json = try XCTUnwrap(try CLI.run(["users", "--db", db, "--json"]).json as? [String: Any])
        let rows = try XCTUnwrap(json["rows"] as? [[String: Any]])
        let stats = try XCTUnwrap(try CLI.run(["stats", "--db", db, "--json"]).json as? [String: Any])
        XCTAssertEqual(rows.count, stats["users"] as? Int, "one row per author")
        XCTAssertEqual(rows.map { $0["tweets"] as? Int ?? 0 }.reduce(0, +), stats["tweets"] as? Int)
        for key in ["screen_name", "user_id", "tweets", "first", "last", "with_hashtags", "with_mentions", "starts_with_at",
                    "replies", "retweets", "hashtags", "mentions_received", "mentioned_by", "followers", "friends"] {
            XCTAssertNotNil(rows[0][key], key)
        }
        let byMentions = try XCTUnwrap(try CLI.run(["users", "--db", db, "--json", "--sort", "mentions_received", "--top", "5"]).json as? [String: Any])
        let received = (byMentions["rows"] as? [[String: Any]] ?? []).map { $0["mentions_received"] as? Int ?? -1 }
        XCTAssertEqual(received, received.sorted(by: >))
        XCTAssertEqual(received.count, 5)
        let csv = try CLI.run(["users", "--db", db, "--csv", "--top", "3"])
        XCTAssertEqual(csv.status, 0)
        XCTAssertTrue(csv.stdout.hasPrefix("screen_name,user_id,tweets,first,last,with_hashtags,with_hashtags_share"), csv.stdout)
        XCTAssertEqual(csv.stdout.split(separator: "\r\n").count, 4)
        let tags = try XCTUnwrap(try CLI.run(["hashtags", "--db", db, "--json", "--top", "3"]).json as? [String: Any])
        for row in tags["rows"] as? [[String: Any]] ?? [] {
            XCTAssertLessThanOrEqual(row["users"] as? Int ?? .max, row["tweets"] as? Int ?? 0)
            XCTAssertGreaterThan(row["users"] as? Int ?? 0, 0)
        }
    }
}

/// `twindex follows` then `network --kind follow`, end to end: ids resolve to screen names
/// through the store's accounts, an edge given twice weighs 1, reruns skip.
final class FollowsCLITests: XCTestCase {
    func testFollowNetworkFromAnEdgeListAndTwarcOutput() throws {
        let dir = try SharedPaths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let db = dir.appendingPathComponent("s.db").path
        let tweet = { (id: Int, user: Int, name: String) in
            #"{"id_str":"\#(id)","created_at":"Mon Jan 07 10:00:00 +0000 2013","text":"hi","user":{"id_str":"\#(user)","screen_name":"\#(name)"}}"#
        }
        let tweets = dir.appendingPathComponent("t.jsonl").path
        try [tweet(1, 11, "Ann"), tweet(2, 12, "Bob")].joined(separator: "\n").write(toFile: tweets, atomically: true, encoding: .utf8)
        XCTAssertEqual(try CLI.run(["ingest", "--db", db, "--quiet", tweets]).status, 0)
        let csv = dir.appendingPathComponent("edges.csv").path
        try "source,target\n11,bob\nann,@Bob\ncarl,11\nbad line\n".write(toFile: csv, atomically: true, encoding: .utf8)
        let twarc = dir.appendingPathComponent("following.jsonl").path
        try #"{"data":[{"id":"11","username":"Ann"},{"id":"13","username":"Carl"}],"__twarc":{"url":"https://api.twitter.com/2/users/12/following"}}"#
            .write(toFile: twarc, atomically: true, encoding: .utf8)
        let imported = try CLI.run(["follows", "--db", db, "--json", csv, twarc])
        XCTAssertEqual(imported.status, 0, imported.stderr)
        let summary = try XCTUnwrap(imported.json as? [String: Any])
        XCTAssertEqual(summary["edges"] as? Int, 5)
        XCTAssertEqual(summary["bad_lines"] as? Int, 1)
        XCTAssertEqual((try CLI.run(["follows", "--db", db, "--json", csv, twarc]).json as? [String: Any])?["files_skipped"] as? Int, 2)
        XCTAssertTrue(try CLI.run(["bad-lines", "--db", db]).stdout.contains("edges.csv"))

        let json = try XCTUnwrap(try CLI.run(["network", "--db", db, "--kind", "follow", "--json"]).json as? [String: Any])
        let edges = (json["edges"] as? [[String: Any]] ?? []).map { "\($0["source"] ?? "")>\($0["target"] ?? ""):\($0["weight"] ?? "")" }
        // 11 = ann, 12 = bob (the store's accounts); ann → bob given twice weighs 1.
        XCTAssertEqual(Set(edges), ["ann>bob:1", "carl>ann:1", "bob>ann:1", "bob>carl:1"])
        let labels = Dictionary(uniqueKeysWithValues: (json["nodes"] as? [[String: Any]] ?? []).map { ($0["account"] as? String ?? "", $0["label"] as? String ?? "") })
        XCTAssertEqual(labels, ["ann": "Ann", "bob": "Bob", "carl": "carl"])
        let carl = (json["nodes"] as? [[String: Any]] ?? []).first { $0["account"] as? String == "carl" }
        XCTAssertEqual(carl?["user_id"] as? String, "13", "the id twarc gave with the name")
    }
}

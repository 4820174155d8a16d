import Foundation
import TestSupport
import XCTest

/// The same input ingested into SQLite and into PostgreSQL gives the same JSON from every
/// analysis ported, byte for byte (skipped without a test server, see PostgresServer).
final class PostgresEquivalenceTests: XCTestCase {
    private var dir: URL!
    private var url: String!

    override func setUpWithError() throws {
        guard let url = try PostgresServer.freshDatabase() else { throw XCTSkip(PostgresServer.skipReason) }
        self.url = url
        dir = try SharedPaths.temporaryDirectory()
    }

    override func tearDownWithError() throws {
        if let url { PostgresServer.drop(url) }
        if let dir { try? FileManager.default.removeItem(at: dir) }
    }

    /// A generated corpus with the faults an ingest meets: repeated lines, a broken line, a
    /// delete notice after its tweet and one before, other notices, a mention in two cases,
    /// a repeated hashtag, text with tabs, backslashes and accents, a tweet without author.
    private func faultyCorpus() throws -> [String] {
        let main = dir.appendingPathComponent("main.jsonl").path
        try GeneratedCorpus.write(to: main, tweets: 3000, users: 120, seed: 11)
        let lines = try String(contentsOfFile: main, encoding: .utf8).split(separator: "\n").map(String.init)
        func tweet(_ id: Int, user: Int?, text: String, hashtags: [String] = [], mentions: [String] = []) -> String {
            let tags = hashtags.map { #"{"text":"\#($0)"}"# }.joined(separator: ",")
            let names = mentions.map { #"{"screen_name":"\#($0)","id_str":"77"}"# }.joined(separator: ",")
            let author = user.map { #","user":{"id_str":"\#($0)","screen_name":"Faulty\#($0)","name":"Fé\\tü"}"# } ?? ""
            return #"{"id_str":"\#(id)","created_at":"Sun Mar 31 00:5\#(id % 10):00 +0000 2013","text":"\#(text)"\#(author),"entities":{"hashtags":[\#(tags)],"user_mentions":[\#(names)],"urls":[]}}"#
        }
        var faults = [
            tweet(9_000_001, user: 501, text: "tab\\there back\\\\slash café #Ünï #ünï @Ann @ann", hashtags: ["Ünï", "ünï"], mentions: ["Ann", "ann"]),
            tweet(9_000_002, user: nil, text: "no author #x", hashtags: ["x"]),
            #"{"delete":{"status":{"id_str":"9000002","user_id_str":"0"}}}"#,
            #"{"delete":{"status":{"id_str":"9000003","user_id_str":"502"}}}"#,
            tweet(9_000_003, user: 502, text: "deleted before it came"),
            #"{"limit":{"track":12}}"#,
            #"{"id_str":"9000004","text":"#,
            "not json at all",
            "",
        ]
        faults += lines.prefix(40)   // repeated lines: duplicates
        let extra = dir.appendingPathComponent("faults.jsonl").path
        try (faults.joined(separator: "\n") + "\n").write(toFile: extra, atomically: true, encoding: .utf8)
        return [main, extra]
    }

    func testEveryPortedAnalysisGivesTheSameJSON() throws {
        let inputs = try faultyCorpus()
        let file = dir.appendingPathComponent("study.db").path
        for store in [file, url!] {
            let ingest = try CLI.run(["ingest", "--quiet", "--db", store] + inputs)
            XCTAssertEqual(ingest.status, 0, ingest.stderr)
        }
        // The faults are there (hand-counted from faultyCorpus): 40 repeated lines (beside the
        // generator's own repeats), 2 broken
        // lines, 1 delete notice of a stored tweet (the other suppresses its tweet), 1 notice.
        let stats = try CLI.run(["stats", "--json", "--db", url]).json as? [String: Any]
        XCTAssertGreaterThanOrEqual(stats?["duplicates"] as? Int ?? 0, 40)
        XCTAssertEqual(stats?["bad_lines"] as? Int, 2)
        XCTAssertEqual(stats?["deleted"] as? Int, 2)
        XCTAssertEqual(stats?["notices"] as? Int, 1)
        let commands: [[String]] = [
            ["stats"], ["ratios"], ["ratios", "--baseline", "published"], ["activity"], ["activity", "--tz", "Europe/Amsterdam"],
            ["activity", "--tz", "Asia/Kathmandu", "--from", "2012-01-01", "--to", "2013-03-31"], ["hashtags"],
            ["hashtags", "--user", "faulty501"], ["cooccur", "--more-than", "3"], ["timeline"], ["users"], ["bad-lines"], ["show", "9000001"],
            ["hashtags", "--by", "month", "--top", "5"], ["words", "--by", "week", "--top", "3", "--tz", "Asia/Kathmandu"], ["repeats"],
        ]
        for command in commands {
            let sqlite = try CLI.run(command + ["--json", "--db", file])
            let postgres = try CLI.run(command + ["--json", "--db", url])
            XCTAssertEqual(sqlite.status, 0, "\(command) on SQLite: \(sqlite.stderr)")
            XCTAssertEqual(postgres.status, 0, "\(command) on PostgreSQL: \(postgres.stderr)")
            XCTAssertFalse(sqlite.stdout.isEmpty)
            XCTAssertEqual(postgres.stdout.replacingOccurrences(of: url, with: "STORE"),
                           sqlite.stdout.replacingOccurrences(of: file, with: "STORE"), "\(command)")
        }
    }
}

import Foundation
import TestSupport
import XCTest

/// Issue 14 end to end: what a user sees when inputs or the store are not what they seem.
/// Permission cases run the binary as an unprivileged user (root reads and writes anything).
final class HardeningCLITests: XCTestCase {
    private var dir: URL!
    private let fm = FileManager.default
    override func setUpWithError() throws { dir = try SharedPaths.temporaryDirectory() }
    override func tearDownWithError() throws {
        // Give back what the tests took away, so the folder can be removed.
        for sub in (fm.enumerator(atPath: dir.path)?.allObjects as? [String] ?? []) {
            chmod(dir.appendingPathComponent(sub).path, 0o755)
        }
        chmod(dir.path, 0o755)
        try? fm.removeItem(at: dir)
    }

    private func path(_ name: String) -> String { dir.appendingPathComponent(name).path }

    private func tweets(_ name: String, ids: ClosedRange<Int>) throws {
        try fm.createDirectory(atPath: (path(name) as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        let lines = ids.map { #"{"id_str":"\#($0)","created_at":"Mon Jan 07 10:00:00 +0000 2013","text":"overleg \#($0)","user":{"id_str":"7"}}"# }
        try Data((lines.joined(separator: "\n") + "\n").utf8).write(to: URL(fileURLWithPath: path(name)))
    }

    private func tweetCount(_ db: String) throws -> Int? {
        (try CLI.run(["stats", "--db", db, "--json"]).json as? [String: Any])?["tweets"] as? Int
    }

    func testHardening2ASymlinkedDirectoryIsIngestedAndAnUnreadableSubdirectoryFailsTheRun() throws {
        try tweets("data/a.jsonl", ids: 1...3)
        try tweets("data/closed/b.jsonl", ids: 4...5)
        try fm.createSymbolicLink(atPath: path("d"), withDestinationPath: "data")
        let db = path("out/s.db")
        try fm.createDirectory(atPath: path("out"), withIntermediateDirectories: true)
        chmod(path("out"), 0o777)
        chmod(path("data/closed"), 0o700)      // only its owner (root) may list it
        guard let run = try CLI.runUnprivileged(["ingest", "--db", db, "--json", path("d")]) else {
            throw XCTSkip("cannot run as an unprivileged user here")
        }
        XCTAssertEqual(run.status, 1, run.stderr)
        let summary = run.json as? [String: Any] ?? [:]
        XCTAssertEqual(summary["tweets_inserted"] as? Int, 3)
        let problems = summary["problems"] as? [[String: String]] ?? []
        XCTAssertEqual(problems.map { $0["input"] }, [path("d/closed")])
        XCTAssertEqual(problems.first?["message"], "cannot list this directory: Permission denied")
        XCTAssertEqual(run.stderr, "twindex: \(path("d/closed")): cannot list this directory: Permission denied\n")
        // Once readable, the same command completes it.
        chmod(path("data/closed"), 0o755)
        XCTAssertEqual(try CLI.runUnprivileged(["ingest", "--db", db, "--quiet", path("d")])?.status, 0)
        XCTAssertEqual(try tweetCount(db), 5)
    }

    func testHardening6AReadOnlyStoreIsReadableAndIngestSaysTheStoreIsReadOnly() throws {
        try tweets("a.jsonl", ids: 1...4)
        let db = path("ro/s.db")
        try fm.createDirectory(atPath: path("ro"), withIntermediateDirectories: true)
        XCTAssertEqual(try CLI.run(["ingest", "--db", db, "--quiet", path("a.jsonl")]).status, 0)
        chmod(db, 0o444)
        chmod(path("ro"), 0o555)
        guard let stats = try CLI.runUnprivileged(["stats", "--db", db, "--json"]) else {
            throw XCTSkip("cannot run as an unprivileged user here")
        }
        XCTAssertEqual(stats.status, 0, stats.stderr)
        XCTAssertEqual((stats.json as? [String: Any])?["tweets"] as? Int, 4)
        let search = try CLI.runUnprivileged(["search", "--db", db, "overleg", "--format", "jsonl"])
        XCTAssertEqual(search?.status, 0, search?.stderr ?? "")
        XCTAssertEqual(search?.stdout.split(separator: "\n").count, 4)
        let sql = try CLI.runUnprivileged(["sql", "--db", db, "SELECT count(*) FROM tweets", "--format", "csv"])
        XCTAssertEqual(sql?.stdout, "count(*)\r\n4\r\n")
        let ingest = try CLI.runUnprivileged(["ingest", "--db", db, path("a.jsonl")])
        XCTAssertEqual(ingest?.status, 1)
        XCTAssertEqual(ingest?.stderr, "twindex: error: the store is read-only: cannot write \(db) (the file is not writable)\n")
        XCTAssertEqual(try fm.contentsOfDirectory(atPath: path("ro")), ["s.db"], "nothing created beside it")
    }

    func testHardening8FailuresAreOneLineNamingCauseAndFile() throws {
        try tweets("a.jsonl", ids: 1...2)
        let input = path("a.jsonl")
        try fm.createDirectory(atPath: path("folder"), withIntermediateDirectories: true)
        fm.createFile(atPath: path("empty.db"), contents: Data())
        try fm.createSymbolicLink(atPath: path("knot.db"), withDestinationPath: "knot.db")
        try fm.createSymbolicLink(atPath: path("knot.jsonl"), withDestinationPath: "knot.jsonl")
        let cases: [([String], String)] = [
            (["ingest", "--db", path("folder"), input], "\(path("folder")) is a directory, not a store file; --db takes the store's file"),
            (["stats", "--db", path("folder")], "\(path("folder")) is a directory"),
            (["stats", "--db", path("empty.db")], "\(path("empty.db")) is an empty file, not a twindex store yet"),
            (["stats", "--db", path("knot.db")], "cannot open the store \(path("knot.db")): symbolic link loop"),
            (["ingest", "--db", path("s.db"), path("knot.jsonl")], "\(path("knot.jsonl")): symbolic link loop"),
        ]
        for (args, expected) in cases {
            let out = try CLI.run(args)
            XCTAssertEqual(out.status, 1, "\(args)")
            let lines = out.stderr.split(separator: "\n")
            XCTAssertEqual(lines.count, 1, "\(args): \(out.stderr)")
            XCTAssertTrue(out.stderr.contains(expected), "\(args): \(out.stderr)")
            XCTAssertFalse(out.stderr.contains("SQLite error"), out.stderr)
            XCTAssertFalse(out.stderr.contains("no such file"), out.stderr)
        }
        XCTAssertFalse(fm.fileExists(atPath: path("folder.lock")), "no stray lock beside a directory")
    }
}

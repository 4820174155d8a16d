import Foundation
import TestSupport
import XCTest

/// Issues 12 and 14 (hostile findings 1, 2 and 12): an output that cannot be written is never
/// a crash and never an exit 0 with a short file. A full disk says so in one line and exits 1;
/// a pipe closed early (`| head`) ends quietly; a file that cannot be made is named with the
/// system's reason, before any work is spent on it.
final class WriteFailureCLITests: XCTestCase {
    private static var dir: URL!
    private static var db: String!
    private static var tweetID = ""

    override class func setUp() {
        dir = try? SharedPaths.temporaryDirectory()
        let corpus = dir.appendingPathComponent("g.jsonl").path
        _ = try? GeneratedCorpus.write(to: corpus, tweets: 3_000, users: 40, seed: 12)
        db = dir.appendingPathComponent("g.db").path
        _ = try? CLI.run(["ingest", "--db", db, "--quiet", corpus])
        tweetID = (try? CLI.run(["sql", "--db", db, "select id from tweets limit 1", "--format", "csv"]))?
            .stdout.split(separator: "\r\n").dropFirst().first.map(String.init) ?? ""
    }

    override class func tearDown() { try? FileManager.default.removeItem(at: dir) }

    private static let fullDisk = "twindex: cannot write the output: No space left on device\n"

    /// Every command that prints data, in its formats; each must fail on /dev/full.
    private var printingCommands: [[String]] {
        let db = Self.db!
        let query = SharedPaths.packageRoot.appendingPathComponent("queries/busiest_days.sql").path
        return [
            ["stats", "--db", db], ["stats", "--db", db, "--json"], ["bad-lines", "--db", db],
            ["show", "--db", db, Self.tweetID], ["show", "--db", db, Self.tweetID, "--json"],
            ["ratios", "--db", db], ["ratios", "--db", db, "--json"], ["activity", "--db", db],
            ["timeline", "--db", db], ["timeline", "--db", db, "--csv"], ["timeline", "--db", db, "--json"],
            ["completeness", "--db", db, "--csv"], ["hashtags", "--db", db], ["hashtags", "--db", db, "--json"],
            ["cooccur", "--db", db, "--more-than", "0"], ["network", "--db", db, "--kind", "mention"],
            ["users", "--db", db], ["users", "--db", db, "--csv"], ["users", "--db", db, "--json"],
            ["search", "--db", db, "het OR de", "--all", "--format", "csv"], ["search", "--db", db, "het"],
            ["sql", "--db", db, "select * from tweets"], ["sql", "--db", db, "select * from tweets", "--format", "csv"],
            ["sql", "--db", db, "select * from tweets", "--format", "jsonl"], ["sql", "--db", db, "select 1", "--json"],
            ["query", "--db", db, query, "--param", "limit=5"], ["export", "tweets", "--db", db], ["export", "ids", "--db", db],
            ["datasette-metadata", "--db", db], ["generate", "--tweets", "200"], ["words", "--db", db], ["repeats", "--db", db],
            ["generate", "--profile", "sample1pct", "--tweets", "500", "--archive", "tar"],
        ]
    }

    func testAFullDiskIsOneLineAndExit1ForEveryCommand() throws {
        for args in printingCommands {
            let r = try CLI.run(args, stdout: .file("/dev/full"))
            XCTAssertEqual(r.status, 1, "\(args.joined(separator: " ")): \(r.stderr.prefix(300))")
            XCTAssertEqual(r.stderr, Self.fullDisk, args.joined(separator: " "))
        }
    }

    /// More than a pipe's 64 KB each, so the writes after the reader left fail.
    func testAPipeClosedEarlyEndsQuietly() throws {
        let db = Self.db!
        for args in [["sql", "--db", db, "select * from tweets", "--format", "csv"],
                     ["search", "--db", db, "het OR de OR en", "--all", "--format", "jsonl"],
                     ["export", "tweets", "--db", db], ["timeline", "--db", db, "--csv"],
                     ["generate", "--tweets", "5000"],
                     ["generate", "--profile", "sample1pct", "--tweets", "20000", "--archive", "zip"]] {
            let r = try CLI.run(args, stdout: .closedPipe)
            XCTAssertEqual(r.status, 0, "\(args.joined(separator: " ")): \(r.stderr.prefix(300))")
            XCTAssertEqual(r.stderr, "", args.joined(separator: " "))
        }
    }

    func testAFileThatCannotBeWrittenIsNamedWithTheSystemsReason() throws {
        let db = Self.db!, missing = "/nonexistent-\(getpid())/dir"
        let cases: [([String], String)] = [
            (["report", "--db", db, "--out", "\(missing)/r.html"], "cannot write \(missing)/r.html: No such file or directory"),
            (["report", "--db", db, "--out", Self.dir.path], "cannot write \(Self.dir.path): Is a directory"),
            (["cooccur", "--db", db, "--more-than", "0", "--gexf", "\(missing)/x.gexf"], "cannot write \(missing)/x.gexf: No such file or directory"),
            (["cooccur", "--db", db, "--more-than", "0", "--csv", "\(missing)/x"], "cannot write \(missing)/x-nodes.csv: No such file or directory"),
            (["network", "--db", db, "--kind", "mention", "--graphml", "\(missing)/x.graphml"], "cannot write \(missing)/x.graphml: No such file or directory"),
            (["query", "--db", db, "\(missing)/q.sql"], "cannot read \(missing)/q.sql: No such file or directory"),
            (["query", "--db", db, Self.dir.path], "cannot read \(Self.dir.path): Is a directory"),
        ]
        for (args, message) in cases {
            let r = try CLI.run(args)
            XCTAssertEqual(r.status, 1, args.joined(separator: " "))
            XCTAssertEqual(r.stderr, "twindex: error: \(message)\n", args.joined(separator: " "))
        }
        let file = Self.dir.appendingPathComponent("in-the-way").path
        try "x".write(toFile: file, atomically: true, encoding: .utf8)
        let demo = try CLI.run(["demo", "--out", file + "/demo"])
        XCTAssertEqual(demo.stderr, "twindex: error: cannot write \(file): Not a directory\n")
        XCTAssertEqual(demo.status, 1)
    }

    func testGenerateChecksTheTruthCanBeWrittenBeforeWritingTheCorpus() throws {
        let out = Self.dir.appendingPathComponent("never.jsonl").path
        let r = try CLI.run(["generate", "--tweets", "10", "--out", out, "--truth", "/nonexistent-\(getpid())/t.json"])
        XCTAssertEqual(r.status, 1)
        XCTAssertEqual(r.stderr, "twindex: error: cannot write /nonexistent-\(getpid())/t.json: No such file or directory\n")
        XCTAssertFalse(FileManager.default.fileExists(atPath: out), "the corpus was written though its truth could not be")
    }

    /// As a user without rights to the folder, the reason is the permission.
    func testAFolderWithoutWritePermissionSaysSo() throws {
        let locked = Self.dir.appendingPathComponent("locked")
        try FileManager.default.createDirectory(at: locked, withIntermediateDirectories: true)
        try FileManager.default.setAttributes([.posixPermissions: 0o555], ofItemAtPath: locked.path)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: Self.dir.path)
        try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: Self.db)
        let page = locked.appendingPathComponent("r.html").path
        guard let r = try CLI.runUnprivileged(["report", "--db", Self.db, "--out", page]) else {
            throw XCTSkip("no way to run as an unprivileged user here")
        }
        XCTAssertEqual(r.stderr, "twindex: error: cannot write \(page): Permission denied\n")
        XCTAssertEqual(r.status, 1)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: locked.path), [])
    }
}

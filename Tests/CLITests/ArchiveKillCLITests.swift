import Foundation
import Store
import TestSupport
import XCTest

/// `kill -9` inside an archive member bigger than one transaction, on the built binary: the
/// ingest commits every 65,536 lines with its position in the member, so a tar whose middle
/// `.json.bz2` member holds about 102,600 lines is committed inside that member and ends in the
/// next transaction. The run is
/// killed once the store holds a commit inside it; the next run must skip the member before,
/// read the big one from its committed line on (not from its start), and end with the store
/// of an uninterrupted ingest of the same tar.
final class ArchiveKillCLITests: XCTestCase {
    /// Lines of tweets in the big member (delete and limit notices come on top).
    private static let bigMember = 100_000

    func testAKillInsideAMemberBiggerThanATransactionResumesMidMember() throws {
        guard ReferenceTools.unavailableReason == nil else {
            XCTAssertFalse(ReferenceTools.required, ReferenceTools.unavailableReason ?? "")
            throw XCTSkip(ReferenceTools.unavailableReason ?? "")
        }
        let dir = try SharedPaths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        func path(_ name: String) -> String { dir.appendingPathComponent(name).path }
        let tar = path("day.tar")
        let lines = try Self.writeTar(tar, bigMember: Self.bigMember)
        let big = "2013/01/23/00/01.json.bz2"

        let clean = try CLI.run(["ingest", "--db", path("clean.db"), "--quiet", "--json", tar])
        XCTAssertEqual(clean.status, 0, clean.stderr)
        XCTAssertEqual((clean.json as? [String: Any])?["lines"] as? Int, lines.reduce(0, +))

        // Kill the ingest once a transaction inside the big member is committed.
        let killed = path("killed.db")
        let process = Process()
        process.executableURL = CLI.binary
        process.arguments = ["ingest", "--db", killed, "--quiet", tar]
        process.environment = ProcessInfo.processInfo.environment.filter { $0.key != "TWINDEX_DB" }
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        // One reading connection, opened once the store exists, sees each commit as it lands.
        var reader: Store?
        let deadline = Date().addingTimeInterval(300)
        while process.isRunning, Date() < deadline {
            if reader == nil, FileManager.default.fileExists(atPath: killed) { reader = try? Store.openForReading(path: killed) }
            if let reader, (try? Self.linesDone(big, in: reader)) ?? 0 > 0 { break }
            usleep(20_000)
        }
        reader = nil
        XCTAssertTrue(process.isRunning, "the ingest ended before a commit inside the member was seen")
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        XCTAssertEqual(process.terminationReason, .uncaughtSignal)

        // What the killed run left: the first member complete, the big one partly, with a
        // whole number of its transactions; the third not begun.
        let rows = try Store.openForReading(path: killed)
            .query("SELECT member, complete, lines_done FROM files ORDER BY id").rows
        XCTAssertEqual(rows.count, 2, "\(rows)")
        XCTAssertEqual(rows.first, [.text("2013/01/23/00/00.json.bz2"), .integer(1), .integer(Int64(lines[0]))])
        let done = try XCTUnwrap(try Self.linesDone(big, in: Store.openForReading(path: killed)))
        XCTAssertEqual(rows.last?.prefix(2), [.text(big), .integer(0)])
        XCTAssertGreaterThanOrEqual(done + lines[0], 65_536, "a commit inside the member")
        XCTAssertLessThan(done, lines[1], "the member was not done when killed")
        let last = try XCTUnwrap(try TestStores.integer("SELECT max(line) FROM tweets WHERE file_id = 2", in: killed))
        XCTAssertLessThanOrEqual(Int(last), done, "nothing of the member past its committed line")
        XCTAssertGreaterThan(Int(last), done - 50, "the member's tweets up to its committed line")

        // The rerun skips the first member, reads the big one from the line after `done`,
        // then the third member: not the whole stream again.
        let rerun = try CLI.run(["ingest", "--db", killed, "--quiet", "--json", tar])
        XCTAssertEqual(rerun.status, 0, rerun.stderr)
        let summary = rerun.json as? [String: Any] ?? [:]
        XCTAssertEqual(summary["files_skipped"] as? Int, 1)
        XCTAssertEqual(summary["lines"] as? Int, lines[1] - done + lines[2], "read from the member's committed line on")
        XCTAssertEqual(try TestStores.fingerprint(killed), try TestStores.fingerprint(path("clean.db")))
        let finished = try Store.openForReading(path: killed).query("SELECT complete, lines_done FROM files ORDER BY id").rows
        XCTAssertEqual(finished, lines.map { [.integer(1), .integer(Int64($0))] })
    }

    /// The big member's committed lines in `store`; nil before its row is committed.
    private static func linesDone(_ member: String, in store: Store) throws -> Int? {
        let rows = try store.query("SELECT lines_done FROM files WHERE member = '\(member)'").rows
        if case .integer(let n)? = rows.first?.first { return Int(n) }
        return nil
    }

    /// Writes, with Python's tarfile and bz2, a tar of three minute members: 100 tweets, then
    /// `bigMember`, then 100, with delete notices (some for tweets two transactions back) and
    /// limit notices among them, and hashtags, mentions and URLs in the texts. Returns each
    /// member's number of lines.
    private static func writeTar(_ path: String, bigMember: Int) throws -> [Int] {
        let script = #"""
            import bz2, io, random, sys, tarfile
            rng = random.Random(19)
            words = ['de', 'het', 'een', 'overleg', 'brexit', 'the', 'and', 'kamer', 'vandaag', 'morgen',
                     'stream', 'sample', 'minute', 'archive', 'tweet', 'baseline']
            def member(first, count, minute):
                lines = []
                for i in range(first, first + count):
                    tid = 10**6 + i
                    text = ' '.join(rng.choice(words) for _ in range(4))
                    if i % 3 == 0: text += ' #tag%d' % rng.randrange(40)
                    if i % 4 == 0: text += ' @user%d' % rng.randrange(300)
                    if i % 9 == 0: text += ' http://ex.com/%d' % rng.randrange(20)
                    u = rng.randrange(500)
                    lines.append('{"id_str":"%d","created_at":"Wed Jan 23 00:%02d:%02d +0000 2013","text":"%s",'
                                 '"user":{"id_str":"%d","screen_name":"user%d"}}\n' % (tid, minute, i % 60, text, 10**5 + u, u))
                    if i % 40 == 39:
                        lines.append('{"delete":{"status":{"id_str":"%d","user_id_str":"1"}}}\n' % (tid - (70000 if i > 70000 else 3)))
                    if i % 997 == 0:
                        lines.append('{"limit":{"track":%d,"timestamp_ms":"1358899200000"}}\n' % i)
                return ''.join(lines).encode()
            big = int(sys.argv[2])
            parts = [member(0, 100, 0), member(100, big, 1), member(100 + big, 100, 2)]
            with tarfile.open(sys.argv[1], 'w', format=tarfile.GNU_FORMAT) as t:
                for k, data in enumerate(parts):
                    packed = bz2.compress(data, 1)
                    info = tarfile.TarInfo('2013/01/23/00/%02d.json.bz2' % k)
                    info.size, info.mtime = len(packed), 1358899200
                    t.addfile(info, io.BytesIO(packed))
                    print(data.count(b'\n'))
            """#
        let out = try ReferenceTools.runPython(script, arguments: [path, String(bigMember)])
        return out.split(separator: "\n").compactMap { Int($0) }
    }
}

import Foundation
import Ingest
import Model
import TestSupport
import XCTest
@testable import Store

/// Archive members as units of their own in the `files` table (FilePlanner): resumed
/// after a crash at the committed position, and the migration that adds `files.member`.
final class FilePlannerMemberTests: XCTestCase {
    private var dir: URL!
    override func setUpWithError() throws {
        dir = try SharedPaths.temporaryDirectory()
        guard let reason = ReferenceTools.unavailableReason else { return }
        XCTAssertFalse(ReferenceTools.required, reason)
        throw XCTSkip(reason)
    }
    override func tearDownWithError() throws { try? FileManager.default.removeItem(at: dir) }

    /// A generated stream packed as a tar of `linesPerMember`-line members, ingested cleanly
    /// into `clean.db` and, in batches of 50 lines and transactions of `commitLines`, into
    /// `crashed.db` by a run that fails as a killed one would after `failAfter` batches.
    private func crashedRun(tweets: Int, seed: UInt64, linesPerMember: Int, commitLines: Int,
                            failAfter: Int) throws -> (tar: String, lines: Int, members: [String], clean: String, crashed: String) {
        let jsonl = dir.appendingPathComponent("stream.jsonl").path
        _ = try GeneratedCorpus.write(to: jsonl, tweets: tweets, users: 60, seed: seed)
        let lines = try String(contentsOfFile: jsonl, encoding: .utf8).split(separator: "\n").count
        let members = try ArchiveLayouts.pack(jsonl, into: dir, linesPerMember: linesPerMember)
        let tar = dir.appendingPathComponent("stream.tar").path
        let clean = dir.appendingPathComponent("clean.db").path
        try TestStores.ingest([tar], into: clean, batchLines: 50)
        let crashed = dir.appendingPathComponent("crashed.db").path
        try FailingTarget.crash(ingesting: [tar], into: crashed, commitLines: commitLines, batchLines: 50, failAfter: failAfter)
        return (tar, lines, members, clean, crashed)
    }

    private func fileRows(_ path: String) throws -> [[SQLValue]] {
        try Store.openForReading(path: path).query("SELECT member, complete, lines_done FROM files ORDER BY id").rows
    }

    /// A run killed inside the third member of a tar of `.json.bz2` files (batches of 50
    /// lines, transactions of 100, 6 batches per member, the crash after 2 of the third
    /// member's batches): the members before it are complete, the third keeps the lines of
    /// its committed transactions, and the next run skips the first two, reads the third
    /// from the line after them, and ends with the store of an uninterrupted run.
    func testARunKilledInsideAMemberResumesAtItsCommittedLine() throws {
        let run = try crashedRun(tweets: 1200, seed: 3, linesPerMember: 300, commitLines: 100, failAfter: 14)
        XCTAssertEqual(try fileRows(run.crashed), [[.text(run.members[0]), .integer(1), .integer(300)],
                                                   [.text(run.members[1]), .integer(1), .integer(300)],
                                                   [.text(run.members[2]), .integer(0), .integer(100)]])
        let resumed = try TestStores.ingest([run.tar], into: run.crashed, batchLines: 50)
        XCTAssertEqual(resumed.filesSkipped, 2)
        XCTAssertEqual(resumed.lines, run.lines - 700)
        XCTAssertEqual(try TestStores.fingerprint(run.crashed), try TestStores.fingerprint(run.clean))
    }

    /// Members smaller than a transaction share it (their rows and their `files` marks commit
    /// together). Members of 100 lines, batches of 50, transactions of 250 lines: the first
    /// commit holds members 1 and 2 with their marks and half of member 3; a run killed before
    /// the next commit loses the rest (member 3's second half, member 4's first), and the next
    /// run skips members 1 and 2, reads member 3 from its line 51, and ends with the store of
    /// a clean run.
    func testARunKilledWhileMembersShareATransactionResumesExactly() throws {
        let run = try crashedRun(tweets: 800, seed: 8, linesPerMember: 100, commitLines: 250, failAfter: 7)
        XCTAssertEqual(try fileRows(run.crashed), [[.text(run.members[0]), .integer(1), .integer(100)],
                                                   [.text(run.members[1]), .integer(1), .integer(100)],
                                                   [.text(run.members[2]), .integer(0), .integer(50)]])
        XCTAssertEqual(try TestStores.integer("SELECT count(*) FROM tweets", in: run.crashed),
                       try TestStores.integer("SELECT count(*) FROM tweets WHERE file_id <= 2 OR (file_id = 3 AND line <= 50)", in: run.clean))
        let resumed = try TestStores.ingest([run.tar], into: run.crashed, batchLines: 50)
        XCTAssertEqual(resumed.filesSkipped, 2)
        XCTAssertEqual(resumed.lines, run.lines - 250)
        XCTAssertEqual(try TestStores.fingerprint(run.crashed), try TestStores.fingerprint(run.clean))
    }

    func testVersionOneStoreGainsTheMemberColumn() throws {
        let copy = dir.appendingPathComponent("v1.db").path
        try FileManager.default.copyItem(atPath: SharedPaths.packageRoot.appendingPathComponent("Tests/Fixtures/stores/v1.db").path, toPath: copy)
        let jsonl = dir.appendingPathComponent("stream.jsonl").path
        _ = try GeneratedCorpus.write(to: jsonl, tweets: 50, users: 10, seed: 4)
        let members = try ArchiveLayouts.pack(jsonl, into: dir, linesPerMember: 30)
        let before = try XCTUnwrap(Int64(try ReferenceTools.runPython(
            "import sqlite3, sys; print(sqlite3.connect(sys.argv[1]).execute('SELECT count(*) FROM files').fetchone()[0])",
            arguments: [copy]).trimmingCharacters(in: .whitespacesAndNewlines)))
        try TestStores.ingest([dir.appendingPathComponent("stream.tar").path], into: copy)

        let store = try Store.openForReading(path: copy)
        XCTAssertEqual(try store.schemaVersion(), Schema.migrations.count)
        XCTAssertEqual(try store.query("SELECT count(*) FROM files WHERE member IS NULL").rows, [[.integer(before)]], "version 1's files kept, without member")
        XCTAssertEqual(try store.query("SELECT member FROM files WHERE member IS NOT NULL ORDER BY id").rows, members.map { [.text($0)] })
    }
}

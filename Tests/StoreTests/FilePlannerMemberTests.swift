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

    /// A run killed inside the third member of a tar of `.json.bz2` files (batches of 50
    /// lines, transactions of 100): the members before it are complete, the third keeps the
    /// lines of its committed transactions, and the next run skips the first two, reads
    /// the third from the line after them, and ends with the store of an uninterrupted run.
    func testARunKilledInsideAMemberResumesAtItsCommittedLine() throws {
        let jsonl = dir.appendingPathComponent("stream.jsonl").path
        _ = try GeneratedCorpus.write(to: jsonl, tweets: 1200, users: 60, seed: 3)
        let lines = try String(contentsOfFile: jsonl, encoding: .utf8).split(separator: "\n")
        let members = try ArchiveLayouts.pack(jsonl, into: dir, linesPerMember: 300)
        let tar = dir.appendingPathComponent("stream.tar").path
        let clean = dir.appendingPathComponent("clean.db").path
        try TestStores.ingest([tar], into: clean, batchLines: 50)

        let crashed = dir.appendingPathComponent("crashed.db").path
        // 6 batches per member: the crash comes after 2 of the third member's batches (one
        // transaction of 100 lines committed), before the third is written.
        try FailingTarget.crash(ingesting: [tar], into: crashed, commitLines: 100, batchLines: 50, failAfter: 14)

        let store = try Store.openForReading(path: crashed)
        let rows = try store.query("SELECT member, complete, lines_done FROM files ORDER BY id").rows
        XCTAssertEqual(rows, [[.text(members[0]), .integer(1), .integer(300)],
                              [.text(members[1]), .integer(1), .integer(300)],
                              [.text(members[2]), .integer(0), .integer(100)]])

        let resumed = try TestStores.ingest([tar], into: crashed, batchLines: 50)
        XCTAssertEqual(resumed.filesSkipped, 2)
        XCTAssertEqual(resumed.lines, lines.count - 700)
        XCTAssertEqual(try TestStores.fingerprint(crashed), try TestStores.fingerprint(clean))
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

import Foundation
import Store
import TestSupport
import XCTest
@testable import Ingest

/// Picking archive members by pattern and by the day their path names (MemberSelection),
/// on its own and through an ingest of a tar laid out like the sample archives.
final class MemberSelectionTests: XCTestCase {
    /// 2013-01-23 is day 15,728 since 1970-01-01 (15,706 for 2013-01-01: 43 × 365 + 11 leap days).
    private let jan23: Int64 = 15_728

    func testTheDayComesFromTheFoldersThenTheNameThenThePath() {
        let cases: [(String, Int64?)] = [
            ("2013/01/23/00/00.json.bz2", jan23),                                  // Archive Team stream grab
            ("archiveteam-twitter-stream-2013-01/2013/01/23/14/59.json.bz2", jan23), // with the item's folder
            ("2013/01/23/00/10_activities.json.gz", jan23),                         // Gnip historical
            ("2013/01/23.json", jan23),
            ("twitter_stream_2013_01_22/tweets.jsonl", jan23 - 1),
            ("out/tweets-2013-01-24.jsonl.gz", jan23 + 1),
            ("gnip_20130123-0000_activities.json.gz", jan23),
            ("2013/01/24/tweets-2013-01-23.jsonl", jan23 + 1),                     // folders first
            ("dump/2013-01-25/part.jsonl", jan23 + 2),
            ("2013/02/30/00/00.json.bz2", nil),                                     // no such day
            ("2013-13-01.jsonl", nil),
            ("id_1201301230.jsonl", nil),                                           // digits of a longer number
            ("tweets.jsonl", nil),
            ("2013_01-23.jsonl", nil),                                              // mixed separators
        ]
        for (path, day) in cases { XCTAssertEqual(MemberSelection.day(ofPath: path), day, path) }
    }

    func testPatternsAndDaysTogether() {
        let day = MemberSelection(firstDay: jan23, lastDay: jan23)
        XCTAssertTrue(day.accepts("2013/01/23/23/59.json.bz2"))
        XCTAssertFalse(day.accepts("2013/01/24/00/00.json.bz2"))
        XCTAssertFalse(day.accepts("undated.jsonl"), "no date: not read when a day range is given")
        XCTAssertFalse(day.accepts("2013/01/23/README.txt"), "not a tweet file")
        let hour = MemberSelection(patterns: ["*/00/*", "*/12/3?.json.bz2"])
        XCTAssertTrue(hour.accepts("2013/01/23/00/17.json.bz2"))
        XCTAssertTrue(hour.accepts("2013/01/22/12/30.json.bz2"))
        XCTAssertFalse(hour.accepts("2013/01/22/12/40.json.bz2"))
        XCTAssertTrue(MemberSelection(lastDay: jan23).accepts("2012/12/31/00/00.json.bz2"))
    }

    /// A tar like a monthly stream grab (three days, a note, an undated file): `--from/--to`
    /// and `--member` read exactly the members they name, and a later run with a wider
    /// selection reads only the members not read yet.
    func testAnIngestReadsExactlyTheSelectedMembers() throws {
        if let reason = ReferenceTools.unavailableReason {
            if ReferenceTools.required { XCTFail(reason) }
            throw XCTSkip(reason)
        }
        let dir = try SharedPaths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let names = ["2013/01/22/23/59.json.bz2", "2013/01/23/00/00.json.bz2", "2013/01/23/12/30.json.bz2",
                     "2013/01/23/23/59.json.bz2", "2013/01/24/00/00.json.bz2", "2013/01/23/notes.txt", "misc/undated.jsonl"]
        let tar = dir.appendingPathComponent("month.tar").path
        _ = try ReferenceTools.runPython("""
            import bz2, io, sys, tarfile
            out, names = sys.argv[1], sys.argv[2:]
            with tarfile.open(out, 'w', format=tarfile.GNU_FORMAT) as t:
                for n, name in enumerate(names):
                    line = ('{"id_str":"%d","created_at":"Wed Jan 23 10:00:00 +0000 2013","text":"t","user":{"id_str":"1"}}\\n' % (n + 1)).encode()
                    data = bz2.compress(line) if name.endswith('.bz2') else line
                    info = tarfile.TarInfo(name); info.size = len(data); info.mtime = 1358899200
                    t.addfile(info, io.BytesIO(data))
            """, arguments: [tar] + names)
        func read(_ selection: MemberSelection, into db: String) throws -> [String] {
            let before = Set(try members(db))
            try TestStores.ingest([tar], into: db, members: selection)
            return try members(db).filter { !before.contains($0) }
        }
        func members(_ db: String) throws -> [String] {
            guard FileManager.default.fileExists(atPath: db) else { return [] }
            return try Store.openForReading(path: db).query("SELECT member FROM files ORDER BY id").rows.compactMap {
                if case .text(let s) = $0[0] { return s } else { return nil }
            }
        }
        let db = dir.appendingPathComponent("s.db").path
        XCTAssertEqual(try read(MemberSelection(firstDay: jan23, lastDay: jan23), into: db), Array(names[1...3]))
        XCTAssertEqual(try TestStores.integer("SELECT count(*) FROM tweets", in: db), 3)
        XCTAssertEqual(try read(MemberSelection(patterns: ["*/23/59.*", "misc/*"]), into: db), [names[0], names[6]])
        XCTAssertEqual(try read(MemberSelection(), into: db), [names[4]])
        XCTAssertEqual(try TestStores.integer("SELECT count(*) FROM tweets", in: db), 6)
    }
}

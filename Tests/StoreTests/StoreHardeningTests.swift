import Foundation
import Ingest
import TestSupport
import XCTest
@testable import Store

/// Issue 14, items 1, 7 and 8 at the library level: one writer per store file whatever the
/// path, no change to a file that is refused, and errors that name cause and file.
final class StoreHardeningTests: XCTestCase {
    private var dir: URL!
    private let fm = FileManager.default
    override func setUpWithError() throws { dir = try SharedPaths.temporaryDirectory() }
    override func tearDownWithError() throws { try? fm.removeItem(at: dir) }

    private func path(_ name: String) -> String { dir.appendingPathComponent(name).path }

    /// `target` relative to the current directory, as a user would type it from there.
    private func relative(_ target: String) -> String {
        let here = fm.currentDirectoryPath.split(separator: "/")
        let there = target.split(separator: "/")
        let common = zip(here, there).prefix { $0 == $1 }.count
        return (Array(repeating: "..", count: here.count - common) + there.dropFirst(common).map(String.init)).joined(separator: "/")
    }

    private func tweetFile() throws -> String {
        let url = dir.appendingPathComponent("t.jsonl")
        try Data(#"{"id_str":"1","created_at":"Mon Jan 07 10:00:00 +0000 2013","text":"hallo","user":{"id_str":"7"}}"#.utf8).write(to: url)
        return url.path
    }

    func testHardening1ASecondWriterThroughASymlinkHardLinkOrRelativePathIsRefused() throws {
        let store = path("store.db")
        try TestStores.ingest([try tweetFile()], into: store)
        try fm.createSymbolicLink(atPath: path("link.db"), withDestinationPath: "store.db")
        try fm.linkItem(atPath: store, toPath: path("hard.db"))
        let names = [path("link.db"), path("hard.db"), relative(store), store]
        var first: StoreWriter? = try StoreWriter(path: store)
        for name in names {
            // In this process (a second StoreWriter) …
            XCTAssertThrowsError(try StoreWriter(path: name), name) { XCTAssertEqual($0 as? StoreError, .locked(path: name)) }
            // … and from another one (the kernel's lock on the file).
            let other = try CLI.run(["ingest", "--db", name, "--quiet", try tweetFile()])
            XCTAssertEqual(other.status, 1, name)
            XCTAssertTrue(other.stderr.contains("another twindex ingest is writing to \(name)"), other.stderr)
        }
        XCTAssertFalse(fm.fileExists(atPath: store + ".lock"), "no lock file beside the store")
        XCTAssertNotNil(first)
        first = nil
        // Released with the writer: the next one, through any name, gets it.
        XCTAssertNoThrow(try StoreWriter(path: path("link.db")))
    }

    func testHardening7AForeignFileThatIsRefusedIsLeftUnchanged() throws {
        // Another program's SQLite database, in rollback-journal mode.
        let foreign = path("other.db")
        let c = try Connection(path: foreign, flags: 0x2 | 0x4)   // SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE
        try c.execute("CREATE TABLE notes (x); INSERT INTO notes VALUES (1)")
        let text = path("notes.db")
        try Data("not sqlite at all\n".utf8).write(to: URL(fileURLWithPath: text))
        let newer = path("newer.db")
        try TestStores.ingest([try tweetFile()], into: newer)
        try Connection(path: newer, flags: 0x2).execute("PRAGMA journal_mode = DELETE; PRAGMA user_version = 99")
        for (file, expected) in [(foreign, "is an SQLite file but not a twindex store"), (text, "is not an SQLite file"),
                                 (newer, "written by a newer twindex")] {
            let before = try Data(contentsOf: URL(fileURLWithPath: file))
            XCTAssertThrowsError(try StoreWriter(path: file)) { XCTAssertTrue("\($0)".contains(expected), "\($0)") }
            XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: file)), before, "\(file) was changed")
            // Bytes 18 and 19 of an SQLite header are 2 in WAL mode, 1 in rollback mode.
            if file != text { XCTAssertEqual(before[18], 1, file) }
            XCTAssertFalse(fm.fileExists(atPath: file + "-wal"), file)
        }
    }

    func testHardening8AnEmptyOrHalfCreatedStoreSaysSoNotSchemaZero() throws {
        let empty = path("empty.db")
        fm.createFile(atPath: empty, contents: Data())
        XCTAssertThrowsError(try Store.openForReading(path: empty)) {
            XCTAssertEqual($0 as? StoreError, .emptyStore(path: empty, beingCreated: false))
            XCTAssertFalse("\($0)".contains("SQLite error"), "\($0)")
        }
        // A writer has the file (0 bytes, its first transaction not committed): a reader in
        // this process and one in another both say it is being created.
        let racing = path("racing.db")
        let lock = try WriterLock(storePath: racing)
        XCTAssertThrowsError(try Store.openForReading(path: racing)) {
            XCTAssertEqual($0 as? StoreError, .emptyStore(path: racing, beingCreated: true))
        }
        let reader = try CLI.run(["stats", "--db", racing])
        XCTAssertEqual(reader.status, 1)
        XCTAssertEqual(reader.stderr, "twindex: error: \(racing) is being created by an ingest that has not committed yet; try again in a moment\n")
        _ = lock
    }

    func testHardening8ADirectoryAsStoreIsRefusedWithNoStrayLock() throws {
        let folder = path("folder")
        try fm.createDirectory(atPath: folder, withIntermediateDirectories: true)
        XCTAssertThrowsError(try StoreWriter(path: folder)) { XCTAssertEqual($0 as? StoreError, .isADirectory(path: folder)) }
        XCTAssertThrowsError(try Store.openForReading(path: folder)) { XCTAssertEqual($0 as? StoreError, .isADirectory(path: folder)) }
        XCTAssertEqual(try fm.contentsOfDirectory(atPath: dir.path).sorted(), ["folder"])
    }

    func testHardening8ASymlinkLoopIsReportedAsALoop() throws {
        let knot = path("knot.db")
        try fm.createSymbolicLink(atPath: knot, withDestinationPath: "knot.db")
        for attempt in [{ _ = try Store.openForReading(path: knot) }, { _ = try StoreWriter(path: knot) }] {
            XCTAssertThrowsError(try attempt()) {
                XCTAssertTrue("\($0)".contains("symbolic link loop"), "\($0)")
                XCTAssertTrue("\($0)".contains(knot), "\($0)")
            }
        }
    }

    func testHardening8DiskFullAndOtherSQLiteFailuresNameTheCauseAndTheFile() {
        // SQLite's codes (sqlite3.h): 13 SQLITE_FULL; 4874 SQLITE_IOERR_SHMSIZE, the -shm file
        // not growing, as a full disk gave it; 778 SQLITE_IOERR_WRITE with errno ENOSPC (28).
        for (code, errno) in [(Int32(13), Int32(0)), (4874, 0), (778, 28)] {
            let e = StoreError.classify(code: code, message: "disk I/O error", sql: "COMMIT", path: "/data/s.db", systemErrno: errno)
            XCTAssertEqual(e, .diskFull(path: "/data/s.db"), "code \(code)")
            XCTAssertTrue(e.description.hasPrefix("the disk is full: cannot write /data/s.db"), e.description)
        }
        XCTAssertEqual(StoreError.classify(code: 5, message: "database is locked", sql: "PRAGMA wal_checkpoint", path: "s.db", systemErrno: 0),
                       .busy(path: "s.db"))
        XCTAssertEqual(StoreError.classify(code: 26, message: "file is not a database", sql: nil, path: "s.db", systemErrno: 0),
                       .notSQLite(path: "s.db"))
        XCTAssertEqual(StoreError.classify(code: 778, message: "disk I/O error", sql: nil, path: "s.db", systemErrno: 5),
                       .io(path: "s.db", message: "Input/output error"))
    }
}

/// Issue 14, item 3: the full-text index follows every commit, so a killed run (or a run
/// still going) leaves no stored tweet unsearchable.
final class SearchFreshnessTests: XCTestCase {
    private var dir: URL!
    override func setUpWithError() throws { dir = try SharedPaths.temporaryDirectory() }
    override func tearDownWithError() throws { try? FileManager.default.removeItem(at: dir) }

    /// The ids of `tweets` whose text has `word` as a token, tokenised as unicode61 with
    /// remove_diacritics does it (letters and digits; case and diacritics folded): a second
    /// implementation of the match, without FTS5.
    private func oracle(_ tweets: [(Int64, String)], _ word: String) -> Set<Int64> {
        Set(tweets.filter { _, text in
            text.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
                .split(whereSeparator: { !($0.isLetter || $0.isNumber) }).contains { $0 == word }
        }.map(\.0))
    }

    func testHardening3TweetsAreSearchableAsTheyCommitEvenWhenTheRunIsKilled() throws {
        let path = dir.appendingPathComponent("killed.db").path
        do {
            let writer = try StoreWriter(path: path)
            writer.commitLines = 20
            var job = IngestJob(inputs: InputResolver.resolve(Fixtures.tweetFiles.map(\.path)))
            job.options.batchLines = 5
            _ = try job.run(into: FailingTarget(inner: writer, failAfter: 40))
            XCTFail("the simulated crash did not happen")
        } catch is SimulatedCrash {}
        // No finishRun: the writer is gone as a killed process would be.
        let store = try Store.openForReading(path: path)
        let stored = try store.query("SELECT id, text FROM tweets").rows.compactMap { row -> (Int64, String)? in
            guard case .integer(let id) = row[0], case .text(let text) = row[1] else { return nil }
            return (id, text)
        }
        XCTAssertGreaterThan(stored.count, 100)
        XCTAssertEqual(try store.unindexedTweetCount(), 0)
        XCTAssertEqual(try store.query("SELECT count(*) FROM tweets_fts_docsize").rows, [[.integer(Int64(stored.count))]])
        for word in ["the", "rt", "https"] {
            var request = SearchRequest(query: word)
            request.limit = 100_000
            let found = Set(try store.search(request).map(\.id))
            XCTAssertFalse(found.isEmpty, word)
            XCTAssertEqual(found, oracle(stored, word), word)
        }
    }

    func testHardening3AStoreLeftWithUnindexedTweetsSaysHowManyAndTheNextIngestIndexesThem() throws {
        let path = dir.appendingPathComponent("old.db").path
        try TestStores.ingest(Fixtures.tweetFiles.map(\.path), into: path)
        // What an older twindex killed before its end-of-run pass left: the last 50 tweets
        // stored but not indexed.
        let c = try Connection(path: path, flags: 0x2)
        try c.execute("""
            INSERT INTO tweets_fts (tweets_fts, rowid, text) SELECT 'delete', seq, text FROM tweets ORDER BY seq DESC LIMIT 50;
            UPDATE meta SET value = (SELECT seq FROM tweets ORDER BY seq DESC LIMIT 1 OFFSET 50) WHERE key = 'fts_indexed_seq';
            """)
        XCTAssertEqual(try Store.openForReading(path: path).unindexedTweetCount(), 50)
        let search = try CLI.run(["search", "--db", path, "the", "--format", "jsonl", "--all"])
        XCTAssertEqual(search.status, 0)
        XCTAssertTrue(search.stderr.contains("twindex: note: 50 stored tweets are not in the full-text index yet"), search.stderr)
        XCTAssertTrue(search.stderr.contains("twindex ingest --db \(path)"), search.stderr)
        let before = search.stdout.split(separator: "\n").count
        XCTAssertEqual(try CLI.run(["ingest", "--db", path, "--quiet", "-"], stdin: Data()).status, 0)
        let after = try CLI.run(["search", "--db", path, "the", "--format", "jsonl", "--all"])
        XCTAssertFalse(after.stderr.contains("note"), after.stderr)
        XCTAssertGreaterThan(after.stdout.split(separator: "\n").count, before)
        XCTAssertEqual(try Store.openForReading(path: path).unindexedTweetCount(), 0)
    }
}

import Foundation
import Ingest
import Model
import Store
import TestSupport
import XCTest

final class StoreWriterTests: XCTestCase {
    private var dir: URL!

    override func setUpWithError() throws { dir = try SharedPaths.temporaryDirectory() }
    override func tearDownWithError() throws { try? FileManager.default.removeItem(at: dir) }

    private func file(_ name: String, _ lines: [String]) throws -> String {
        let url = dir.appendingPathComponent(name)
        try (lines.joined(separator: "\n") + "\n").write(to: url, atomically: true, encoding: .utf8)
        return url.path
    }

    private func tweet(_ id: Int, _ text: String = "hello #NS world", user: Int = 7) -> String {
        #"{"id_str":"\#(id)","created_at":"Mon Jan 07 10:00:00 +0000 2013","text":"\#(text)","user":{"id_str":"\#(user)","screen_name":"u\#(user)","location":"Den Haag"},"entities":{"hashtags":[{"text":"NS"}],"user_mentions":[],"urls":[]}}"#
    }

    private func delete(_ id: Int) -> String { #"{"delete":{"status":{"id":\#(id),"id_str":"\#(id)","user_id":7}}}"# }

    private var dbPath: String { dir.appendingPathComponent("store.db").path }

    private func shell(_ command: String) throws {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/bin/sh")
        p.arguments = ["-c", command]
        try p.run()
        p.waitUntilExit()
    }

    private func count(_ sql: String) throws -> Int64 {
        guard case .integer(let n) = try Store.openForReading(path: dbPath).query(sql).rows.first?.first else { return -1 }
        return n
    }

    func testDuplicateIDsAreStoredOnceFirstVersionKept() throws {
        let f = try file("a.jsonl", [tweet(1, "first"), tweet(2), tweet(1, "second")])
        let counts = try TestStores.ingest([f], into: dbPath)
        XCTAssertEqual(counts.tweetsInserted, 2)
        XCTAssertEqual(counts.duplicates, 1)
        let t = try Store.openForReading(path: dbPath).tweet(id: 1)
        XCTAssertEqual(t?.text, "first")
    }

    func testDeleteAfterItsTweetRemovesTweetAndEverythingHangingOffIt() throws {
        let f = try file("a.jsonl", [tweet(1), tweet(2), delete(1)])
        let counts = try TestStores.ingest([f], into: dbPath)
        XCTAssertEqual(counts.deleted, 1)
        XCTAssertEqual(try count("SELECT count(*) FROM tweets"), 1)
        XCTAssertEqual(try count("SELECT count(*) FROM hashtags WHERE tweet_id = 1"), 0)
        XCTAssertEqual(try count("SELECT count(*) FROM tweets_fts WHERE tweets_fts MATCH 'hello'"), 1)
    }

    func testDeleteBeforeItsTweetIsRememberedAcrossRuns() throws {
        let f1 = try file("a.jsonl", [delete(1)])
        try TestStores.ingest([f1], into: dbPath)
        let f2 = try file("b.jsonl", [tweet(1), tweet(2)])
        let counts = try TestStores.ingest([f2], into: dbPath)
        XCTAssertEqual(counts.suppressed, 1)
        XCTAssertEqual(counts.tweetsInserted, 1)
        XCTAssertEqual(try count("SELECT count(*) FROM tweets WHERE id = 1"), 0)
        XCTAssertEqual(try Store.openForReading(path: dbPath).stats().deleted, 1)
    }

    func testGzipFilesIngestLikePlainOnes() throws {
        let plain = try file("a.jsonl", [tweet(1), tweet(2), tweet(3)])
        let gz = dir.appendingPathComponent("b.jsonl.gz").path
        try shell("gzip -c '\(plain)' > '\(gz)'")
        try FileManager.default.removeItem(atPath: plain)
        let counts = try TestStores.ingest([gz], into: dbPath)
        XCTAssertEqual(counts.tweetsInserted, 3)
        XCTAssertEqual(try RawLine.read(path: gz, offset: 0).map { $0.hasPrefix(#"{"id_str":"1""#) }, true)
    }

    func testTruncatedGzipKeepsWhatWasReadAndReportsTheFile() throws {
        var lines: [String] = []
        for i in 1...3000 { lines.append(tweet(i, "tweet number \(i) #t\(i % 50)")) }
        let plain = try file("a.jsonl", lines)
        let gz = dir.appendingPathComponent("cut.jsonl.gz").path
        try shell("gzip -c '\(plain)' > '\(gz).full' && head -c $(( $(stat -c %s '\(gz).full') / 2 )) '\(gz).full' > '\(gz)'")
        let writer = try StoreWriter(path: dbPath)
        let outcome = try IngestJob(inputs: [.file(gz)]).run(into: writer)
        try writer.finishRun(status: "failed")
        XCTAssertEqual(outcome.problems.count, 1)
        XCTAssertTrue(outcome.problems.first?.message.contains("truncated gzip") ?? false, "\(outcome.problems)")
        let stored = try count("SELECT count(*) FROM tweets")
        XCTAssertGreaterThan(stored, 0)
        XCTAssertLessThan(stored, 3000)
        // Where: the line after the last one stored, the bytes of the lines before it, and the
        // whole cut file read by then.
        let before = lines.prefix(Int(stored)).reduce(0) { $0 + $1.utf8.count + 1 }
        let size = try XCTUnwrap(try FileManager.default.attributesOfItem(atPath: gz)[.size] as? Int)
        XCTAssertTrue(outcome.problems.first?.message.hasSuffix(
            "(in line \(stored + 1), after byte \(before) of the data, byte \(size) of the file)") ?? false, "\(outcome.problems)")
    }

    func testAnInputThatCannotBeOpenedKeepsOneFilesRowWithTheReason() throws {
        let folder = dir.appendingPathComponent("not-a-file.jsonl").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let writer = try StoreWriter(path: dbPath)
        let outcome = try IngestJob(inputs: [.file(folder)]).run(into: writer)
        try writer.finishRun(status: "failed")
        XCTAssertEqual(outcome.problems.count, 1)
        let rows = try Store.openForReading(path: dbPath).query("SELECT complete, content_hash, error FROM files WHERE path = :p", parameters: ["p": folder]).rows
        XCTAssertEqual(rows.count, 1)
        XCTAssertEqual(rows.first?[0], .integer(0))
        XCTAssertEqual(rows.first?[1], .null)
        if case .text(let error)? = rows.first?[2] { XCTAssertTrue(error.contains("is a directory"), error) } else { XCTFail("no error recorded") }
    }

    func testUnchangedFileIsSkippedUnlessForced() throws {
        let f = try file("a.jsonl", [tweet(1), tweet(2)])
        try TestStores.ingest([f], into: dbPath)
        let again = try TestStores.ingest([f], into: dbPath)
        XCTAssertEqual(again.filesSkipped, 1)
        XCTAssertEqual(again.lines, 0)
        let forced = try TestStores.ingest([f], into: dbPath, force: true)
        XCTAssertEqual(forced.filesSkipped, 0)
        XCTAssertEqual(forced.duplicates, 2)
        XCTAssertEqual(try count("SELECT count(*) FROM tweets"), 2)
    }

    func testChangedFileIsReadAgain() throws {
        let f = try file("a.jsonl", [tweet(1)])
        try TestStores.ingest([f], into: dbPath)
        _ = try file("a.jsonl", [tweet(1), tweet(2)])
        let again = try TestStores.ingest([f], into: dbPath)
        XCTAssertEqual(again.tweetsInserted, 1)
        XCTAssertEqual(again.duplicates, 1)
    }

    func testBatchSizesOneSevenAndTenThousandGiveIdenticalStores() throws {
        let inputs = Fixtures.tweetFiles.map(\.path) + [Fixtures.cutOffFile.path]
        var prints: [[String]] = []
        for size in [1, 7, 10_000] {
            let path = dir.appendingPathComponent("b\(size).db").path
            try TestStores.ingest(inputs, into: path, batchLines: size)
            prints.append(try TestStores.fingerprint(path))
        }
        XCTAssertEqual(prints[0], prints[1])
        XCTAssertEqual(prints[0], prints[2])
    }

    /// A run stopped in the middle of a file several transactions long (a generated corpus
    /// of 3,000+ lines, transactions of 500 lines, batches of 100): the store keeps the
    /// committed transactions and the position after them, the next run reads on from that
    /// line (it reads only the rest), and the end is the store an uninterrupted run makes.
    func testInterruptedRunResumesMidFile() throws {
        let corpus = dir.appendingPathComponent("big.jsonl").path
        _ = try GeneratedCorpus.write(to: corpus, tweets: 3000, users: 100, seed: 11)
        let inputs = [corpus] + Fixtures.tweetFiles.map(\.path)
        let clean = dir.appendingPathComponent("clean.db").path
        try TestStores.ingest(inputs, into: clean, batchLines: 100)
        // Crashes after batch 7, 18 and 29: commits came after every 5th batch (500 lines).
        for (failAfter, committed) in [(7, 500), (18, 1500), (29, 2500)] {
            let path = dir.appendingPathComponent("crash\(failAfter).db").path
            try crashAndResume({ try StoreWriter(path: path) }, store: path, inputs: inputs, failAfter: failAfter,
                               committed: committed, clean: clean)
        }
    }

    func testSecondIngesterIsRefusedWhileTheFirstHoldsTheStore() throws {
        let first = try StoreWriter(path: dbPath)
        XCTAssertThrowsError(try StoreWriter(path: dbPath)) { error in
            XCTAssertEqual(error as? StoreError, .locked(path: dbPath))
            XCTAssertTrue("\(error)".contains("another twindex ingest"))
        }
        // Readers keep working meanwhile.
        XCTAssertEqual(try Store.openForReading(path: dbPath).stats().tweets, 0)
        _ = first
    }

    func testStoreFromANewerTwindexIsRefused() throws {
        try TestStores.ingest([try file("a.jsonl", [tweet(1)])], into: dbPath)
        try shell("python3 -c \"import sqlite3; c = sqlite3.connect('\(dbPath)'); c.execute('PRAGMA user_version=99'); c.commit()\"")
        XCTAssertThrowsError(try Store.openForReading(path: dbPath)) {
            XCTAssertTrue("\($0)".contains("newer twindex"), "\($0)")
        }
        XCTAssertThrowsError(try StoreWriter(path: dbPath))
    }

    func testMissingStoreIsNotCreatedByReaders() {
        XCTAssertThrowsError(try Store.openForReading(path: dbPath)) {
            XCTAssertEqual($0 as? StoreError, .notFound(path: dbPath))
        }
        XCTAssertFalse(FileManager.default.fileExists(atPath: dbPath))
    }

    func testUsersKeepTheLatestProfile() throws {
        let old = #"{"id_str":"1","created_at":"Mon Jan 07 10:00:00 +0000 2013","text":"a","user":{"id_str":"7","screen_name":"new","location":"Utrecht"}}"#
        let older = #"{"id_str":"2","created_at":"Sat Jan 07 09:00:00 +0000 2012","text":"b","user":{"id_str":"7","screen_name":"old","location":"Den Haag"}}"#
        try TestStores.ingest([try file("a.jsonl", [old, older])], into: dbPath)
        let r = try Store.openForReading(path: dbPath).query("SELECT screen_name, location FROM users WHERE id = 7")
        XCTAssertEqual(r.rows, [[.text("new"), .text("Utrecht")]])
    }
}

struct SimulatedCrash: Error {}

/// Ingests `inputs` (the first a generated corpus of 3,000+ lines) through a new writer in
/// batches of 100 lines and transactions of 500, failing after `failAfter` batches; checks
/// that the store at `path` kept the first `committed` lines and the position after them,
/// that the next run reads only the rest, and that it ends with the store `clean` holds.
func crashAndResume(_ makeWriter: () throws -> any RunWriter, store path: String, inputs: [String], failAfter: Int, committed: Int,
                    clean: String, file: StaticString = #filePath, line: UInt = #line) throws {
    let corpus = inputs[0]
    let corpusLines = try String(contentsOfFile: corpus, encoding: .utf8).split(separator: "\n")
    XCTAssertGreaterThan(corpusLines.count, 2900, file: file, line: line)
    let totalLines = try inputs.map { try String(contentsOfFile: $0, encoding: .utf8).split(separator: "\n").count }.reduce(0, +)
    do {
        var writer = try makeWriter()   // gone (with its lock) when the run dies
        writer.commitLines = 500
        var job = IngestJob(inputs: InputResolver.resolve(inputs))
        job.options.batchLines = 100
        _ = try job.run(into: FailingTarget(inner: writer, failAfter: failAfter))
        XCTFail("the simulated crash did not happen", file: file, line: line)
    } catch is SimulatedCrash {}

    // What the crash left: the first `committed` lines and the position after them.
    let store = try Store.openForReading(path: path)
    let row = try store.query("SELECT complete, lines_done, bytes_done FROM files WHERE path = '\(corpus)'").rows
    let bytes = corpusLines.prefix(committed).reduce(0) { $0 + $1.utf8.count + 1 }
    XCTAssertEqual(row, [[.integer(0), .integer(Int64(committed)), .integer(Int64(bytes))]], "crash after \(failAfter) batches",
                   file: file, line: line)
    let ids = Set(corpusLines.prefix(committed).compactMap { line -> String? in
        let object = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any]
        return object?["id_str"] as? String
    })
    XCTAssertEqual(try store.query("SELECT count(*) FROM tweets").rows, [[.integer(Int64(ids.count))]], file: file, line: line)

    // The next run starts at line `committed` + 1 of the corpus, not at its start.
    let resumed = try TestStores.ingest(inputs, into: path, batchLines: 100)
    XCTAssertEqual(resumed.lines, totalLines - committed, "crash after \(failAfter) batches", file: file, line: line)
    XCTAssertEqual(try TestStores.fingerprint(path), try TestStores.fingerprint(clean), "crash after \(failAfter) batches",
                   file: file, line: line)
}

/// Passes batches to a real writer, then fails as a killed process would: mid-run, with
/// the batch in flight not committed.
final class FailingTarget: IngestTarget {
    let inner: any RunWriter
    var remaining: Int
    init(inner: any RunWriter, failAfter: Int) {
        self.inner = inner
        remaining = failAfter
    }
    func write(_ batch: IngestBatch) throws {
        if remaining == 0 { throw SimulatedCrash() }
        remaining -= 1
        try inner.write(batch)
    }
    func plan(path: String?, force: Bool) throws -> FilePlan { try inner.plan(path: path, force: force) }
    func plan(path: String?, member: ArchiveMember, force: Bool) throws -> FilePlan {
        try inner.plan(path: path, member: member, force: force)
    }
    func finishFile(contentHash: UInt64?, error: String?) throws { try inner.finishFile(contentHash: contentHash, error: error) }
    func recordUnreadable(path: String, reason: String) throws { try inner.recordUnreadable(path: path, reason: reason) }
    func memberPlans(path: String?, force: Bool) throws -> MemberPlans? { try inner.memberPlans(path: path, force: force) }

    /// Ingests `inputs` into the store at `path` in batches of `batchLines`, committing past
    /// `commitLines`, and crashes after `failAfter` batches.
    static func crash(ingesting inputs: [String], into path: String, commitLines: Int, batchLines: Int,
                      failAfter: Int) throws {
        do {
            let writer = try StoreWriter(path: path)
            writer.commitLines = commitLines
            var job = IngestJob(inputs: InputResolver.resolve(inputs))
            job.options.batchLines = batchLines
            _ = try job.run(into: FailingTarget(inner: writer, failAfter: failAfter))
            XCTFail("the simulated crash did not happen")
        } catch is SimulatedCrash {}
    }
}

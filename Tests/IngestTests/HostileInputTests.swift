import Foundation
import Model
import TestSupport
import XCTest
@testable import Ingest

/// Input nobody checked: each case gives a clear bad line or a clear file error, and the
/// rest of the input is read.
final class HostileInputTests: XCTestCase {
    private var dir: URL!
    override func setUpWithError() throws { dir = try SharedPaths.temporaryDirectory() }
    override func tearDownWithError() throws { try? FileManager.default.removeItem(at: dir) }

    private let good = #"{"id_str":"1","created_at":"Mon Jan 07 10:00:00 +0000 2013","text":"fine","user":{"id_str":"7"}}"#

    /// Writes `middle` between two good tweets and ingests the file through the pipeline.
    private func sandwich(_ middle: [UInt8]) throws -> CountingSink {
        let url = dir.appendingPathComponent("h-\(UUID().uuidString).jsonl")
        var bytes = Array(good.utf8) + [0x0A] + middle + [0x0A]
        bytes += Array(good.replacingOccurrences(of: "\"1\"", with: "\"2\"").utf8) + [0x0A]
        try Data(bytes).write(to: url)
        let sink = CountingSink()
        _ = try IngestPipeline.run(path: url.path, sink: sink)
        return sink
    }

    private func assertBadLine(_ middle: [UInt8], _ expected: String, file: StaticString = #filePath, line: UInt = #line) throws {
        let sink = try sandwich(middle)
        XCTAssertEqual(sink.tweets, 2, "the good lines around it", file: file, line: line)
        XCTAssertEqual(sink.badLines.map(\.line), [2], file: file, line: line)
        XCTAssertTrue(sink.badLines.first?.error.contains(expected) ?? false,
                      "\(sink.badLines.first?.error ?? "none") lacks \(expected)", file: file, line: line)
    }

    func testInvalidUTF8IsABadLine() throws {
        try assertBadLine(Array(#"{"id_str":"3","text":"caf"#.utf8) + [0xC3, 0x28] + Array(#""}"#.utf8), "invalid JSON")
    }

    func testNULBytesAreABadLine() throws {
        try assertBadLine(Array(#"{"id_str":"3","text":"a"#.utf8) + [0x00] + Array(#"b"}"#.utf8), "invalid JSON")
    }

    func testTenThousandDeepArraysAreABadLine() throws {
        try assertBadLine(Array(repeating: UInt8(ascii: "["), count: 10_000) + Array(repeating: UInt8(ascii: "]"), count: 10_000),
                          "invalid JSON")
    }

    func testNumbersPast2To64DoNotBecomeIDs() throws {
        let sink = try sandwich(Array(#"{"id":18446744073709551617,"text":"big","user":{"id":1}}"#.utf8))
        XCTAssertEqual(sink.tweets, 2)
        XCTAssertEqual(sink.badLines.count, 1)
    }

    func testDuplicateKeysKeepTheFirstValue() throws {
        let sink = try sandwich(Array(#"{"id_str":"3","id_str":"4","created_at":"Mon Jan 07 10:00:00 +0000 2013","text":"dup","user":{"id_str":"7"}}"#.utf8))
        XCTAssertEqual(sink.ids, [1, 3, 2])
        XCTAssertTrue(sink.badLines.isEmpty)
    }

    func testJSONThatIsNoTweetIsABadLine() throws {
        try assertBadLine(Array("[1,2,3]".utf8), "not an object")
        try assertBadLine(Array(#"{"hello":"world"}"#.utf8), "neither a tweet nor a notice")
        try assertBadLine(Array(#"{"id_str":"x1","text":"t","user":{}}"#.utf8), "no valid id")
    }

    func testALineOverTheLimitIsSkippedWithAPrefixKept() throws {
        // The limit is lowered for the test; the drill script runs a real 100 MB line.
        let url = dir.appendingPathComponent("long.jsonl")
        var bytes = Array(good.utf8) + [0x0A]
        bytes += [UInt8](repeating: UInt8(ascii: "x"), count: 300_000) + [0x0A]
        bytes += Array(good.replacingOccurrences(of: "\"1\"", with: "\"2\"").utf8) + [0x0A]
        try Data(bytes).write(to: url)
        let sink = CountingSink()
        _ = try IngestPipeline.run(path: url.path, sink: sink, options: .init(batchLines: 10, maxLineBytes: 100_000))
        XCTAssertEqual(sink.tweets, 2)
        XCTAssertEqual(sink.badLines.map(\.line), [2])
        XCTAssertTrue(sink.badLines[0].error.contains("300000 bytes is over the 100000-byte limit"), sink.badLines[0].error)
        XCTAssertEqual(sink.badLines[0].bytes.count, 1 << 16)
        XCTAssertEqual(sink.lines, 3)
    }

    func testEmptyAndBlankFilesGiveNothingAndNoError() throws {
        let empty = dir.appendingPathComponent("empty.jsonl")
        try Data().write(to: empty)
        let blank = dir.appendingPathComponent("blank.jsonl")
        try Data("\n  \n\t\n".utf8).write(to: blank)
        for url in [empty, blank] {
            let sink = CountingSink()
            let summary = try IngestPipeline.run(path: url.path, sink: sink)
            XCTAssertNil(summary.error)
            XCTAssertEqual(sink.tweets, 0)
            XCTAssertTrue(sink.badLines.isEmpty)
        }
    }

    func testCRLFLineEndsAreRead() throws {
        let url = dir.appendingPathComponent("crlf.jsonl")
        try Data((good + "\r\n" + good.replacingOccurrences(of: "\"1\"", with: "\"2\"") + "\r\n").utf8).write(to: url)
        let sink = CountingSink()
        _ = try IngestPipeline.run(path: url.path, sink: sink)
        XCTAssertEqual(sink.ids, [1, 2])
    }

    func testUnreadableInputsAreReportedAndTheRestIsRead() throws {
        let folder = dir.appendingPathComponent("in")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try Data((good + "\n").utf8).write(to: folder.appendingPathComponent("a.jsonl"))
        // A directory and a dangling link with tweet-file names: neither can be read as a file.
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("b.jsonl"), withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: folder.appendingPathComponent("c.jsonl").path, withDestinationPath: "/nonexistent/x")
        let inputs = InputResolver.resolve([folder.path, dir.appendingPathComponent("missing.jsonl").path])
        XCTAssertEqual(inputs.filter { if case .file = $0 { return true } else { return false } }.count, 1)
        let target = RecordingTarget()
        let outcome = try IngestJob(inputs: inputs).run(into: target)
        XCTAssertEqual(target.sink.tweets, 1)
        // The dangling link is a problem too (issue 14, item 2): nothing unreadable is silent.
        XCTAssertEqual(outcome.problems.map(\.input), [folder.appendingPathComponent("c.jsonl").path, dir.appendingPathComponent("missing.jsonl").path])
        XCTAssertTrue(outcome.problems[1].message.contains("no such file"), "\(outcome.problems)")
    }

    /// A seeded mutator over real tweet lines: no input may crash the decoder. The drill
    /// script runs millions; the test suite runs a sample.
    func testMutatedTweetLinesNeverCrashTheDecoder() throws {
        let seeds = try Fixtures.tweetFiles.flatMap { try Fixtures.lines(of: $0.lastPathComponent) }.filter { !$0.isEmpty }
        let counts = Mutator.run(seeds: seeds, inputs: 30_000, seed: 1)
        print("mutator: \(counts.inputs) inputs, \(counts.decoded) decoded, \(counts.rejected) rejected, 0 crashes")
        XCTAssertEqual(counts.inputs, 30_000)
        XCTAssertGreaterThan(counts.rejected, 0)
        XCTAssertGreaterThan(counts.decoded, 0)
    }
}

/// An IngestTarget that records without a store.
final class RecordingTarget: IngestTarget {
    let sink = CountingSink()
    func write(_ batch: IngestBatch) throws { try sink.write(batch) }
    func plan(path: String?, force: Bool) throws -> FilePlan { .read(resumeOffset: 0, resumeLine: 0) }
    func finishFile(contentHash: UInt64?, error: String?) throws {}
    func recordUnreadable(path: String, reason: String) throws {}
}

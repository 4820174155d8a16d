import Foundation
import Model
import TestSupport
import XCTest
@testable import Ingest

/// Issue 14, items 4 and 5: a tweet whose id, created_at or text is missing, mistyped or
/// impossible is a bad line whose reason names the field (nothing of it is stored), and a
/// byte-order mark does not cost a file its first tweet.
final class FieldValidationTests: XCTestCase {
    private func decode(_ line: String) -> Result<TweetDecoder.Decoded, DecodeFailure> {
        var bytes = Array(line.utf8)
        return bytes.withUnsafeMutableBytes { TweetDecoder().decode(UnsafeRawBufferPointer($0)) }
    }

    /// A v1.1 tweet with `fields` spliced over the good ones (the JSON text after `{`).
    private func v1(_ fields: String) -> String {
        #"{\#(fields)"id_str":"11","created_at":"Mon Jan 07 10:00:00 +0000 2013","text":"fine","user":{"id_str":"7"}}"#
    }

    private func assertBad(_ line: String, naming field: String, _ detail: String, file: StaticString = #filePath, line number: UInt = #line) {
        switch decode(line) {
        case .success(let d): XCTFail("stored \(d.tweets.map(\.id)) from \(line)", file: file, line: number)
        case .failure(let f):
            XCTAssertTrue(f.message.contains(field), "\(f.message) does not name \(field)", file: file, line: number)
            XCTAssertTrue(f.message.contains(detail), "\(f.message) lacks \(detail)", file: file, line: number)
        }
    }

    func testHardening4CreatedAtMissingMistypedOrImpossibleIsABadLineNamingTheField() {
        // Duplicate keys keep the first value (simdjson), so a spliced field wins over the good one.
        assertBad(v1(#""created_at":1357552800,"#), naming: "created_at", "a number")
        assertBad(v1(#""created_at":null,"#), naming: "created_at", "null")
        assertBad(v1(#""created_at":"Thu Feb 30 10:00:00 +0000 2012","#), naming: "created_at", "not a valid date")
        assertBad(v1(#""created_at":"Fri Feb 29 10:00:00 +0000 2013","#), naming: "created_at", "not a valid date")
        assertBad(v1(#""created_at":"2012-04-31T10:00:00.000Z","#), naming: "created_at", "not a valid date")
        assertBad(v1(#""created_at":"Mon Jan 07 24:00:00 +0000 2013","#), naming: "created_at", "not a valid date")
        assertBad(#"{"id_str":"11","text":"no date","user":{"id_str":"7"}}"#, naming: "created_at", "missing")
        // v2 sends created_at only when asked for: absent there is no error (shared fixtures,
        // v2_default_fields.jsonl), mistyped is.
        guard case .success(let d) = decode(#"{"data":{"id":"12","text":"t","edit_history_tweet_ids":["12"]}}"#) else {
            return XCTFail("a v2 tweet without created_at was refused")
        }
        XCTAssertEqual(d.tweets.map(\.createdAt), [nil])
        assertBad(#"{"data":{"id":"12","text":"t","created_at":20120229}}"#, naming: "created_at", "a number")
        // A real leap day is a day.
        guard case .success(let leap) = decode(v1(#""created_at":"Wed Feb 29 23:59:59 +0000 2012","#)) else {
            return XCTFail("29 February 2012 was refused")
        }
        XCTAssertEqual(leap.tweets.first?.createdAt, 1_330_559_999)   // date -u -d 2012-02-29T23:59:59 +%s
    }

    /// Hostile finding 10: an offset of +99:99 moved a tweet by four days, second 60 rolled
    /// over to the next minute, and a weekday that is not the date's passed.
    func testCreatedAtWithAnImpossibleOffsetSecondOrWeekdayIsABadLine() {
        assertBad(v1(#""created_at":"Tue Jun 05 10:47:53 +9999 2012","#), naming: "created_at", "the offset +9999 is beyond ±14:00")
        assertBad(v1(#""created_at":"Tue Jun 05 10:47:53 +1500 2012","#), naming: "created_at", "the offset +1500")
        assertBad(v1(#""created_at":"Tue Jun 05 10:47:53 +0060 2012","#), naming: "created_at", "the offset +0060")
        assertBad(v1(#""created_at":"Tue Jun 05 10:47:53 *0000 2012","#), naming: "created_at", "not a valid date")
        assertBad(v1(#""created_at":"2012-06-05T10:47:53+99:99","#), naming: "created_at", "the offset +99:99")
        assertBad(v1(#""created_at":"Tue Jun 05 10:47:60 +0000 2012","#), naming: "created_at", "not a valid date")
        assertBad(v1(#""created_at":"2012-06-05T10:47:60.000Z","#), naming: "created_at", "not a valid date")
        assertBad(v1(#""created_at":"Mon Jun 05 10:47:53 +0000 2012","#), naming: "created_at", "the day was a Tuesday, not a Monday")
        assertBad(v1(#""created_at":"Xyz Jun 05 10:47:53 +0000 2012","#), naming: "created_at", "the day was a Tuesday")
        // The weekday is the written (local) date's: 23:30 -02:00 on Monday is Tuesday in UTC.
        // Offsets up to ±14:00 (Kiribati) are real; `date -u -d '2012-06-04 23:30:00 -0200' +%s`.
        for (written, epoch) in [("Mon Jun 04 23:30:00 -0200 2012", Int64(1_338_859_800)),
                                 ("Tue Jun 05 12:00:00 +1400 2012", 1_338_847_200), ("Mon Jun 04 10:00:00 -1200 2012", 1_338_847_200)] {
            guard case .success(let d) = decode(v1(#""created_at":"\#(written)","#)) else { XCTFail("\(written) was refused"); continue }
            XCTAssertEqual(d.tweets.first?.createdAt, epoch, written)
        }
    }

    /// Hostile finding 11: a tweet without a text said "neither a tweet nor a notice".
    func testATweetWithoutTextNamesTheMissingField() {
        assertBad(#"{"id_str":"11","created_at":"Mon Jan 07 10:00:00 +0000 2013","user":{"id_str":"7"}}"#, naming: "field text", "is missing")
        assertBad(#"{"id":"12","author_id":"7","created_at":"2013-01-07T10:00:00.000Z"}"#, naming: "field text", "is missing")
        assertBad(#"{"id":"12","edit_history_tweet_ids":["12"]}"#, naming: "field text", "is missing")
        assertBad(#"{"data":{"id":"12","author_id":"7"}}"#, naming: "field text", "is missing")
        // Objects that are no tweets keep their reason.
        assertBad(#"{"id_str":"7","screen_name":"a_user_profile","created_at":"Mon Jan 07 10:00:00 +0000 2013"}"#,
                  naming: "neither a tweet", "nor a notice")
    }

    func testHardening4IDZeroNegativeOrMissingIsABadLineNamingTheField() {
        assertBad(#"{"id_str":"0","created_at":"Mon Jan 07 10:00:00 +0000 2013","text":"t","user":{"id_str":"7"}}"#, naming: "id_str", "not positive")
        assertBad(#"{"id":-5,"created_at":"Mon Jan 07 10:00:00 +0000 2013","text":"t","user":{"id_str":"7"}}"#, naming: "id", "not positive")
        assertBad(#"{"created_at":"Mon Jan 07 10:00:00 +0000 2013","text":"t","user":{"id_str":"7"}}"#, naming: "id", "no valid id")
        assertBad(#"{"data":[{"id":"5","text":"ok"},{"id":"0","text":"zero"}]}"#, naming: "id", "not positive")
    }

    func testHardening4TextMissingOrMistypedIsABadLineNamingTheField() {
        assertBad(#"{"id_str":"11","created_at":"Mon Jan 07 10:00:00 +0000 2013","text":12345,"user":{"id_str":"7"}}"#, naming: "text", "a number")
        assertBad(#"{"id_str":"11","created_at":"Mon Jan 07 10:00:00 +0000 2013","text":null,"user":{"id_str":"7"}}"#, naming: "text", "null")
        assertBad(#"{"id_str":"11","created_at":"Mon Jan 07 10:00:00 +0000 2013","full_text":["a"],"user":{"id_str":"7"}}"#, naming: "full_text", "an array")
        assertBad(#"{"id_str":"11","created_at":"Mon Jan 07 10:00:00 +0000 2013","extended_tweet":{},"user":{"id_str":"7"}}"#, naming: "field text", "missing")
        assertBad(#"{"data":{"id":"12","author_id":"7","text":false}}"#, naming: "text", "a boolean")
        // An empty text is a text.
        guard case .success(let d) = decode(v1(#""text":"","#)) else { return XCTFail("an empty text was refused") }
        XCTAssertEqual(d.tweets.first?.text, "")
    }

    func testHardening4NothingOfABadTweetIsStoredAndTheRestIsRead() throws {
        let dir = try SharedPaths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let url = dir.appendingPathComponent("mixed.jsonl")
        let lines = [v1(""), v1(#""created_at":"Thu Feb 30 10:00:00 +0000 2012","id_str":"21","#),
                     #"{"data":[{"id":"31","text":"a","created_at":"2013-01-07T10:00:00.000Z"},{"id":"-1","text":"b"}]}"#,
                     v1(#""id_str":"41","#)]
        try Data((lines.joined(separator: "\n") + "\n").utf8).write(to: url)
        let sink = CountingSink()
        _ = try IngestPipeline.run(path: url.path, sink: sink)
        XCTAssertEqual(sink.ids, [11, 41])   // not 21, and not 31 from the half-valid data array
        XCTAssertEqual(sink.badLines.map(\.line), [2, 3])
    }

    func testHardening5ALeadingByteOrderMarkIsSkipped() throws {
        let dir = try SharedPaths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let url = dir.appendingPathComponent("bom.jsonl")
        let first = v1(""), second = v1(#""id_str":"12","#)
        try Data([0xEF, 0xBB, 0xBF] + Array((first + "\n" + second + "\n").utf8)).write(to: url)
        let sink = CountingSink()
        _ = try IngestPipeline.run(path: url.path, sink: sink)
        XCTAssertEqual(sink.ids, [11, 12])
        XCTAssertTrue(sink.badLines.isEmpty, "\(sink.badLines.map(\.error))")
        // The first line starts after the mark: reading it back by its offset gives the line.
        XCTAssertEqual(try RawLine.read(path: url.path, offset: 3), first)
        // Only a leading mark is skipped: one inside the file is a bad line.
        try Data(Array((first + "\n").utf8) + [0xEF, 0xBB, 0xBF] + Array((second + "\n").utf8)).write(to: url)
        let inside = CountingSink()
        _ = try IngestPipeline.run(path: url.path, sink: inside)
        XCTAssertEqual(inside.badLines.map(\.line), [2])
    }
}

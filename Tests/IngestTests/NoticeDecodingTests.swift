import Foundation
import Model
import XCTest
@testable import Ingest

/// Stream notices as the decoder reads them: a limit notice's `track` and `timestamp_ms`
/// (a decimal string, as Twitter sends it, or a number), other notices' kind and time; a
/// count or time that is there but no whole number of 0 or more makes a bad line naming it.
final class NoticeDecodingTests: XCTestCase {
    private func decode(_ line: String) -> Result<TweetDecoder.Decoded, DecodeFailure> {
        var bytes = Array(line.utf8)
        return bytes.withUnsafeMutableBytes { TweetDecoder().decode(UnsafeRawBufferPointer($0)) }
    }

    private func notice(_ line: String, file: StaticString = #filePath, line number: UInt = #line) -> Notice? {
        switch decode(line) {
        case .success(let d):
            XCTAssertEqual(d.tweets, [], file: file, line: number)
            return d.notices.first
        case .failure(let f):
            XCTFail(f.message, file: file, line: number)
            return nil
        }
    }

    func testLimitNoticesKeepTheirTrackAndTimestamp() {
        XCTAssertEqual(notice(#"{"limit":{"track":121564}}"#), .other(kind: "limit", track: 121_564, timestampMs: nil))
        XCTAssertEqual(notice(#"{"limit":{"track":7,"timestamp_ms":"1358899200123"}}"#),
                       .other(kind: "limit", track: 7, timestampMs: 1_358_899_200_123))
        XCTAssertEqual(notice(#"{"limit":{"track":0,"timestamp_ms":1358899200123}}"#),
                       .other(kind: "limit", track: 0, timestampMs: 1_358_899_200_123))
        XCTAssertEqual(notice(#"{"limit":{"track":3,"timestamp_ms":null}}"#), .other(kind: "limit", track: 3, timestampMs: nil))
    }

    func testOtherNoticesKeepTheirKindAndTimestamp() {
        XCTAssertEqual(notice(#"{"warning":{"code":"FALLING_BEHIND","message":"m","percent_full":60}}"#), .other(kind: "warning"))
        XCTAssertEqual(notice(#"{"status_withheld":{"id":1,"user_id":2,"withheld_in_countries":["DE"],"timestamp_ms":"1358899200000"}}"#),
                       .other(kind: "status_withheld", track: nil, timestampMs: 1_358_899_200_000))
        // Only a limit notice has a track.
        XCTAssertEqual(notice(#"{"disconnect":{"code":4,"stream_name":"s","reason":"r","track":"x"}}"#), .other(kind: "disconnect"))
    }

    func testAMistypedTrackOrTimestampIsABadLineNamingTheField() {
        for (line, field, shown) in [
            (#"{"limit":{"track":"many"}}"#, "limit.track", #""many""#),
            (#"{"limit":{"track":-4}}"#, "limit.track", "a number"),
            (#"{"limit":{"track":2.5}}"#, "limit.track", "a number"),
            (#"{"limit":{"track":3,"timestamp_ms":"13588992OO123"}}"#, "limit.timestamp_ms", #""13588992OO123""#),
            (#"{"limit":{"track":3,"timestamp_ms":"-1"}}"#, "limit.timestamp_ms", #""-1""#),
            (#"{"warning":{"code":"X","timestamp_ms":true}}"#, "warning.timestamp_ms", "a boolean"),
        ] {
            switch decode(line) {
            case .success(let d): XCTFail("decoded \(d.notices) from \(line)")
            case .failure(let f):
                XCTAssertTrue(f.message.contains("field \(field) is \(shown)"), f.message)
                XCTAssertTrue(f.message.contains("not a whole number"), f.message)
            }
        }
    }
}

import Foundation
import Output
import XCTest

/// Display widths, sanitising and cutting, against hand-counted terminal columns.
final class TerminalTextTests: XCTestCase {
    func testWidthsCountTerminalColumns() {
        XCTAssertEqual(TerminalText.width("abc"), 3)
        XCTAssertEqual(TerminalText.width("日本語"), 6)
        XCTAssertEqual(TerminalText.width("한국"), 4)
        XCTAssertEqual(TerminalText.width("ｆｕｌｌ"), 8)
        XCTAssertEqual(TerminalText.width("e\u{301}"), 1)
        XCTAssertEqual(TerminalText.width("🎉"), 2)
        XCTAssertEqual(TerminalText.width("👩‍👩‍👧"), 2)
        XCTAssertEqual(TerminalText.width("🇳🇱"), 2)
        XCTAssertEqual(TerminalText.width("❤️"), 2)
        XCTAssertEqual(TerminalText.width("a\u{200B}b"), 2)
        XCTAssertEqual(TerminalText.width("café"), 4)
    }

    func testSanitisingRemovesEscapeSequencesAndControls() {
        XCTAssertEqual(TerminalText.sanitized("\u{1B}[2J\u{1B}[Hcleared"), "cleared")
        XCTAssertEqual(TerminalText.sanitized("a\u{1B}]0;owned\u{7}b"), "ab")
        XCTAssertEqual(TerminalText.sanitized("a\u{1B}]8;;http://x\u{1B}\\link\u{1B}]8;;\u{1B}\\b"), "alinkb")
        XCTAssertEqual(TerminalText.sanitized("red\u{1B}[31;1m!"), "red!")
        XCTAssertEqual(TerminalText.sanitized("bell\u{7}\u{0}\u{7F}\u{9B}31m"), "bell31m")
        XCTAssertEqual(TerminalText.sanitized("two\r\nlines\nand\ttab\rcr"), "two lines and tab cr")
        XCTAssertEqual(TerminalText.sanitized("\u{202E}evil"), "evil")
        XCTAssertEqual(TerminalText.sanitized("👩‍👩‍👧 é"), "👩‍👩‍👧 é")
        XCTAssertEqual(TerminalText.sanitized("trailing\u{1B}"), "trailing")
    }

    func testCuttingKeepsWholeCharactersAndClosesHighlights() {
        XCTAssertEqual(TerminalText.fitted("abcdef", width: 4), "abc…")
        XCTAssertEqual(TerminalText.fitted("abc", width: 4), "abc")
        XCTAssertEqual(TerminalText.fitted("日本語です", width: 6), "日本…")
        XCTAssertEqual(TerminalText.width(TerminalText.fitted("日本語です", width: 6)), 5)
        XCTAssertEqual(TerminalText.fitted("e\u{301}e\u{301}e\u{301}", width: 2), "e\u{301}…")
        let open = String(TerminalText.highlightOpen), close = String(TerminalText.highlightClose)
        let cut = TerminalText.fitted("ab" + open + "cdefgh" + close, width: 5)
        XCTAssertEqual(cut, "ab" + open + "cd" + close + "…")
        XCTAssertEqual(TerminalText.styled(cut, open: "<", close: ">"), "ab<cd>…")
        XCTAssertEqual(TerminalText.styled(cut), "abcd…")
        XCTAssertEqual(TerminalText.padded("日本", width: 6), "日本  ")
    }
}

/// Local times with their offset, checked against hand-converted instants.
final class LocalTimeTests: XCTestCase {
    func testOffsetsFollowTheZoneAtTheInstant() throws {
        let amsterdam = try XCTUnwrap(TimeZone(identifier: "Europe/Amsterdam"))
        XCTAssertEqual(LocalTime.utc(1_338_850_073), "2012-06-04T22:47:53Z")
        XCTAssertEqual(LocalTime.iso8601(1_338_850_073, in: amsterdam), "2012-06-05T00:47:53+02:00")
        XCTAssertEqual(LocalTime.iso8601(1_354_661_273, in: amsterdam), "2012-12-04T23:47:53+01:00")
        let kolkata = try XCTUnwrap(TimeZone(identifier: "Asia/Kolkata"))
        XCTAssertEqual(LocalTime.iso8601(1_338_850_073, in: kolkata), "2012-06-05T04:17:53+05:30")
        let newYork = try XCTUnwrap(TimeZone(identifier: "America/New_York"))
        XCTAssertEqual(LocalTime.iso8601(1_338_850_073, in: newYork), "2012-06-04T18:47:53-04:00")
        XCTAssertEqual(LocalTime.utc(-1), "1969-12-31T23:59:59Z")
        XCTAssertEqual(LocalTime.iso8601(utc: "2012-06-04T22:47:53Z", in: amsterdam), "2012-06-05T00:47:53+02:00")
        XCTAssertEqual(LocalTime.iso8601(utc: "not a time", in: amsterdam), "not a time")
    }
}

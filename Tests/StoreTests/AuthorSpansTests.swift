import XCTest
@testable import Store

/// `AuthorSpans`'s row format against rows written out by hand.
final class AuthorSpansTests: XCTestCase {
    func testDaysFallInSpansOfSixtyFourByFloorDivision() {
        XCTAssertTrue(AuthorSpans.place(0) == (0, 0))
        XCTAssertTrue(AuthorSpans.place(63) == (0, 63))
        XCTAssertTrue(AuthorSpans.place(64) == (1, 0))
        XCTAssertTrue(AuthorSpans.place(15_759) == (246, 15))
        XCTAssertTrue(AuthorSpans.place(-1) == (-1, 63), "31 December 1969")
        XCTAssertTrue(AuthorSpans.place(-64) == (-1, 0))
        XCTAssertTrue(AuthorSpans.place(-65) == (-2, 63))
    }

    func testARowIsADayMaskAndTwelveLittleEndianBytesPerDay() {
        // Day 0: quarter 0 (00:00 UTC); day 5: quarters 1 and 95 (23:45); day 7: nothing (left out).
        let entries: [Int: AuthorSpans.Quarters] = [
            5: .init(early: 2, late: 1 << 47), 0: .init(early: 1, late: 0), 7: .none,
        ]
        let (days, bytes) = AuthorSpans.encode(entries)
        XCTAssertEqual(days, 0b10_0001)
        XCTAssertEqual(bytes, [1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
                               2, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0x80])
        XCTAssertEqual(AuthorSpans.decode(span: 3, days: days, quarters: bytes),
                       [0: .init(early: 1, late: 0), 5: .init(early: 2, late: 1 << 47)])
        var seen: [Int64] = []
        bytes.withUnsafeBytes { raw in AuthorSpans.forEachDay(span: 3, days: days, quarters: raw) { day, _ in seen.append(day) } }
        XCTAssertEqual(seen, [192, 197], "days 64 × 3 + 0 and + 5")
    }

    func testTheSixtyFourthDayUsesTheSignBit() {
        let (days, bytes) = AuthorSpans.encode([63: .init(early: 0, late: 1)])
        XCTAssertEqual(days, Int64.min)
        XCTAssertEqual(AuthorSpans.decode(span: -1, days: days, quarters: bytes), [63: .init(early: 0, late: 1)])
    }
}

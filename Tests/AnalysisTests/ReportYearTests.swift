import XCTest
@testable import Analysis

/// The report's default year, on hand-made daily series.
final class ReportYearTests: XCTestCase {
    private func days(_ dated: [(String, Int64)]) -> TimelineResult {
        TimelineResult(timeZone: "Europe/Amsterdam", period: .day,
                       rows: dated.map { TimelineResult.Row(date: $0.0, tweets: $0.1) })
    }

    func testTheLastFullYear() {
        XCTAssertEqual(ReportData.defaultYear(days([("2007-03-01", 4), ("2012-06-01", 9), ("2013-02-23", 1)])), 2012)
        XCTAssertEqual(ReportData.defaultYear(days([("2010-05-05", 2), ("2011-12-31", 3)])), 2011)
        // Trailing days without tweets do not count as reached.
        XCTAssertEqual(ReportData.defaultYear(days([("2009-01-01", 1), ("2010-12-30", 5), ("2010-12-31", 0)])), 2009)
    }

    func testAnOnlyYearIsThatYear() {
        XCTAssertEqual(ReportData.defaultYear(days([("2015-02-01", 1), ("2015-03-01", 1)])), 2015)
    }

    func testNoTweetsNoYear() {
        XCTAssertNil(ReportData.defaultYear(days([])))
        XCTAssertNil(ReportData.defaultYear(days([("2012-01-01", 0)])))
    }
}

import XCTest
@testable import Analysis

/// The times `export` writes, against values worked out by hand (and by Python's datetime:
/// `strftime("%a %b %d %H:%M:%S +0000 %Y")`, `str()`, `isoformat()`), before 1970 too.
final class CorpusExportTests: XCTestCase {
    func testTimesAreWrittenAsTwarcAndPythonWriteThem() {
        let cases: [(Int64, String, String, String)] = [
            (0, "Thu Jan 01 00:00:00 +0000 1970", "1970-01-01 00:00:00+00:00", "1970-01-01T00:00:00Z"),
            (1_219_842_525, "Wed Aug 27 13:08:45 +0000 2008", "2008-08-27 13:08:45+00:00", "2008-08-27T13:08:45Z"),
            (-1, "Wed Dec 31 23:59:59 +0000 1969", "1969-12-31 23:59:59+00:00", "1969-12-31T23:59:59Z"),
            (951_782_400, "Tue Feb 29 00:00:00 +0000 2000", "2000-02-29 00:00:00+00:00", "2000-02-29T00:00:00Z"),
            (-62_135_510_401, "Mon Jan 01 23:59:59 +0000 1", "0001-01-01 23:59:59+00:00", "0001-01-01T23:59:59Z"),
        ]
        for (epoch, twitter, parsed, iso) in cases {
            XCTAssertEqual(TwarcTime.twitter(epoch), twitter, "\(epoch)")
            XCTAssertEqual(TwarcTime.parsed(epoch), parsed, "\(epoch)")
            XCTAssertEqual(TwarcTime.iso8601(epoch), iso, "\(epoch)")
        }
    }
}

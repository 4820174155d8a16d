import Analysis
import XCTest

/// The words a scope is described in (the library's own, without flags).
final class ScopeTests: XCTestCase {
    func testSummaryNamesEveryPartOfTheScope() throws {
        XCTAssertEqual(Scope().summary, "the whole store")
        let days = try DateRange(from: "2012-03-01", to: nil)
        XCTAssertEqual(Scope(range: days).summary, "2012-03-01 to the end")
        let all = Scope(range: try DateRange(from: "2012-01-01", to: "2012-12-31"), users: ["a", "B"],
                        languages: ["nl"], excludeRetweets: true)
        XCTAssertEqual(all.summary, "2012-01-01 to 2012-12-31, accounts a, B, languages nl, no retweets")
        XCTAssertFalse(AnalysisError.emptyScope(all.summary).description.contains("--"))
    }
}

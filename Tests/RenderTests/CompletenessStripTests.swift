import Analysis
import Foundation
import Generate
import Store
import TestSupport
import XCTest
@testable import Render

/// The report's completeness strip above Grafiek 11, on a generated capture: one shaded day
/// per day whose limit notices missed tweets and one black bar per gap, as the generator's
/// truth has them, and the command's JSON in the page's data block.
final class CompletenessStripTests: XCTestCase {
    func testTheStripShowsTheTruthsMissedDaysAndGapsAboveGrafiek11() throws {
        let dir = try SharedPaths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let (truth, db) = try GeneratedCorpus.ingested(in: dir, tweets: 4000, users: 200, seed: 9)
        let html = HTMLReport.render(try ReportData.gather(from: try Store.openForReading(path: db), options: .init()))

        let strip = try XCTUnwrap(html.range(of: "<section id=\"completeness\">"))
        let timeline = try XCTUnwrap(html.range(of: "<section id=\"timeline\">"))
        XCTAssertLessThan(strip.lowerBound, timeline.lowerBound, "the strip comes above Grafiek 11")
        let section = String(html[strip.upperBound..<timeline.lowerBound])
        let missedDays = truth.capture.days.values.filter { $0.missed > 0 }.count
        XCTAssertGreaterThan(missedDays, 5)
        XCTAssertEqual(section.components(separatedBy: " missed, ").count - 1, missedDays)
        XCTAssertEqual(section.components(separatedBy: "<title>gap: ").count - 1, truth.capture.gaps().count)
        XCTAssertTrue(section.contains("\(truth.capture.gaps().count) gaps of more than 6 hours"))

        let start = try XCTUnwrap(html.range(of: "<script type=\"application/json\" id=\"twindex-data\">"))
        let end = try XCTUnwrap(html.range(of: "</script>", range: start.upperBound..<html.endIndex))
        let data = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(html[start.upperBound..<end.lowerBound].utf8)) as? [String: Any])
        let completeness = try XCTUnwrap(data["completeness"] as? [String: Any])
        XCTAssertEqual(completeness["unplaced_limit_notices"] as? Int, 1)
        let missed = (completeness["rows"] as? [[String: Any]] ?? []).reduce(0) { $0 + ($1["missed"] as? Int ?? 0) }
        XCTAssertEqual(Int64(missed), truth.capture.days.values.reduce(0) { $0 + $1.missed })
    }
}

import Analysis
import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Model
import Store
import TestSupport
import XCTest
@testable import Render

final class HTMLReportTests: XCTestCase {
    private static var html = ""
    private static var data: ReportData!

    override class func setUp() {
        guard let dir = try? SharedPaths.temporaryDirectory() else { return }
        let corpus = dir.appendingPathComponent("r.jsonl").path
        _ = try? GeneratedCorpus.write(to: corpus, tweets: 6000, users: 300, seed: 5)
        _ = try? TestStores.ingest([corpus], into: corpus + ".db")
        guard let store = try? Store.openForReading(path: corpus + ".db") else { return }
        var options = ReportData.Options()
        options.network.moreThan = 20
        data = try? ReportData.gather(from: store, options: options)
        if let data { html = HTMLReport.render(data) }
        try? FileManager.default.removeItem(at: dir)
    }

    func testPageIsWellFormedAndSelfContained() {
        XCTAssertFalse(Self.html.isEmpty)
        let parser = XMLParser(data: Data(Self.html.utf8))
        XCTAssertTrue(parser.parse(), "not well-formed: \(String(describing: parser.parserError))")
        XCTAssertFalse(Self.html.contains("http://"))
        XCTAssertFalse(Self.html.contains("https://"))
        XCTAssertFalse(Self.html.contains("src="))
        XCTAssertFalse(Self.html.contains("<link"))
    }

    func testEverySectionIsPresent() {
        for id in ["summary", "ratios", "timeline", "year", "activity", "hashtags", "network"] {
            XCTAssertTrue(Self.html.contains("<section id=\"\(id)\">"), id)
        }
        XCTAssertTrue(Self.html.contains("Grafiek 11"))
        XCTAssertTrue(Self.html.contains("Grafiek 12"))
        XCTAssertTrue(Self.html.contains("Figuur 3"))
        XCTAssertTrue(Self.html.contains("<svg"))
    }

    func testNumbersEqualTheAnalysersJSON() throws {
        guard let data = Self.data else { return XCTFail("no report data") }
        let start = try XCTUnwrap(Self.html.range(of: "<script type=\"application/json\" id=\"twindex-data\">"))
        let end = try XCTUnwrap(Self.html.range(of: "</script>", range: start.upperBound..<Self.html.endIndex))
        let embedded = try JSONSerialization.jsonObject(with: Data(Self.html[start.upperBound..<end.lowerBound].utf8)) as? [String: Any]
        func same(_ key: String, _ value: JSONValue) throws {
            let expected = try JSONSerialization.jsonObject(with: Data(value.rendered().utf8)) as? NSDictionary
            XCTAssertEqual(embedded?[key] as? NSDictionary, expected, key)
        }
        try same("ratios", AnalysisJSON.ratios(data.ratios))
        try same("activity", AnalysisJSON.activity(data.yearActivity))
        try same("hashtags", AnalysisJSON.hashtags(data.hashtags))
        try same("cooccur", GraphExport.json(data.network))
        // And the visible tables show the same counts.
        for row in data.ratios.rows { XCTAssertTrue(Self.html.contains(">\(HTMLReport.num(row.count))<"), row.name) }
        for tag in data.hashtags.prefix(10) {
            XCTAssertTrue(Self.html.contains(">#\(tag.label)</td><td class=\"n\">\(HTMLReport.num(tag.tweets))<"), tag.tag)
        }
        XCTAssertTrue(Self.html.contains(">\(HTMLReport.num(data.stats.tweets))<"))
        XCTAssertTrue(Self.html.contains("Q = \(String(format: "%.4f", data.network.modularity))"))
    }

    func testDefaultYearIsTheLastFullYear() {
        XCTAssertEqual(Self.data?.year, 2012)   // the corpus ends 2013-02-23
    }
}

import Analysis
import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Generate
import Model
import Store
import TestSupport
import XCTest
@testable import Render

/// The report of a generated corpus against the generator's truth (the counts it wrote,
/// kept by the generator, not by any analyser) and hand-written constants.
final class HTMLReportTests: XCTestCase {
    private static var html = ""
    private static var truth: Truth?
    /// The network's "more than" threshold: the 30th highest tag count of the truth.
    private static var threshold: Int {
        let counts = (truth?.tags.values.map(\.tweets) ?? []).sorted(by: >)
        return counts.count > 30 ? counts[29] : 20
    }

    override class func setUp() {
        guard let dir = try? SharedPaths.temporaryDirectory() else { return }
        let corpus = dir.appendingPathComponent("r.jsonl").path
        truth = try? GeneratedCorpus.write(to: corpus, tweets: 6000, users: 300, seed: 5)
        _ = try? TestStores.ingest([corpus], into: corpus + ".db")
        if let store = try? Store.openForReading(path: corpus + ".db") {
            var options = ReportData.Options()
            // A threshold that some tag's count equals, so "more than" is tested at its edge.
            options.network.moreThan = threshold
            if let data = try? ReportData.gather(from: store, options: options) { html = HTMLReport.render(data) }
        }
        try? FileManager.default.removeItem(at: dir)
    }

    /// The page's embedded JSON block, parsed.
    private func embedded() throws -> [String: Any] {
        let start = try XCTUnwrap(Self.html.range(of: "<script type=\"application/json\" id=\"twindex-data\">"))
        let end = try XCTUnwrap(Self.html.range(of: "</script>", range: start.upperBound..<Self.html.endIndex))
        let object = try JSONSerialization.jsonObject(with: Data(Self.html[start.upperBound..<end.lowerBound].utf8))
        return try XCTUnwrap(object as? [String: Any])
    }

    private func grouped(_ n: Int) -> String { Thousands.grouped(n) }

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

    /// Tabel 6: the truth's counts, shares divided here, the published shares as printed in
    /// the study (13.18%, 57.20%, 46.80%), and the counts visible in the table.
    func testTabel6IsTheTruth() throws {
        let truth = try XCTUnwrap(Self.truth)
        XCTAssertGreaterThan(truth.tweets, 5000)
        let ratios = try XCTUnwrap(embedded()["ratios"] as? [String: Any])
        XCTAssertEqual(ratios["tweets"] as? Int, truth.tweets)
        let rows = ratios["rows"] as? [[String: Any]] ?? []
        let expected = [("hashtags", truth.withHashtags, 0.1318, "13.18%"), ("mentions", truth.withMentions, 0.5720, "57.20%"),
                        ("starts_with_at", truth.startsWithAt, 0.4680, "46.80%")]
        XCTAssertEqual(rows.map { $0["name"] as? String }, expected.map(\.0))
        for (row, (name, count, published, printed)) in zip(rows, expected) {
            XCTAssertEqual(row["count"] as? Int, count, name)
            XCTAssertEqual(row["share"] as? Double ?? -1, Double(count) / Double(truth.tweets), accuracy: 1e-12, name)
            XCTAssertEqual((row["baseline"] as? [String: Any])?["share"] as? Double, published, name)
            XCTAssertTrue(Self.html.contains("<td class=\"n\">\(grouped(count))</td>"), name)
            XCTAssertTrue(Self.html.contains("<td class=\"n\">\(printed)</td>"), name)
        }
        XCTAssertTrue(Self.html.contains("<td class=\"n\">\(grouped(truth.tweets))</td>"), "the summary's tweet count")
        XCTAssertTrue(Self.html.contains("<td class=\"n\">\(grouped(truth.users))</td>"), "the summary's account count")
    }

    /// The activity of the report's year: the truth's local days of 2012 summed per weekday
    /// here (day 15340 is 2012-01-01, a Sunday; 1970-01-01, day 0, was a Thursday).
    func testYearAndItsWeekdaysAreTheTruth() throws {
        let truth = try XCTUnwrap(Self.truth)
        let doc = try embedded()
        // The corpus runs 2007 to 2013-02-23 (Amsterdam): the last full year is 2012.
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = try XCTUnwrap(TimeZone(identifier: truth.timeZone))
        let last = calendar.dateComponents([.year, .month, .day], from: Date(timeIntervalSince1970: TimeInterval(truth.last)))
        XCTAssertEqual([last.year, last.month, last.day], [2013, 2, 23])
        XCTAssertEqual(doc["year"] as? Int, 2012)
        var weekday = [Int](repeating: 0, count: 7)
        for (day, counts) in truth.days where (15340...15705).contains(day) {
            weekday[Int((day + 3) % 7)] += counts.tweets
        }
        XCTAssertEqual(15340 % 7, 3, "2012-01-01 is a Sunday: (15340 + 3) % 7 == 6")
        let activity = try XCTUnwrap(doc["activity"] as? [String: Any])
        XCTAssertEqual(activity["weekday"] as? [Int], weekday)
        XCTAssertEqual(activity["tweets"] as? Int, weekday.reduce(0, +))
        XCTAssertGreaterThan(weekday.reduce(0, +), 1000)
    }

    /// Top hashtags and the network's nodes: the truth's tag counts, authors and labels
    /// (the label rule applied here: most tweets, ties to the smallest code points).
    func testHashtagsAndNetworkNodesAreTheTruth() throws {
        let truth = try XCTUnwrap(Self.truth)
        let doc = try embedded()
        func label(_ spellings: [String: Int]) -> String {
            let best = spellings.values.max() ?? 0
            return spellings.filter { $0.value == best }.keys.min { Array($0.unicodeScalars.map(\.value)).lexicographicallyPrecedes(Array($1.unicodeScalars.map(\.value))) } ?? ""
        }
        let rows = try XCTUnwrap((doc["hashtags"] as? [String: Any])?["rows"] as? [[String: Any]])
        XCTAssertEqual(rows.count, 25)
        var shown = Set<String>()
        for row in rows {
            let tag = try XCTUnwrap(row["tag"] as? String)
            let t = try XCTUnwrap(truth.tags[tag], tag)
            XCTAssertEqual(row["tweets"] as? Int, t.tweets, tag)
            XCTAssertEqual(row["label"] as? String, label(t.spellings), tag)
            shown.insert(tag)
        }
        let counts = rows.compactMap { $0["tweets"] as? Int }
        XCTAssertEqual(counts, counts.sorted(by: >))
        let lowest = try XCTUnwrap(counts.last)
        XCTAssertFalse(truth.tags.contains { !shown.contains($0.key) && $0.value.tweets > lowest }, "a more frequent tag left out")
        let top = try XCTUnwrap(rows.first)
        XCTAssertTrue(Self.html.contains(">#\(top["label"] as? String ?? "?")</td><td class=\"n\">\(grouped(top["tweets"] as? Int ?? -1))<"))

        let nodes = try XCTUnwrap((doc["cooccur"] as? [String: Any])?["nodes"] as? [[String: Any]])
        XCTAssertTrue(truth.tags.values.contains { $0.tweets == Self.threshold })
        let expected = truth.tags.filter { $0.value.tweets > Self.threshold }
        XCTAssertGreaterThan(expected.count, 10)
        XCTAssertEqual(Set(nodes.compactMap { $0["tag"] as? String }), Set(expected.keys))
        for node in nodes {
            let t = try XCTUnwrap(expected[node["tag"] as? String ?? ""])
            XCTAssertEqual(node["frequency"] as? Int, t.tweets)
            XCTAssertEqual(node["users"] as? Int, t.users.count)
        }
    }

    /// Grafiek 11 draws the active accounts over the tweets (drawn first, they were hidden
    /// wherever the two lines met): the legend's colour for "active accounts" is the stroke of
    /// the last line drawn, and its points are as many as the tweets line's.
    func testGrafiek11DrawsActiveAccountsLast() throws {
        let start = try XCTUnwrap(Self.html.range(of: "<section id=\"timeline\">"))
        let end = try XCTUnwrap(Self.html.range(of: "</section>", range: start.upperBound..<Self.html.endIndex))
        let section = String(Self.html[start.upperBound..<end.lowerBound])
        func colour(of name: String) throws -> String {
            let label = try XCTUnwrap(section.range(of: ">\(name)</text>"), name)
            let fill = try XCTUnwrap(section.range(of: "fill=\"", options: .backwards, range: section.startIndex..<label.lowerBound))
            return String(section[fill.upperBound...].prefix { $0 != "\"" })
        }
        let strokes = section.components(separatedBy: "<polyline").dropFirst().map { line in
            String(line.components(separatedBy: "stroke=\"").dropFirst().first?.prefix { $0 != "\"" } ?? "")
        }
        XCTAssertEqual(strokes, [try colour(of: "tweets"), try colour(of: "active accounts")])
        let points = section.components(separatedBy: "points=\"").dropFirst().map { $0.prefix { $0 != "\"" }.split(separator: " ").count }
        XCTAssertEqual(points.count, 2)
        XCTAssertEqual(points.first, points.last)
        XCTAssertGreaterThan(points.first ?? 0, 300)
    }

    /// The rank flow: a column for every local month from the truth's first tweet to its last,
    /// at most ten ranked hashtags in each, one box per ranked hashtag.
    func testTheRankFlowHasEveryMonthAndABoxPerRankedHashtag() throws {
        let truth = try XCTUnwrap(Self.truth)
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = try XCTUnwrap(TimeZone(identifier: "Europe/Amsterdam"))
        let first = calendar.dateComponents([.year, .month], from: Date(timeIntervalSince1970: TimeInterval(truth.first)))
        let last = calendar.dateComponents([.year, .month], from: Date(timeIntervalSince1970: TimeInterval(truth.last)))
        let months = ((last.year ?? 0) - (first.year ?? 0)) * 12 + (last.month ?? 0) - (first.month ?? 0) + 1
        let flow = try XCTUnwrap(embedded()["hashtags_by_month"] as? [String: Any])
        let periods = try XCTUnwrap(flow["periods"] as? [[String: Any]])
        XCTAssertEqual(periods.count, months)
        XCTAssertEqual(periods.first?["period"] as? String, String(format: "%04d-%02d-01", first.year ?? 0, first.month ?? 0))
        let ranked = periods.map { ($0["rows"] as? [Any])?.count ?? 0 }
        XCTAssertLessThanOrEqual(ranked.max() ?? 0, 10)
        let section = try XCTUnwrap(Self.html.components(separatedBy: "<section id=\"hashtags\">").dropFirst().first?
            .components(separatedBy: "</section>").first)
        XCTAssertEqual(section.components(separatedBy: "rx=\"3\"").count - 1, ranked.reduce(0, +))
    }
}

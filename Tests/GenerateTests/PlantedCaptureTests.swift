import Analysis
import Foundation
import Generate
import Store
import TestSupport
import XCTest

/// The generator's stream capture: limit notices with a cumulative `track` and `timestamp_ms`,
/// a reconnect (the counter drops), notices without a timestamp (one before any tweet), a
/// planted outage; `twindex completeness` on the ingested corpus finds exactly its truth.
final class PlantedCaptureTests: XCTestCase {
    func testCompletenessFindsTheGeneratedNoticesAndOutage() throws {
        let dir = try SharedPaths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let (truth, db) = try GeneratedCorpus.ingested(in: dir, tweets: 8000, users: 250, seed: 5)
        let corpus = String(db.dropLast(3))
        let capture = truth.capture

        // The notices as written: tracks in file order drop once (the reconnect), and two
        // carry no timestamp_ms, the first before any tweet.
        let lines = try String(contentsOfFile: corpus, encoding: .utf8).split(separator: "\n")
        let notices = lines.filter { $0.hasPrefix(#"{"limit":"#) }
        XCTAssertEqual(notices.count, capture.limitNotices)
        XCTAssertTrue(lines.first?.hasPrefix(#"{"limit":{"track":3}"#) ?? false)
        XCTAssertEqual(notices.filter { !$0.contains("timestamp_ms") }.count, 2)
        let tracks = notices.compactMap { line -> Int? in
            let body = (try? JSONSerialization.jsonObject(with: Data(line.utf8))) as? [String: [String: Any]]
            return body?["limit"]?["track"] as? Int
        }
        XCTAssertEqual(zip(tracks, tracks.dropFirst()).filter { $1 < $0 }.count, 1, "one reconnect")
        let outage = try XCTUnwrap(capture.outage)
        XCTAssertEqual(outage.upperBound - outage.lowerBound, 21 * 3600)

        var options = Completeness.Options()
        options.timeZone = TimeZone(identifier: "Europe/Amsterdam")!
        let result = try Completeness.compute(in: try Store.openForReading(path: db), options: options)
        XCTAssertEqual(result.unplacedLimitNotices, Int64(capture.unplacedLimitNotices))
        XCTAssertEqual(result.unplacedLimitNotices, 1)
        let found = Dictionary(uniqueKeysWithValues: result.rows.filter { $0.limitNotices > 0 }.map { ($0.day, [$0.limitNotices, $0.missed]) })
        XCTAssertEqual(found, capture.days.mapValues { [Int64($0.limitNotices), $0.missed] })
        for row in result.rows { XCTAssertEqual(row.tweets, Int64(truth.days[row.day]?.tweets ?? 0)) }
        XCTAssertEqual(result.gaps.map { [$0.start, $0.end, $0.hours] }, capture.gaps().map { [$0.start, $0.end, $0.hours] })
        XCTAssertTrue(result.gaps.contains { $0.start <= outage.lowerBound && $0.end >= outage.upperBound },
                      "the planted outage lies inside a gap")
    }
}

import Foundation
import Store
import TestSupport
import XCTest
@testable import Analysis

/// `Completeness` against fixtures whose numbers are derived by hand (ANALYSIS.md,
/// "Collection completeness"): each test's comment does the sums.
final class CompletenessTests: XCTestCase {
    private var dir: URL!
    override func setUpWithError() throws { dir = try SharedPaths.temporaryDirectory() }
    override func tearDownWithError() throws { try? FileManager.default.removeItem(at: dir) }

    private let amsterdam = TimeZone(identifier: "Europe/Amsterdam")!
    private let utc = TimeZone(identifier: "UTC")!
    private var nextID = 1

    /// Seconds since 1970 of an ISO 8601 UTC time.
    private func epoch(_ iso: String) -> Int64 {
        Int64(ISO8601DateFormatter().date(from: iso)?.timeIntervalSince1970 ?? -1)
    }

    /// A v1.1 tweet at `iso` (UTC).
    private func tweet(_ iso: String) -> String {
        let f = DateFormatter()
        f.locale = Locale(identifier: "en_US_POSIX")
        f.timeZone = utc
        f.dateFormat = "EEE MMM dd HH:mm:ss Z yyyy"
        let date = f.string(from: Date(timeIntervalSince1970: TimeInterval(epoch(iso))))
        defer { nextID += 1 }
        return #"{"id_str":"\#(nextID)","created_at":"\#(date)","text":"t","user":{"id_str":"7","screen_name":"u7"}}"#
    }

    /// A limit notice, with `timestamp_ms` at `iso` when given.
    private func limit(_ track: Int, at iso: String? = nil) -> String {
        guard let iso else { return #"{"limit":{"track":\#(track)}}"# }
        return #"{"limit":{"track":\#(track),"timestamp_ms":"\#(epoch(iso) * 1000)"}}"#
    }

    private func store(_ files: [String]...) throws -> Store {
        let db = dir.appendingPathComponent("\(UUID().uuidString).db").path
        var paths: [String] = []
        for (k, lines) in files.enumerated() {
            let path = dir.appendingPathComponent("in\(k)-\(UUID().uuidString).jsonl").path
            try (lines.joined(separator: "\n") + "\n").write(toFile: path, atomically: true, encoding: .utf8)
            paths.append(path)
        }
        try TestStores.ingest(paths, into: db)
        return try Store.openForReading(path: db)
    }

    private func compute(_ store: Store, _ zone: TimeZone, by period: CompletenessResult.Period = .day, minGap: Int = 6,
                         from: String? = nil, to: String? = nil) throws -> CompletenessResult {
        var options = Completeness.Options()
        options.timeZone = zone
        options.period = period
        options.minGap = minGap
        options.range = try DateRange(from: from, to: to)
        return try Completeness.compute(in: store, options: options)
    }

    /// (tweets, limit notices, missed) of each row.
    private func counts(_ r: CompletenessResult) -> [[Int64]] { r.rows.map { [$0.tweets, $0.limitNotices, $0.missed] } }

    /// One connection, UTC: tracks 5, 8, 20 → the first counts 5, then +3, then +12.
    /// 2013-01-07: 3 tweets, notices at 10:10 and 10:50, missed 8, share 8/11.
    /// 2013-01-08: 1 tweet, the notice at 08:30, missed 12, share 12/13.
    func testOneConnectionCountsTheIncreasesOfTrack() throws {
        let s = try store([
            tweet("2013-01-07T10:00:00Z"), limit(5, at: "2013-01-07T10:10:00Z"), tweet("2013-01-07T10:30:00Z"),
            limit(8, at: "2013-01-07T10:50:00Z"), tweet("2013-01-07T11:15:00Z"), limit(20, at: "2013-01-08T08:30:00Z"),
            tweet("2013-01-08T09:00:00Z"),
        ])
        let days = try compute(s, utc)
        XCTAssertEqual(days.rows.map(\.day), [15712, 15713])   // 2013-01-07 = 15712 days after 1970-01-01
        XCTAssertEqual(counts(days), [[3, 2, 8], [1, 1, 12]])
        XCTAssertEqual(days.rows.map(\.missedShare), [8.0 / 11, 12.0 / 13])
        XCTAssertEqual(days.unplacedLimitNotices, 0)

        // By hour: 2013-01-07T10:00Z to 2013-01-08T09:00Z, 24 rows.
        let hours = try compute(s, utc, by: .hour)
        XCTAssertEqual(hours.rows.count, 24)
        XCTAssertEqual(hours.rows.first?.start, epoch("2013-01-07T10:00:00Z"))
        XCTAssertEqual(counts(hours)[0], [2, 2, 8])
        XCTAssertEqual(counts(hours)[1], [1, 0, 0])
        XCTAssertEqual(counts(hours)[22], [0, 1, 12])
        XCTAssertEqual(counts(hours)[23], [1, 0, 0])
        XCTAssertNil(hours.rows[5].missedShare, "no tweets and none missed: no share")
        // 12:00Z to 09:00Z the next day: 21 empty hours, one gap.
        XCTAssertEqual(days.gaps, [CompletenessResult.Gap(start: epoch("2013-01-07T12:00:00Z"), end: epoch("2013-01-08T09:00:00Z"), hours: 21)])
    }

    /// Two connections: 100, 150, then 30 (a drop: a new connection, its whole 30), 45.
    /// Day 1: 100 + 50 = 150; day 2: 30 + 15 = 45. A second input's first notice (200) counts
    /// whole: inputs are not one stream.
    func testADropOfTrackStartsANewConnection() throws {
        let s = try store([
            tweet("2013-01-07T09:00:00Z"), limit(100, at: "2013-01-07T09:30:00Z"), limit(150, at: "2013-01-07T12:00:00Z"),
            limit(30, at: "2013-01-08T08:00:00Z"), tweet("2013-01-08T09:00:00Z"), limit(45, at: "2013-01-08T10:00:00Z"),
        ], [
            limit(200, at: "2013-01-08T11:00:00Z"), tweet("2013-01-08T11:30:00Z"), limit(210, at: "2013-01-08T12:00:00Z"),
        ])
        let r = try compute(s, utc)
        XCTAssertEqual(counts(r), [[1, 2, 150], [2, 4, 45 + 200 + 10]])
        XCTAssertEqual(r.rows.map(\.missedShare), [150.0 / 151, 255.0 / 257])
    }

    /// An archive is one file: a connection runs on across its minute members. Members of two
    /// lines each: (tweet, 5), (tweet, 8), (tweet, 20), (tweet, 3: a drop, a new connection),
    /// so 5 + 3 + 12 + 3 = 23 missed, not the 36 of four separate files.
    func testTheMembersOfAnArchiveAreOneFile() throws {
        let lines = [
            tweet("2013-01-23T00:00:10Z"), limit(5, at: "2013-01-23T00:00:20Z"),
            tweet("2013-01-23T00:01:10Z"), limit(8, at: "2013-01-23T00:01:20Z"),
            tweet("2013-01-23T00:02:10Z"), limit(20, at: "2013-01-23T00:02:20Z"),
            tweet("2013-01-23T00:03:10Z"), limit(3, at: "2013-01-23T00:03:20Z"),
        ]
        let jsonl = dir.appendingPathComponent("stream.jsonl").path
        try (lines.joined(separator: "\n") + "\n").write(toFile: jsonl, atomically: true, encoding: .utf8)
        XCTAssertEqual(try ArchiveLayouts.pack(jsonl, into: dir, linesPerMember: 2).count, 4)
        for archive in ["stream.tar", "stream.zip"] {
            let db = dir.appendingPathComponent(archive + ".db").path
            try TestStores.ingest([dir.appendingPathComponent(archive).path], into: db)
            let r = try compute(try Store.openForReading(path: db), utc)
            XCTAssertEqual(counts(r), [[4, 4, 23]], archive)
        }
    }

    /// A plain file written anew at the same path (a nightly job's `today.jsonl`) is a new
    /// file: its first notice counts whole. 100, then 150 in the new contents: 250.
    func testAFileWrittenAnewAtTheSamePathIsANewFile() throws {
        let path = dir.appendingPathComponent("today.jsonl").path
        let db = dir.appendingPathComponent("nightly.db").path
        try ([tweet("2013-01-07T09:00:00Z"), limit(100, at: "2013-01-07T09:30:00Z")].joined(separator: "\n") + "\n")
            .write(toFile: path, atomically: true, encoding: .utf8)
        try TestStores.ingest([path], into: db)
        try ([tweet("2013-01-08T09:00:00Z"), limit(150, at: "2013-01-08T09:30:00Z")].joined(separator: "\n") + "\n")
            .write(toFile: path, atomically: true, encoding: .utf8)
        try TestStores.ingest([path], into: db)
        XCTAssertEqual(counts(try compute(try Store.openForReading(path: db), utc)), [[1, 1, 100], [1, 1, 150]])
    }

    /// Notices without timestamp_ms: the first comes before any tweet (unplaced, its 7 in no
    /// period, but the next one's increase is counted from it); the second (10) takes the
    /// time of the tweet before it, 2013-01-07T23:30Z: in UTC that is 7 January, in
    /// Amsterdam (+01:00) 00:30 on 8 January. missed = 10 - 7 = 3.
    func testANoticeWithoutTimestampTakesTheTimeOfTheTweetBeforeIt() throws {
        let s = try store([limit(7), tweet("2013-01-07T22:00:00Z"), tweet("2013-01-07T23:30:00Z"), limit(10), tweet("2013-01-08T09:00:00Z")])
        let inUTC = try compute(s, utc)
        XCTAssertEqual(counts(inUTC), [[2, 1, 3], [1, 0, 0]])
        XCTAssertEqual(inUTC.unplacedLimitNotices, 1)
        let inAmsterdam = try compute(s, amsterdam)
        XCTAssertEqual(inAmsterdam.rows.map { CalendarBuckets.format($0.day) }, ["2013-01-07", "2013-01-08"])
        XCTAssertEqual(counts(inAmsterdam), [[1, 0, 0], [2, 1, 3]])
        XCTAssertEqual(inAmsterdam.unplacedLimitNotices, 1)
    }

    /// 28 October 2012 in Amsterdam has 25 hours: the clocks go from 03:00 CEST back to 02:00
    /// CET at 01:00Z. Tweets at 22:30Z (00:30 CEST), 00:30Z (02:30 CEST), 01:30Z (02:30 CET)
    /// and 22:30Z (23:30 CET); a notice (track 4) at 01:45Z, in the second 02:00 hour.
    /// Hours empty from 02:00Z to 22:00Z: a gap of 20 hours, 03:00+01:00 to 23:00+01:00.
    func testADaylightSavingChangeInsideADayGivesItTwentyFiveHours() throws {
        let s = try store([
            tweet("2012-10-27T22:30:00Z"), tweet("2012-10-28T00:30:00Z"), tweet("2012-10-28T01:30:00Z"),
            limit(4, at: "2012-10-28T01:45:00Z"), tweet("2012-10-28T22:30:00Z"),
        ])
        let hours = try compute(s, amsterdam, by: .hour, from: "2012-10-28", to: "2012-10-28")
        XCTAssertEqual(hours.rows.count, 25)
        XCTAssertEqual(hours.rows.first?.start, epoch("2012-10-27T22:00:00Z"))
        XCTAssertEqual(hours.rows.last?.start, epoch("2012-10-28T22:00:00Z"))
        XCTAssertEqual(hours.rows[2].start, epoch("2012-10-28T00:00:00Z"))   // 02:00+02:00
        XCTAssertEqual(hours.rows[3].start, epoch("2012-10-28T01:00:00Z"))   // 02:00+01:00
        XCTAssertEqual(counts(hours)[0], [1, 0, 0])
        XCTAssertEqual(counts(hours)[2], [1, 0, 0])
        XCTAssertEqual(counts(hours)[3], [1, 1, 4])
        XCTAssertEqual(counts(hours)[24], [1, 0, 0])
        XCTAssertEqual(counts(hours).reduce(0) { $0 + $1[0] }, 4)
        XCTAssertEqual(hours.gaps, [CompletenessResult.Gap(start: epoch("2012-10-28T02:00:00Z"), end: epoch("2012-10-28T22:00:00Z"), hours: 20)])
        let days = try compute(s, amsterdam)
        XCTAssertEqual(counts(days), [[4, 1, 4]])
        XCTAssertEqual(days.rows.first?.start, epoch("2012-10-27T22:00:00Z"))
        // 31 March 2013 has 23: no 02:00 hour.
        let spring = try compute(try store([tweet("2013-03-31T00:10:00Z")]), amsterdam, by: .hour, from: "2013-03-31", to: "2013-03-31")
        XCTAssertEqual(spring.rows.count, 23)
        XCTAssertEqual(spring.rows[1].start, epoch("2013-03-31T00:00:00Z"))   // 01:00+01:00
        XCTAssertEqual(spring.rows[2].start, epoch("2013-03-31T01:00:00Z"))   // 03:00+02:00
        XCTAssertEqual(counts(spring)[1], [1, 0, 0])
    }

    /// A night without tweets: 20:15 on 7 January to 07:40 on 8 January in Amsterdam (+01:00),
    /// empty local hours 21:00 to 06:00, 10 of them: a gap when longer than --min-gap (9, not
    /// 10), listed whole for any range it overlaps. In Kathmandu (+05:45) the same tweets are
    /// at 01:00 and 12:25 on 8 January: empty hours 02:00 to 11:00, also 10.
    func testAGapAcrossMidnight() throws {
        let s = try store([tweet("2013-01-07T19:15:00Z"), tweet("2013-01-08T06:40:00Z")])
        let gap = CompletenessResult.Gap(start: epoch("2013-01-07T20:00:00Z"), end: epoch("2013-01-08T06:00:00Z"), hours: 10)
        XCTAssertEqual(try compute(s, amsterdam, minGap: 9).gaps, [gap])
        XCTAssertEqual(try compute(s, amsterdam, minGap: 10).gaps, [])
        XCTAssertEqual(try compute(s, amsterdam).gaps, [gap], "default --min-gap 6")
        XCTAssertEqual(try compute(s, amsterdam, from: "2013-01-08", to: "2013-01-08").gaps, [gap])
        XCTAssertEqual(try compute(s, amsterdam, from: "2013-01-09").gaps, [])
        let kathmandu = TimeZone(identifier: "Asia/Kathmandu")!
        XCTAssertEqual(try compute(s, kathmandu).gaps,
                       [CompletenessResult.Gap(start: epoch("2013-01-07T20:15:00Z"), end: epoch("2013-01-08T06:15:00Z"), hours: 10)])
        XCTAssertEqual(try compute(s, kathmandu).rows.map { CalendarBuckets.format($0.day) }, ["2013-01-08"])
    }

    /// Days asked for beyond the data are rows of zeros; notices and tweets outside are left out.
    func testTheRangeChoosesTheRows() throws {
        let s = try store([tweet("2013-01-07T10:00:00Z"), limit(5, at: "2013-01-07T10:10:00Z"), tweet("2013-01-09T10:00:00Z"),
                           limit(9, at: "2013-01-09T10:10:00Z")])
        let r = try compute(s, utc, from: "2013-01-08", to: "2013-01-10")
        XCTAssertEqual(r.rows.map { CalendarBuckets.format($0.day) }, ["2013-01-08", "2013-01-09", "2013-01-10"])
        XCTAssertEqual(counts(r), [[0, 0, 0], [1, 1, 4], [0, 0, 0]])
    }
}

import Foundation
import Store
import TestSupport
import XCTest
@testable import Analysis

final class AnalysisTests: XCTestCase {
    private var dir: URL!
    override func setUpWithError() throws { dir = try SharedPaths.temporaryDirectory() }
    override func tearDownWithError() throws { try? FileManager.default.removeItem(at: dir) }

    private func tweet(_ id: Int, _ createdAt: String, _ text: String, tags: [String] = [], mentions: [String] = [],
                       user: Int = 1) -> String {
        let h = tags.map { #"{"text":"\#($0)"}"# }.joined(separator: ",")
        let m = mentions.map { #"{"screen_name":"\#($0)"}"# }.joined(separator: ",")
        return #"{"id_str":"\#(id)","created_at":"\#(createdAt)","text":"\#(text)","user":{"id_str":"\#(user)","screen_name":"u\#(user)"},"entities":{"hashtags":[\#(h)],"user_mentions":[\#(m)],"urls":[]}}"#
    }

    private func store(_ lines: [String]) throws -> Store {
        let path = dir.appendingPathComponent("a\(lines.count)-\(UUID().uuidString).jsonl").path
        try (lines.joined(separator: "\n") + "\n").write(toFile: path, atomically: true, encoding: .utf8)
        let db = path + ".db"
        try TestStores.ingest([path], into: db)
        return try Store.openForReading(path: db)
    }

    private let amsterdam = TimeZone(identifier: "Europe/Amsterdam")!

    // MARK: Ratios

    func testRatiosCountUniqueNotDeletedTweets() throws {
        let s = try store([
            tweet(1, "Mon Jan 07 10:00:00 +0000 2013", "#a b", tags: ["a"]),
            tweet(1, "Mon Jan 07 10:00:00 +0000 2013", "#a b", tags: ["a"]),       // duplicate
            tweet(2, "Mon Jan 07 11:00:00 +0000 2013", "@x hi", mentions: ["x"]),
            tweet(3, "Mon Jan 07 12:00:00 +0000 2013", "hi @x", mentions: ["x"]),
            tweet(4, "Mon Jan 07 13:00:00 +0000 2013", "#gone", tags: ["gone"]),
            #"{"delete":{"status":{"id_str":"4","user_id_str":"1"}}}"#,
        ])
        let r = try Ratios.compute(in: s, baseline: .published)
        XCTAssertEqual(r.tweets, 3)
        XCTAssertEqual(r.rows.map(\.count), [1, 2, 1])
        XCTAssertEqual(r.rows[0].share, 1.0 / 3, accuracy: 1e-12)
        XCTAssertEqual(r.rows[0].baseline?.share, 0.1318)
        XCTAssertNil(r.rows[0].z)
        XCTAssertNil(r.rows[0].baseline?.count)
        XCTAssertEqual(r.rows[0].diffPP ?? 0, (1.0 / 3 - 0.1318) * 100, accuracy: 1e-9)
    }

    func testRatiosAgainstAnotherStoreHaveAZTest() throws {
        let a = try store([tweet(1, "Mon Jan 07 10:00:00 +0000 2013", "#a", tags: ["a"]),
                           tweet(2, "Mon Jan 07 10:00:01 +0000 2013", "b")])
        let b = try store([tweet(3, "Mon Jan 07 10:00:00 +0000 2013", "c"), tweet(4, "Mon Jan 07 10:00:01 +0000 2013", "d"),
                           tweet(5, "Mon Jan 07 10:00:02 +0000 2013", "#e", tags: ["e"]), tweet(6, "Mon Jan 07 10:00:03 +0000 2013", "f")])
        let r = try Ratios.compute(in: a, baseline: .store(path: b.path))
        XCTAssertEqual(r.rows[0].baseline?.count, 1)
        XCTAssertEqual(r.rows[0].baseline?.tweets, 4)
        // p1 = 1/2, p2 = 1/4, pooled 2/6: z = 0.25 / sqrt(1/3 * 2/3 * (1/2 + 1/4)) = 0.6124
        XCTAssertEqual(r.rows[0].z ?? 0, 0.612_372, accuracy: 1e-5)
        XCTAssertEqual(r.rows[0].p ?? 0, 0.540_291, accuracy: 1e-5)
        XCTAssertEqual(r.rows[0].ratio ?? 0, 2, accuracy: 1e-12)
    }

    /// One month's sample as the baseline of one day: only the tweets of that local day
    /// (Amsterdam: 23:30 UTC the evening before is in, 23:30 UTC on the day is not) count.
    func testABaselineRangeCountsOnlyThoseDaysOfTheBaseline() throws {
        let a = try store([tweet(1, "Wed Jan 23 10:00:00 +0000 2013", "#a", tags: ["a"]),
                           tweet(2, "Wed Jan 23 10:00:01 +0000 2013", "b")])
        let b = try store([
            tweet(10, "Mon Jan 21 12:00:00 +0000 2013", "#x", tags: ["x"]),        // another day
            tweet(11, "Tue Jan 22 23:30:00 +0000 2013", "#y", tags: ["y"]),        // 00:30 on the 23rd
            tweet(12, "Wed Jan 23 09:00:00 +0000 2013", "@m hi", mentions: ["m"]),
            tweet(13, "Wed Jan 23 15:00:00 +0000 2013", "plain"),
            tweet(14, "Wed Jan 23 23:30:00 +0000 2013", "#z", tags: ["z"]),        // 00:30 on the 24th
        ])
        let day = DateRange(from: CalendarBuckets.parseDay("2013-01-23"), to: CalendarBuckets.parseDay("2013-01-23"))
        let r = try Ratios.compute(in: a, baseline: .store(path: b.path), baselineRange: day, timeZone: amsterdam)
        XCTAssertEqual(r.rows.map { $0.baseline?.tweets }, [3, 3, 3])
        XCTAssertEqual(r.rows.map { $0.baseline?.count }, [1, 1, 1])
        XCTAssertEqual(r.baselineName, "\(b.path) (2013-01-23)")
        let whole = try Ratios.compute(in: a, baseline: .store(path: b.path), timeZone: amsterdam)
        XCTAssertEqual(whole.rows[0].baseline?.count, 3)
        XCTAssertEqual(whole.rows[0].baseline?.tweets, 5)
        let empty = DateRange(from: CalendarBuckets.parseDay("2013-02-01"), to: nil)
        XCTAssertThrowsError(try Ratios.compute(in: a, baseline: .store(path: b.path), baselineRange: empty, timeZone: amsterdam)) {
            XCTAssertEqual($0 as? AnalysisError, .emptyBaselineRange(path: b.path, range: "from 2013-02-01"))
        }
    }

    func testEmptyStoreIsAClearErrorNotADivisionByZero() throws {
        let s = try store([])
        XCTAssertThrowsError(try Ratios.compute(in: s)) { XCTAssertTrue("\($0)".contains("holds no tweets")) }
        let a = try Activity.compute(in: s, timeZone: amsterdam)
        XCTAssertEqual(a.tweets, 0)
        XCTAssertNil(a.weekendShare)
        XCTAssertEqual(try Timeline.compute(in: s, timeZone: amsterdam).rows, [])
    }

    func testWilsonIntervalMatchesKnownValues() {
        // 237,075 of 687,811 (the study's hashtag row).
        let (lo, hi) = Statistics.wilson(count: 237_075, n: 687_811)
        XCTAssertEqual(lo, 0.343_56, accuracy: 1e-4)
        XCTAssertEqual(hi, 0.345_81, accuracy: 1e-4)
        let (l0, h0) = Statistics.wilson(count: 0, n: 10)
        XCTAssertEqual(l0, 0)
        XCTAssertEqual(h0, 0.2775, accuracy: 1e-4)
    }

    // MARK: Time

    func testSummerMondayAfterMidnightUTCIsMondayInAmsterdam() throws {
        // 2012-07-02 00:30 UTC is Monday 02:30 CEST; Sunday 2012-07-01 23:30 UTC is Monday 01:30.
        let s = try store([tweet(1, "Mon Jul 02 00:30:00 +0000 2012", "a"), tweet(2, "Sun Jul 01 23:30:00 +0000 2012", "b")])
        let a = try Activity.compute(in: s, timeZone: amsterdam)
        XCTAssertEqual(a.weekday, [2, 0, 0, 0, 0, 0, 0])
        XCTAssertEqual(a.hour[1], 1)
        XCTAssertEqual(a.hour[2], 1)
        let utc = try Activity.compute(in: s, timeZone: TimeZone(identifier: "UTC")!)
        XCTAssertEqual(utc.weekday, [1, 0, 0, 0, 0, 0, 1])
        XCTAssertEqual(utc.weekendShare, 0.5)
    }

    func testDaylightSavingBoundariesInMarchAndOctober() throws {
        // 2012-03-25: clocks go 02:00 CET → 03:00 CEST at 01:00 UTC.
        // 2012-10-28: clocks go 03:00 CEST → 02:00 CET at 01:00 UTC.
        let s = try store([
            tweet(1, "Sun Mar 25 00:59:59 +0000 2012", "a"),   // 01:59:59 CET
            tweet(2, "Sun Mar 25 01:00:00 +0000 2012", "b"),   // 03:00:00 CEST
            tweet(3, "Sun Oct 28 00:30:00 +0000 2012", "c"),   // 02:30 CEST
            tweet(4, "Sun Oct 28 01:30:00 +0000 2012", "d"),   // 02:30 CET
            tweet(5, "Sat Oct 27 22:30:00 +0000 2012", "e"),   // Sunday 00:30 CEST
        ])
        let a = try Activity.compute(in: s, timeZone: amsterdam)
        XCTAssertEqual(a.hour[1], 1)
        XCTAssertEqual(a.hour[2], 2)
        XCTAssertEqual(a.hour[3], 1)
        XCTAssertEqual(a.hour[0], 1)
        XCTAssertEqual(a.weekday[6], 5)
        // London in 2012: the same instants an hour earlier than Amsterdam.
        let london = try Activity.compute(in: s, timeZone: TimeZone(identifier: "Europe/London")!)
        XCTAssertEqual(london.hour[0], 1 + 0)   // 00:59:59 GMT
        XCTAssertEqual(london.hour[2], 1)       // 02:00 BST
        XCTAssertEqual(london.hour[1], 2)       // 01:30 BST and 01:30 GMT
        XCTAssertEqual(london.hour[23], 1)      // Saturday 23:30 BST
        XCTAssertEqual(london.weekday, [0, 0, 0, 0, 0, 1, 4])
    }

    func testDateRangesAreInclusiveLocalDays() throws {
        let s = try store([
            tweet(1, "Sat Dec 31 22:59:59 +0000 2011", "last of 2011 in Amsterdam"),
            tweet(2, "Sat Dec 31 23:00:00 +0000 2011", "first of 2012 in Amsterdam"),
            tweet(3, "Mon Dec 31 22:59:59 +0000 2012", "last of 2012"),
            tweet(4, "Mon Dec 31 23:00:00 +0000 2012", "first of 2013"),
        ])
        let range = try DateRange(from: "2012-01-01", to: "2012-12-31")
        XCTAssertEqual(try Activity.compute(in: s, timeZone: amsterdam, range: range).tweets, 2)
        let empty = try DateRange(from: "2010-01-01", to: "2010-01-31")
        XCTAssertEqual(try Activity.compute(in: s, timeZone: amsterdam, range: empty).tweets, 0)
        let days = try Timeline.compute(in: s, timeZone: amsterdam, range: empty)
        XCTAssertEqual(days.rows.count, 31)
        XCTAssertTrue(days.rows.allSatisfy { $0.tweets == 0 })
        XCTAssertThrowsError(try DateRange(from: "2012-02-30", to: nil))
        XCTAssertThrowsError(try DateRange(from: "2013-01-01", to: "2012-01-01"))
    }

    func testTimelineBucketsByWeekAndMonthAndCountsActiveUsers() throws {
        let s = try store([
            tweet(1, "Mon Jan 07 10:00:00 +0000 2013", "a", user: 1),
            tweet(2, "Mon Jan 07 11:00:00 +0000 2013", "b", user: 1),
            tweet(3, "Sun Jan 13 11:00:00 +0000 2013", "c", user: 2),
            tweet(4, "Mon Jan 14 11:00:00 +0000 2013", "d", user: 2),
            tweet(5, "Fri Feb 01 11:00:00 +0000 2013", "e", user: 3),
        ])
        let days = try Timeline.compute(in: s, timeZone: amsterdam)
        XCTAssertEqual(days.rows.first?.date, "2013-01-07")
        XCTAssertEqual(days.rows.first?.tweets, 2)
        XCTAssertEqual(days.rows.first?.activeUsers, 1)
        XCTAssertEqual(days.rows.count, 26)
        let weeks = try Timeline.compute(in: s, timeZone: amsterdam, by: .week)
        XCTAssertEqual(weeks.rows.map(\.date), ["2013-01-07", "2013-01-14", "2013-01-21", "2013-01-28"])
        XCTAssertEqual(weeks.rows.map(\.tweets), [3, 1, 0, 1])
        XCTAssertEqual(weeks.rows.map(\.activeUsers), [2, 1, 0, 1])
        let months = try Timeline.compute(in: s, timeZone: amsterdam, by: .month)
        XCTAssertEqual(months.rows.map(\.date), ["2013-01-01", "2013-02-01"])
        XCTAssertEqual(months.rows.map(\.activeUsers), [2, 1])
    }

    func testHashtagLabelIsTheMostFrequentSpellingAndCountsAreOncePerTweet() throws {
        let s = try store([
            tweet(1, "Mon Jan 07 10:00:00 +0000 2013", "#NS #ns", tags: ["NS", "ns"]),
            tweet(2, "Mon Jan 07 10:00:01 +0000 2013", "#ns", tags: ["ns"]),
            tweet(3, "Mon Jan 07 10:00:02 +0000 2013", "#ns", tags: ["ns"]),
            tweet(4, "Mon Jan 07 10:00:03 +0000 2013", "#Straße", tags: ["Straße"]),
            tweet(5, "Mon Jan 07 10:00:04 +0000 2013", "#STRASSE", tags: ["STRASSE"]),
        ])
        let rows = try HashtagCounts.top(in: s)
        XCTAssertEqual(rows.map(\.tag), ["ns", "strasse"])
        XCTAssertEqual(rows.map(\.tweets), [3, 2])
        XCTAssertEqual(rows[0].label, "ns")
        XCTAssertEqual(rows[1].label, "STRASSE")   // a tie: the smaller in code-point order
    }
}

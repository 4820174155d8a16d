import Foundation
import Generate
import Store
import TestSupport
import XCTest
@testable import Analysis

/// Top hashtags per period (ANALYSIS.md "Trends and words"): hand-counted fixtures for
/// periods, ties and ranks; a generated corpus against a second count made here with
/// Foundation's calendar.
final class HashtagTrendsTests: XCTestCase {
    private let amsterdam = TimeZone(identifier: "Europe/Amsterdam")!

    private func tweet(_ id: Int, _ createdAt: String, _ tags: [String], user: Int = 1) -> String {
        let text = tags.map { "#" + $0 }.joined(separator: " ")
        let h = tags.map { #"{"text":"\#($0)"}"# }.joined(separator: ",")
        return #"{"id_str":"\#(id)","created_at":"\#(createdAt)","text":"\#(text)","user":{"id_str":"\#(user)","screen_name":"u\#(user)"},"entities":{"hashtags":[\#(h)],"user_mentions":[],"urls":[]}}"#
    }

    private func store(_ lines: [String]) throws -> Store {
        let dir = try SharedPaths.temporaryDirectory()
        addTeardownBlock { try? FileManager.default.removeItem(at: dir) }
        return try TestStores.store(of: lines, in: dir)
    }

    /// December: #a once. January (local; the first tweet is 00:30 on 1 January in
    /// Amsterdam): #B/#b twice, #a twice, #c once: a and b tie, a first. February: none.
    /// March: #c.
    private lazy var fixture: [String] = [
        tweet(1, "Mon Dec 31 22:30:00 +0000 2012", ["a"]),
        tweet(2, "Mon Dec 31 23:30:00 +0000 2012", ["B", "a"]),
        tweet(3, "Tue Jan 08 12:00:00 +0000 2013", ["b", "c"], user: 2),
        tweet(4, "Tue Jan 15 12:00:00 +0000 2013", ["a", "A"]),
        tweet(5, "Sun Mar 03 12:00:00 +0000 2013", ["c"]),
    ]

    func testTopPerMonthRanksTiesByTagAndListsEmptyMonths() throws {
        let months = try HashtagTrends.top(in: try store(fixture), by: .month, limit: 2, timeZone: amsterdam)
        XCTAssertEqual(months.periods.map(\.start), ["2012-12-01", "2013-01-01", "2013-02-01", "2013-03-01"])
        XCTAssertEqual(months.periods.map { $0.rows.map { "\($0.term)=\($0.tweets)" } },
                       [["a=1"], ["a=2", "b=2"], [], ["c=1"]])
        XCTAssertEqual(months.periods[1].rows.map(\.label), ["a", "B"], "labels: the store's most frequent spellings (a: 3 of 3, B/b 1:1)")
        XCTAssertEqual(months.timeZone, "Europe/Amsterdam")
    }

    func testWeeksStartOnMondayAndDaysAreLocal() throws {
        let s = try store(fixture)
        let weeks = try HashtagTrends.top(in: s, by: .week, limit: 3, timeZone: amsterdam)
        XCTAssertEqual(weeks.periods.first?.start, "2012-12-31")
        XCTAssertEqual(weeks.periods.first?.rows.map { "\($0.term)=\($0.tweets)" }, ["a=2", "b=1"])
        let utcDays = try HashtagTrends.top(in: s, by: .day, limit: 3, scope: Scope(range: try DateRange(from: "2012-12-31", to: "2013-01-01")),
                                            timeZone: TimeZone(identifier: "UTC")!)
        XCTAssertEqual(utcDays.periods.map { "\($0.start):\($0.rows.map(\.term))" }, ["2012-12-31:[\"a\", \"b\"]", "2013-01-01:[]"])
    }

    /// A second count: every hashtag row with its tweet's time, bucketed with Foundation's
    /// calendar in the zone, ranked by count then tag in code points.
    private func oracle(_ path: String, zone: TimeZone, by period: Calendar.Component, limit: Int) throws -> [String: [String]] {
        var calendar = Calendar(identifier: .iso8601)
        calendar.timeZone = zone
        var counts: [String: [String: Int]] = [:]
        let rows = try Store.openForReading(path: path).query("SELECT h.tag, t.created_at FROM hashtags h JOIN tweets t ON t.id = h.tweet_id").rows
        let format = DateFormatter()
        format.calendar = calendar
        format.timeZone = zone
        format.dateFormat = "yyyy-MM-dd"
        for row in rows {
            guard case .text(let tag) = row[0], case .integer(let t) = row[1] else { continue }
            let date = Date(timeIntervalSince1970: TimeInterval(t))
            let start = period == .month ? calendar.dateInterval(of: .month, for: date)?.start
                : calendar.dateInterval(of: .weekOfYear, for: date)?.start
            counts[format.string(from: start ?? date), default: [:]][tag, default: 0] += 1
        }
        return counts.mapValues { tags in
            tags.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key.utf8.lexicographicallyPrecedes($1.key.utf8) }
                .prefix(limit).map { "\($0.key)=\($0.value)" }
        }
    }

    func testAGeneratedCorpusGivesWhatFoundationsCalendarCounts() throws {
        let dir = try SharedPaths.temporaryDirectory()
        addTeardownBlock { try? FileManager.default.removeItem(at: dir) }
        let s = try GeneratedCorpus.store(tweets: 4000, users: 150, seed: 5, in: dir)
        // Amsterdam (DST), Kathmandu (+05:45) and a zone whose offset is no whole quarter of
        // an hour (whose days no summary could serve).
        for zone in [amsterdam, TimeZone(identifier: "Asia/Kathmandu")!, TimeZone(secondsFromGMT: 3 * 3600 + 17 * 60)!] {
            for (period, component) in [(TimelineResult.Period.month, Calendar.Component.month), (.week, .weekOfYear)] {
                let expected = try oracle(s.path, zone: zone, by: component, limit: 10)
                let got = try HashtagTrends.top(in: s, by: period, limit: 10, timeZone: zone)
                let nonEmpty = got.periods.filter { !$0.rows.isEmpty }
                XCTAssertEqual(Dictionary(uniqueKeysWithValues: nonEmpty.map { ($0.start, $0.rows.map { "\($0.term)=\($0.tweets)" }) }),
                               expected, "\(zone.identifier) \(period)")
                XCTAssertGreaterThan(nonEmpty.count, 10)
            }
        }
    }
}

import Foundation
import Store
import TestSupport
import XCTest
@testable import Analysis

/// The analyses read the store's summary tables after an ingest; their answers must be what
/// counting the tweets gives. The expected values are counted here from the tweets with
/// Foundation's calendar (not CalendarBuckets), in zones with half- and quarter-hour offsets
/// and daylight-saving time, after a second run that deleted tweets and added others.
final class SummaryTests: XCTestCase {
    private static var dir: URL!
    private static var path = ""

    override class func setUp() {
        super.setUp()
        do {
            dir = try SharedPaths.temporaryDirectory()
            let first = dir.appendingPathComponent("a.jsonl").path, second = dir.appendingPathComponent("b.jsonl").path
            path = dir.appendingPathComponent("s.db").path
            _ = try GeneratedCorpus.write(to: first, tweets: 4000, users: 40, seed: 11)
            try TestStores.ingest([first], into: path)
            let doomed = try Store.openForReading(path: path).query(
                "SELECT id FROM tweets WHERE has_hashtags ORDER BY id LIMIT 150").rows
            let deletes = doomed.compactMap { row -> String? in
                guard case .integer(let id) = row[0] else { return nil }
                return #"{"delete":{"status":{"id_str":"\#(id)"}}}"#
            }
            _ = try GeneratedCorpus.write(to: second, tweets: 500, users: 40, seed: 12)
            let added = try String(contentsOfFile: second, encoding: .utf8)
            try (deletes.joined(separator: "\n") + "\n" + added).write(toFile: second, atomically: true, encoding: .utf8)
            try TestStores.ingest([second], into: path)
        } catch {
            XCTFail("setting up: \(error)")
        }
    }

    override class func tearDown() {
        try? FileManager.default.removeItem(at: dir)
        super.tearDown()
    }

    private struct Tweet {
        var created: Int64, author: Int64?, flags: [Int64]   // located, geocoded, hashtags, mentions, links, retweet, reply
    }

    private func tweets(_ store: Store) throws -> [Tweet] {
        try store.query("""
            SELECT created_at, author_id, located, longitude IS NOT NULL AND latitude IS NOT NULL, has_hashtags,
                   has_mentions, has_urls, retweeted_id IS NOT NULL, in_reply_to_status_id IS NOT NULL FROM tweets
            """).rows.map { row in
            func int(_ v: SQLValue) -> Int64? { if case .integer(let i) = v { return i } else { return nil } }
            return Tweet(created: int(row[0]) ?? 0, author: int(row[1]), flags: row[2...].map { int($0) ?? 0 })
        }
    }

    private let zones = ["Europe/Amsterdam", "Asia/Kathmandu", "America/St_Johns", "Australia/Eucla", "UTC"]

    func testTimelineFromTheSummariesEqualsCountingTheTweets() throws {
        let store = try Store.openForReading(path: Self.path)
        XCTAssertTrue(try store.summariesAreCurrent(), "a finished ingest leaves the summaries current")
        let all = try tweets(store)
        XCTAssertGreaterThan(all.count, 4000)
        for name in zones {
            let zone = try XCTUnwrap(TimeZone(identifier: name))
            var calendar = Calendar(identifier: .gregorian)
            calendar.timeZone = zone
            var counts: [String: [Int64]] = [:]
            var authors: [String: Set<Int64>] = [:]
            for t in all {
                let c = calendar.dateComponents([.year, .month, .day], from: Date(timeIntervalSince1970: TimeInterval(t.created)))
                let day = String(format: "%04d-%02d-%02d", c.year!, c.month!, c.day!)
                var row = counts[day] ?? [Int64](repeating: 0, count: 8)
                row[0] += 1
                for (i, f) in t.flags.enumerated() { row[i + 1] += f }
                counts[day] = row
                if let a = t.author { authors[day, default: []].insert(a) }
            }
            let result = try Timeline.compute(in: store, timeZone: zone)
            var got: [String: [Int64]] = [:]
            var gotActive: [String: Int64] = [:]
            for r in result.rows where r.tweets > 0 {
                got[r.date] = [r.tweets, r.located, r.geocoded, r.withHashtags, r.withMentions, r.withLinks, r.retweets, r.replies]
                gotActive[r.date] = r.activeUsers
            }
            XCTAssertEqual(got, counts, name)
            XCTAssertEqual(gotActive, authors.mapValues { Int64($0.count) }, name)
        }
    }

    /// Active accounts per week and month, and per day inside a range whose ends cut through
    /// UTC days: the summaries' two-masks-per-day path and its quarter-by-quarter fallback.
    func testActiveAccountsByWeekMonthAndInARangeEqualCountingTheTweets() throws {
        let store = try Store.openForReading(path: Self.path)
        let all = try tweets(store)
        let (first, last) = try XCTUnwrap(all.map(\.created).min().flatMap { lo in all.map(\.created).max().map { (lo, $0) } })
        for name in zones {
            let zone = try XCTUnwrap(TimeZone(identifier: name))
            var calendar = Calendar(identifier: .gregorian)
            calendar.timeZone = zone
            calendar.firstWeekday = 2
            func dayText(_ date: Date) -> String {
                let c = calendar.dateComponents([.year, .month, .day], from: date)
                return String(format: "%04d-%02d-%02d", c.year!, c.month!, c.day!)
            }
            // A range from a third into the data to two thirds, as local days.
            let from = dayText(Date(timeIntervalSince1970: TimeInterval(first + (last - first) / 3)))
            let to = dayText(Date(timeIntervalSince1970: TimeInterval(first + 2 * (last - first) / 3)))
            let keys: [(TimelineResult.Period, DateRange, (Date) -> String?)] = [
                (.week, DateRange(), { dayText(calendar.dateInterval(of: .weekOfYear, for: $0)!.start) }),
                (.month, DateRange(), { dayText(calendar.dateInterval(of: .month, for: $0)!.start) }),
                (.day, try DateRange(from: from, to: to), { let d = dayText($0); return d >= from && d <= to ? d : nil }),
            ]
            for (period, range, key) in keys {
                var authors: [String: Set<Int64>] = [:]
                for t in all {
                    guard let a = t.author, let k = key(Date(timeIntervalSince1970: TimeInterval(t.created))) else { continue }
                    authors[k, default: []].insert(a)
                }
                let result = try Timeline.compute(in: store, timeZone: zone, by: period, range: range)
                var got: [String: Int64] = [:]
                for r in result.rows where r.activeUsers > 0 { got[r.date] = r.activeUsers }
                XCTAssertEqual(got, authors.mapValues { Int64($0.count) }, "\(name) \(period)")
            }
        }
    }

    func testActivityAndRatiosFromTheSummariesEqualCountingTheTweets() throws {
        let store = try Store.openForReading(path: Self.path)
        let all = try tweets(store)
        for name in zones {
            let zone = try XCTUnwrap(TimeZone(identifier: name))
            var calendar = Calendar(identifier: .gregorian)
            calendar.timeZone = zone
            let range = try DateRange(from: "2010-03-01", to: "2012-10-31")
            let (lower, upper) = (calendar.date(from: DateComponents(year: 2010, month: 3, day: 1))!,
                                  calendar.date(from: DateComponents(year: 2012, month: 11, day: 1))!)
            var weekHour = [[Int64]](repeating: [Int64](repeating: 0, count: 24), count: 7)
            for t in all {
                let date = Date(timeIntervalSince1970: TimeInterval(t.created))
                guard date >= lower, date < upper else { continue }
                let c = calendar.dateComponents([.weekday, .hour], from: date)
                weekHour[(c.weekday! + 5) % 7][c.hour!] += 1   // Foundation: 1 = Sunday
            }
            XCTAssertEqual(try Activity.compute(in: store, timeZone: zone, range: range).weekHour, weekHour, name)
        }
        let ratios = try RatioCounts.count(in: store)
        XCTAssertEqual(ratios.tweets, Int64(all.count))
        XCTAssertEqual(ratios.hashtags, all.reduce(0) { $0 + $1.flags[2] })
        XCTAssertEqual(ratios.mentions, all.reduce(0) { $0 + $1.flags[3] })
    }

    func testHashtagsAndCooccurrenceFromTheSummariesEqualCountingTheHashtags() throws {
        let store = try Store.openForReading(path: Self.path)
        var tagsOf: [Int64: [String]] = [:]
        var authorOf: [Int64: Int64] = [:]
        for row in try store.query("SELECT t.id, t.author_id, h.tag FROM hashtags h JOIN tweets t ON t.id = h.tweet_id").rows {
            guard case .integer(let id) = row[0], case .text(let tag) = row[2] else { continue }
            tagsOf[id, default: []].append(tag)
            if case .integer(let a) = row[1] { authorOf[id] = a }
        }
        var frequency: [String: Int64] = [:], users: [String: Set<Int64>] = [:], pairs: [String: Int64] = [:]
        for (id, tags) in tagsOf {
            for tag in tags {
                frequency[tag, default: 0] += 1
                if let a = authorOf[id] { users[tag, default: []].insert(a) }
            }
            for a in tags { for b in tags where a < b { pairs["\(a) \(b)", default: 0] += 1 } }
        }
        let top = try HashtagCounts.top(in: store)
        XCTAssertEqual(Dictionary(uniqueKeysWithValues: top.map { ($0.tag, $0.tweets) }), frequency)
        XCTAssertEqual(Dictionary(uniqueKeysWithValues: top.map { ($0.tag, $0.users) }), users.mapValues { Int64($0.count) })
        var options = Cooccurrence.Options()
        options.moreThan = 40
        let network = try Cooccurrence.compute(in: store, options: options)
        let kept = Set(frequency.filter { $0.value > 40 }.keys)
        XCTAssertEqual(Set(network.nodes.map(\.tag)), kept)
        XCTAssertTrue(network.nodes.allSatisfy { frequency[$0.tag] == $0.frequency && Int64(users[$0.tag]?.count ?? 0) == $0.users })
        let want = pairs.filter { key, _ in key.split(separator: " ").allSatisfy { kept.contains(String($0)) } }
        let got = Dictionary(uniqueKeysWithValues: network.edges.map { e in ([e.source, e.target].sorted().joined(separator: " "), e.weight) })
        XCTAssertEqual(got, want)
        // The scoped path counts the tweets; for a scope that keeps every tweet it agrees.
        options.scope = Scope(range: try DateRange(from: "2000-01-01", to: "2030-12-31"))
        XCTAssertEqual(try Cooccurrence.compute(in: store, options: options).edges, network.edges)
    }
}

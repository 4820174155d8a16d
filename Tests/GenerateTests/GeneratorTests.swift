import Analysis
import Foundation
import Generate
import Model
import Store
import TestSupport
import XCTest

final class GeneratorTests: XCTestCase {
    private func lines(seed: UInt64, tweets: Int = 3000) -> (String, Truth) {
        var options = CorpusGenerator.Options()
        options.tweets = tweets
        options.users = 150
        options.seed = seed
        var text = ""
        let truth = CorpusGenerator(options: options).generate { text += $0 + "\n" }
        return (text, truth)
    }

    func testSameSeedGivesByteIdenticalOutputAndTruth() {
        let (a, ta) = lines(seed: 42)
        let (b, tb) = lines(seed: 42)
        XCTAssertEqual(a, b)
        XCTAssertEqual(ta.json.rendered(), tb.json.rendered())
        let (c, _) = lines(seed: 43)
        XCTAssertNotEqual(a, c)
    }

    func testWritesTheRequestedTweetsAndAccounts() {
        let (text, truth) = lines(seed: 1)
        XCTAssertEqual(truth.tweets, 3000)
        XCTAssertEqual(text.split(separator: "\n").count, truth.lines)
        XCTAssertEqual(truth.lines, truth.tweets + truth.duplicates + truth.capture.limitNotices)
        XCTAssertEqual(text.split(separator: "\n").filter { $0.hasPrefix(#"{"limit":"#) }.count, truth.capture.limitNotices)
        XCTAssertLessThanOrEqual(truth.users, 150)
    }

    func testSharesFollowTheProfile() {
        var options = CorpusGenerator.Options()
        options.tweets = 40_000
        options.users = 300
        for (profile, expected) in [(Profile.civil, (0.342, 0.614, 0.338)), (.baseline, (0.1318, 0.572, 0.468))] {
            options.profile = profile
            let t = CorpusGenerator(options: options).generate { _ in }
            let n = Double(t.tweets)
            XCTAssertEqual(Double(t.withHashtags) / n, expected.0, accuracy: 0.01, "\(profile)")
            XCTAssertEqual(Double(t.withMentions) / n, expected.1, accuracy: 0.01, "\(profile)")
            XCTAssertEqual(Double(t.startsWithAt) / n, expected.2, accuracy: 0.01, "\(profile)")
        }
    }

    /// The end-to-end test of the whole pipeline: generate, ingest, analyse, compare with the truth.
    func testIngestAndAnalysersReproduceTheTruth() throws {
        let dir = try SharedPaths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let corpus = dir.appendingPathComponent("corpus.jsonl").path
        let truth = try GeneratedCorpus.write(to: corpus, tweets: 8000, users: 250)
        let db = dir.appendingPathComponent("e2e.db").path
        try TestStores.ingest([corpus], into: db)
        let store = try Store.openForReading(path: db)

        let stats = try store.stats()
        XCTAssertEqual(stats.tweets, Int64(truth.tweets))
        XCTAssertEqual(stats.users, Int64(truth.users))
        XCTAssertEqual(stats.duplicates, Int64(truth.duplicates))
        XCTAssertEqual(stats.first, Store.iso8601(truth.first))
        XCTAssertEqual(stats.last, Store.iso8601(truth.last))

        let ratios = try Ratios.compute(in: store)
        XCTAssertEqual(ratios.rows.map(\.count), [truth.withHashtags, truth.withMentions, truth.startsWithAt].map(Int64.init))

        let zone = TimeZone(identifier: "Europe/Amsterdam")!
        let activity = try Activity.compute(in: store, timeZone: zone)
        XCTAssertEqual(activity.weekday, truth.weekday.map(Int64.init))
        XCTAssertEqual(activity.hour, truth.hour.map(Int64.init))
        XCTAssertEqual(activity.weekHour, truth.weekHour.map { $0.map(Int64.init) })

        let tags = try HashtagCounts.top(in: store)
        let truthTags = truth.tags.filter { $0.value.tweets > 0 }
        XCTAssertEqual(tags.count, truthTags.count)
        for row in tags {
            XCTAssertEqual(row.tweets, Int64(truthTags[row.tag]?.tweets ?? -1), row.tag)
            XCTAssertEqual(row.label, truthTags[row.tag]?.label, row.tag)
        }

        let timeline = try Timeline.compute(in: store, timeZone: zone)
        let nonEmpty = timeline.rows.filter { $0.tweets > 0 }
        XCTAssertEqual(nonEmpty.count, truth.days.count)
        for row in nonEmpty {
            guard let day = CalendarBuckets.parseDay(row.date), let t = truth.days[day] else {
                XCTFail("day \(row.date) not in the truth")
                continue
            }
            XCTAssertEqual([row.tweets, row.activeUsers, row.located, row.geocoded, row.withHashtags, row.withMentions,
                            row.withLinks, row.retweets, row.replies],
                           [t.tweets, t.activeUsers, t.located, t.geocoded, t.withHashtags, t.withMentions,
                            t.withLinks, t.retweets, t.replies].map(Int64.init), row.date)
        }
        print("end to end: \(truth.tweets) tweets, \(truth.days.count) days, \(truthTags.count) tags match the truth")
    }
}

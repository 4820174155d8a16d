import Foundation
import Store
import TestSupport
import XCTest
@testable import Analysis

/// On a PostgreSQL store the analyses have the server group the rows: the answers equal the
/// SQLite store's (whose summaries SummaryTests checks against Foundation's calendar) for the
/// same input, in zones with half- and quarter-hour offsets and daylight-saving time, scoped
/// or not, and far fewer rows than tweets cross the wire. Skipped without a test server.
final class ServerCountsTests: XCTestCase {
    private var url: String!
    private var dir: URL!
    private var file = ""
    private let tweets = 4320

    /// A tweet a minute for three days around the switch to summer time in Europe (2013-03-31
    /// 01:00 UTC), by 40 accounts, with two or three of six hashtags each: dense, so grouping
    /// per quarter hour must send far fewer rows than there are tweets.
    private func denseCorpus() -> [String] {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "EEE MMM dd HH:mm:ss Z yyyy"
        let tags = ["ns", "trein", "Staking", "café", "ov", "spoor"]
        return (0..<tweets).map { i in
            let at = formatter.string(from: Date(timeIntervalSince1970: 1_364_515_200 + TimeInterval(i * 60)))
            let mine = (0..<(2 + i % 2)).map { tags[(i + $0 * 2) % tags.count] }
            let entities = mine.map { #"{"text":"\#($0)"}"# }.joined(separator: ",")
            let user = i % 40
            let retweet = i % 7 == 0 ? #","retweeted_status":{"id_str":"1","text":"x","user":{"id_str":"999","screen_name":"orig"}}"# : ""
            return #"{"id_str":"\#(1000 + i)","created_at":"\#(at)","text":"t \#(mine.map { "#" + $0 }.joined(separator: " "))","lang":"\#(i % 3 == 0 ? "en" : "nl")","user":{"id_str":"\#(user + 1)","screen_name":"acc\#(user)"},"entities":{"hashtags":[\#(entities)],"user_mentions":[],"urls":[]}\#(retweet)}"#
        }
    }

    override func setUpWithError() throws {
        guard let made = try PostgresServer.store(holding: denseCorpus()) else { throw XCTSkip(PostgresServer.skipReason) }
        (url, dir) = made
        file = dir.appendingPathComponent("s.db").path
        try TestStores.ingest([dir.appendingPathComponent("tweets.jsonl").path], into: file)
        XCTAssertEqual(try TestStores.integer("SELECT count(*) FROM tweets", in: url), Int64(tweets))
    }

    override func tearDownWithError() throws { PostgresServer.remove(url, dir) }

    private let zones = ["Europe/Amsterdam", "Asia/Kathmandu", "America/St_Johns", "Australia/Lord_Howe", "UTC"]

    private func scopes() throws -> [Scope] {
        [Scope(), Scope(range: try DateRange(from: "2013-03-30", to: "2013-03-31")), Scope(users: ["acc1", "ACC22"]),
         Scope(languages: ["nl"], excludeRetweets: true)]
    }

    /// Runs `body` on both stores and returns how many rows the PostgreSQL one received.
    private func rowsReceived<T: Equatable>(_ what: String, _ body: (Store) throws -> T) throws -> Int {
        let sqlite = try body(Store.openForReading(path: file))
        let store = try Store.openForReading(path: url)
        let before = try store.postgres.rowsReceived
        XCTAssertEqual(try body(store), sqlite, what)
        return try store.postgres.rowsReceived - before
    }

    func testTimelineAndActivityCountPerQuarterInTheServer() throws {
        for name in zones {
            let zone = try XCTUnwrap(TimeZone(identifier: name))
            for scope in try scopes() {
                for period in TimelineResult.Period.allCases {
                    let rows = try rowsReceived("timeline \(name) \(period) \(scope)") {
                        try Timeline.compute(in: $0, timeZone: zone, by: period, scope: scope)
                    }
                    XCTAssertLessThan(rows, tweets / 4, "timeline \(name) \(period)")
                }
                let rows = try rowsReceived("activity \(name) \(scope)") { try Activity.compute(in: $0, timeZone: zone, scope: scope) }
                XCTAssertLessThan(rows, tweets / 4, "activity \(name)")
            }
        }
    }

    /// The account network's node names come grouped per spelling and user id: the account
    /// 618 retweets name (every seventh tweet) costs one row, not one per retweet.
    func testNetworkNodeNamesAreGroupedInTheServer() throws {
        for kind in [NetworkKind.retweet, .interaction] {
            var options = AccountNetwork.Options()
            options.kind = kind
            let rows = try rowsReceived("\(kind) network") { try AccountNetwork.network(in: $0, options: options).result }
            XCTAssertLessThan(rows, 200, "\(kind): 40 accounts, their edges to orig and their names, grouped")
        }
    }

    func testCooccurrencePairsAreCountedInTheServer() throws {
        for scope in try scopes() {
            var options = Cooccurrence.Options()
            options.moreThan = 5
            options.scope = scope
            options.timeZone = try XCTUnwrap(TimeZone(identifier: "Europe/Amsterdam"))
            let rows = try rowsReceived("cooccur \(scope)") { try Cooccurrence.compute(in: $0, options: options) }
            let hashtagRows = try XCTUnwrap(TestStores.integer("SELECT count(*) FROM hashtags", in: file))
            XCTAssertLessThan(Int64(rows), hashtagRows / 20, "cooccur \(scope)")
        }
    }
}

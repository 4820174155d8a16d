import Foundation
import Store
import TestSupport
import XCTest
@testable import Analysis

/// Word frequencies against hand-counted fixtures (ANALYSIS.md "Trends and words").
final class WordCountsTests: XCTestCase {
    private let utc = TimeZone(identifier: "UTC")!
    private let amsterdam = TimeZone(identifier: "Europe/Amsterdam")!

    /// A tweet without entities (so they come from its text), by `user`, at `createdAt`.
    private func tweet(_ id: Int, _ text: String, user: Int = 1, at createdAt: String = "Mon Jan 07 10:00:00 +0000 2013") -> String {
        #"{"id_str":"\#(id)","created_at":"\#(createdAt)","text":"\#(text)","user":{"id_str":"\#(user)","screen_name":"u\#(user)"}}"#
    }

    private func store(_ lines: [String]) throws -> Store {
        let dir = try SharedPaths.temporaryDirectory()
        addTeardownBlock { try? FileManager.default.removeItem(at: dir) }
        return try TestStores.store(of: lines, in: dir)
    }

    /// Five tweets, their words counted by hand (stop words struck, once per tweet):
    /// 1: financiele crisis sector (crisis twice: once; #Crisis, @jan_min, the URL, 2013 out)
    /// 2: rt crisis voorbij echt (@piet_rijk out; "De", "is" stop words)
    /// 3: cafe open ("s" of café's: a stop word, from English it's/he's)
    /// 4: 2e kamer tweede (112 and Arabic-Indic ١٢٣ are only digits)
    /// 5: crisis cafe ("the", "and" stop words)
    private lazy var fixture: [String] = [
        tweet(1, "Financiële crisis: de Financiele sector in crisis #Crisis @jan_min https://t.co/abc123 2013"),
        tweet(2, "RT @piet_rijk: De crisis is voorbij, echt Voorbij", user: 2),
        tweet(3, "Café's open: CAFÉ cafe cafe\u{301}", user: 3),
        tweet(4, "De 2e Kamer en de Tweede Kamer 112 ١٢٣"),
        tweet(5, "the crisis and the cafe\u{301}", user: 2),
        tweet(5, "the crisis and the cafe\u{301}", user: 2),           // a duplicate: stored once
        tweet(6, "gone crisis"),
        #"{"delete":{"status":{"id_str":"6","user_id_str":"1"}}}"#,
    ]

    func testWordsAreCountedOncePerTweetWithoutEntitiesDigitsAndStopWords() throws {
        let s = try store(fixture)
        let rows = try WordCounts.top(in: s, limit: nil, timeZone: utc)
        let counts = Dictionary(uniqueKeysWithValues: rows.map { ($0.term, $0.tweets) })
        XCTAssertEqual(counts, ["crisis": 3, "cafe": 2, "financiele": 1, "sector": 1, "rt": 1, "voorbij": 1, "echt": 1,
                                "open": 1, "2e": 1, "kamer": 1, "tweede": 1])
    }

    func testTheLabelIsTheMostFrequentSpellingInNFC() throws {
        let s = try store(fixture)
        let labels = Dictionary(uniqueKeysWithValues: try WordCounts.top(in: s, limit: nil, timeZone: utc).map { ($0.term, $0.label) })
        // cafe: "Café" (tweet 3's first) and "café" (tweet 5, NFD in the text) once each: the
        // tie goes to the smaller in code-point order, "C" < "c".
        XCTAssertEqual(labels["cafe"], "Café")
        XCTAssertEqual(labels["financiele"], "Financiële")
        XCTAssertEqual(labels["voorbij"], "voorbij")
        XCTAssertEqual(labels["rt"], "RT")
    }

    func testTiesAreBrokenByTheWordInCodePointOrder() throws {
        let s = try store(fixture)
        let top = try WordCounts.top(in: s, limit: 4, timeZone: utc)
        // Then the ones: "2e" < "echt" < "financiele" < … in code points.
        XCTAssertEqual(top.map(\.term), ["crisis", "cafe", "2e", "echt"])
    }

    func testKeepStopwordsCountsThem() throws {
        let s = try store(fixture)
        let rows = try WordCounts.top(in: s, limit: nil, keepStopWords: true, timeZone: utc)
        let counts = Dictionary(uniqueKeysWithValues: rows.map { ($0.term, $0.tweets) })
        XCTAssertEqual(counts["de"], 3)     // tweets 1, 2, 4
        XCTAssertEqual(counts["the"], 1)
        XCTAssertEqual(counts["s"], 1)
        XCTAssertEqual(counts["en"], 1)
        XCTAssertNil(counts["2013"], "digits stay out")
        XCTAssertNil(counts["jan"], "mentions stay out")
        // crisis and de both 3: crisis first.
        XCTAssertEqual(rows.prefix(3).map(\.term), ["crisis", "de", "cafe"])
    }

    func testStopWordsMatchWhateverTheirCaseAndAccents() throws {
        let s = try store([tweet(1, "ÉÉN Één een DÉ Het THE Don't stop")])
        XCTAssertEqual(try WordCounts.top(in: s, limit: nil, timeZone: utc).map(\.term), ["stop"])
    }

    func testScopeAndPeriodsCountTheirOwnTweets() throws {
        let s = try store([
            tweet(1, "alpha beta", at: "Mon Dec 31 22:30:00 +0000 2012"),   // 2012-12-31 23:30 Amsterdam
            tweet(2, "alpha", user: 2, at: "Mon Dec 31 23:30:00 +0000 2012"),  // 2013-01-01 00:30 Amsterdam
            tweet(3, "beta gamma", at: "Tue Jan 01 12:00:00 +0000 2013"),
            tweet(4, "gamma", user: 3, at: "Sun Mar 03 12:00:00 +0000 2013"),
        ])
        let months = try WordCounts.top(in: s, by: .month, limit: 2, timeZone: amsterdam)
        XCTAssertEqual(months.periods.map(\.start), ["2012-12-01", "2013-01-01", "2013-02-01", "2013-03-01"])
        XCTAssertEqual(months.periods.map { $0.rows.map(\.term) }, [["alpha", "beta"], ["alpha", "beta"], [], ["gamma"]])
        XCTAssertEqual(months.periods[1].rows.map(\.tweets), [1, 1])
        var scope = Scope(users: ["u1"])
        XCTAssertEqual(try WordCounts.top(in: s, limit: nil, scope: scope, timeZone: amsterdam).map(\.term), ["beta", "alpha", "gamma"])
        scope = Scope(range: try DateRange(from: "2013-01-01", to: "2013-01-31"))
        XCTAssertEqual(try WordCounts.top(in: s, limit: nil, scope: scope, timeZone: amsterdam).map { "\($0.term)=\($0.tweets)" },
                       ["alpha=1", "beta=1", "gamma=1"])
    }

    /// Stop-word entries fold to what the tokenizer makes of a tweet's words: every entry's
    /// pieces are stopped (a second reading of the lists, by the same tokenizer, as oracle
    /// of the lists' reach: no entry escapes).
    func testEveryListedStopWordIsLeftOut() throws {
        let every = (StopWords.dutch + " " + StopWords.english).split(whereSeparator: \.isWhitespace).joined(separator: " ")
        let s = try store([tweet(1, every + " kept")])
        XCTAssertEqual(try WordCounts.top(in: s, limit: nil, timeZone: utc).map(\.term), ["kept"])
        XCTAssertEqual(StopWords.dutch.split(whereSeparator: \.isWhitespace).count, 101, "the Snowball Dutch list")
        XCTAssertEqual(StopWords.english.split(whereSeparator: \.isWhitespace).count, 174, "the Snowball English list")
    }
}

import Foundation
import TestSupport
import XCTest
@testable import Store

/// `search` on a PostgreSQL store: SearchTests' tweets and expectations (hand-derived), plus
/// what only PostgreSQL refuses. Skipped without a test server (see PostgresServer).
final class PGSearchTests: XCTestCase {
    private var url: String!
    private var dir: URL!

    override func setUpWithError() throws {
        let lines = [
            SearchTests.tweet(1, "Mon Jan 09 10:00:00 +0000 2012", "Het tentenkamp op het Malieveld #occupy", user: 1, name: "Jan", tags: ["occupy"]),
            SearchTests.tweet(2, "Tue Jan 10 10:00:00 +0000 2012", "De financiële stukken voor het overleg", user: 2, name: "piet", tags: []),
            SearchTests.tweet(3, "Wed Jan 11 10:00:00 +0000 2012", "Tentenkamp ontruimd. Tentenkamp leeg.", user: 1, name: "Jan", tags: ["OCCUPY"]),
            SearchTests.tweet(4, "Wed Jan 11 23:30:00 +0000 2012", "nieuwe werken en het tentenkamp", user: 2, name: "piet", tags: ["hnw"]),
            SearchTests.tweet(5, "Thu Jan 12 10:00:00 +0000 2012", "Robert'); DROP TABLE tweets;-- tentenkamp", user: 3, name: "bobby", tags: []),
            SearchTests.tweet(7, "Fri Jan 13 11:00:00 +0000 2012", "ΑΘΗΝΑ straße http://t.co/AbC foo-bar 3.5", user: 3, name: "bobby", tags: []),
            #"{"id_str":"60","created_at":"Fri Jan 13 09:00:00 +0000 2012","text":"staking morgen","lang":"nl","user":{"id_str":"9","screen_name":"kees"}}"#,
            #"{"id_str":"6","created_at":"Fri Jan 13 10:00:00 +0000 2012","text":"RT @kees: staking morgen","lang":"en","user":{"id_str":"2","screen_name":"piet"},"retweeted_status":{"id_str":"60","created_at":"Fri Jan 13 09:00:00 +0000 2012","text":"staking morgen","lang":"nl","user":{"id_str":"9","screen_name":"kees"}}}"#,
        ]
        guard let made = try PostgresServer.store(holding: lines) else { throw XCTSkip(PostgresServer.skipReason) }
        (url, dir) = made
    }

    override func tearDownWithError() throws { PostgresServer.remove(url, dir) }

    private func ids(_ configure: (inout SearchRequest) -> Void = { _ in }, query: String) throws -> [Int64] {
        var r = SearchRequest(query: query)
        r.sort = .oldest
        configure(&r)
        return try Store.openForReading(path: url).search(r).map(\.id)
    }

    func testWordsPhrasesPrefixBooleansAndNear() throws {
        XCTAssertEqual(try ids(query: "tentenkamp"), [1, 3, 4, 5])
        XCTAssertEqual(try ids(query: "\"het tentenkamp\""), [1, 4])
        XCTAssertEqual(try ids(query: "tent*"), [1, 3, 4, 5])
        XCTAssertEqual(try ids(query: "\"het tent\"*"), [1, 4])
        XCTAssertEqual(try ids(query: "tentenkamp NOT malieveld"), [3, 4, 5])
        XCTAssertEqual(try ids(query: "overleg OR ontruimd"), [2, 3])
        XCTAssertEqual(try ids(query: "het tentenkamp OR staking NOT rt"), [1, 4, 60])
        XCTAssertEqual(try ids(query: "NEAR(nieuwe tentenkamp, 3)"), [4])
        XCTAssertEqual(try ids(query: "NEAR(nieuwe tentenkamp, 2)"), [])
        XCTAssertEqual(try ids(query: "NEAR(tentenkamp nieuwe, 3)"), [4])
    }

    func testCaseAndDiacriticsFoldInEveryScriptAndPunctuationSplitsWords() throws {
        XCTAssertEqual(try ids(query: "financiele"), [2])
        XCTAssertEqual(try ids(query: "FINANCIËLE"), [2])
        XCTAssertEqual(try ids(query: "αθηνα"), [7])
        // As FTS5 splits them: the link, the compound and the number into their words.
        XCTAssertEqual(try ids(query: "co abc bar 5"), [7])
        XCTAssertEqual(try ids(query: "\"t co abc\""), [7])
        // unaccent spells ß out (SQLite's FTS5 keeps it): a documented difference.
        XCTAssertEqual(try ids(query: "strasse"), [7])
    }

    func testFiltersAndOrders() throws {
        XCTAssertEqual(try ids({ $0.users = ["JAN"] }, query: "tentenkamp"), [1, 3])
        XCTAssertEqual(try ids({ $0.hashtag = "occupy" }, query: "tentenkamp"), [1, 3])
        XCTAssertEqual(try ids({ $0.lower = 1_326_240_000; $0.upper = 1_326_326_400 }, query: "tentenkamp"), [3, 4])
        XCTAssertEqual(try ids({ $0.languages = ["en"] }, query: "staking"), [6])
        XCTAssertEqual(try ids({ $0.excludeRetweets = true }, query: "staking"), [60])
        XCTAssertEqual(try ids({ $0.sort = .newest; $0.limit = 2 }, query: "tentenkamp"), [5, 4])
        XCTAssertEqual(try ids({ $0.sort = .rank }, query: "tentenkamp").first, 3)
        var r = SearchRequest(query: "tentenkamp")
        r.limit = 1
        XCTAssertEqual(try Store.openForReading(path: url).searchCount(r), 4)
    }

    func testHighlightMarksTheMatchedWords() throws {
        var r = SearchRequest(query: "ontruimd")
        r.highlight = ("[", "]")
        XCTAssertEqual(try Store.openForReading(path: url).search(r).first?.text, "Tentenkamp [ontruimd]. Tentenkamp leeg.")
    }

    func testInjectionIsTextAndWhatPostgreSQLCannotDoIsRefusedClearly() throws {
        XCTAssertEqual(try ids(query: "\"DROP TABLE tweets\""), [5])
        XCTAssertEqual(try ids({ $0.users = ["x' OR '1'='1"] }, query: "tentenkamp"), [])
        for (query, message) in [("NEAR(a b c)", "NEAR takes two phrases"), ("text:tentenkamp", "column filters"), ("#occupy", "syntax error")] {
            XCTAssertThrowsError(try ids(query: query)) { error in
                guard case .invalidSearch(let q, let text)? = error as? StoreError else { return XCTFail("\(error)") }
                XCTAssertEqual(q, query)
                XCTAssertTrue(text.contains(message), text)
            }
        }
    }
}

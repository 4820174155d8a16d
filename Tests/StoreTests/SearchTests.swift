import Foundation
import Store
import TestSupport
import XCTest

final class SearchTests: XCTestCase {
    private static var dir: URL!
    private static var db: String!

    override class func setUp() {
        dir = try? SharedPaths.temporaryDirectory()
        let lines = [
            tweet(1, "Mon Jan 09 10:00:00 +0000 2012", "Het tentenkamp op het Malieveld #occupy", user: 1, name: "Jan", tags: ["occupy"]),
            tweet(2, "Tue Jan 10 10:00:00 +0000 2012", "De financiële stukken voor het overleg", user: 2, name: "piet", tags: []),
            tweet(3, "Wed Jan 11 10:00:00 +0000 2012", "Tentenkamp ontruimd. Tentenkamp leeg.", user: 1, name: "Jan", tags: ["OCCUPY"]),
            tweet(4, "Wed Jan 11 23:30:00 +0000 2012", "nieuwe werken en het tentenkamp", user: 2, name: "piet", tags: ["hnw"]),
            tweet(5, "Thu Jan 12 10:00:00 +0000 2012", "Robert'); DROP TABLE tweets;-- tentenkamp", user: 3, name: "bobby", tags: []),
            // Tweet 60 (lang nl) and a native retweet of it (lang en).
            #"{"id_str":"60","created_at":"Fri Jan 13 09:00:00 +0000 2012","text":"staking morgen","lang":"nl","user":{"id_str":"9","screen_name":"kees"}}"#,
            #"{"id_str":"6","created_at":"Fri Jan 13 10:00:00 +0000 2012","text":"RT @kees: staking morgen","lang":"en","user":{"id_str":"2","screen_name":"piet"},"retweeted_status":{"id_str":"60","created_at":"Fri Jan 13 09:00:00 +0000 2012","text":"staking morgen","lang":"nl","user":{"id_str":"9","screen_name":"kees"}}}"#,
        ]
        let path = dir.appendingPathComponent("s.jsonl").path
        try? (lines.joined(separator: "\n") + "\n").write(toFile: path, atomically: true, encoding: .utf8)
        db = path + ".db"
        _ = try? TestStores.ingest([path], into: db)
    }

    override class func tearDown() { try? FileManager.default.removeItem(at: dir) }

    static func tweet(_ id: Int, _ at: String, _ text: String, user: Int, name: String, tags: [String]) -> String {
        let h = tags.map { #"{"text":"\#($0)"}"# }.joined(separator: ",")
        return #"{"id_str":"\#(id)","created_at":"\#(at)","text":"\#(text)","user":{"id_str":"\#(user)","screen_name":"\#(name)"},"entities":{"hashtags":[\#(h)],"user_mentions":[],"urls":[]}}"#
    }

    private func ids(_ configure: (inout SearchRequest) -> Void = { _ in }, query: String) throws -> [Int64] {
        var r = SearchRequest(query: query)
        configure(&r)
        return try Store.openForReading(path: Self.db).search(r).map(\.id)
    }

    func testWordsPhrasesPrefixAndBooleans() throws {
        XCTAssertEqual(Set(try ids(query: "tentenkamp")), [1, 3, 4, 5])
        XCTAssertEqual(try ids({ $0.sort = .oldest }, query: "\"het tentenkamp\""), [1, 4])
        XCTAssertEqual(try ids({ $0.sort = .oldest }, query: "tent*"), [1, 3, 4, 5])
        XCTAssertEqual(try ids({ $0.sort = .oldest }, query: "tentenkamp NOT malieveld"), [3, 4, 5])
        XCTAssertEqual(try ids({ $0.sort = .oldest }, query: "overleg OR ontruimd"), [2, 3])
        XCTAssertEqual(try ids(query: "NEAR(nieuwe tentenkamp, 3)"), [4])
    }

    func testDiacriticsFoldSoFinancieleFindsFinanciele() throws {
        XCTAssertEqual(try ids(query: "financiele"), [2])
        XCTAssertEqual(try ids(query: "FINANCIËLE"), [2])
    }

    func testRankPutsTheBestMatchFirstAndSortsByTime() throws {
        XCTAssertEqual(try ids(query: "tentenkamp").first, 3)   // two occurrences in a short text
        XCTAssertEqual(try ids({ $0.sort = .newest }, query: "tentenkamp"), [5, 4, 3, 1])
        XCTAssertEqual(try ids({ $0.sort = .oldest; $0.limit = 2 }, query: "tentenkamp"), [1, 3])
    }

    func testUserHashtagAndTimeFilters() throws {
        XCTAssertEqual(try ids({ $0.users = ["JAN"]; $0.sort = .oldest }, query: "tentenkamp"), [1, 3])
        XCTAssertEqual(try ids({ $0.users = ["bobby", "Piet"]; $0.sort = .oldest }, query: "tentenkamp"), [4, 5])
        XCTAssertEqual(try ids({ $0.hashtag = "occupy"; $0.sort = .oldest }, query: "tentenkamp"), [1, 3])
        XCTAssertEqual(try ids({ $0.lower = 1_326_240_000; $0.upper = 1_326_326_400; $0.sort = .oldest }, query: "tentenkamp"), [3, 4])
        XCTAssertEqual(try ids({ $0.users = ["nobody"] }, query: "tentenkamp"), [])
    }

    func testLanguageAndRetweetFilters() throws {
        XCTAssertEqual(try ids({ $0.sort = .oldest }, query: "staking"), [60, 6])
        XCTAssertEqual(try ids({ $0.excludeRetweets = true }, query: "staking"), [60])
        XCTAssertEqual(try ids({ $0.languages = ["en"] }, query: "staking"), [6])
        XCTAssertEqual(try ids({ $0.languages = ["nl", "en"]; $0.sort = .oldest }, query: "staking"), [60, 6])
        XCTAssertEqual(try ids({ $0.languages = ["en"]; $0.excludeRetweets = true }, query: "staking"), [])
        XCTAssertEqual(try ids({ $0.languages = ["\"]"] }, query: "staking"), [])
    }

    func testHighlightMarksMatchesOnlyWhenAsked() throws {
        var r = SearchRequest(query: "ontruimd")
        XCTAssertEqual(try Store.openForReading(path: Self.db).search(r).first?.text, "Tentenkamp ontruimd. Tentenkamp leeg.")
        r.highlight = ("[", "]")
        XCTAssertEqual(try Store.openForReading(path: Self.db).search(r).first?.text, "Tentenkamp [ontruimd]. Tentenkamp leeg.")
    }

    func testMalformedQueryIsOneClearError() {
        for bad in ["\"unterminated", "tentenkamp AND", "NEAR(", "(a OR"] {
            XCTAssertThrowsError(try ids(query: bad), bad) { error in
                let text = "\(error)"
                XCTAssertTrue(text.hasPrefix("invalid search query"), text)
                XCTAssertFalse(text.contains("\n"), text)
            }
        }
    }

    func testInjectionAttemptsAreJustText() throws {
        XCTAssertEqual(try ids(query: "\"DROP TABLE tweets\""), [5])
        XCTAssertEqual(try ids({ $0.users = ["x' OR '1'='1", "\"]"] }, query: "tentenkamp"), [])
        XCTAssertEqual(try ids({ $0.hashtag = "occupy') OR 1=1 --" }, query: "tentenkamp"), [])
        XCTAssertEqual(try Store.openForReading(path: Self.db).stats().tweets, 7)
    }

    func testSQLIsReadOnly() throws {
        let store = try Store.openForReading(path: Self.db)
        for statement in ["DELETE FROM tweets", "INSERT INTO users(id) VALUES (9)", "DROP TABLE tweets",
                          "UPDATE tweets SET text = ''", "CREATE TABLE x(a)", "PRAGMA user_version = 7",
                          "SELECT 1; DELETE FROM tweets"] {
            XCTAssertThrowsError(try store.query(statement), statement)
        }
        XCTAssertThrowsError(try store.query("ATTACH 'other.db' AS other"))
        XCTAssertEqual(try store.query("SELECT count(*) FROM tweets").rows, [[.integer(7)]])
    }

    func testNamedParametersAreBoundAndAMissingOneIsNamed() throws {
        let store = try Store.openForReading(path: Self.db)
        let r = try store.query("SELECT id FROM tweets WHERE author_id = :user ORDER BY id LIMIT :n", parameters: ["user": "1", "n": "5"])
        XCTAssertEqual(r.rows, [[.integer(1)], [.integer(3)]])
        XCTAssertThrowsError(try store.query("SELECT :who")) {
            XCTAssertEqual($0 as? StoreError, .missingParameter(name: "who"))
        }
    }
}

import XCTest
@testable import Store

/// The FTS5 query parser a PostgreSQL store searches with: the groupings SQLite's FTS5 gives
/// (each found by running the query on an FTS5 table of the documents one, two, three and
/// their pairs, and reading which rows matched).
final class FTS5QueryTests: XCTestCase {
    private func w(_ text: String, prefix: Bool = false) -> FTS5Query { .phrase([.init(text: text, prefix: prefix)]) }

    func testNotBindsTighterThanAndAndAndTighterThanOr() throws {
        // FTS5: 'one OR two NOT three' matches "one three" (so not (one OR two) NOT three).
        XCTAssertEqual(try FTS5Query.parse("one OR two NOT three"), .or(w("one"), .not(w("two"), w("three"))))
        // 'one NOT two AND three' matches only "one three".
        XCTAssertEqual(try FTS5Query.parse("one NOT two AND three"), .and(.not(w("one"), w("two")), w("three")))
        // 'one AND two OR three' matches "three" alone.
        XCTAssertEqual(try FTS5Query.parse("one AND two OR three"), .or(.and(w("one"), w("two")), w("three")))
        // 'one NOT two NOT three' matches only "one": left to right.
        XCTAssertEqual(try FTS5Query.parse("one NOT two NOT three"), .not(.not(w("one"), w("two")), w("three")))
    }

    func testSidewaysPhrasesAreAndedTighterThanNot() throws {
        // 'three NOT one two' matches "one three": three NOT (one two).
        XCTAssertEqual(try FTS5Query.parse("three NOT one two"), .not(w("three"), .and(w("one"), w("two"))))
        XCTAssertEqual(try FTS5Query.parse("one OR two four"), .or(w("one"), .and(w("two"), w("four"))))
    }

    func testPhrasesPrefixesNearAndQuotes() throws {
        XCTAssertEqual(try FTS5Query.parse("\"het tent\"*"), w("het tent", prefix: true))
        XCTAssertEqual(try FTS5Query.parse("one + two*"), .phrase([.init(text: "one"), .init(text: "two", prefix: true)]))
        XCTAssertEqual(try FTS5Query.parse("\"say \"\"hi\"\"\""), w("say \"hi\""))
        XCTAssertEqual(try FTS5Query.parse("NEAR(a \"b c\", 3)"), .near([[.init(text: "a")], [.init(text: "b c")]], distance: 3))
        XCTAssertEqual(try FTS5Query.parse("NEAR(a b)"), .near([[.init(text: "a")], [.init(text: "b")]], distance: 10))
        // Operators are operators in capitals only; NEAR is a word unless a group follows.
        XCTAssertEqual(try FTS5Query.parse("and NEAR"), .and(w("and"), w("NEAR")))
        XCTAssertEqual(try FTS5Query.parse("(a OR b) AND café_2"), .and(.or(w("a"), w("b")), w("café_2")))
    }

    func testWhatFTS5RefusesIsRefusedWithItsMessage() {
        let refused: [(String, String)] = [
            ("#occupy", "fts5: syntax error near \"#\""), ("a AND", "fts5: syntax error near \"\""),
            ("NOT a", "fts5: syntax error near \"NOT\""), ("(a) b", "fts5: syntax error near \"b\""),
("one.two", "fts5: syntax error near \".\""),
            ("\"open", "unterminated string"), ("(a OR", "fts5: syntax error near \"\""), ("NEAR(", "fts5: syntax error near \"\""),
        ]
        for (query, message) in refused {
            XCTAssertThrowsError(try FTS5Query.parse(query), query) { error in
                XCTAssertEqual((error as? FTS5Query.SyntaxError)?.message, message, query)
            }
        }
        // Refused too, though FTS5 names the OR where this parser names the parenthesis.
        XCTAssertThrowsError(try FTS5Query.parse("a (b OR c)"))
    }
}

import Foundation
import Store
import TestSupport
import Text
import XCTest
@testable import Analysis

/// Identical texts against hand-grouped fixtures (ANALYSIS.md "Trends and words").
final class IdenticalTextsTests: XCTestCase {
    private let utc = TimeZone(identifier: "UTC")!

    private func tweet(_ id: Int, _ text: String, user: Int, day: Int = 7) -> String {
        #"{"id_str":"\#(id)","created_at":"Mon Jan 0\#(day) 10:00:00 +0000 2013","text":"\#(text)","user":{"id_str":"\#(user)","screen_name":"u\#(user)"}}"#
    }

    private func store(_ lines: [String]) throws -> Store {
        let dir = try SharedPaths.temporaryDirectory()
        addTeardownBlock { try? FileManager.default.removeItem(at: dir) }
        return try TestStores.store(of: lines, in: dir)
    }

    func testNormalisationRemovesTheRetweetPrefixAndURLsAndCollapsesWhiteSpace() {
        let n = IdenticalTexts.normalized
        XCTAssertEqual(n("RT @jan_1: Lees dit  nu https://t.co/aB3 "), "Lees dit nu")
        XCTAssertEqual(n("  RT @jan: Lees\tdit\n\nnu"), "Lees dit nu")
        XCTAssertEqual(n("Lees dit www.rijksoverheid.nl/nieuws nu"), "Lees dit nu")
        XCTAssertEqual(n("RT @jan: RT @piet: Nieuw"), "RT @piet: Nieuw", "only the leading prefix")
        XCTAssertEqual(n("RT @jan:Nieuw"), "RT @jan:Nieuw", "no white space after the colon: no prefix")
        XCTAssertEqual(n("rt @jan: Nieuw"), "rt @jan: Nieuw", "the prefix is RT in capitals")
        XCTAssertEqual(n("Zie @jan: Nieuw"), "Zie @jan: Nieuw")
        XCTAssertEqual(n("a\u{00A0}\u{2003}b"), "a b", "Unicode white space")
        XCTAssertEqual(n("Lees,https://t.co/x,dit"), "Lees,,dit", "a URL is removed, nothing put in its place")
        XCTAssertEqual(n("RT @jan: https://t.co/x"), "")
        XCTAssertEqual(n("Café Cafe\u{301}"), "Café Cafe\u{301}", "case and characters are kept as they are")
    }

    func testGroupsCountTweetsAndDistinctAccounts() throws {
        let s = try store([
            tweet(1, "Lees dit  nu https://t.co/aaa", user: 1),
            tweet(2, "RT @jan: Lees dit nu https://t.co/bbb", user: 2),
            tweet(3, "Lees dit nu", user: 1),
            tweet(3, "Lees dit nu", user: 1),                    // a duplicate: stored once
            tweet(4, "lees dit nu", user: 3),                    // case differs
            tweet(5, "https://t.co/only", user: 4),              // empty once normalised
            tweet(6, "https://t.co/only", user: 5),
            tweet(7, "RT @jan:Lees dit nu", user: 4),
            tweet(8, "RT @jan: RT @piet: Nieuw\\n\\tbericht", user: 2),
            tweet(9, "RT @piet: Nieuw bericht", user: 3),
            tweet(10, "RT @kees: RT @piet: Nieuw bericht", user: 4),
            tweet(11, "Lees dit nu", user: 6),
            #"{"delete":{"status":{"id_str":"11","user_id_str":"6"}}}"#,
            tweet(12, "Eén keer", user: 1),
        ])
        let groups = try IdenticalTexts.groups(in: s, limit: nil, timeZone: utc)
        XCTAssertEqual(groups, [
            RepeatedText(text: "Lees dit nu", tweets: 3, accounts: 2),
            RepeatedText(text: "RT @piet: Nieuw bericht", tweets: 2, accounts: 2),
        ])
        XCTAssertEqual(try IdenticalTexts.groups(in: s, limit: 1, timeZone: utc).map(\.text), ["Lees dit nu"])
        let scoped = try IdenticalTexts.groups(in: s, limit: nil, scope: Scope(users: ["u1", "u2"]), timeZone: utc)
        XCTAssertEqual(scoped, [RepeatedText(text: "Lees dit nu", tweets: 3, accounts: 2)])
    }

    func testTiesAreOrderedByTextInCodePoints() throws {
        let s = try store([
            tweet(1, "b", user: 1), tweet(2, "b", user: 2),
            tweet(3, "B", user: 1), tweet(4, "B", user: 1),
            tweet(5, "é", user: 1), tweet(6, "é", user: 1),
        ])
        XCTAssertEqual(try IdenticalTexts.groups(in: s, limit: nil, timeZone: utc).map { "\($0.text)/\($0.accounts)" },
                       ["B/1", "b/2", "é/1"])
    }

    /// A slow twin, written here on Unicode scalars from the definition: the fast path on
    /// UTF-8 bytes must agree with it on every text of a generated corpus and on white space
    /// of every kind.
    private func slowNormalised(_ text: String) -> String {
        var s = Array(text.unicodeScalars)
        var drop = Set<Int>()
        for url in TwitterText.urls(in: text) { drop.formUnion(url.start..<url.end) }
        var i = 0
        while i < s.count, s[i].properties.isWhitespace { i += 1 }
        if Array(s[i...].prefix(4)) == ["R", "T", " ", "@"] {
            var j = i + 4
            while j < s.count, s[j].isASCII, s[j] == "_" || s[j].properties.isAlphabetic || s[j].properties.numericType != nil { j += 1 }
            if j > i + 4, j < s.count, s[j] == ":", j + 1 == s.count || s[j + 1].properties.isWhitespace { drop.formUnion(i...j) }
        }
        s = s.enumerated().filter { !drop.contains($0.offset) }.map(\.element)
        return String(String.UnicodeScalarView(s)).split(whereSeparator: { $0.unicodeScalars.allSatisfy(\.properties.isWhitespace) })
            .joined(separator: " ")
    }

    func testTheByteLevelNormalisationAgreesWithASlowTwin() throws {
        let dir = try SharedPaths.temporaryDirectory()
        addTeardownBlock { try? FileManager.default.removeItem(at: dir) }
        var texts = try GeneratedCorpus.store(tweets: 3000, users: 100, seed: 8, in: dir).query("SELECT text FROM tweets").rows.compactMap { row -> String? in
            if case .text(let t) = row[0] { return t }
            return nil
        }
        texts += ["\u{2028}RT @a_1: x\u{3000}y\u{0085}", "RT @é: x", "RT @x:\u{00A0}y", "a\u{200B}b", "😀  RT @a: b", "\t\n\r\u{0B}\u{0C}",
                  "Zie https://t.co/a\u{2029}en www.example.com/x\u{00A0}nu", "RT @x: ", "RT @:x", "a\u{1680}b\u{202F}c\u{205F}d"]
        XCTAssertGreaterThan(texts.count, 3000)
        for text in texts { XCTAssertEqual(IdenticalTexts.normalized(text), slowNormalised(text), text) }
    }
}

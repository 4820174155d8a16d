import Foundation
import TestSupport
import XCTest
@testable import Store

/// `WordTokenizer` cuts text as the store's full-text index does. The oracle is the index
/// itself: an FTS5 table declared as `tweets_fts` is, read back through `fts5vocab`'s
/// `instance` table (every word of every row, in order).
final class WordTokenizerTests: XCTestCase {
    private let texts = [
        "Financiële crisis: de FINANCIELE sector #Crisis @jan_min https://t.co/abc123 2013",
        "Cafe\u{301} CAFÉ café's Straße İstanbul ½ x² 2e ١٢٣",
        "RT @piet: wat een dag!!! 😀 emoji—dash and_under_score",
        "日本語のテキスト mixed中文 Ελληνικά ΣΊΣΥΦΟΣ",
        "",
        "   \t\n",
    ]

    /// The words FTS5 indexed for each text, in order.
    private func indexed(_ texts: [String]) throws -> [[String]] {
        let db = try Connection.inMemory()
        try db.execute("""
            CREATE VIRTUAL TABLE f USING fts5(text, tokenize="unicode61 remove_diacritics 2");
            CREATE VIRTUAL TABLE v USING fts5vocab(f, instance);
            """)
        let insert = try db.prepare("INSERT INTO f(rowid, text) VALUES (?, ?)")
        for (i, t) in texts.enumerated() {
            insert.bind(1, Int64(i + 1))
            insert.bind(2, t)
            try insert.run()
        }
        var words = [[String]](repeating: [], count: texts.count)
        let read = try db.prepare("SELECT doc, term FROM v ORDER BY doc, offset")
        while try read.step() { words[Int(read.int64(0)) - 1].append(read.string(1) ?? "") }
        return words
    }

    func testWordsAreTheOnesTheFullTextIndexHolds() throws {
        let tokenizer = try WordTokenizer()
        let expected = try indexed(texts)
        for (text, words) in zip(texts, expected) {
            XCTAssertEqual(tokenizer.words(in: text).map(\.word), words, text)
        }
    }

    func testEachWordComesWithTheBytesItWasTypedAs() throws {
        let tokenizer = try WordTokenizer()
        let text = "Financiële Cafe\u{301}, İJSSEL!"
        let bytes = Array(text.utf8)
        let spellings = tokenizer.words(in: text).map { String(decoding: bytes[$0.range], as: UTF8.self) }
        XCTAssertEqual(spellings, ["Financiële", "Cafe\u{301}", "İJSSEL"])
        // Hand-folded: case and diacritics removed, the combining accent with its letter.
        XCTAssertEqual(tokenizer.words(in: text).map(\.word), ["financiele", "cafe", "ijssel"])
    }
}

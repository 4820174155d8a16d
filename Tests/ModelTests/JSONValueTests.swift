import Foundation
import Model
import XCTest

/// `JSONValue.quote` against escapes written out by hand, and against Foundation's JSON parser
/// reading back every string it writes.
final class JSONValueTests: XCTestCase {
    private func quoted(_ s: String, asciiOnly: Bool = false) -> String {
        var out = ""
        JSONValue.quote(s, into: &out, asciiOnly: asciiOnly)
        return out
    }

    func testStringsAreEscapedAsWrittenByHand() {
        XCTAssertEqual(quoted("plain tekst, café 🇳🇱"), #""plain tekst, café 🇳🇱""#)
        XCTAssertEqual(quoted(#"a "b" c\d"#), #""a \"b\" c\\d""#)
        XCTAssertEqual(quoted("r1\nr2\r\tend"), #""r1\nr2\r\tend""#)
        XCTAssertEqual(quoted("\u{0}\u{1F}"), #""\u0000\u001f""#)
        XCTAssertEqual(quoted("x\u{2028}y\u{2029}z"), #""x\u2028y\u2029z""#)
        // 0xE2 leads other scalars too: they are copied as they are.
        XCTAssertEqual(quoted("€ – …"), #""€ – …""#)
        XCTAssertEqual(quoted("a/b"), #""a/b""#)
        XCTAssertEqual(quoted(""), #""""#)
    }

    func testAsciiOnlyWritesAsTwittersAPIDid() {
        XCTAssertEqual(quoted("café/🇳🇱\t", asciiOnly: true), #""caf\u00e9\/\ud83c\uddf3\ud83c\uddf1\u0009""#)
        XCTAssertEqual(quoted("plain", asciiOnly: true), #""plain""#)
    }

    func testEveryWrittenStringReadsBackUnchanged() throws {
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15   // xorshift64, so a failure repeats
        func next(_ n: Int) -> Int {
            state ^= state << 13; state ^= state >> 7; state ^= state << 17
            return Int(state % UInt64(n))
        }
        let alphabet: [String] = ["a", "\"", "\\", "/", "\n", "\r", "\t", "\u{0}", "\u{1B}", "\u{7F}", "é",
                                          "\u{2028}", "\u{2029}", "€", "…", "中", "🇳", "👍🏽"]
        for _ in 0..<500 {
            var text = ""
            for _ in 0..<next(21) { text += alphabet[next(alphabet.count)] }
            for ascii in [false, true] {
                let document = "[" + quoted(text, asciiOnly: ascii) + "]"
                let back = try JSONSerialization.jsonObject(with: Data(document.utf8)) as? [String]
                XCTAssertEqual(back, [text], "asciiOnly \(ascii): \(document)")
            }
        }
    }

    func testDocumentsKeepSortedKeysAndIndentation() {
        let doc = JSONValue.object(["b": .array([.int(1), .null]), "a": .string("x"), "c": .object([:])])
        XCTAssertEqual(doc.rendered(), "{\n  \"a\": \"x\",\n  \"b\": [\n    1,\n    null\n  ],\n  \"c\": {}\n}")
        XCTAssertEqual(doc.rendered(pretty: false), #"{"a":"x","b":[1,null],"c":{}}"#)
    }
}

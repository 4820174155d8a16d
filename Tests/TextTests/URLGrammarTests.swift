import XCTest
@testable import Text

/// URLGrammar's written-out ASCII table, rebuilt here from twitter-text's character classes.
final class URLGrammarTests: XCTestCase {
    func testASCIITableHoldsTheClasses() {
        var expected = [UInt8](repeating: 0, count: 128)
        func set(_ chars: String, _ flag: UInt8) { for c in chars.unicodeScalars { expected[Int(c.value)] |= flag } }
        let alnum = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"
        set(alnum, URLGrammar.general | URLGrammar.ending | URLGrammar.query | URLGrammar.queryEnding
                | URLGrammar.alphanumeric | URLGrammar.blocksURL | URLGrammar.tldFollower)
        set("!*';:=+,.$/%#[]-_~&|@", URLGrammar.general)
        set("=_#/+-", URLGrammar.ending)
        set("!?*'@();:&=+$/%#[]-_.,~|", URLGrammar.query)
        set("_&=#/-", URLGrammar.queryEnding)
        set("@$#", URLGrammar.blocksURL)
        set("@+-", URLGrammar.tldFollower)
        let table = URLGrammar.ascii
        XCTAssertEqual(table.utf8CodeUnitCount, 128)
        XCTAssertEqual(Array(UnsafeBufferPointer(start: table.utf8Start, count: table.utf8CodeUnitCount)), expected)
    }
}

import XCTest
@testable import Text

final class TagNormalizerTests: XCTestCase {
    func testCaseVariantsShareOneKey() {
        XCTAssertEqual(TagNormalizer.normalize("NS"), "ns")
        XCTAssertEqual(TagNormalizer.normalize("Ns"), "ns")
        XCTAssertEqual(TagNormalizer.normalize("#ns"), "ns")
        XCTAssertEqual(TagNormalizer.normalize("＃NS"), "ns")
    }

    func testNFCAndNFDSpellingsShareOneKey() {
        let nfc = "caf\u{E9}"
        let nfd = "cafe\u{301}"
        XCTAssertNotEqual(Array(nfc.unicodeScalars), Array(nfd.unicodeScalars))
        XCTAssertEqual(TagNormalizer.normalize(nfc), TagNormalizer.normalize(nfd))
        XCTAssertEqual(Array(TagNormalizer.normalize(nfd).unicodeScalars), Array("caf\u{E9}".unicodeScalars))
    }

    func testGermanSharpSFoldsToSS() {
        XCTAssertEqual(TagNormalizer.normalize("Straße"), "strasse")
        XCTAssertEqual(TagNormalizer.normalize("STRASSE"), "strasse")
    }

    /// Default (non-Turkic) folding: dotted capital İ becomes i + combining dot, dotless ı stays.
    func testTurkishIUsesDefaultFolding() {
        XCTAssertEqual(Array(TagNormalizer.normalize("İzmir").unicodeScalars),
                       Array("i\u{307}zmir".unicodeScalars))
        XCTAssertEqual(TagNormalizer.normalize("ılık"), "ılık")
        XCTAssertNotEqual(TagNormalizer.normalize("ılık"), TagNormalizer.normalize("ILIK"))
    }

    func testDutchIJLigatureAndDigraph() {
        XCTAssertEqual(TagNormalizer.normalize("IJsselmeer"), "ijsselmeer")
        // U+0132 LATIN CAPITAL LIGATURE IJ folds to U+0133, not to "ij": NFC keeps the ligature.
        XCTAssertEqual(TagNormalizer.normalize("\u{132}SSEL"), "\u{133}ssel")
    }

    func testEmojiTagsKeepTheirScalars() {
        // twitter-text accepts a tag that mixes letters with ZWJ (a tag of emoji alone has no letter).
        let found = TwitterText.hashtags(in: "#love\u{200D}x and #\u{1F600}")
        XCTAssertEqual(found.map(\.value), ["love\u{200D}x"])
        XCTAssertEqual(TagNormalizer.normalize("LOVE\u{200D}X"), "love\u{200D}x")
    }

    func testHTMLEntitiesDecodeOnlyTheThreeTwitterSends() {
        XCTAssertEqual(HTMLEntities.decode("a &amp; b &lt;3 &gt; c"), "a & b <3 > c")
        XCTAssertEqual(HTMLEntities.decode("&amp;lt;"), "&lt;")
        XCTAssertEqual(HTMLEntities.decode("&quot;x&quot; &#39;"), "&quot;x&quot; &#39;")
        XCTAssertEqual(HTMLEntities.decode("no entities"), "no entities")
    }
}

/// The label rule of ANALYSIS.md, on hand-made counts.
final class TagLabelTests: XCTestCase {
    func testMostFrequentSpellingWins() {
        XCTAssertEqual(TagNormalizer.label(["ns": 1, "NS": 3, "Ns": 2]), "NS")
    }

    func testTiesGoToTheSmallestInCodePointOrder() {
        // "N" (U+004E) < "n" (U+006E) < "É" (U+00C9): code points, not a locale's collation.
        XCTAssertEqual(TagNormalizer.label(["ns": 2, "NS": 2, "Ns": 1]), "NS")
        XCTAssertEqual(TagNormalizer.label(["Élan": 4, "elan": 4]), "elan")
        XCTAssertEqual(TagNormalizer.label([String: Int]()), "")
    }
}

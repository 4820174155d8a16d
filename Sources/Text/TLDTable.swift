/// `TopLevelDomains` arranged for matching: ASCII TLDs as base-27 keys of their letters
/// (no allocation per lookup), the others by their first scalar, in twitter-text's order.
enum TLDTable {
    /// Every ASCII TLD, each letter a digit 1...26 of a base-27 number.
    static let ascii: Set<UInt128> = Set(
        (TopLevelDomains.generic + TopLevelDomains.country).filter { $0.unicodeScalars.allSatisfy(\.isASCII) }.map(key)
    )

    /// The longest ASCII TLD; longer runs of letters are no TLD.
    static let maxASCIILength = (TopLevelDomains.generic + TopLevelDomains.country)
        .filter { $0.unicodeScalars.allSatisfy(\.isASCII) }.map(\.count).max() ?? 0

    /// The non-ASCII TLDs (case-folded) by their first scalar, generic ones first.
    static let unicode: [Unicode.Scalar: [[Unicode.Scalar]]] = {
        var table: [Unicode.Scalar: [[Unicode.Scalar]]] = [:]
        for tld in TopLevelDomains.generic + TopLevelDomains.country where !tld.unicodeScalars.allSatisfy(\.isASCII) {
            let scalars = tld.unicodeScalars.map(folded)
            table[scalars[0], default: []].append(scalars)
        }
        return table
    }()

    /// Whether a TLD with a non-ASCII letter starts with this ASCII letter, by its value.
    static let mixedStarts: [Bool] = (0..<128).map { v in unicode.keys.contains { $0.value == v } }

    /// The scalar in lower case where that is one scalar (twitter-text matches TLDs ignoring case).
    static func folded(_ c: Unicode.Scalar) -> Unicode.Scalar {
        if c.isASCII { return c.value >= 65 && c.value <= 90 ? Unicode.Scalar(UInt8(c.value + 32)) : c }
        // The cased TLDs are Latin, Greek, Cyrillic and Armenian: nothing above U+058F needs folding.
        guard c.value < 0x0590, c.properties.changesWhenLowercased else { return c }
        let lower = c.properties.lowercaseMapping.unicodeScalars
        return lower.count == 1 ? lower[lower.startIndex] : c
    }

    private static func key(_ tld: String) -> UInt128 {
        tld.unicodeScalars.reduce(UInt128(0)) { $0 &* 27 &+ UInt128(($1.value | 0x20) - 0x60) }
    }
}

import CICU

/// The one key every stage counts a hashtag under: Unicode NFC, then full default case
/// folding (ICU `u_strFoldCase`, `U_FOLD_CASE_DEFAULT`), without the leading `#`.
/// `#NS`, `#ns` and `#Ns` share a key; so do `#café` in NFC and NFD, `#Straße` and `#STRASSE`.
public enum TagNormalizer {
    /// The normalised key of a hashtag as typed or found (a leading `#`/`＃` is dropped).
    public static func normalize(_ tag: String) -> String {
        var tag = Substring(tag)
        if let first = tag.unicodeScalars.first, first == "#" || first == "\u{FF03}" {
            tag = Substring(tag.unicodeScalars.dropFirst())
        }
        // ASCII: NFC is the identity and folding is lowercasing.
        if tag.utf8.allSatisfy({ $0 < 0x80 }) {
            return String(decoding: tag.utf8.map { ($0 >= 65 && $0 <= 90) ? $0 + 32 : $0 }, as: UTF8.self)
        }
        return icu(Array(tag.utf16), twindex_fold_nfc) ?? String(tag).lowercased()
    }

    /// Unicode NFC of a string (used for display labels, so they compare equal however typed).
    public static func nfc(_ text: String) -> String {
        if text.utf8.allSatisfy({ $0 < 0x80 }) { return text }
        return icu(Array(text.utf16), twindex_nfc) ?? text
    }

    /// A tag's label: its most frequent spelling (spellings in NFC, with their counts); ties
    /// go to the smallest in code-point order (ANALYSIS.md). The analysers and the generator's
    /// truth both pick labels with this rule.
    public static func label<Count: BinaryInteger>(_ spellings: [String: Count]) -> String {
        spellings.max { a, b in
            a.value != b.value ? a.value < b.value
                : b.key.unicodeScalars.lexicographicallyPrecedes(a.key.unicodeScalars)
        }?.key ?? ""
    }

    private static func icu(_ src: [UInt16],
                            _ fn: (UnsafePointer<UInt16>?, Int32, UnsafeMutablePointer<UInt16>?, Int32) -> Int32) -> String? {
        var capacity = src.count * 3 + 16
        for _ in 0..<2 {
            var dst = [UInt16](repeating: 0, count: capacity)
            let n = src.withUnsafeBufferPointer { s in
                dst.withUnsafeMutableBufferPointer { d in
                    fn(s.baseAddress, Int32(s.count), d.baseAddress, Int32(d.count))
                }
            }
            if n < 0 { return nil }
            if Int(n) <= capacity { return String(decoding: dst[0..<Int(n)], as: UTF16.self) }
            capacity = Int(n)
        }
        return nil
    }
}

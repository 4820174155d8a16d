/// Entity extraction following twitter-text 3's rules (hashtags, mentions and lists,
/// the reply screen name, cashtags, URLs), written against its conformance suite.
///
/// twitter-text states its rules as regular expressions whose boundary group consumes the
/// character before the sign; the scanners below reproduce that behaviour exactly: after
/// a match, scanning resumes at the match's end, so `#a#b` yields nothing (the second
/// `#` has no boundary and the first match is followed by a hash sign).
///
/// Indices count Unicode code points.
public enum TwitterText {
    /// Hashtags, without `#`; those overlapping a URL are dropped, as twitter-text does.
    public static func hashtags(in text: String) -> [TextEntity] {
        // `#` is 0x23; `＃` (U+FF03) is EF BC 83 in UTF-8.
        guard containsByte(text, 0x23, 0xEF) else { return [] }
        let s = scalars(text)
        guard s.contains(where: CharacterClasses.isHashSign) else { return [] }
        let tags = scanHashtags(s)
        guard !tags.isEmpty, containsByte(text, 0x2E, 0x3A) else { return tags }
        // A URL has no white space, so only the token around a hashtag can hold one overlapping it.
        return tags.filter { tag in
            var lo = tag.start, hi = tag.end
            while lo > 0, !CharacterClasses.isSpace(s[lo - 1]) { lo -= 1 }
            while hi < s.count, !CharacterClasses.isSpace(s[hi]) { hi += 1 }
            let token = Array(s[lo..<hi])
            guard token.contains(where: { $0 == "." || $0 == ":" }) else { return true }
            return !URLExtractor.urls(in: token).contains { $0.start + lo < tag.end && tag.start < $0.end + lo }
        }
    }

    /// Whether the text's UTF-8 holds byte `a` or `b` (a quick test before any real work).
    static func containsByte(_ text: String, _ a: UInt8, _ b: UInt8) -> Bool {
        if let found = text.utf8.withContiguousStorageIfAvailable({ bytes -> Bool in
            for x in bytes where x == a || x == b { return true }
            return false
        }) {
            return found
        }
        return text.utf8.contains { $0 == a || $0 == b }
    }

    /// A string of scalars, encoded to UTF-8 in one pass (entity values are short).
    static func string(_ s: ArraySlice<Unicode.Scalar>) -> String {
        let bytes = s.reduce(0) { $0 + UTF8.width($1) }
        return String(unsafeUninitializedCapacity: bytes) { buffer in
            var k = 0
            for c in s {
                let v = c.value
                switch v {
                case 0..<0x80:
                    buffer[k] = UInt8(truncatingIfNeeded: v)
                    k += 1
                case 0x80..<0x800:
                    buffer[k] = UInt8(truncatingIfNeeded: 0xC0 | (v >> 6))
                    buffer[k + 1] = UInt8(truncatingIfNeeded: 0x80 | (v & 0x3F))
                    k += 2
                case 0x800..<0x10000:
                    buffer[k] = UInt8(truncatingIfNeeded: 0xE0 | (v >> 12))
                    buffer[k + 1] = UInt8(truncatingIfNeeded: 0x80 | ((v >> 6) & 0x3F))
                    buffer[k + 2] = UInt8(truncatingIfNeeded: 0x80 | (v & 0x3F))
                    k += 3
                default:
                    buffer[k] = UInt8(truncatingIfNeeded: 0xF0 | (v >> 18))
                    buffer[k + 1] = UInt8(truncatingIfNeeded: 0x80 | ((v >> 12) & 0x3F))
                    buffer[k + 2] = UInt8(truncatingIfNeeded: 0x80 | ((v >> 6) & 0x3F))
                    buffer[k + 3] = UInt8(truncatingIfNeeded: 0x80 | (v & 0x3F))
                    k += 4
                }
            }
            return k
        }
    }

    /// The text's scalars, in one pass.
    static func scalars(_ text: String) -> [Unicode.Scalar] {
        var s: [Unicode.Scalar] = []
        s.reserveCapacity(text.utf8.count)
        for c in text.unicodeScalars { s.append(c) }
        return s
    }

    /// Mentions, without `@`; `@user/list` references are left out (see `mentionsOrLists`).
    public static func mentions(in text: String) -> [TextEntity] {
        mentionsOrLists(in: text).filter { $0.kind == .mention(listSlug: "") }
    }

    /// Mentions and list references: `@user/list` gives screen name `user`, slug `/list`.
    public static func mentionsOrLists(in text: String) -> [TextEntity] {
        // `@` is 0x40; `＠` (U+FF20) is EF BC A0 in UTF-8.
        guard containsByte(text, 0x40, 0xEF) else { return [] }
        let s = scalars(text)
        guard s.contains(where: CharacterClasses.isAtSign) else { return [] }
        return scanMentions(s)
    }

    /// The screen name a text replies to: after leading white space or directional marks,
    /// `@` or `＠` and a screen name not followed by `@`, a Latin accent or `://`.
    public static func replyScreenName(in text: String) -> String? {
        var it = text.unicodeScalars.makeIterator()
        var c = it.next()
        while let ch = c, CharacterClasses.isSpace(ch) || CharacterClasses.isDirectionalMarker(ch) {
            c = it.next()
        }
        guard let at = c, CharacterClasses.isAtSign(at) else { return nil }
        var name = String.UnicodeScalarView()
        var next = it.next()
        while let ch = next, CharacterClasses.isScreenNameChar(ch), name.count < 20 {
            name.append(ch)
            next = it.next()
        }
        guard !name.isEmpty else { return nil }
        if let ch = next {
            if CharacterClasses.isAtSign(ch) || CharacterClasses.isLatinAccent(ch) { return nil }
            if ch == ":", it.next() == "/", it.next() == "/" { return nil }
        }
        return String(name)
    }

    /// Cashtags, without `$`.
    public static func cashtags(in text: String) -> [TextEntity] {
        let s = Array(text.unicodeScalars)
        guard s.contains("$") else { return [] }
        var out: [TextEntity] = []
        var p = 0
        while p < s.count {
            // (^|spaces)(\$): the boundary is zero-width at the start, else one space consumed.
            let dollar: Int
            if p == 0 && s[0] == "$" {
                dollar = 0
            } else if CharacterClasses.isSpace(s[p]), p + 1 < s.count, s[p + 1] == "$" {
                dollar = p + 1
            } else {
                p += 1
                continue
            }
            if let end = matchCashtag(s, from: dollar + 1) {
                out.append(TextEntity(kind: .cashtag, value: string(s[(dollar + 1)..<end]),
                                      start: dollar, end: end))
                p = end
            } else {
                p = dollar == 0 ? 1 : p + 1
            }
        }
        return out
    }

    /// URLs, with or without protocol, on twitter-text's TLDs (see `URLExtractor`).
    public static func urls(in text: String) -> [TextEntity] {
        // A URL holds a dot (0x2E) before its TLD.
        guard containsByte(text, 0x2E, 0x2E) else { return [] }
        return URLExtractor.urls(in: scalars(text))
    }

    // MARK: - Scanners

    private static func scanHashtags(_ s: [Unicode.Scalar]) -> [TextEntity] {
        var out: [TextEntity] = []
        var p = 0
        while p < s.count {
            // Boundary: start of text (zero width), or one consumed character that is
            // U+FE0E/U+FE0F or neither hashtag-alphanumeric nor `&`.
            let hash: Int
            if p == 0 && CharacterClasses.isHashSign(s[0]) {
                hash = 0
            } else if p + 1 < s.count, CharacterClasses.isHashSign(s[p + 1]),
                      s[p] == "\u{FE0E}" || s[p] == "\u{FE0F}"
                        || (!CharacterClasses.isHashtagAlphanumeric(s[p]) && s[p] != "&") {
                hash = p + 1
            } else {
                p += 1
                continue
            }
            var end = hash + 1
            var hasAlpha = false
            if end < s.count, s[end] != "\u{FE0F}", s[end] != "\u{20E3}" {
                while end < s.count, CharacterClasses.isHashtagAlphanumeric(s[end]) {
                    if CharacterClasses.isHashtagAlpha(s[end]) { hasAlpha = true }
                    end += 1
                }
            }
            guard hasAlpha else {
                p = hash == 0 ? 1 : p + 1
                continue
            }
            if !followedByHashOrScheme(s, at: end) {
                out.append(TextEntity(kind: .hashtag, value: string(s[(hash + 1)..<end]),
                                      start: hash, end: end))
            }
            p = end
        }
        return out
    }

    private static func scanMentions(_ s: [Unicode.Scalar]) -> [TextEntity] {
        var out: [TextEntity] = []
        var p = 0
        while p < s.count {
            guard let at = mentionSign(s, from: p) else {
                p += 1
                continue
            }
            var end = at + 1
            while end < s.count, end - at - 1 < 20, CharacterClasses.isScreenNameChar(s[end]) { end += 1 }
            guard end > at + 1 else {
                p += 1
                continue
            }
            let name = string(s[(at + 1)..<end])
            var slug = ""
            if end + 1 < s.count, s[end] == "/", CharacterClasses.isASCIILetter(s[end + 1]) {
                var e = end + 2
                while e < s.count, e - end - 2 < 24,
                      CharacterClasses.isScreenNameChar(s[e]) || s[e] == "-" { e += 1 }
                slug = string(s[end..<e])
                end = e
            }
            if !(end < s.count && (CharacterClasses.isAtSign(s[end]) || CharacterClasses.isLatinAccent(s[end])))
                && !followedByScheme(s, at: end) {
                out.append(TextEntity(kind: .mention(listSlug: slug), value: name, start: at, end: end))
            }
            p = end
        }
        return out
    }

    /// Where the `@` of a mention starting its match at `p` stands, if one does:
    /// `^@`, `<char>@` with an allowed char, or `(^|<char>)RT:?@`.
    @inline(__always)
    private static func mentionSign(_ s: [Unicode.Scalar], from p: Int) -> Int? {
        if p == 0 && CharacterClasses.isAtSign(s[0]) { return 0 }
        guard p + 1 < s.count else { return nil }
        if CharacterClasses.isAtSign(s[p + 1]) { return CharacterClasses.blocksMention(s[p]) ? nil : p + 1 }
        // The retweet form, either at the very start or after one allowed character.
        if p == 0, let at = retweetMarkerSign(s, at: 0) { return at }
        if !CharacterClasses.blocksRetweetMarker(s[p]) { return retweetMarkerSign(s, at: p + 1) }
        return nil
    }

    /// `RT:?@` (any case) starting at `r`: the index of its `@`.
    @inline(__always)
    private static func retweetMarkerSign(_ s: [Unicode.Scalar], at r: Int) -> Int? {
        guard r + 2 < s.count, s[r] == "r" || s[r] == "R", s[r + 1] == "t" || s[r + 1] == "T" else { return nil }
        var q = r + 2
        if s[q] == ":" { q += 1 }
        return q < s.count && CharacterClasses.isAtSign(s[q]) ? q : nil
    }

    /// `[a-z]{1,6}(?:[._][a-z]{1,2})?` (case-insensitive), followed by the end, white space or
    /// punctuation; returns the end index of the longest such match.
    private static func matchCashtag(_ s: [Unicode.Scalar], from start: Int) -> Int? {
        var run = 0
        while start + run < s.count, run < 6, CharacterClasses.isASCIILetter(s[start + run]) { run += 1 }
        guard run > 0 else { return nil }
        func lookaheadOK(_ i: Int) -> Bool {
            i >= s.count || s[i].properties.isWhitespace || CharacterClasses.isCashtagPunctuation(s[i])
        }
        for n in stride(from: run, through: 1, by: -1) {
            let base = start + n
            if base + 1 < s.count, s[base] == "." || s[base] == "_" {
                var k = 0
                while base + 1 + k < s.count, k < 2, CharacterClasses.isASCIILetter(s[base + 1 + k]) { k += 1 }
                for m in stride(from: k, through: 1, by: -1) where lookaheadOK(base + 1 + m) {
                    return base + 1 + m
                }
            }
            if lookaheadOK(base) { return base }
        }
        return nil
    }

    private static func followedByHashOrScheme(_ s: [Unicode.Scalar], at i: Int) -> Bool {
        (i < s.count && CharacterClasses.isHashSign(s[i])) || followedByScheme(s, at: i)
    }

    private static func followedByScheme(_ s: [Unicode.Scalar], at i: Int) -> Bool {
        i + 2 < s.count && s[i] == ":" && s[i + 1] == "/" && s[i + 2] == "/"
    }
}

/// The pieces of twitter-text's URL expression (`extractUrl` in its regexp folder), each as a
/// scanner on Unicode scalars that returns what the regular expression would match first.
///
/// A domain is `subdomain* domainName tld`: labels of domain characters (anything but ASCII
/// punctuation, spaces, controls and directional marks) separated by dots; subdomains may hold
/// `_` and `-` inside, the domain name only `-`; the TLD is one of twitter-text's (see
/// `TopLevelDomains`, tried generic first) followed by a character outside `[0-9a-zA-Z@+-]`, or
/// punycode `xn--…`. Everything after the domain (port, path, query) is optional and greedy,
/// so the expression never backtracks into the domain once one is found.
enum URLGrammar {
    // ASCII character classes as bit flags, one table lookup per character.
    static let general: UInt8 = 1, ending: UInt8 = 2, query: UInt8 = 4, queryEnding: UInt8 = 8
    static let alphanumeric: UInt8 = 16, blocksURL: UInt8 = 32, tldFollower: UInt8 = 64

    /// The flags of each ASCII character (index = code point), written out so that reading
    /// them costs no lazy initialisation; `URLGrammarTests` rebuilds the table from the class
    /// definitions: general path `[a-z0-9!*';:=+,.$/%#[\]\-_~&|@]`, path ending `[a-z0-9=_#/+-]`,
    /// query `[a-z0-9!?*'@();:&=+$/%#[\]\-_.,~|]`, query ending `[a-z0-9_&=#/-]` (any case),
    /// alphanumeric, blocking a URL (alphanumeric, `@$#`), not after a TLD (alphanumeric, `@+-`).
    static let ascii: StaticString = """
        \u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\
        \u{0}\u{5}\u{0}\u{2F}\u{25}\u{5}\u{D}\u{5}\u{4}\u{4}\u{5}\u{47}\u{5}\u{4F}\u{5}\u{F}\u{7F}\u{7F}\u{7F}\u{7F}\u{7F}\u{7F}\u{7F}\u{7F}\u{7F}\u{7F}\u{5}\u{5}\u{0}\u{F}\u{0}\u{4}\
        \u{65}\u{7F}\u{7F}\u{7F}\u{7F}\u{7F}\u{7F}\u{7F}\u{7F}\u{7F}\u{7F}\u{7F}\u{7F}\u{7F}\u{7F}\u{7F}\u{7F}\u{7F}\u{7F}\u{7F}\u{7F}\u{7F}\u{7F}\u{7F}\u{7F}\u{7F}\u{7F}\u{5}\u{0}\u{5}\u{0}\u{F}\
        \u{0}\u{7F}\u{7F}\u{7F}\u{7F}\u{7F}\u{7F}\u{7F}\u{7F}\u{7F}\u{7F}\u{7F}\u{7F}\u{7F}\u{7F}\u{7F}\u{7F}\u{7F}\u{7F}\u{7F}\u{7F}\u{7F}\u{7F}\u{7F}\u{7F}\u{7F}\u{7F}\u{0}\u{5}\u{0}\u{5}\u{0}
        """

    @inline(__always) private static func flags(_ c: Unicode.Scalar) -> UInt8? {
        c.value < 128 ? ascii.utf8Start[Int(c.value)] : nil
    }

    @inline(__always) private static func isCyrillicOrLatinAccent(_ c: Unicode.Scalar) -> Bool {
        (0x0400...0x04FF).contains(c.value) || CharacterClasses.isLatinAccent(c)
    }

    /// `validUrlPrecedingChars`: anything but ASCII letters and digits, `@ ＠ $ # ＃` and U+FFFE/FEFF/FFFF.
    static func isPreceding(_ c: Unicode.Scalar) -> Bool {
        if let f = flags(c) { return f & blocksURL == 0 }
        switch c.value {
        case 0xFF20, 0xFF03, 0xFFFE, 0xFEFF, 0xFFFF: return false
        default: return true
        }
    }

    /// `validDomainChars`: not punctuation, a space, a control, an invalid or a directional character.
    @inline(__always) static func isDomainChar(_ c: Unicode.Scalar) -> Bool {
        if let f = flags(c) { return f & alphanumeric != 0 }
        switch c.value {
        case 0x85, 0xA0, 0x1680, 0x180E, 0x2000...0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000,
             0xFFFE, 0xFEFF, 0xFFFF, 0x061C, 0x200E, 0x200F, 0x202A...0x202E, 0x2066...0x2069:
            return false
        default:
            return true
        }
    }

    /// The character class of the ASCII-only domains taken from a URL without protocol.
    @inline(__always) static func isASCIIDomainChar(_ c: Unicode.Scalar) -> Bool {
        if let f = flags(c) { return f & alphanumeric != 0 || c == "-" }
        return CharacterClasses.isLatinAccent(c)
    }

    private static func isGeneralPathChar(_ c: Unicode.Scalar) -> Bool {
        if let f = flags(c) { return f & general != 0 }
        return c.value == 0x2013 || isCyrillicOrLatinAccent(c)
    }

    private static func isPathEnding(_ c: Unicode.Scalar) -> Bool {
        if let f = flags(c) { return f & ending != 0 }
        return isCyrillicOrLatinAccent(c)
    }

    /// The end of a domain starting at `start`, if one does (`validDomain`).
    static func domainEnd(_ s: [Unicode.Scalar], from start: Int) -> Int? {
        // The longest run of valid subdomains: `count` labels, each followed by a dot.
        var p = start, count = 0
        while p < s.count, isDomainChar(s[p]) {
            var q = p + 1
            while q < s.count, s[q] == "_" || s[q] == "-" || isDomainChar(s[q]) { q += 1 }
            guard q < s.count, s[q] == ".", isDomainChar(s[q - 1]) else { break }
            count += 1
            p = q + 1
        }
        // Most subdomains first, walking back label by label (labels hold no dot): the label
        // before the TLD is the domain name and has no `_`.
        var tld = p
        for _ in 0..<count {
            var label = tld - 1, underscore = false
            while label > start, s[label - 1] != "." {
                label -= 1
                if s[label] == "_" { underscore = true }
            }
            if !underscore, let end = tldEnd(s, at: tld, limit: s.count) { return end }
            tld = label
        }
        return nil
    }

    /// `(?:[-a-z0-9À-ỿ]+\.)+tld` at `i`, within the domain ending at `limit`: the ASCII
    /// domains a URL without protocol gives.
    static func asciiDomainEnd(_ s: [Unicode.Scalar], at i: Int, limit: Int) -> Int? {
        var p = i, count = 0
        while true {
            var q = p
            while q < limit, isASCIIDomainChar(s[q]) { q += 1 }
            guard q > p, q < limit, s[q] == "." else { break }
            count += 1
            p = q + 1
        }
        var tld = p
        for _ in 0..<count {
            if let e = tldEnd(s, at: tld, limit: limit) { return e }
            var label = tld - 1
            while label > i, s[label - 1] != "." { label -= 1 }
            tld = label
        }
        return nil
    }

    /// The end of a TLD (generic, country or punycode) at `p`, the text ending at `limit`.
    static func tldEnd(_ s: [Unicode.Scalar], at p: Int, limit: Int) -> Int? {
        guard p < limit else { return nil }
        // TLDs with a non-ASCII letter, also those starting in ASCII (vermögensberatung).
        if s[p].value >= 128 || TLDTable.mixedStarts[Int(s[p].value | 0x20)],
           let candidates = TLDTable.unicode[TLDTable.folded(s[p])] {
            for candidate in candidates where matches(s, at: p, candidate, limit: limit) { return p + candidate.count }
        }
        if s[p].isASCII {
            var e = p
            var key: UInt128 = 0, lettersOnly = true
            while e < limit, let f = flags(s[e]), f & alphanumeric != 0 {
                let v = s[e].value | 0x20
                if v >= 0x61 && v <= 0x7A { key = key &* 27 &+ UInt128(v - 0x60) } else { lettersOnly = false }
                e += 1
            }
            if lettersOnly, e - p <= TLDTable.maxASCIILength, followsTLD(s, e, limit), TLDTable.ascii.contains(key) {
                return e
            }
            return punycodeEnd(s, at: p, limit: limit)
        }
        return nil
    }

    /// Whether `candidate` (case-folded) stands at `p`, followed as a TLD must be.
    private static func matches(_ s: [Unicode.Scalar], at p: Int, _ candidate: [Unicode.Scalar], limit: Int) -> Bool {
        let e = p + candidate.count
        guard e <= limit else { return false }
        for k in 1..<candidate.count where TLDTable.folded(s[p + k]) != candidate[k] { return false }
        return followsTLD(s, e, limit)
    }

    /// `(?=[^0-9a-zA-Z@+-]|$)`.
    @inline(__always) private static func followsTLD(_ s: [Unicode.Scalar], _ e: Int, _ limit: Int) -> Bool {
        guard e < limit, let f = flags(s[e]) else { return true }
        return f & tldFollower == 0
    }

    /// `xn--[-0-9a-z]+`, any case.
    private static func punycodeEnd(_ s: [Unicode.Scalar], at p: Int, limit: Int) -> Int? {
        guard hasPrefix(s, p, "xn--", limit: limit) else { return nil }
        var e = p + 4
        while e < limit, let f = flags(s[e]), f & alphanumeric != 0 || s[e] == "-" { e += 1 }
        return e > p + 4 ? e : nil
    }

    /// Whether `s` at `i` starts with the lowercase ASCII `prefix`, in any case.
    static func hasPrefix(_ s: [Unicode.Scalar], _ i: Int, _ prefix: StaticString, limit: Int) -> Bool {
        let n = prefix.utf8CodeUnitCount
        guard i + n <= limit else { return false }
        for k in 0..<n {
            var v = s[i + k].value
            if v >= 65 && v <= 90 { v += 32 }
            if v != UInt32(prefix.utf8Start[k]) { return false }
        }
        return true
    }

    /// The end of `/path` starting at the slash `start`: the last place where the path may end
    /// (after an ending character or balanced parentheses) in the longest run of path
    /// characters and balanced parentheses (`\/validUrlPath*`).
    static func pathEnd(_ s: [Unicode.Scalar], from start: Int) -> Int {
        var i = start + 1, last = start + 1
        while true {
            while i < s.count, isGeneralPathChar(s[i]) {
                if isPathEnding(s[i]) { last = i + 1 }
                i += 1
            }
            guard i < s.count, s[i] == "(", let close = balancedParenthesesEnd(s, from: i) else { return last }
            i = close
            last = close
        }
    }

    /// `\((?:G+|G*\(G+\)G*)\)` with G the general path characters: one level of nesting.
    private static func balancedParenthesesEnd(_ s: [Unicode.Scalar], from open: Int) -> Int? {
        func run(_ i: Int) -> Int {
            var j = i
            while j < s.count, isGeneralPathChar(s[j]) { j += 1 }
            return j
        }
        let a = run(open + 1)
        guard a < s.count else { return nil }
        if s[a] == ")" { return a > open + 1 ? a + 1 : nil }
        guard s[a] == "(" else { return nil }
        let b = run(a + 1)
        guard b > a + 1, b < s.count, s[b] == ")" else { return nil }
        let c = run(b + 1)
        return c < s.count && s[c] == ")" ? c + 1 : nil
    }

    /// The end of `?query` starting at the question mark `start`, or nil when no query
    /// character that may end one follows (`\?validUrlQueryChars*validUrlQueryEndingChars`).
    static func queryEnd(_ s: [Unicode.Scalar], from start: Int) -> Int? {
        var i = start + 1
        var last: Int?
        while i < s.count, let f = flags(s[i]), f & query != 0 {
            if f & queryEnding != 0 { last = i + 1 }
            i += 1
        }
        return last
    }
}

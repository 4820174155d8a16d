/// URL detection in the manner of twitter-text: an optional `http(s)://`, a domain that
/// ends in a known top-level domain, an optional port, path and query, with trailing
/// punctuation left out. twitter-text's full TLD table is not built in: every two-letter
/// ASCII TLD counts as a country code and the generic ones below are known, which covers
/// the URLs the hashtag and mention rules must step around.
enum URLExtractor {
    static let genericTLDs: Set<String> = [
        "com", "net", "org", "edu", "gov", "mil", "int", "info", "biz", "name", "pro", "aero", "asia",
        "cat", "coop", "jobs", "mobi", "museum", "post", "tel", "travel", "xxx", "app", "dev", "xyz",
        "online", "site", "top", "club", "shop", "blog", "news", "media", "live", "tech", "store",
        "world", "today", "link", "click", "space", "website", "page", "cloud", "social", "email",
        "amsterdam", "berlin", "london", "paris", "nyc", "tokyo", "wiki", "network", "digital",
    ]

    static func urls(in s: [Unicode.Scalar]) -> [TextEntity] {
        var out: [TextEntity] = []
        var i = 0
        while i < s.count {
            if let end = match(s, at: i) {
                out.append(TextEntity(kind: .url, value: TwitterText.string(s[i..<end]), start: i, end: end))
                i = end
            } else {
                i += 1
            }
        }
        return out
    }

    private static func isPrecedingOK(_ s: [Unicode.Scalar], _ i: Int) -> Bool {
        guard i > 0 else { return true }
        let c = s[i - 1]
        if CharacterClasses.isDirectionalMarker(c) { return true }
        if CharacterClasses.isScreenNameChar(c) && c != "_" { return false }
        return !"@\u{FF20}$#\u{FF03}".unicodeScalars.contains(c)
    }

    /// Whether `s` at `i` starts with the lowercase ASCII `p`, ignoring ASCII case.
    private static func hasPrefix(_ s: [Unicode.Scalar], _ i: Int, _ p: StaticString) -> Bool {
        let n = p.utf8CodeUnitCount
        guard i + n <= s.count else { return false }
        for k in 0..<n {
            var v = s[i + k].value
            if v >= 65 && v <= 90 { v += 32 }
            if v != UInt32(p.utf8Start[k]) { return false }
        }
        return true
    }

    private static func isDomainChar(_ c: Unicode.Scalar, unicode: Bool) -> Bool {
        if c.isASCII { return CharacterClasses.isScreenNameChar(c) || c == "-" }
        return unicode && (CharacterClasses.isHashtagAlpha(c) || c.properties.generalCategory == .decimalNumber)
    }

    /// Returns the end of a URL starting at `i`, if one does.
    private static func match(_ s: [Unicode.Scalar], at i: Int) -> Int? {
        guard isPrecedingOK(s, i) else { return nil }
        var p = i
        var hasProtocol = false
        if hasPrefix(s, i, "https://") {
            p = i + 8
            hasProtocol = true
        } else if hasPrefix(s, i, "http://") {
            p = i + 7
            hasProtocol = true
        } else if i > 0, "-_./".unicodeScalars.contains(s[i - 1]) {
            return nil
        }
        // Domain labels separated by dots; remember where each label ends.
        var labelEnds: [(start: Int, end: Int)] = []
        var q = p
        while true {
            let start = q
            while q < s.count, isDomainChar(s[q], unicode: hasProtocol) { q += 1 }
            guard q > start else { break }
            labelEnds.append((start, q))
            if q + 1 < s.count, s[q] == ".", isDomainChar(s[q + 1], unicode: hasProtocol) {
                q += 1
            } else {
                break
            }
        }
        guard labelEnds.count >= 2 else { return nil }
        // The longest domain whose last label is a known TLD followed by a boundary.
        var domainEnd: Int?
        for k in stride(from: labelEnds.count - 1, through: 1, by: -1) {
            let label = String(String.UnicodeScalarView(s[labelEnds[k].start..<labelEnds[k].end])).lowercased()
            let known = genericTLDs.contains(label)
                || (label.count == 2 && label.unicodeScalars.allSatisfy(CharacterClasses.isASCIILetter))
            let after = labelEnds[k].end
            let boundary = after >= s.count || !(isDomainChar(s[after], unicode: true) || s[after] == "@")
            if known && boundary {
                domainEnd = after
                break
            }
        }
        guard var end = domainEnd else { return nil }
        if end + 1 < s.count, s[end] == ":", CharacterClasses.isASCIIDigit(s[end + 1]) {
            end += 1
            while end < s.count, CharacterClasses.isASCIIDigit(s[end]) { end += 1 }
        }
        if end < s.count, s[end] == "/" {
            end = scanPath(s, from: end)
        }
        if end < s.count, s[end] == "?" {
            end = scanQuery(s, from: end)
        }
        return end
    }

    private static func isPathChar(_ c: Unicode.Scalar) -> Bool {
        if c.isASCII {
            return CharacterClasses.isScreenNameChar(c) || "!*';:=+,.$/%#[]-~&|@()".unicodeScalars.contains(c)
        }
        return CharacterClasses.isLatinAccent(c) || c.properties.generalCategory == .lowercaseLetter
            || c.properties.generalCategory == .uppercaseLetter || c == "\u{2013}"
    }

    private static func isPathEnding(_ c: Unicode.Scalar) -> Bool {
        if c.isASCII { return CharacterClasses.isScreenNameChar(c) || "+-=#/)".unicodeScalars.contains(c) }
        return isPathChar(c)
    }

    /// Path characters greedily, then back to the last allowed ending; parentheses only when balanced.
    private static func scanPath(_ s: [Unicode.Scalar], from start: Int) -> Int {
        var q = start
        var depth = 0
        var lastGood = start + 1
        while q < s.count, isPathChar(s[q]) {
            if s[q] == "(" { depth += 1 }
            if s[q] == ")" {
                if depth == 0 { break }
                depth -= 1
            }
            q += 1
            if isPathEnding(s[q - 1]) && depth == 0 { lastGood = q }
        }
        return lastGood
    }

    private static func scanQuery(_ s: [Unicode.Scalar], from start: Int) -> Int {
        var q = start + 1
        var lastGood = start
        while q < s.count, s[q].isASCII,
              CharacterClasses.isScreenNameChar(s[q]) || "!?*'@();:&=+$/%#[]-_.,~|".unicodeScalars.contains(s[q]) {
            q += 1
            if CharacterClasses.isScreenNameChar(s[q - 1]) || "-_&=#/".unicodeScalars.contains(s[q - 1]) {
                lastGood = q
            }
        }
        return lastGood
    }
}

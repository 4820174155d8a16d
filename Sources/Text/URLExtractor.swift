/// URL extraction as twitter-text 3 does it (`extractUrlsWithIndices`): its expression
/// (see `URLGrammar`) is matched left to right, each match consuming one preceding character;
/// a match without protocol gives the ASCII domains inside it (the last one keeps the path),
/// unless a `-`, `_`, `.` or `/` precedes it; a `t.co` link stops after its slug (and query),
/// and one with a slug over 40 characters is no link; hosts must pass `Punycode.check` and URLs
/// stay within 4,096 characters.
enum URLExtractor {
    private static let maxURLLength = 4096, maxTcoSlugLength = 40

    /// One match of the expression.
    private struct Match {
        var protocolLength: Int
        var start, domainStart, domainEnd, end: Int
        var hasPath: Bool
    }

    static func urls(in s: [Unicode.Scalar]) -> [TextEntity] {
        guard s.contains(".") else { return [] }
        var out: [TextEntity] = []
        var q = 0
        var noDomainBefore = 0
        while q < s.count {
            var before: Unicode.Scalar?
            var found: Match?
            if URLGrammar.isPreceding(s[q]) {
                found = match(s, at: q + 1, noDomainBefore: &noDomainBefore)
                before = s[q]
            }
            if found == nil && q == 0 {
                found = match(s, at: 0, noDomainBefore: &noDomainBefore)
                before = nil
            }
            guard let m = found else {
                q += 1
                continue
            }
            q = m.end
            accept(m, before: before, in: s, into: &out)
        }
        return out
    }

    /// The expression's URL group starting at `u`. `noDomainBefore` remembers where a run
    /// of label characters ended without a dot: no domain without protocol starts inside it.
    private static func match(_ s: [Unicode.Scalar], at u: Int, noDomainBefore: inout Int) -> Match? {
        guard u < s.count else { return nil }
        var protocolLength = 0
        var domainEnd: Int?
        if URLGrammar.hasPrefix(s, u, "https://", limit: s.count) {
            protocolLength = 8
        } else if URLGrammar.hasPrefix(s, u, "http://", limit: s.count) {
            protocolLength = 7
        }
        if protocolLength > 0 {
            domainEnd = URLGrammar.domainEnd(s, from: u + protocolLength)
            if domainEnd == nil { protocolLength = 0 }
        }
        if domainEnd == nil {
            guard u >= noDomainBefore, URLGrammar.isDomainChar(s[u]) else { return nil }
            domainEnd = URLGrammar.domainEnd(s, from: u)
            if domainEnd == nil {
                var e = u
                while e < s.count, URLGrammar.isDomainChar(s[e]) || s[e] == "_" || s[e] == "-" { e += 1 }
                if e >= s.count || s[e] != "." { noDomainBefore = e }
                return nil
            }
        }
        guard let domainEnd else { return nil }
        var end = domainEnd
        if end + 1 < s.count, s[end] == ":", CharacterClasses.isASCIIDigit(s[end + 1]) {
            end += 1
            while end < s.count, CharacterClasses.isASCIIDigit(s[end]) { end += 1 }
        }
        let hasPath = end < s.count && s[end] == "/"
        if hasPath { end = URLGrammar.pathEnd(s, from: end) }
        if end < s.count, s[end] == "?", let e = URLGrammar.queryEnd(s, from: end) { end = e }
        return Match(protocolLength: protocolLength, start: u, domainStart: u + protocolLength,
                     domainEnd: domainEnd, end: end, hasPath: hasPath)
    }

    private static func accept(_ m: Match, before: Unicode.Scalar?, in s: [Unicode.Scalar], into out: inout [TextEntity]) {
        let host = s[m.domainStart..<m.domainEnd]
        let (valid, asciiLength) = Punycode.check(host)
        guard valid, !startsWithPunycodeWithoutASCIIDomain(s, m) else { return }
        let length = (m.protocolLength > 0 ? m.protocolLength : 8) + (m.end - m.start) + asciiLength - host.count
        guard length <= maxURLLength else { return }
        if m.protocolLength == 0 {
            if let b = before, "-_./".unicodeScalars.contains(b) { return }
            acceptWithoutProtocol(m, in: s, into: &out)
            return
        }
        var end = m.end
        if let slugEnd = tcoSlugEnd(s, m) {
            guard slugEnd - (m.domainStart + 5) <= maxTcoSlugLength else { return }
            end = slugEnd
            if end < s.count, s[end] == "?", let e = URLGrammar.queryEnd(s, from: end) { end = e }
        }
        out.append(TextEntity(kind: .url, value: TwitterText.string(s[m.start..<end]), start: m.start, end: end))
    }

    /// The ASCII domains inside the domain of a match without protocol; the last one takes
    /// the rest of the match (port, path, query) when there is a path.
    private static func acceptWithoutProtocol(_ m: Match, in s: [Unicode.Scalar], into out: inout [TextEntity]) {
        var i = m.domainStart
        var last: (start: Int, end: Int)?
        while i < m.domainEnd {
            guard let e = URLGrammar.asciiDomainEnd(s, at: i, limit: m.domainEnd) else {
                i += 1
                continue
            }
            if let l = last { out.append(TextEntity(kind: .url, value: TwitterText.string(s[l.start..<l.end]), start: l.start, end: l.end)) }
            last = (i, e)
            i = e
        }
        guard let l = last else { return }
        if m.hasPath {
            let value = TwitterText.string(s[l.start..<l.end]) + TwitterText.string(s[m.domainEnd..<m.end])
            out.append(TextEntity(kind: .url, value: value, start: l.start, end: m.end))
        } else {
            out.append(TextEntity(kind: .url, value: TwitterText.string(s[l.start..<l.end]), start: l.start, end: l.end))
        }
    }

    /// A host starting with `xn--` must hold an ASCII domain (punycode is ASCII).
    private static func startsWithPunycodeWithoutASCIIDomain(_ s: [Unicode.Scalar], _ m: Match) -> Bool {
        let d = m.domainStart
        guard m.domainEnd - d >= 4, s[d] == "x", s[d + 1] == "n", s[d + 2] == "-", s[d + 3] == "-" else { return false }
        for i in d..<m.domainEnd where URLGrammar.asciiDomainEnd(s, at: i, limit: m.domainEnd) != nil {
            return false
        }
        return true
    }

    /// Where the slug of `http(s)://t.co/slug` ends, if the match is one.
    private static func tcoSlugEnd(_ s: [Unicode.Scalar], _ m: Match) -> Int? {
        let d = m.domainStart
        guard URLGrammar.hasPrefix(s, d, "t.co/", limit: s.count) else { return nil }
        var e = d + 5
        while e < s.count, s[e].isASCII, CharacterClasses.isASCIILetter(s[e]) || CharacterClasses.isASCIIDigit(s[e]) { e += 1 }
        return e > d + 5 ? e : nil
    }
}

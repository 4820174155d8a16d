import Foundation
import Store
import Text

/// One text tweeted more than once (after `IdenticalTexts.normalized`).
public struct RepeatedText: Sendable, Equatable {
    /// The normalised text.
    public var text: String
    /// Tweets with it.
    public var tweets: Int64
    /// Their distinct authors.
    public var accounts: Int64
}

/// Identical texts (ANALYSIS.md "Trends and words"; 4CAT's identical tweets): tweets whose
/// texts are the same once a leading `RT @name: ` and every URL are removed and white space
/// is collapsed, in groups of two or more, with their tweets and distinct authors. A text
/// that is empty once normalised (a tweet of only a link) is no text and forms no group.
///
/// ```swift
/// IdenticalTexts.normalized("RT @jan: Lees dit  https://t.co/x1 ")   // "Lees dit"
/// let top = try IdenticalTexts.groups(in: store, limit: 20, timeZone: zone)
/// ```
public enum IdenticalTexts {
    /// The groups of the tweets in `scope`: most tweets first, ties by text in code-point
    /// order; at most `limit` (nil: all).
    public static func groups(in store: Store, limit: Int?, scope: Scope = Scope(),
                              timeZone: TimeZone) throws -> [RepeatedText] {
        let filter = scope.filter(in: timeZone)
        let sql = "SELECT seq, text, author_id FROM tweets WHERE \(filter.sql)"
        // Two passes keep memory to a few words per tweet: the first hashes every normalised
        // text, the second groups exactly (by the text itself) only the tweets whose hash
        // came twice or more; a hash collision only adds a candidate.
        var hashes: [(seq: Int64, hash: Int)] = []
        var seen: [Int: Int32] = [:]
        try store.rows(sql, filter.arguments) { r in
            let text = normalized(r.string(1) ?? "")
            guard !text.isEmpty else { return }
            let hash = text.hashValue
            hashes.append((r.int(0), hash))
            seen[hash, default: 0] += 1
        }
        let candidates = Set(hashes.lazy.filter { seen[$0.hash, default: 0] > 1 }.map(\.seq))
        hashes = []
        guard !candidates.isEmpty else { return [] }
        var groups: [String: (tweets: Int64, authors: Set<Int64>)] = [:]
        try store.rows(sql, filter.arguments) { r in
            guard candidates.contains(r.int(0)) else { return }
            let text = normalized(r.string(1) ?? "")
            groups[text, default: (0, [])].tweets += 1
            if !r.isNull(2) { groups[text]?.authors.insert(r.int(2)) }
        }
        let rows = groups.filter { $0.value.tweets > 1 }
            .map { RepeatedText(text: $0.key, tweets: $0.value.tweets, accounts: Int64($0.value.authors.count)) }
            .sorted { $0.tweets != $1.tweets ? $0.tweets > $1.tweets : $0.text.utf8.lexicographicallyPrecedes($1.text.utf8) }
        return Array(rows.prefix(limit ?? rows.count))
    }

    /// `text` without a leading `RT @name:` (the retweet prefix, white space before it
    /// allowed), without its URLs (twitter-text's rules), with each run of white space made
    /// one space and none at either end.
    public static func normalized(_ text: String) -> String {
        let scalars = Array(text.unicodeScalars)
        var removed = TwitterText.urls(in: text).map { $0.start..<$0.end }
        if let prefix = retweetPrefix(scalars) { removed.append(prefix) }
        var out = String.UnicodeScalarView()
        var pendingSpace = false
        var i = 0
        for range in removed.sorted(by: { $0.lowerBound < $1.lowerBound }) + [scalars.count..<scalars.count] {
            while i < range.lowerBound {
                let c = scalars[i]
                if c.properties.isWhitespace {
                    pendingSpace = !out.isEmpty
                } else {
                    if pendingSpace { out.append(" ") }
                    pendingSpace = false
                    out.append(c)
                }
                i += 1
            }
            i = max(i, range.upperBound)
        }
        return String(out)
    }

    /// The scalars of a leading `RT @name:` followed by white space or the end: `name` one or
    /// more of a screen name's characters (ASCII letters, digits, `_`).
    static func retweetPrefix(_ s: [Unicode.Scalar]) -> Range<Int>? {
        var i = 0
        while i < s.count, s[i].properties.isWhitespace { i += 1 }
        let start = i
        guard s.count >= i + 5, s[i] == "R", s[i + 1] == "T", s[i + 2] == " ", s[i + 3] == "@" else { return nil }
        i += 4
        let name = i
        while i < s.count, s[i].isASCII, s[i] == "_" || s[i].properties.isAlphabetic || ("0"..."9").contains(s[i]) { i += 1 }
        guard i > name, i < s.count, s[i] == ":" else { return nil }
        i += 1
        guard i == s.count || s[i].properties.isWhitespace else { return nil }
        return start..<i
    }
}

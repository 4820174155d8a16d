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
    /// one space and none at either end. Works on the UTF-8 bytes: most texts are mostly
    /// ASCII, whose white space needs no Unicode property lookup.
    public static func normalized(_ text: String) -> String {
        var text = text
        let urls = TwitterText.urls(in: text)
        return text.withUTF8 { bytes -> String in
            var removed = urls.isEmpty ? [] : byteRanges(of: urls, in: bytes)
            if let prefix = retweetPrefix(bytes) { removed.append(prefix) }
            removed.sort { $0.lowerBound < $1.lowerBound }
            var out: [UInt8] = []
            out.reserveCapacity(bytes.count)
            var pendingSpace = false
            var i = 0, next = 0
            while i < bytes.count {
                if next < removed.count, removed[next].lowerBound <= i {
                    i = max(i, removed[next].upperBound)
                    next += 1
                    continue
                }
                let (space, width) = whiteSpace(bytes, at: i)
                if space {
                    pendingSpace = !out.isEmpty
                } else {
                    if pendingSpace { out.append(0x20) }
                    pendingSpace = false
                    out.append(contentsOf: bytes[i..<min(i + width, bytes.count)])
                }
                i += width
            }
            return String(decoding: out, as: UTF8.self)
        }
    }

    /// Whether the scalar starting at byte `i` is white space, and its length in bytes.
    @inline(__always)
    private static func whiteSpace(_ bytes: UnsafeBufferPointer<UInt8>, at i: Int) -> (Bool, Int) {
        let b = bytes[i]
        if b < 0x80 { return (b == 0x20 || (b >= 0x09 && b <= 0x0D), 1) }
        let width = b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : 2
        guard i + width <= bytes.count else { return (false, 1) }
        var value = UInt32(b) & (width == 2 ? 0x1F : width == 3 ? 0x0F : 0x07)
        for k in 1..<width { value = value << 6 | UInt32(bytes[i + k] & 0x3F) }
        return (Unicode.Scalar(value)?.properties.isWhitespace ?? false, width)
    }

    /// The UTF-8 byte ranges of `entities` (whose ranges count code points) in `bytes`.
    private static func byteRanges(of entities: [TextEntity], in bytes: UnsafeBufferPointer<UInt8>) -> [Range<Int>] {
        var offsets: [Int] = []
        offsets.reserveCapacity(bytes.count + 1)
        for (i, b) in bytes.enumerated() where b & 0xC0 != 0x80 { offsets.append(i) }
        offsets.append(bytes.count)
        return entities.map { offsets[$0.start]..<offsets[$0.end] }
    }

    /// The bytes of a leading `RT @name:` followed by white space or the end: `name` one or
    /// more of a screen name's characters (ASCII letters, digits, `_`).
    static func retweetPrefix(_ s: UnsafeBufferPointer<UInt8>) -> Range<Int>? {
        var i = 0
        while i < s.count {
            let (space, width) = whiteSpace(s, at: i)
            guard space else { break }
            i += width
        }
        let start = i
        guard s.count >= i + 5, s[i] == UInt8(ascii: "R"), s[i + 1] == UInt8(ascii: "T"), s[i + 2] == 0x20,
              s[i + 3] == UInt8(ascii: "@") else { return nil }
        i += 4
        let name = i
        while i < s.count, s[i] == UInt8(ascii: "_") || (s[i] | 0x20 >= 0x61 && s[i] | 0x20 <= 0x7A) || (s[i] >= 0x30 && s[i] <= 0x39) {
            i += 1
        }
        guard i > name, i < s.count, s[i] == UInt8(ascii: ":") else { return nil }
        i += 1
        guard i == s.count || whiteSpace(s, at: i).0 else { return nil }
        return start..<i
    }
}

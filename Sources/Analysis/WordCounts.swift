import Foundation
import Store
import Text

/// Word frequencies (ANALYSIS.md "Trends and words"; DMI-TCAT's word frequency): the words
/// of the tweets as the full-text index cuts them (`WordTokenizer`: FTS5 `unicode61
/// remove_diacritics 2`, so the key is case- and diacritic-folded), without the words of
/// hashtags, mentions and URLs (as twitter-text finds them in the text), without words made
/// only of digits, and without stop words unless asked; each word counted once per tweet.
/// The label is the word's most frequent spelling (in NFC; each tweet's first spelling of
/// it counts), over the tweets counted.
///
/// ```swift
/// let words = try WordCounts.top(in: store, limit: 20, timeZone: zone)
/// let months = try WordCounts.top(in: store, by: .month, limit: 10, timeZone: zone)
/// ```
public enum WordCounts {
    /// The `limit` most frequent words (nil: all) of the tweets in `scope`, ties by word.
    public static func top(in store: Store, limit: Int?, keepStopWords: Bool = false, scope: Scope = Scope(),
                           timeZone: TimeZone) throws -> [TermCount] {
        var tally = try WordTally(keepStopWords: keepStopWords)
        var counts: [String: Int64] = [:]
        let filter = scope.filter(in: timeZone)
        try store.rows("SELECT text FROM tweets WHERE \(filter.sql)", filter.arguments) { r in
            tally.words(of: r.string(0) ?? "") { counts[$0, default: 0] += 1 }
        }
        return Ranking.top(counts, limit: limit).map { TermCount(term: $0.term, label: tally.label(of: $0.term, tweets: $0.tweets), tweets: $0.tweets) }
    }

    /// The `limit` most frequent words of each local period of the tweets in `scope`
    /// (tweets without a time fall in none); labels over all periods.
    public static func top(in store: Store, by period: TimelineResult.Period, limit: Int, keepStopWords: Bool = false,
                           scope: Scope = Scope(), timeZone: TimeZone) throws -> TopPerPeriod {
        var tally = try WordTally(keepStopWords: keepStopWords)
        let buckets = try Activity.bucketsFor(store, timeZone)
        let (lower, upper) = scope.range.utcBounds(buckets)
        let filter = scope.filter(lower: lower, upper: upper)
        var counts: [Int64: [String: Int64]] = [:]
        var totals: [String: Int64] = [:]
        var days: ClosedRange<Int64>?
        try store.rows("SELECT created_at, text FROM tweets WHERE created_at IS NOT NULL AND \(filter.sql)", filter.arguments) { r in
            let day = buckets.day(of: r.int(0))
            days = min(day, days?.lowerBound ?? day)...max(day, days?.upperBound ?? day)
            let start = Timeline.periodStart(day, period)
            tally.words(of: r.string(1) ?? "") { word in
                counts[start, default: [:]][word, default: 0] += 1
                totals[word, default: 0] += 1
            }
        }
        var result = Ranking.periods(counts, by: period, range: scope.range, days: days, timeZone: timeZone, limit: limit)
        result.relabel(Dictionary(uniqueKeysWithValues: result.terms.map { ($0, tally.label(of: $0, tweets: totals[$0] ?? 0)) }))
        return result
    }
}

/// Cuts tweets into the words `WordCounts` counts, and remembers their spellings.
struct WordTally {
    private let tokenizer: WordTokenizer
    private let stopWords: Set<String>
    /// Spellings other than the word itself, per word, with their tweets; the word's own
    /// spelling has the rest of its tweets (most spellings are the word: this keeps memory low).
    private var otherSpellings: [String: [String: Int64]] = [:]
    /// The words already given for the tweet being cut.
    private var seen: [String] = []

    /// A tally that leaves the stop words out unless `keepStopWords`.
    init(keepStopWords: Bool) throws {
        tokenizer = try WordTokenizer()
        stopWords = keepStopWords ? [] : StopWords(tokenizer: tokenizer).folded
    }

    /// Calls `body` once for each word `text` counts for.
    mutating func words(of text: String, _ body: (String) -> Void) {
        let entities = Self.entityBytes(text)
        seen.removeAll(keepingCapacity: true)
        var text = text
        text.withUTF8 { bytes in
            tokenizer.cut(bytes)
            for token in tokenizer.tokens {
                if entities.contains(where: { $0.overlaps(token.source) }) { continue }
                let folded = tokenizer.folded[token.folded]
                if Self.onlyDigits(folded) { continue }
                let word = String(decoding: folded, as: UTF8.self)
                if stopWords.contains(word) || seen.contains(word) { continue }
                seen.append(word)
                // Most words are typed as they fold (lower case, no accents): no spelling to keep.
                let typed = UnsafeBufferPointer(rebasing: bytes[token.source])
                if !typed.elementsEqual(folded) {
                    let spelling = TagNormalizer.nfc(String(decoding: typed, as: UTF8.self))
                    if spelling != word { otherSpellings[word, default: [:]][spelling, default: 0] += 1 }
                }
                body(word)
            }
        }
    }

    /// The most frequent spelling of `word`, counted in `tweets` tweets (ties: the smallest in
    /// code-point order, as for hashtags).
    func label(of word: String, tweets: Int64) -> String {
        var spellings = otherSpellings[word] ?? [:]
        let own = tweets - spellings.values.reduce(0, +)
        if own > 0 { spellings[word] = own }
        return spellings.isEmpty ? word : TagNormalizer.label(spellings)
    }

    /// The UTF-8 ranges of the text's hashtags, mentions (and list references) and URLs.
    static func entityBytes(_ text: String) -> [Range<Int>] {
        let entities = TwitterText.hashtags(in: text) + TwitterText.mentionsOrLists(in: text) + TwitterText.urls(in: text)
        guard !entities.isEmpty else { return [] }
        var offsets: [Int] = []
        offsets.reserveCapacity(text.utf8.count + 1)
        var at = 0
        for scalar in text.unicodeScalars {
            offsets.append(at)
            at += UTF8.width(scalar)
        }
        offsets.append(at)
        return entities.map { offsets[$0.start]..<offsets[$0.end] }
    }

    /// True for a word made only of decimal digits (any script's).
    static func onlyDigits(_ word: ArraySlice<UInt8>) -> Bool {
        if word.allSatisfy({ $0 < 0x80 }) { return word.allSatisfy { $0 >= 0x30 && $0 <= 0x39 } }
        return String(decoding: word, as: UTF8.self).unicodeScalars.allSatisfy { $0.properties.generalCategory == .decimalNumber }
    }
}

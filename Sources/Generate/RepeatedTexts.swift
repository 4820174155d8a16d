import Model

/// Copied messages, planted for `twindex repeats` (ANALYSIS.md "Trends and words", identical
/// texts): one account in four now and then tweets one of a few fixed texts instead of its
/// own words, as civil servants pass on a campaign message. The rest of the tweet is made as
/// usual, so a planted text also comes as a native retweet (`RT @name: text`), with a link
/// (a different one each time), a reply prefix, hashtags or a mention after it.
///
/// The truth is kept from what was written, never by parsing it back: a planted tweet's
/// identical-text key is its text without the retweet prefix and link the writer put in
/// (their positions are known), HTML entities decoded as a reader decodes them, white space
/// collapsed. Each planted text holds punctuation no vocabulary word has (and no domain name,
/// which a reader would take for a URL), so no unplanted tweet can share a key with a planted one; unplanted tweets may still repeat each other by
/// chance, and the truth does not list those.
enum RepeatedTexts {
    /// The planted texts, and how often each is picked relative to the others.
    static let texts: [(text: String, weight: Double)] = [
        ("Doe mee: de Week van de Ambtenaar begint vandaag!", 4),
        ("Nieuw op de site: de kabinetsplannen voor 2013, per ministerie.", 3),
        ("Let op: morgen is het kantoor gesloten wegens onderhoud.", 2),
        ("Lees het jaarverslag, en geef ons je mening!", 1),
    ]

    /// The share of a planting account's tweets that carry a planted text.
    static let share = 0.05

    /// Whether `account` plants texts: one in four.
    static func plants(_ account: Account) -> Bool { account.index % 4 == 1 }

    /// The planted text of `account`'s next tweet, or nil (then its own words). Draws from
    /// `rng` only for planting accounts, so the others' timelines are as they would be without.
    static func text(for account: Account, _ rng: inout SeededRandom) -> String? {
        guard plants(account), rng.unit() < share else { return nil }
        var r = rng.unit() * texts.reduce(0) { $0 + $1.weight }
        for t in texts {
            r -= t.weight
            if r < 0 { return t.text }
        }
        return texts[0].text
    }

    /// The identical-text key of a written text (code points): without `removed` (the
    /// retweet prefix and links), `&amp;`, `&lt;`, `&gt;` decoded, white space collapsed.
    static func key(of text: String, removing removed: [Range<Int>]) -> String {
        var kept = String.UnicodeScalarView()
        for (i, c) in text.unicodeScalars.enumerated() where !removed.contains(where: { $0.contains(i) }) { kept.append(c) }
        let decoded = String(kept).replacingEntities()
        return decoded.split(whereSeparator: { $0 == " " }).joined(separator: " ")
    }
}

extension Truth {
    /// The tweets and authors of one planted identical text.
    public struct RepeatTruth: Sendable {
        /// Tweets with the text.
        public var tweets = 0
        /// Their authors, by account index.
        public var accounts = Set<Int>()
    }

    /// The truth file's `repeats`: every planted text in two or more tweets, as `twindex
    /// repeats` lists them (`text`, `tweets`, `accounts`; most tweets first, ties by text).
    var repeatsJSON: JSONValue {
        .array(repeats.filter { $0.value.tweets > 1 }
            .sorted { $0.value.tweets != $1.value.tweets ? $0.value.tweets > $1.value.tweets : $0.key.utf8.lexicographicallyPrecedes($1.key.utf8) }
            .map { .object(["text": .string($0.key), "tweets": .int($0.value.tweets), "accounts": .int($0.value.accounts.count)]) })
    }

    /// Adds a planted tweet of `account` whose identical-text key is `key`.
    mutating func addRepeat(_ key: String, account: Int) {
        repeats[key, default: .init()].tweets += 1
        repeats[key]?.accounts.insert(account)
    }
}

private extension String {
    /// The three entities the writer may put in a text, decoded (`&amp;` last).
    func replacingEntities() -> String {
        guard contains("&") else { return self }
        var s = self
        for (entity, plain) in [("&lt;", "<"), ("&gt;", ">"), ("&amp;", "&")] {
            s = s.components(separatedBy: entity).joined(separator: plain)
        }
        return s
    }
}

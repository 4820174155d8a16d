import Store

/// The words `twindex words` leaves out unless `--keep-stopwords`: the Snowball project's
/// Dutch and English stop-word lists (StopWordsDutch.swift, StopWordsEnglish.swift, each
/// naming its source and licence), folded by the same tokenizer as the tweets, so `één`
/// in a list stops `een`, `EEN` and `één` in a text alike. An entry the tokenizer cuts in
/// two (English `don't` → `don`, `t`) stops both pieces, as a tweet's `don't` gives both.
struct StopWords {
    /// The folded forms of every entry.
    let folded: Set<String>

    /// Both lists, folded by `tokenizer`.
    init(tokenizer: WordTokenizer) {
        var words = Set<String>()
        for entry in (Self.dutch + " " + Self.english).split(whereSeparator: \.isWhitespace) {
            for word in tokenizer.words(in: String(entry)) { words.insert(word.word) }
        }
        folded = words
    }
}

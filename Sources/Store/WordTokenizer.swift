import CSQLite
#if canImport(Glibc)
import Glibc
#endif

/// Cuts text into words exactly as the store's full-text index does: SQLite's own FTS5
/// `unicode61 remove_diacritics 2` tokenizer (the one `tweets_fts` is declared with), called
/// directly, so `twindex words` and `twindex search` agree on what a word is. Letters,
/// digits and private-use characters make words; everything else separates them. Each word
/// comes case-folded and without diacritics (`Financiële` → `financiele`), with its byte
/// range in the text, so a caller can read the spelling as typed.
///
/// The tokenizer lives on a private in-memory SQLite connection, so it serves any store
/// (PostgreSQL ones too). One instance is not to be shared between threads.
///
/// ```swift
/// let tokenizer = try WordTokenizer()
/// let words = tokenizer.words(in: "Café's open") // [("cafe", 0..<5), ("s", 6..<7), ("open", 8..<12)]
/// ```
package final class WordTokenizer {
    /// One word of the last text cut: its folded form in `folded` and its range in the text.
    package struct Token {
        /// Where the folded form is in `WordTokenizer.folded`.
        package var folded: Range<Int>
        /// Where the word is in the text's UTF-8.
        package var source: Range<Int>
    }

    private let connection: Connection
    private let module: fts5_tokenizer
    private let instance: OpaquePointer
    /// The folded forms of the last text's words, back to back (see `Token.folded`).
    package private(set) var folded: [UInt8] = []
    /// The last text's words, in order.
    package private(set) var tokens: [Token] = []

    /// SQLite compares the type name of a bound pointer when the statement runs, so the
    /// name must outlive the bind call: a C string made once and kept.
    private static let pointerType = strdup("fts5_api_ptr")

    /// Finds FTS5's `unicode61` tokenizer and makes one with `remove_diacritics 2`.
    package init() throws {
        connection = try Connection.inMemory()
        var api: UnsafeMutablePointer<fts5_api>?
        let statement = try connection.prepare("SELECT fts5(?1)")
        // fts5() writes the API's address through the bound pointer while the statement runs.
        try withUnsafeMutablePointer(to: &api) {
            _ = sqlite3_bind_pointer(statement.handle, 1, UnsafeMutableRawPointer($0), Self.pointerType, nil)
            try statement.step()
        }
        guard let api, let find = api.pointee.xFindTokenizer else { throw Self.unavailable("no FTS5 API") }
        var context: UnsafeMutableRawPointer?
        var module = fts5_tokenizer()
        guard find(api, "unicode61", &context, &module) == SQLITE_OK, let create = module.xCreate else {
            throw Self.unavailable("no unicode61 tokenizer")
        }
        var made: OpaquePointer?
        let rc = withArrayOfCStrings(["remove_diacritics", "2"]) { arguments in
            arguments.withUnsafeBufferPointer { create(context, UnsafeMutablePointer(mutating: $0.baseAddress), 2, &made) }
        }
        guard rc == SQLITE_OK, let made else { throw Self.unavailable("unicode61 refused remove_diacritics 2") }
        self.module = module
        instance = made
    }

    deinit { module.xDelete?(instance) }

    private static func unavailable(_ why: String) -> StoreError {
        .sqlite(code: SQLITE_ERROR, message: "FTS5 tokenizer unavailable: \(why)", sql: nil)
    }

    /// Cuts `utf8` into words, replacing `tokens` and `folded`.
    package func cut(_ utf8: UnsafeBufferPointer<UInt8>) {
        tokens.removeAll(keepingCapacity: true)
        folded.removeAll(keepingCapacity: true)
        guard let base = utf8.baseAddress, !utf8.isEmpty, let tokenize = module.xTokenize else { return }
        let me = Unmanaged.passUnretained(self).toOpaque()
        base.withMemoryRebound(to: CChar.self, capacity: utf8.count) { text in
            _ = tokenize(instance, me, FTS5_TOKENIZE_DOCUMENT, text, Int32(utf8.count)) { context, _, token, length, start, end in
                guard let context, let token else { return SQLITE_OK }
                let me = Unmanaged<WordTokenizer>.fromOpaque(context).takeUnretainedValue()
                let from = me.folded.count
                token.withMemoryRebound(to: UInt8.self, capacity: Int(length)) {
                    me.folded.append(contentsOf: UnsafeBufferPointer(start: $0, count: Int(length)))
                }
                me.tokens.append(Token(folded: from..<me.folded.count, source: Int(start)..<Int(end)))
                return SQLITE_OK
            }
        }
    }

    /// The words of `text`: folded forms and byte ranges (convenient; `cut` is the fast path).
    package func words(in text: String) -> [(word: String, range: Range<Int>)] {
        var copy = text
        copy.withUTF8 { cut($0) }
        return tokens.map { (String(decoding: folded[$0.folded], as: UTF8.self), $0.source) }
    }
}

/// Calls `body` with `strings` as an array of C strings valid during the call.
private func withArrayOfCStrings<R>(_ strings: [String], _ body: ([UnsafePointer<CChar>?]) -> R) -> R {
    let copies = strings.map { strdup($0) }
    defer { copies.forEach { free($0) } }
    return body(copies.map { UnsafePointer($0) })
}

extension Connection {
    /// A private in-memory database (the tokenizer's home, and a scratch database for tests).
    static func inMemory() throws -> Connection {
        try Connection(path: ":memory:", flags: SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE)
    }
}

/// A search query in the FTS5 syntax twindex documents, parsed as SQLite's FTS5 parses it, so
/// a PostgreSQL store can answer it with a `tsquery` (see `PGSearch`).
///
/// The grammar, tightest first (checked against SQLite's FTS5): a phrase is one or more terms
/// joined by `+`, each a bareword or a `"quoted string"` (`""` is a quote), with `*` after the
/// last for a prefix; adjacent phrases and `NEAR(phrase phrase, N)` groups are ANDed
/// implicitly; then `NOT`, `AND` and `OR`, binary and left-associative; parentheses group
/// (but take no implicit AND). A bareword is letters, digits, `_` and characters past ASCII;
/// `AND`, `OR` and `NOT` in capitals are operators, `NEAR` is one before `(`. What FTS5 refuses
/// (`#tag`, `a AND`, `NOT a`, `(a) b`) is refused here with the text it stopped at.
indirect enum FTS5Query: Equatable {
    /// Terms that must follow one another.
    case phrase([Term])
    /// Phrases at most `distance` tokens apart, in either order.
    case near([[Term]], distance: Int)
    /// Both.
    case and(FTS5Query, FTS5Query)
    /// Either.
    case or(FTS5Query, FTS5Query)
    /// The first and not the second.
    case not(FTS5Query, FTS5Query)

    /// One bareword or quoted string; the tokenizer may split its text into several tokens.
    struct Term: Equatable {
        /// The text as written (quotes removed).
        var text: String
        /// `*` followed it: its last token is a prefix.
        var prefix = false
    }

    /// Why a query cannot be parsed: FTS5's own wording.
    struct SyntaxError: Error, Equatable {
        /// What is wrong, e.g. `syntax error near "#"`.
        var message: String
    }

    /// Parses `text`.
    static func parse(_ text: String) throws -> FTS5Query {
        var parser = Parser(tokens: try lex(text))
        let query = try parser.orExpression()
        if let extra = parser.peek { throw SyntaxError(message: "fts5: syntax error near \"\(extra.text)\"") }
        return query
    }

    enum Token: Equatable {
        case word(String)
        case quoted(String)
        case symbol(Character)

        var text: String {
            switch self {
            case .word(let w): return w
            case .quoted(let q): return "\"" + q + "\""
            case .symbol(let c): return String(c)
            }
        }
    }

    /// Letters and digits of ASCII, `_`, U+001A and everything past ASCII.
    static func isBareword(_ c: Character) -> Bool {
        c.unicodeScalars.allSatisfy { s in
            s.value > 127 || s.value == 0x1A || s == "_" || ("a"..."z").contains(s) || ("A"..."Z").contains(s)
                || ("0"..."9").contains(s)
        }
    }

    private static func lex(_ text: String) throws -> [Token] {
        var tokens: [Token] = []
        var i = text.startIndex
        while i < text.endIndex {
            let c = text[i]
            if c.isWhitespace {
                i = text.index(after: i)
            } else if c == "\"" {
                var value = ""
                var j = text.index(after: i)
                var closed = false
                while j < text.endIndex {
                    if text[j] == "\"" {
                        let next = text.index(after: j)
                        if next < text.endIndex, text[next] == "\"" {
                            value.append("\"")
                            j = text.index(after: next)
                            continue
                        }
                        closed = true
                        j = next
                        break
                    }
                    value.append(text[j])
                    j = text.index(after: j)
                }
                guard closed else { throw SyntaxError(message: "unterminated string") }
                tokens.append(.quoted(value))
                i = j
            } else if "()*+,:^{}".contains(c) {
                tokens.append(.symbol(c))
                i = text.index(after: i)
            } else if isBareword(c) {
                var j = i
                while j < text.endIndex, isBareword(text[j]) { j = text.index(after: j) }
                tokens.append(.word(String(text[i..<j])))
                i = j
            } else {
                throw SyntaxError(message: "fts5: syntax error near \"\(c)\"")
            }
        }
        return tokens
    }

    private struct Parser {
        let tokens: [Token]
        var position = 0

        var peek: Token? { position < tokens.count ? tokens[position] : nil }

        private func near(_ token: Token?) -> SyntaxError {
            SyntaxError(message: "fts5: syntax error near \"\(token?.text ?? "")\"")
        }

        private mutating func take() -> Token? {
            defer { position += 1 }
            return peek
        }

        private mutating func takeOperator(_ name: String) -> Bool {
            guard peek == .word(name) else { return false }
            position += 1
            return true
        }

        mutating func orExpression() throws -> FTS5Query {
            var left = try andExpression()
            while takeOperator("OR") { left = .or(left, try andExpression()) }
            return left
        }

        private mutating func andExpression() throws -> FTS5Query {
            var left = try notExpression()
            while takeOperator("AND") { left = .and(left, try notExpression()) }
            return left
        }

        private mutating func notExpression() throws -> FTS5Query {
            var left = try basic()
            while takeOperator("NOT") { left = .not(left, try basic()) }
            return left
        }

        /// A parenthesised expression, or phrases and NEAR groups side by side.
        private mutating func basic() throws -> FTS5Query {
            if peek == .symbol("(") {
                position += 1
                let inner = try orExpression()
                guard take() == .symbol(")") else { throw near(position - 1 < tokens.count ? tokens[position - 1] : nil) }
                return inner
            }
            var result = try nearOrPhrase()
            while let next = peek, startsPhrase(next) { result = .and(result, try nearOrPhrase()) }
            return result
        }

        private func startsPhrase(_ token: Token) -> Bool {
            switch token {
            case .quoted: return true
            case .word(let w): return !["AND", "OR", "NOT"].contains(w)
            case .symbol: return false
            }
        }

        private mutating func nearOrPhrase() throws -> FTS5Query {
            if peek == .word("NEAR"), position + 1 < tokens.count, tokens[position + 1] == .symbol("(") {
                position += 2
                var phrases: [[Term]] = []
                while let next = peek, startsPhrase(next) { phrases.append(try phrase()) }
                var distance = 10
                if peek == .symbol(",") {
                    position += 1
                    guard case .word(let w)? = take(), let n = Int(w) else { throw near(peek) }
                    distance = n
                }
                guard !phrases.isEmpty, take() == .symbol(")") else { throw near(peek) }
                return phrases.count == 1 ? .phrase(phrases[0]) : .near(phrases, distance: distance)
            }
            return .phrase(try phrase())
        }

        private mutating func phrase() throws -> [Term] {
            var terms = [try term()]
            while peek == .symbol("+") {
                position += 1
                terms.append(try term())
            }
            return terms
        }

        private mutating func term() throws -> Term {
            var result: Term
            switch take() {
            case .word(let w) where !["AND", "OR", "NOT"].contains(w): result = Term(text: w)
            case .quoted(let q): result = Term(text: q)
            default:
                position -= 1
                if let t = peek, case .symbol(let s) = t, ":^{}".contains(s) {
                    throw SyntaxError(message: "column filters and ^ are not available on a PostgreSQL store")
                }
                throw near(peek)
            }
            if peek == .symbol("*") {
                position += 1
                result.prefix = true
            }
            if let t = peek, case .symbol(let s) = t, ":^".contains(s) {
                throw SyntaxError(message: "column filters and ^ are not available on a PostgreSQL store")
            }
            return result
        }
    }
}

/// `sql` and `query` on a PostgreSQL store: the text split into statements, each checked to
/// be a reading one (SELECT, WITH, VALUES, TABLE, EXPLAIN, SHOW; anything else, transaction
/// control and SET included, is refused before anything runs), its named parameters
/// (`:name`, `@name`, `$name`, as SQLite takes them) numbered for the server, and all of them
/// run in one read-only transaction that is rolled back. A write hidden in a reading statement
/// (`WITH d AS (DELETE …) SELECT …`) is refused by the server, as `StoreError.readOnly`.
enum PGReadOnlySQL {
    /// One statement as the server takes it, and the parameter names of its `$1`, `$2`, ….
    struct Statement: Equatable {
        /// The statement as typed.
        var text: String
        /// With `$1…` for its named parameters.
        var sql: String
        /// The name of each `$k`, in order.
        var parameters: [String]
    }

    private static let reading: Set<String> = ["select", "with", "values", "table", "explain", "show"]

    /// The statements of `sql` (empty statements and comments dropped); `StoreError.readOnly`
    /// for one that is no reading statement, `positionalParameter` for `$1`.
    static func statements(_ sql: String) throws -> [Statement] {
        try split(sql).map { text in
            let keyword = text.prefix(while: { $0.isLetter }).lowercased()
            guard reading.contains(keyword) else { throw StoreError.readOnly(statement: text) }
            return try numbered(text)
        }
    }

    /// `sql` cut at each `;` outside quotes, dollar quotes and comments, comments removed.
    static func split(_ sql: String) -> [String] {
        var statements: [String] = []
        var current = ""
        let chars = Array(sql)
        var i = 0
        func flush() {
            let text = current.trimmingCharacters(in: .whitespacesAndNewlines)
            if !text.isEmpty { statements.append(text) }
            current = ""
        }
        while i < chars.count {
            let c = chars[i]
            let next: Character? = i + 1 < chars.count ? chars[i + 1] : nil
            if c == "-", next == "-" {
                while i < chars.count, chars[i] != "\n" { i += 1 }
                current.append(" ")
            } else if c == "/", next == "*" {
                i += 2
                while i < chars.count, !(chars[i] == "*" && i + 1 < chars.count && chars[i + 1] == "/") { i += 1 }
                i += 2
                current.append(" ")
            } else if let end = quotedEnd(chars, at: i) {
                current += String(chars[i..<end])
                i = end
            } else if c == ";" {
                flush()
                i += 1
            } else {
                current.append(c)
                i += 1
            }
        }
        flush()
        return statements
    }

    /// Where the quoted string, quoted name or dollar-quoted string opening at `i` ends (the
    /// index past it); nil when none opens there.
    private static func quotedEnd(_ chars: [Character], at i: Int) -> Int? {
        let c = chars[i]
        if c == "'" || c == "\"" {
            var j = i + 1
            while j < chars.count {
                if chars[j] == c {
                    if j + 1 < chars.count, chars[j + 1] == c { j += 2; continue }
                    return j + 1
                }
                j += 1
            }
            return chars.count
        }
        guard c == "$" else { return nil }
        var j = i + 1
        while j < chars.count, chars[j].isLetter || chars[j] == "_" || (j > i + 1 && chars[j].isNumber) { j += 1 }
        guard j < chars.count, chars[j] == "$" else { return nil }
        let tag = Array(chars[i...j])
        var k = j + 1
        while k < chars.count, !(chars[k] == "$" && Array(chars[k..<min(k + tag.count, chars.count)]) == tag) { k += 1 }
        return min(k + tag.count, chars.count)
    }

    /// `text` with its named parameters numbered (one number per distinct name).
    private static func numbered(_ text: String) throws -> Statement {
        let chars = Array(text)
        var out = ""
        var names: [String] = []
        var i = 0
        while i < chars.count {
            let c = chars[i]
            let next: Character? = i + 1 < chars.count ? chars[i + 1] : nil
            if let end = quotedEnd(chars, at: i) {
                out += String(chars[i..<end])
                i = end
                continue
            }
            if c == ":", next == ":" {
                out += "::"
                i += 2
                continue
            }
            if c == "$", next?.isNumber == true {
                throw StoreError.positionalParameter(statement: text)
            }
            if ":@$".contains(c), let n = next, n.isLetter || n == "_" {
                var j = i + 1
                while j < chars.count, chars[j].isLetter || chars[j].isNumber || chars[j] == "_" { j += 1 }
                let name = String(chars[(i + 1)..<j])
                if let k = names.firstIndex(of: name) {
                    out += "$\(k + 1)"
                } else {
                    names.append(name)
                    out += "$\(names.count)"
                }
                i = j
                continue
            }
            out.append(c)
            i += 1
        }
        return Statement(text: text, sql: out, parameters: names)
    }

    /// The type OID a value is sent as: integers, reals and bytes as themselves, text left
    /// for the server to infer from where it is used (as SQLite's loose typing allows).
    private static func type(_ value: SQLValue) -> UInt32 {
        switch value {
        case .integer: return 20
        case .real: return 701
        case .blob: return 17
        case .text, .null: return 0
        }
    }

    /// `Store.query` on a PostgreSQL store (see the type's summary).
    static func run(_ sql: String, parameters: [String: SQLValue], on db: PGConnection,
                    columns: ([String]) throws -> Void, row: ([SQLValue]) throws -> Void) throws {
        let statements = try statements(sql)
        guard !statements.isEmpty else { throw StoreError.emptyStatement }
        var known: [String] = []
        for s in statements { for p in s.parameters where !known.contains(p) { known.append(p) } }
        if let unknown = parameters.keys.sorted().first(where: { !known.contains($0) }) {
            throw StoreError.unknownParameter(name: unknown, known: known)
        }
        if let missing = known.first(where: { parameters[$0] == nil }) { throw StoreError.missingParameter(name: missing) }
        do {
            // Every statement parsed and planned before any runs (outside the transaction, so a
            // failed try leaves it clean); text the server cannot place gets the type text
            // (`SELECT :who`).
            var types: [[UInt32]] = []
            for s in statements {
                let values = s.parameters.compactMap { parameters[$0] }
                var t = values.map(type)
                do {
                    try db.check(s.sql, types: t)
                } catch let error as PostgresError where error.sqlState == "42P18" {
                    t = values.map { type($0) == 0 ? 25 : type($0) }
                    try db.check(s.sql, types: t)
                }
                types.append(t)
            }
            try db.execute("BEGIN READ ONLY")
            defer { try? db.execute("ROLLBACK") }
            for (i, (s, t)) in zip(statements, types).enumerated() {
                let values = s.parameters.compactMap { parameters[$0] }
                if i == statements.count - 1 {
                    try db.stream(s.sql, values, types: t, columns: { r in try columns((0..<r.columnCount).map(r.columnName)) },
                                  row: { r in try row((0..<r.columnCount).map(r.value)) })
                } else {
                    try db.stream(s.sql, values, types: t, columns: { _ in }, row: { _ in })
                }
            }
        } catch let error as PostgresError where error.sqlState == "25006" {
            guard case .server(_, _, let sql) = error else { throw error }
            throw StoreError.readOnly(statement: sql)
        } catch let error as PostgresError where error.sqlState.hasPrefix("42") {
            guard case .server(_, let message, let sql) = error else { throw error }
            throw StoreError.invalidSQL(message: message, sql: sql)
        }
    }

    /// The parameter names of `sql`'s statements, in order of first use.
    static func parameterNames(_ sql: String) throws -> [String] {
        let statements = try statements(sql)
        if statements.isEmpty { throw StoreError.emptyStatement }
        var names: [String] = []
        for s in statements { for p in s.parameters where !names.contains(p) { names.append(p) } }
        return names
    }
}

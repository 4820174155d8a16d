import Foundation

/// The result of a read-only query: column names and rows of values.
public struct QueryResult: Equatable, Sendable {
    /// The last statement's column names, as SQLite reports them (duplicates possible).
    public var columns: [String]
    /// Its rows.
    public var rows: [[SQLValue]]
}

extension Store {
    /// Runs one or more statements that only read and collects the last one's rows (see
    /// `query(_:parameters:columns:row:)`; use that to stream a large result).
    public func query(_ sql: String, parameters: [String: SQLValue] = [:]) throws -> QueryResult {
        var result = QueryResult(columns: [], rows: [])
        try query(sql, parameters: parameters, columns: { result.columns = $0 }, row: { result.rows.append($0) })
        return result
    }

    /// `query(_:parameters:)` with every parameter bound as text.
    public func query(_ sql: String, parameters: [String: String]) throws -> QueryResult {
        try query(sql, parameters: parameters.mapValues(SQLValue.text))
    }

    /// Runs one or more statements that only read (the store is also opened read-only, so
    /// this is a second fence; read-only PRAGMAs such as `table_info` pass). Every statement
    /// is prepared before any runs, so a refused statement, an empty text or a parameter
    /// no statement has fails before anything is printed. Named parameters (`:name`,
    /// `@name`, `$name`) are bound from `parameters` as given. The last statement's column
    /// names go to `columns`, then each of its rows to `row` as it is read: memory stays flat
    /// in the size of the result.
    public func query(_ sql: String, parameters: [String: SQLValue], columns: ([String]) throws -> Void,
                      row: ([SQLValue]) throws -> Void) throws {
        if case .postgres(let connection) = engine {
            return try PGReadOnlySQL.run(sql, parameters: parameters, on: connection, columns: columns, row: row)
        }
        let statements = try prepareAll(sql)
        guard let last = statements.last else { throw StoreError.emptyStatement }
        let known = try parameterNames(of: statements)
        if let unknown = parameters.keys.sorted().first(where: { !known.contains($0) }) {
            throw StoreError.unknownParameter(name: unknown, known: known)
        }
        for statement in statements {
            for i in 1...max(1, statement.parameterCount) where i <= statement.parameterCount {
                let key = String((statement.parameterName(i) ?? "?").dropFirst())
                guard let value = parameters[key] else { throw StoreError.missingParameter(name: key) }
                statement.bind(i, value: value)
            }
            if statement !== last {
                while try statement.step() {}
                continue
            }
            try columns((0..<statement.columnCount).map(statement.columnName))
            while try statement.step() {
                try row((0..<statement.columnCount).map(statement.value))
            }
        }
    }

    /// The named parameters of `sql`'s statements, without their `:`/`@`/`$`, in order of
    /// first use; an empty text is `StoreError.emptyStatement`.
    public func parameterNames(_ sql: String) throws -> [String] {
        if case .postgres = engine { return try PGReadOnlySQL.parameterNames(sql) }
        let statements = try prepareAll(sql)
        if statements.isEmpty { throw StoreError.emptyStatement }
        return try parameterNames(of: statements)
    }

    private func parameterNames(of statements: [Statement]) throws -> [String] {
        var names: [String] = []
        for statement in statements where statement.parameterCount > 0 {
            for i in 1...statement.parameterCount {
                guard let name = statement.parameterName(i) else { throw StoreError.positionalParameter(statement: statement.sql) }
                let key = String(name.dropFirst())
                if !names.contains(key) { names.append(key) }
            }
        }
        return names
    }

    /// Every statement of `sql`, prepared and checked to only read.
    private func prepareAll(_ sql: String) throws -> [Statement] {
        var remaining = Substring(sql)
        var statements: [Statement] = []
        while let statement = try nextStatement(&remaining) {
            // SQLite counts ATTACH as reading (it writes no file); the store refuses it by a
            // limit of 0 attached databases, whose message says nothing of why.
            if ["attach", "detach"].contains(Self.leadingKeyword(statement.sql)) {
                throw StoreError.attachRefused(statement: statement.sql)
            }
            guard statement.isReadOnly || Self.isReadOnlyPragma(statement.sql) else {
                throw StoreError.readOnly(statement: statement.sql)
            }
            statements.append(statement)
        }
        return statements
    }

    /// PRAGMAs that only report (SQLite marks no PRAGMA read-only): the listing ones, with or
    /// without their table argument, and settings read without a value (`= x` or `(x)` on a
    /// setting would set it).
    static func isReadOnlyPragma(_ sql: String) -> Bool {
        let text = String(withoutLeadingComments(sql)).lowercased()
            .trimmingCharacters(in: .whitespacesAndNewlines.union(CharacterSet(charactersIn: ";")))
        guard text.hasPrefix("pragma"), !text.contains("=") else { return false }
        let body = text.dropFirst("pragma".count).trimmingCharacters(in: .whitespaces)
        let name = String(body.prefix(while: { $0.isLetter || $0 == "_" || $0 == "." }).split(separator: ".").last ?? "")
        let hasArgument = body.contains("(")
        return listingPragmas.contains(name) || (!hasArgument && settingPragmas.contains(name))
    }

    /// The statement's first word, lower-cased, after white space and comments.
    static func leadingKeyword(_ sql: String) -> String {
        withoutLeadingComments(sql).prefix(while: \.isLetter).lowercased()
    }

    /// `sql` from its first character that is neither white space nor in a `--` or `/* */` comment.
    private static func withoutLeadingComments(_ sql: String) -> Substring {
        var rest = Substring(sql)
        while true {
            rest = rest.drop(while: \.isWhitespace)
            if rest.hasPrefix("--") {
                rest = rest.drop(while: { !$0.isNewline })
            } else if rest.hasPrefix("/*") {
                guard let end = rest.range(of: "*/") else { return "" }
                rest = rest[end.upperBound...]
            } else {
                return rest
            }
        }
    }

    private static let listingPragmas: Set<String> = [
        "table_info", "table_xinfo", "table_list", "index_list", "index_info", "index_xinfo", "foreign_key_list",
        "database_list", "collation_list", "function_list", "module_list", "pragma_list", "compile_options",
        "integrity_check", "quick_check", "foreign_key_check",
    ]

    private static let settingPragmas: Set<String> = [
        "user_version", "schema_version", "application_id", "page_count", "page_size", "freelist_count",
        "encoding", "journal_mode", "data_version", "auto_vacuum", "cache_size",
    ]

    /// Prepares the next statement of `sql`, advancing past it; nil when only white space is left.
    private func nextStatement(_ sql: inout Substring) throws -> Statement? {
        while true {
            let trimmed = sql.drop(while: { $0.isWhitespace || $0 == ";" })
            if trimmed.isEmpty { return nil }
            let (statement, rest) = try db.prepareFirst(String(trimmed))
            sql = Substring(rest)
            if let statement { return statement }
        }
    }
}

/// The result of a read-only query: column names and rows of values.
public struct QueryResult: Equatable, Sendable {
    /// Column names of the last statement.
    public var columns: [String]
    /// Its rows.
    public var rows: [[SQLValue]]
}

extension Store {
    /// Runs one or more statements that only read (the store is also opened read-only, so
    /// this is a second fence). Named parameters (`:name`, `@name`, `$name`) are bound from
    /// `parameters`; a missing one is an error naming it. Returns the last statement's rows.
    public func query(_ sql: String, parameters: [String: String] = [:]) throws -> QueryResult {
        var remaining = Substring(sql)
        var result = QueryResult(columns: [], rows: [])
        while let statement = try nextStatement(&remaining) {
            guard statement.isReadOnly else { throw StoreError.readOnly(statement: statement.sql) }
            for i in 1...max(1, statement.parameterCount) where i <= statement.parameterCount {
                guard let name = statement.parameterName(i) else {
                    throw StoreError.positionalParameter(statement: statement.sql)
                }
                let key = String(name.dropFirst())
                guard let value = parameters[key] else { throw StoreError.missingParameter(name: key) }
                // Numbers go in as numbers (LIMIT :n, created_at > :t), anything else as text.
                if let n = Int64(value) {
                    statement.bind(i, n)
                } else if let x = Double(value), value.contains(".") {
                    statement.bind(i, x)
                } else {
                    statement.bind(i, value)
                }
            }
            result = QueryResult(columns: (0..<statement.columnCount).map(statement.columnName), rows: [])
            while try statement.step() {
                result.rows.append((0..<statement.columnCount).map(statement.value))
            }
        }
        return result
    }

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

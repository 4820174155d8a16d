/// What went wrong with a store, with the path, statement or value at fault. The
/// descriptions say what happened; the CLI adds which command or flag fixes it.
public enum StoreError: Error, Equatable, CustomStringConvertible {
    /// No store at `path` (readers never create one).
    case notFound(path: String)
    /// SQLite refused: its (extended) result code and message, and the statement when known.
    case sqlite(code: Int32, message: String, sql: String?)
    /// The store was written by a newer twindex.
    case newerSchema(path: String, found: Int, supported: Int)
    /// The store has an older schema, which only a writer migrates.
    case olderSchema(path: String, found: Int, supported: Int)
    /// An SQLite file that is not a twindex store.
    case notATwindexStore(path: String)
    /// Another ingest holds the store's writer lock.
    case locked(path: String)
    /// The lock file beside the store cannot be created.
    case lockFile(path: String, reason: String)
    /// A statement given to a reading query would write.
    case readOnly(statement: String)
    /// A named parameter of a query has no value.
    case missingParameter(name: String)
    /// A query text holds no statement (only white space, `;` or comments).
    case emptyStatement
    /// A parameter was given that no statement of the query has; `known` are the ones it has.
    case unknownParameter(name: String, known: [String])
    /// A saved query's `-- param:` line is not `NAME text|integer|real`.
    case badParameterDeclaration(line: Int, text: String)
    /// A query uses positional parameters (`?`), which cannot be given by name.
    case positionalParameter(statement: String)
    /// SQL that SQLite cannot prepare.
    case invalidSQL(message: String, sql: String)
    /// A full-text query that FTS5 cannot parse.
    case invalidSearch(query: String, message: String)

    /// SQLITE_FULL, whatever the extended code.
    public var isDiskFull: Bool {
        if case .sqlite(let code, _, _) = self { return code & 0xFF == 13 }
        return false
    }

    /// One line saying what is wrong.
    public var description: String {
        switch self {
        case .notFound(let path):
            return "no store at \(path)"
        case .sqlite(let code, let message, let sql):
            return "SQLite error \(code): \(message)" + (sql.map { " (in: \($0.prefix(200)))" } ?? "")
        case .newerSchema(let path, let found, let supported):
            return "\(path) was written by a newer twindex (store schema \(found); this twindex knows up to \(supported))"
        case .olderSchema(let path, let found, let supported):
            return "\(path) has store schema \(found), older than \(supported); an ingest migrates it"
        case .notATwindexStore(let path):
            return "\(path) is an SQLite file but not a twindex store"
        case .locked(let path):
            return "another twindex ingest is writing to \(path)"
        case .lockFile(let path, let reason):
            return "cannot create \(path): \(reason)"
        case .readOnly(let statement):
            return "refused: the statement would write (\(statement.prefix(80)))"
        case .missingParameter(let name):
            return "the query needs a value for :\(name)"
        case .emptyStatement:
            return "the SQL text holds no statement"
        case .unknownParameter(let name, let known):
            return "the query has no parameter :\(name)" + (known.isEmpty ? " (it takes none)" : " (it has " + known.map { ":" + $0 }.joined(separator: ", ") + ")")
        case .badParameterDeclaration(let line, let text):
            return "line \(line): \(text): expected -- param: NAME text|integer|real"
        case .positionalParameter(let statement):
            return "positional parameters (?) cannot be given (in: \(statement.prefix(80)))"
        case .invalidSQL(let message, let sql):
            return "SQL error: \(message) (in: \(sql.prefix(200)))"
        case .invalidSearch(let query, let message):
            return "invalid search query \"\(query)\": \(message)"
        }
    }
}

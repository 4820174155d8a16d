/// What went wrong with a store, with what a user needs to fix it.
public enum StoreError: Error, Equatable, CustomStringConvertible {
    case notFound(path: String)
    case sqlite(code: Int32, message: String, sql: String?)
    case newerSchema(path: String, found: Int, supported: Int)
    case notATwindexStore(path: String)
    case locked(path: String)
    case readOnly(statement: String)
    case missingParameter(name: String)
    case invalidQuery(message: String)

    public var description: String {
        switch self {
        case .notFound(let path):
            return "no store at \(path) (run `twindex ingest --db \(path) FILES` first, or pass --db)"
        case .sqlite(let code, _, _) where code & 0xFF == 13:
            return "the disk is full (SQLite: database or disk is full); everything committed before is intact: free space and run the same command again"
        case .sqlite(let code, let message, let sql):
            return "SQLite error \(code): \(message)" + (sql.map { " (in: \($0.prefix(200)))" } ?? "")
        case .newerSchema(let path, let found, let supported):
            return "\(path) was written by a newer twindex (store schema \(found); this twindex knows up to \(supported)); upgrade twindex"
        case .notATwindexStore(let path):
            return "\(path) is an SQLite file but not a twindex store"
        case .locked(let path):
            return "another twindex ingest is writing to \(path); wait for it to finish (readers are not affected)"
        case .readOnly(let statement):
            return "refused: this command only reads, and the statement would write (\(statement.prefix(80)))"
        case .missingParameter(let name):
            return "the query needs a value for :\(name); pass --param \(name)=VALUE"
        case .invalidQuery(let message):
            return message
        }
    }
}

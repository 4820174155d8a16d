#if canImport(Glibc)
import Glibc
#endif

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
    /// The path is a directory, not a store file.
    case isADirectory(path: String)
    /// The path cannot be opened at all (a symbolic link loop, a broken link, permissions).
    case cannotOpen(path: String, reason: String)
    /// The file is not an SQLite database.
    case notSQLite(path: String)
    /// The file is empty, or a store whose first transaction has not committed yet.
    case emptyStore(path: String, beingCreated: Bool)
    /// A write needed a store this process may not write.
    case readOnlyStore(path: String, reason: String)
    /// A read-only store with a write-ahead log a read-only open cannot apply.
    case readOnlyWithLog(path: String)
    /// The disk (or quota) is full.
    case diskFull(path: String)
    /// Another process holds an SQLite lock on the store past the busy timeout.
    case busy(path: String)
    /// The file is damaged.
    case corrupt(path: String, message: String)
    /// The operating system failed to read or write the file.
    case io(path: String, message: String)
    /// A statement given to a reading query would write.
    case readOnly(statement: String)
    /// A reading query tried to attach (or detach) another database file.
    case attachRefused(statement: String)
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

    /// One line saying what is wrong.
    public var description: String {
        switch self {
        case .notFound(let path): return "no store at \(path)"
        case .sqlite(let code, let message, let sql): return "SQLite error \(code): \(message)" + (sql.map { " (in: \($0.prefix(200)))" } ?? "")
        case .newerSchema(let path, let found, let supported):
            return "\(path) was written by a newer twindex (store schema \(found); this twindex knows up to \(supported))"
        case .olderSchema(let path, let found, let supported): return "\(path) has store schema \(found), older than \(supported); an ingest migrates it"
        case .notATwindexStore(let path): return "\(path) is an SQLite file but not a twindex store; it was left unchanged"
        case .locked(let path): return "another twindex ingest is writing to \(path)"
        case .isADirectory(let path): return "\(path) is a directory, not a store file"
        case .cannotOpen(let path, let reason): return "cannot open the store \(path): \(reason)"
        case .notSQLite(let path): return "\(path) is not an SQLite file (so not a twindex store); it was left unchanged"
        case .emptyStore(let path, let beingCreated):
            return beingCreated
                ? "\(path) is being created by an ingest that has not committed yet"
                : "\(path) is an empty file, not a twindex store yet"
        case .readOnlyStore(let path, let reason): return "the store is read-only: cannot write \(path) (\(reason))"
        case .readOnlyWithLog(let path): return "the store is read-only and \(path)-wal holds changes a read-only open cannot apply"
        case .diskFull(let path): return "the disk is full: cannot write \(path); everything committed before is intact"
        case .busy(let path): return "\(path) is locked by another process that is writing it"
        case .corrupt(let path, let message): return "\(path) is damaged (SQLite: \(message))"
        case .io(let path, let message): return "cannot read or write \(path): \(message)"
        case .readOnly(let statement): return "refused: the statement would write (\(statement.prefix(80)))"
        case .attachRefused(let statement): return "refused: a read-only query cannot attach or detach databases (\(statement.prefix(80)))"
        case .missingParameter(let name): return "the query needs a value for :\(name)"
        case .emptyStatement: return "the SQL text holds no statement"
        case .unknownParameter(let name, let known):
            return "the query has no parameter :\(name)"
                + (known.isEmpty ? " (it takes none)" : " (it has " + known.map { ":" + $0 }.joined(separator: ", ") + ")")
        case .badParameterDeclaration(let line, let text): return "line \(line): \(text): expected -- param: NAME text|integer|real"
        case .positionalParameter(let statement): return "positional parameters (?) cannot be given (in: \(statement.prefix(80)))"
        case .invalidSQL(let message, let sql): return "SQL error: \(message) (in: \(sql.prefix(200)))"
        case .invalidSearch(let query, let message): return "invalid search query \"\(query)\": \(message)"
        }
    }

    /// The error for SQLite result `code` on the store at `path`: the causes a user can act
    /// on (full disk, read-only, busy, damaged, not SQLite, I/O) get their own case.
    /// `systemErrno` is what the operating system said (sqlite3_system_errno).
    static func classify(code: Int32, message: String, sql: String?, path: String, systemErrno: Int32) -> StoreError {
        let primary = code & 0xFF
        // 4874 is SQLITE_IOERR_SHMSIZE: the -shm file could not grow, which a full disk causes.
        if primary == 13 || code == 4874 || (primary == 10 && (systemErrno == ENOSPC || systemErrno == EDQUOT)) {
            return .diskFull(path: path)
        }
        switch primary {
        case 8: return .readOnlyStore(path: path, reason: StoreFile.readOnlyReason(path) ?? message)
        case 5, 6: return .busy(path: path)
        case 11: return .corrupt(path: path, message: message)
        case 26: return .notSQLite(path: path)
        case 14: return .cannotOpen(path: path, reason: systemErrno != 0 ? String(cString: strerror(systemErrno)) : message)
        case 10: return .io(path: path, message: systemErrno != 0 ? String(cString: strerror(systemErrno)) : message)
        default: return .sqlite(code: code, message: message, sql: sql)
        }
    }
}

#if canImport(Glibc)
import Glibc
#endif

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
    /// The path is a directory, not a store file.
    case isADirectory(path: String)
    /// The path cannot be opened at all (a symbolic link loop, a broken link, permissions).
    case cannotOpen(path: String, reason: String)
    /// The file is not an SQLite database.
    case notSQLite(path: String)
    /// The file is empty, or a store whose first transaction has not committed yet.
    case emptyStore(path: String, beingCreated: Bool)
    /// A store from an older twindex, opened by a command that only reads.
    case olderSchema(path: String, found: Int, supported: Int)
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

    public var description: String {
        switch self {
        case .notFound(let path):
            return "no store at \(path) (run `twindex ingest --db \(path) FILES` first, or pass --db)"
        case .sqlite(let code, let message, let sql):
            return "SQLite error \(code): \(message)" + (sql.map { " (in: \($0.prefix(200)))" } ?? "")
        case .newerSchema(let path, let found, let supported):
            return "\(path) was written by a newer twindex (store schema \(found); this twindex knows up to \(supported)); upgrade twindex"
        case .notATwindexStore(let path):
            return "\(path) is an SQLite file but not a twindex store; it was left unchanged"
        case .locked(let path):
            return "another twindex ingest is writing to \(path); wait for it to finish (readers are not affected)"
        case .readOnly(let statement):
            return "refused: this command only reads, and the statement would write (\(statement.prefix(80)))"
        case .missingParameter(let name):
            return "the query needs a value for :\(name); pass --param \(name)=VALUE"
        case .invalidQuery(let message):
            return message
        case .isADirectory(let path):
            return "\(path) is a directory; --db takes the store's file (for example \(path)/twindex.db)"
        case .cannotOpen(let path, let reason):
            return "cannot open the store \(path): \(reason)"
        case .notSQLite(let path):
            return "\(path) is not an SQLite file (so not a twindex store); it was left unchanged"
        case .emptyStore(let path, let beingCreated):
            return beingCreated
                ? "\(path) is being created by an ingest that has not committed yet; try again in a moment"
                : "\(path) is an empty file, not a twindex store yet (`twindex ingest --db \(path) FILES` makes it one)"
        case .olderSchema(let path, let found, let supported):
            return "\(path) has store schema \(found), older than this twindex's \(supported); run `twindex ingest --db \(path) FILES` once to migrate it"
        case .readOnlyStore(let path, let reason):
            return "the store is read-only: cannot write \(path) (\(reason))"
        case .readOnlyWithLog(let path):
            return "the store is read-only and \(path)-wal holds changes a read-only open cannot apply; open it once where it is writable (any twindex command) or copy the three files elsewhere"
        case .diskFull(let path):
            return "the disk is full: cannot write \(path); everything committed before is intact: free space and run the same command again"
        case .busy(let path):
            return "\(path) is locked by another process that is writing it; try again when it is done"
        case .corrupt(let path, let message):
            return "\(path) is damaged (SQLite: \(message)); restore it from a copy or ingest into a new store"
        case .io(let path, let message):
            return "cannot read or write \(path): \(message)"
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

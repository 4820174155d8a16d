import CSQLite

/// SQLITE_TRANSIENT: SQLite copies bound text before the call returns.
let sqliteTransient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)

/// One SQLite connection. twindex talks to SQLite through this thin layer: the hot path
/// needs reusable prepared statements and allocation-free binds, and nothing more.
package final class Connection {
    let handle: OpaquePointer
    let path: String
    /// The writer lock of the store, released after the connection closes (see WriterLock).
    private let lock: WriterLock?

    /// Opens `path`; `uri` (a `file:` URI for the same file) replaces it where given.
    init(path: String, flags: Int32, uri: String? = nil, lock: WriterLock? = nil) throws {
        self.lock = lock
        var db: OpaquePointer?
        let rc = sqlite3_open_v2(uri ?? path, &db, flags | SQLITE_OPEN_NOMUTEX | (uri == nil ? 0 : SQLITE_OPEN_URI), nil)
        guard rc == SQLITE_OK, let db else {
            let message = db.map { String(cString: sqlite3_errmsg($0)) } ?? "cannot open"
            let system = db.map { sqlite3_system_errno($0) } ?? 0
            if let db { sqlite3_close_v2(db) }
            throw StoreError.classify(code: rc, message: message, sql: nil, path: path, systemErrno: system)
        }
        handle = db
        self.path = path
        sqlite3_busy_timeout(db, 5000)
        sqlite3_extended_result_codes(db, 1)
    }

    deinit {
        // The lock (a stored property) is released after this, once the file is closed.
        sqlite3_close_v2(handle)
    }

    package func execute(_ sql: String) throws {
        var err: UnsafeMutablePointer<CChar>?
        let rc = sqlite3_exec(handle, sql, nil, nil, &err)
        if rc != SQLITE_OK {
            let message = err.map { String(cString: $0) } ?? String(cString: sqlite3_errmsg(handle))
            sqlite3_free(err)
            throw StoreError.classify(code: rc, message: message, sql: sql, path: path, systemErrno: sqlite3_system_errno(handle))
        }
    }

    package func prepare(_ sql: String) throws -> Statement {
        var stmt: OpaquePointer?
        let rc = sqlite3_prepare_v3(handle, sql, -1, UInt32(SQLITE_PREPARE_PERSISTENT), &stmt, nil)
        guard rc == SQLITE_OK, let stmt else { throw error(rc, sql: sql) }
        return Statement(stmt, connection: self)
    }

    /// Prepares the first statement of `sql` (nil for a comment-only text) and returns the rest.
    func prepareFirst(_ sql: String) throws -> (Statement?, String) {
        var stmt: OpaquePointer?
        var rest = ""
        let rc = sql.withCString { base -> Int32 in
            var tail: UnsafePointer<CChar>?
            let rc = sqlite3_prepare_v2(handle, base, -1, &stmt, &tail)
            if let tail { rest = String(cString: tail) }
            return rc
        }
        guard rc == SQLITE_OK else { throw StoreError.invalidSQL(message: String(cString: sqlite3_errmsg(handle)), sql: sql) }
        return (stmt.map { Statement($0, connection: self) }, rest)
    }

    var changes: Int { Int(sqlite3_changes(handle)) }

    /// The rowid of the last row inserted (a tweet's seq after its insert).
    var lastInsertRowID: Int64 { sqlite3_last_insert_rowid(handle) }

    func error(_ rc: Int32, sql: String?) -> StoreError {
        .classify(code: rc, message: String(cString: sqlite3_errmsg(handle)), sql: sql, path: path, systemErrno: sqlite3_system_errno(handle))
    }

    /// Runs `sql` and returns the first column of the first row as an integer (0 when none).
    func scalar(_ sql: String, _ args: [SQLValue] = []) throws -> Int64 {
        let s = try prepare(sql)
        try s.bind(args)
        return try s.step() ? s.int64(0) : 0
    }
}

/// A value bound to or read from a statement.
public enum SQLValue: Equatable, Sendable {
    /// SQL NULL.
    case null
    /// An INTEGER.
    case integer(Int64)
    /// A REAL.
    case real(Double)
    /// TEXT.
    case text(String)
    /// A BLOB.
    case blob([UInt8])
}

/// A Swift value a statement parameter takes as it is: integers, reals, booleans (0 or 1),
/// texts, bytes (a blob), and nil (NULL) for an optional one. See `Statement.bindAll`.
protocol SQLBindable {
    func bind(to statement: Statement, at index: Int32)
}

extension Int64: SQLBindable {
    @inline(__always) func bind(to statement: Statement, at index: Int32) { statement.bind(index, self) }
}

extension Double: SQLBindable {
    @inline(__always) func bind(to statement: Statement, at index: Int32) { statement.bind(index, self) }
}

extension Bool: SQLBindable {
    @inline(__always) func bind(to statement: Statement, at index: Int32) { statement.bind(index, self) }
}

extension String: SQLBindable {
    @inline(__always) func bind(to statement: Statement, at index: Int32) { statement.bind(index, self) }
}

extension Array: SQLBindable where Element == UInt8 {
    @inline(__always) func bind(to statement: Statement, at index: Int32) { statement.bind(index, blob: self) }
}

extension Optional: SQLBindable where Wrapped: SQLBindable {
    @inline(__always) func bind(to statement: Statement, at index: Int32) {
        if let self { self.bind(to: statement, at: index) } else { sqlite3_bind_null(statement.handle, index) }
    }
}

/// A prepared statement, reset and reused on hot paths.
package final class Statement {
    let handle: OpaquePointer
    unowned let connection: Connection

    init(_ handle: OpaquePointer, connection: Connection) {
        self.handle = handle
        self.connection = connection
    }

    deinit { sqlite3_finalize(handle) }

    var sql: String { String(cString: sqlite3_sql(handle)) }
    var isReadOnly: Bool { sqlite3_stmt_readonly(handle) != 0 }
    var columnCount: Int32 { sqlite3_column_count(handle) }
    var parameterCount: Int32 { sqlite3_bind_parameter_count(handle) }

    func parameterName(_ i: Int32) -> String? {
        sqlite3_bind_parameter_name(handle, i).map { String(cString: $0) }
    }

    func columnName(_ i: Int32) -> String { String(cString: sqlite3_column_name(handle, i)) }

    @inline(__always) func bind(_ i: Int32, _ v: Int64?) {
        if let v { sqlite3_bind_int64(handle, i, v) } else { sqlite3_bind_null(handle, i) }
    }

    @inline(__always) func bind(_ i: Int32, _ v: Double?) {
        if let v { sqlite3_bind_double(handle, i, v) } else { sqlite3_bind_null(handle, i) }
    }

    @inline(__always) func bind(_ i: Int32, _ v: Bool) { sqlite3_bind_int64(handle, i, v ? 1 : 0) }

    @inline(__always) func bind(_ i: Int32, _ v: String?) {
        guard var text = v else { sqlite3_bind_null(handle, i); return }
        text.withUTF8 { u in
            _ = u.withMemoryRebound(to: CChar.self) {
                sqlite3_bind_text(handle, i, $0.baseAddress, Int32($0.count), sqliteTransient)
            }
        }
    }

    func bind(_ i: Int32, blob: [UInt8]) {
        blob.withUnsafeBytes { sqlite3_bind_blob(handle, i, $0.baseAddress, Int32($0.count), sqliteTransient) }
    }

    /// Binds `values` to parameters 1, 2, … in order; each keeps its own type (no boxing).
    @inline(__always) func bindAll<each V: SQLBindable>(_ values: repeat each V) {
        var i: Int32 = 0
        for value in repeat each values {
            i += 1
            value.bind(to: self, at: i)
        }
    }

    func bind(_ values: [SQLValue]) throws {
        for (k, v) in values.enumerated() { bind(Int32(k + 1), value: v) }
    }

    package func bind(_ i: Int32, value: SQLValue) {
        switch value {
        case .null: sqlite3_bind_null(handle, i)
        case .integer(let x): bind(i, x)
        case .real(let x): bind(i, x)
        case .text(let x): bind(i, x)
        case .blob(let x): bind(i, blob: x)
        }
    }

    /// Advances; true when a row is available.
    @discardableResult
    func step() throws -> Bool {
        let rc = sqlite3_step(handle)
        if rc == SQLITE_ROW { return true }
        if rc == SQLITE_DONE { return false }
        throw connection.error(rc, sql: sql)
    }

    /// Runs to completion and resets (for writes).
    package func run() throws {
        defer { reset() }
        while try step() {}
    }

    func reset() {
        sqlite3_reset(handle)
        sqlite3_clear_bindings(handle)
    }

    func int64(_ i: Int32) -> Int64 { sqlite3_column_int64(handle, i) }
    func double(_ i: Int32) -> Double { sqlite3_column_double(handle, i) }
    func isNull(_ i: Int32) -> Bool { sqlite3_column_type(handle, i) == SQLITE_NULL }
    func optionalInt64(_ i: Int32) -> Int64? { isNull(i) ? nil : int64(i) }

    func string(_ i: Int32) -> String? {
        guard let p = sqlite3_column_text(handle, i) else { return nil }
        let n = Int(sqlite3_column_bytes(handle, i))
        return String(decoding: UnsafeBufferPointer(start: p, count: n), as: UTF8.self)
    }

    func blob(_ i: Int32) -> [UInt8] {
        let n = Int(sqlite3_column_bytes(handle, i))
        guard n > 0, let p = sqlite3_column_blob(handle, i) else { return [] }
        return Array(UnsafeRawBufferPointer(start: p, count: n))
    }

    func value(_ i: Int32) -> SQLValue {
        switch sqlite3_column_type(handle, i) {
        case SQLITE_INTEGER: return .integer(int64(i))
        case SQLITE_FLOAT: return .real(double(i))
        case SQLITE_TEXT: return .text(string(i) ?? "")
        case SQLITE_BLOB: return .blob(blob(i))
        default: return .null
        }
    }
}

import CPostgres
import Foundation

/// What went wrong talking to a PostgreSQL store, with the URL or statement at fault.
public enum PostgresError: Error, Equatable, CustomStringConvertible {
    /// The server could not be reached or refused the connection.
    case cannotConnect(url: String, message: String)
    /// The server refused a statement: its SQLSTATE, message, and the statement.
    case server(state: String, message: String, sql: String)
    /// A COPY stream failed.
    case copy(message: String)
    /// What the command needs is not available on a PostgreSQL store yet.
    case unsupported(path: String)
    /// `--distributed` on a server without the Citus extension.
    case citusMissing(url: String)
    /// Citus is installed on the server but not in its `shared_preload_libraries`.
    case citusNotLoaded(url: String)
    /// The store was made with the other distribution column.
    case distributionMismatch(url: String, found: String, asked: String)

    /// One line saying what is wrong.
    public var description: String {
        switch self {
        case .cannotConnect(let url, let message):
            return "cannot connect to the PostgreSQL store \(PGConnection.redacted(url)): \(message)"
        case .server(let state, let message, let sql):
            return "PostgreSQL error \(state): \(message) (in: \(sql.prefix(200)))"
        case .copy(let message):
            return "PostgreSQL COPY failed: \(message)"
        case .unsupported(let path):
            return "this command is not available on a PostgreSQL store yet (\(PGConnection.redacted(path)))"
        case .citusMissing(let url):
            return "Citus is not installed on the server of \(PGConnection.redacted(url)) (no citus extension is available): "
                + "install Citus on every node for --distributed, or leave it out for a single-server store"
        case .citusNotLoaded(let url):
            return "Citus is installed on the server of \(PGConnection.redacted(url)) but not loaded: add "
                + "shared_preload_libraries = 'citus' to postgresql.conf on every node and restart it, for --distributed"
        case .distributionMismatch(let url, let found, let asked):
            return "\(PGConnection.redacted(url)) was made with --distribute-by \(found), not \(asked); "
                + "a store's distribution column cannot change (copy it into a new database instead)"
        }
    }

    /// The SQLSTATE of a server error (empty for the other cases).
    public var sqlState: String {
        if case .server(let state, _, _) = self { return state }
        return ""
    }
}

/// One libpq connection. Values cross in text format: the server parses and prints them,
/// so integers, reals and texts read back exactly as SQLite gives them.
package final class PGConnection {
    private let handle: OpaquePointer
    /// The URL it was opened with.
    package let url: String
    /// Result rows received so far (tests check that analyses group in the server).
    package private(set) var rowsReceived = 0

    /// Connects to `url` (`postgresql://USER@HOST:PORT/NAME`).
    package init(url: String) throws {
        guard let conn = PQconnectdb(url) else { throw PostgresError.cannotConnect(url: url, message: "out of memory") }
        guard PQstatus(conn) == CONNECTION_OK else {
            let message = String(cString: PQerrorMessage(conn)).trimmingCharacters(in: .whitespacesAndNewlines)
            PQfinish(conn)
            throw PostgresError.cannotConnect(url: url, message: message)
        }
        handle = conn
        self.url = url
        // Notices (e.g. "relation already exists, skipping") are not the user's business.
        PQsetNoticeProcessor(conn, { _, _ in }, nil)
    }

    /// Set when the connection holds the writer lock: closing releases it first, so the next
    /// writer finds it free at once (the server would drop it only once the session ends).
    package var holdsWriterLock = false

    deinit {
        if holdsWriterLock { PQclear(PQexec(handle, "SELECT pg_advisory_unlock_all()")) }
        PQfinish(handle)
    }

    /// `url` without its password, for messages.
    package static func redacted(_ url: String) -> String {
        guard var parts = URLComponents(string: url), parts.password != nil else { return url }
        parts.password = "***"
        return parts.string ?? url
    }

    /// Runs one or more statements without parameters.
    package func execute(_ sql: String) throws {
        let result = PQexec(handle, sql)
        defer { PQclear(result) }
        try check(result, sql: sql)
    }

    /// Runs `sql` with `$1…` bound to `args`, calling `row` for each result row.
    package func query(_ sql: String, _ args: [SQLValue] = [], _ row: (PGRow) throws -> Void) throws {
        let result = try run(sql, args)
        defer { PQclear(result) }
        let rows = PQntuples(result)
        rowsReceived += Int(rows)
        for i in 0..<rows { try row(PGRow(result: result, row: i)) }
    }

    /// The result of `sql` with `$1…` bound to `args`; the caller clears it.
    package func run(_ sql: String, _ args: [SQLValue]) throws -> OpaquePointer? {
        let texts: [String?] = args.map(Self.text)
        let cStrings = texts.map { $0.map { strdup($0) } ?? nil }
        defer { cStrings.forEach { free($0) } }
        let pointers = cStrings.map { UnsafePointer<CChar>($0) }
        let result = pointers.withUnsafeBufferPointer {
            PQexecParams(handle, sql, Int32(args.count), nil, $0.baseAddress, nil, nil, 0)
        }
        do { try check(result, sql: sql) } catch { PQclear(result); throw error }
        return result
    }

    /// Parses and plans `sql` without running it (an unnamed prepared statement): the server's
    /// error for a statement that cannot run, before anything runs. `types` are parameter
    /// type OIDs (0: the server infers it).
    package func check(_ sql: String, types: [UInt32]) throws {
        let result = types.withUnsafeBufferPointer { PQprepare(handle, "", sql, Int32(types.count), $0.baseAddress) }
        defer { PQclear(result) }
        try check(result, sql: sql)
    }

    /// Runs `sql` with `$1…` bound to `args` (of `types`, 0 to infer), handing its column
    /// names to `columns` and then each row to `row` as it arrives (single-row mode: memory
    /// stays flat in the size of the result).
    package func stream(_ sql: String, _ args: [SQLValue], types: [UInt32], columns: (PGRow) throws -> Void,
                        row: (PGRow) throws -> Void) throws {
        let texts: [String?] = args.map(Self.text)
        let cStrings = texts.map { $0.map { strdup($0) } ?? nil }
        defer { cStrings.forEach { free($0) } }
        let pointers = cStrings.map { UnsafePointer<CChar>($0) }
        let sent = pointers.withUnsafeBufferPointer { values in
            types.withUnsafeBufferPointer { PQsendQueryParams(handle, sql, Int32(args.count), $0.baseAddress, values.baseAddress, nil, nil, 0) }
        }
        guard sent == 1 else { throw PostgresError.server(state: "", message: lastError, sql: sql) }
        PQsetSingleRowMode(handle)
        var failure: Error?
        var described = false
        while let result = PQgetResult(handle) {
            defer { PQclear(result) }
            guard failure == nil else { continue }   // drain what is left
            do {
                try check(result, sql: sql)
                if !described {
                    described = true
                    try columns(PGRow(result: result, row: 0))
                }
                rowsReceived += Int(PQntuples(result))
                for i in 0..<PQntuples(result) { try row(PGRow(result: result, row: i)) }
            } catch {
                failure = error
                _ = PQrequestCancel(handle)
            }
        }
        if let failure { throw failure }
    }

    /// Runs a statement with `$1…` bound to `args` and returns the rows it affected.
    @discardableResult
    package func command(_ sql: String, _ args: [SQLValue] = []) throws -> Int {
        let result = try run(sql, args)
        defer { PQclear(result) }
        return Int(String(cString: PQcmdTuples(result))) ?? 0
    }

    /// The first column of the first row as an integer (0 when none or NULL).
    package func scalar(_ sql: String, _ args: [SQLValue] = []) throws -> Int64 {
        var value: Int64 = 0
        try query(sql, args) { value = $0.int(0) }
        return value
    }

    /// Streams `data` (COPY text format) into `COPY … FROM STDIN` statement `sql`.
    package func copy(_ sql: String, _ data: [UInt8]) throws {
        let start = PQexec(handle, sql)
        guard PQresultStatus(start) == PGRES_COPY_IN else {
            defer { PQclear(start) }
            try check(start, sql: sql)
            throw PostgresError.copy(message: "the server did not start COPY")
        }
        PQclear(start)
        let sent = data.withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { PQputCopyData(handle, $0.baseAddress, Int32($0.count)) }
        }
        guard sent == 1, PQputCopyEnd(handle, nil) == 1 else { throw PostgresError.copy(message: lastError) }
        while let result = PQgetResult(handle) {
            defer { PQclear(result) }
            try check(result, sql: sql)
        }
    }

    private var lastError: String {
        String(cString: PQerrorMessage(handle)).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    private func check(_ result: OpaquePointer?, sql: String) throws {
        let status = PQresultStatus(result)
        guard status != PGRES_COMMAND_OK, status != PGRES_TUPLES_OK, status != PGRES_COPY_IN,
              status != PGRES_SINGLE_TUPLE else { return }
        let state = PQresultErrorField(result, Int32(UInt8(ascii: "C"))).map { String(cString: $0) } ?? ""
        let message = PQresultErrorField(result, Int32(UInt8(ascii: "M"))).map { String(cString: $0) } ?? lastError
        throw PostgresError.server(state: state, message: message, sql: sql)
    }

    /// A value as the text the server parses (nil for NULL; blobs as `\x…` bytea).
    static func text(_ value: SQLValue) -> String? {
        switch value {
        case .null: return nil
        case .integer(let x): return String(x)
        case .real(let x): return "\(x)"
        case .text(let x): return x
        case .blob(let b): return "\\x" + b.map { String(format: "%02x", $0) }.joined()
        }
    }
}

/// One row of a PostgreSQL result (valid only inside the callback).
package struct PGRow {
    let result: OpaquePointer?
    let row: Int32

    /// Whether column `i` is NULL.
    package func isNull(_ i: Int) -> Bool { PQgetisnull(result, row, Int32(i)) == 1 }
    /// Column `i` as text (nil for NULL).
    package func string(_ i: Int) -> String? {
        isNull(i) ? nil : String(cString: PQgetvalue(result, row, Int32(i)))
    }
    /// Column `i` as an integer (0 for NULL; a boolean is 1 or 0, as SQLite gives it).
    package func int(_ i: Int) -> Int64 {
        guard let text = string(i) else { return 0 }
        if let value = Int64(text) { return value }
        return text == "t" ? 1 : 0
    }
    /// Column `i` as bytes: a bytea (printed as `\x` and hex) decoded, other values as their UTF-8.
    package func bytes(_ i: Int) -> [UInt8] {
        guard let text = string(i) else { return [] }
        let utf8 = Array(text.utf8)
        guard utf8.count >= 2, utf8[0] == 92, utf8[1] == UInt8(ascii: "x") else { return utf8 }
        func nibble(_ c: UInt8) -> UInt8 { c <= 57 ? c - 48 : (c | 32) - 87 }
        return stride(from: 2, to: utf8.count - 1, by: 2).map { nibble(utf8[$0]) << 4 | nibble(utf8[$0 + 1]) }
    }
    /// Column `i` as a double (0 for NULL).
    package func double(_ i: Int) -> Double { string(i).flatMap { Double($0) } ?? 0 }
    /// Column `i`'s type OID.
    package func type(_ i: Int) -> UInt32 { PQftype(result, Int32(i)) }
    /// Column `i` as the value SQLite would give: integers (and booleans, as 1 or 0), reals,
    /// exact numerics as integers when whole, bytes for bytea, text for everything else.
    package func value(_ i: Int) -> SQLValue {
        guard let text = string(i) else { return .null }
        switch type(i) {
        case 20, 21, 23, 26: return Int64(text).map(SQLValue.integer) ?? .text(text)
        case 16: return .integer(text == "t" ? 1 : 0)
        case 700, 701: return Double(text).map(SQLValue.real) ?? .text(text)
        case 1700: return Int64(text).map(SQLValue.integer) ?? Double(text).map(SQLValue.real) ?? .text(text)
        case 17: return .blob(bytes(i))
        default: return .text(text)
        }
    }
    /// The number of columns.
    package var columnCount: Int { Int(PQnfields(result)) }
    /// Column `i`'s name.
    package func columnName(_ i: Int) -> String { String(cString: PQfname(result, Int32(i))) }
}

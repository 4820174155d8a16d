import CSQLite
import Foundation

/// A twindex store: one plain SQLite file (WAL mode) that any SQLite tool can open.
/// `Store` owns its connection. Open it for reading (analyses, search, SQL); an ingest
/// writes through `StoreIngest.run` (the Load module).
///
/// ```swift
/// let store = try Store.openForReading(path: "study.db")
/// print(try store.stats().tweets)
/// let rows = try store.query("SELECT lang, count(*) FROM tweets GROUP BY lang").rows
/// ```
public final class Store {
    /// The store's file.
    public let path: String
    package let db: Connection

    private init(path: String, connection: Connection) {
        self.path = path
        self.db = connection
    }

    /// Opens an existing store read-only. Throws `notFound` rather than creating one, and
    /// `olderSchema` for a store an ingest must migrate first.
    public static func openForReading(path: String) throws -> Store {
        guard FileManager.default.fileExists(atPath: path) else { throw StoreError.notFound(path: path) }
        let connection = try Connection(path: path, flags: SQLITE_OPEN_READONLY)
        // Reading commands cannot reach other files either.
        sqlite3_limit(connection.handle, SQLITE_LIMIT_ATTACHED, 0)
        let store = Store(path: path, connection: connection)
        try store.checkSchema(migrate: false)
        return store
    }

    /// Opens (creating when missing) a store for writing, applying pending migrations.
    package static func openForWriting(path: String) throws -> Store {
        let connection = try Connection(path: path, flags: SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE)
        try connection.execute("""
            PRAGMA journal_mode = WAL;
            PRAGMA synchronous = NORMAL;
            PRAGMA cache_size = -65536;
            PRAGMA wal_autocheckpoint = 4096;
            """)
        let store = Store(path: path, connection: connection)
        try store.checkSchema(migrate: true)
        return store
    }

    /// The schema version stored in the file.
    public func schemaVersion() throws -> Int { Int(try db.scalar("PRAGMA user_version")) }

    private func checkSchema(migrate: Bool) throws {
        let version = try schemaVersion()
        if version > Schema.currentVersion {
            throw StoreError.newerSchema(path: path, found: version, supported: Schema.currentVersion)
        }
        if version == 0, try db.scalar("SELECT count(*) FROM sqlite_master") > 0 {
            throw StoreError.notATwindexStore(path: path)
        }
        guard version < Schema.currentVersion else { return }
        guard migrate else {
            throw StoreError.olderSchema(path: path, found: version, supported: Schema.currentVersion)
        }
        try db.execute("BEGIN IMMEDIATE")
        do {
            for v in version..<Schema.currentVersion {
                try db.execute(Schema.migrations[v])
            }
            for index in Schema.readerIndexes { try db.execute(index.sql) }
            try db.execute("PRAGMA user_version = \(Schema.currentVersion); COMMIT")
        } catch {
            try? db.execute("ROLLBACK")
            throw error
        }
    }

    /// Runs a read query with bound arguments, calling `row` for each result row.
    func forEach(_ sql: String, _ args: [SQLValue] = [], _ row: (Statement) throws -> Void) throws {
        let s = try db.prepare(sql)
        try s.bind(args)
        while try s.step() { try row(s) }
    }

    func scalar(_ sql: String, _ args: [SQLValue] = []) throws -> Int64 { try db.scalar(sql, args) }
}

/// One result row while iterating a query (valid only inside the callback).
public struct Row {
    let statement: Statement
    /// Column `i` (from 0) as an integer (0 for NULL).
    public func int(_ i: Int) -> Int64 { statement.int64(Int32(i)) }
    /// Column `i` as a double (0 for NULL).
    public func double(_ i: Int) -> Double { statement.double(Int32(i)) }
    /// Whether column `i` is NULL.
    public func isNull(_ i: Int) -> Bool { statement.isNull(Int32(i)) }
    /// Column `i` as text (nil for NULL).
    public func string(_ i: Int) -> String? { statement.string(Int32(i)) }
}

extension Store {
    /// Iterates the rows of a read query with bound arguments (the analysers' access path).
    public func rows(_ sql: String, _ args: [SQLValue] = [], _ body: (Row) throws -> Void) throws {
        try forEach(sql, args) { try body(Row(statement: $0)) }
    }

    /// `INDEXED BY name` when the store has that index, else nothing: steers the planner to a
    /// covering index without failing on a store whose reader indexes are still being built.
    public func indexHint(_ name: String) throws -> String {
        try scalar("SELECT count(*) FROM sqlite_master WHERE type = 'index' AND name = ?", [.text(name)]) > 0
            ? "INDEXED BY \(name)" : ""
    }
}

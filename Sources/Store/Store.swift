import CSQLite
import Foundation

/// A twindex store: one plain SQLite file (WAL mode) that any SQLite tool can open, or a
/// PostgreSQL database named by a `postgresql://` URL (see `Engine`). `Store` owns its connection. Open it for reading (analyses, search, SQL); an ingest
/// writes through `StoreIngest.run` (the Load module).
///
/// ```swift
/// let store = try Store.openForReading(path: "study.db")
/// print(try store.stats().tweets)
/// let rows = try store.query("SELECT lang, count(*) FROM tweets GROUP BY lang").rows
/// ```
public final class Store {
    /// The store's file (or its PostgreSQL URL).
    public let path: String
    /// The engine and its connection.
    package let engine: Engine

    init(path: String, engine: Engine) {
        self.path = path
        self.engine = engine
    }

    private convenience init(path: String, connection: Connection) {
        self.init(path: path, engine: .sqlite(connection))
    }

    /// The SQLite connection; what only SQLite stores have throws `PostgresError.unsupported` on PostgreSQL.
    package var db: Connection {
        get throws {
            guard case .sqlite(let connection) = engine else { throw PostgresError.unsupported(path: path) }
            return connection
        }
    }

    /// The SQL fragments of the store's engine.
    public var dialect: SQLDialect {
        if case .postgres = engine { return PostgresDialect() }
        return SQLiteDialect()
    }

    /// Opens an existing store read-only. Throws `notFound` rather than creating one, and
    /// `olderSchema` for a store an ingest must migrate first. A store this process may not
    /// write (a read-only file or directory, where SQLite cannot make the `-shm` file a WAL
    /// reader needs) is opened immutable, unless a `-wal` file holds changes such an open
    /// would miss: then `readOnlyWithLog`.
    public static func openForReading(path: String) throws -> Store {
        if StoreLocation.isPostgres(path) { return try openPostgres(url: path, forWriting: false) }
        do {
            if try StoreFile.check(path, allowMissing: false) == 0 { throw StoreError.emptyStore(path: path, beingCreated: false) }
            do {
                return try openReadOnly(path: path, uri: nil)
            } catch let error as StoreError {
                // Where the -shm file cannot be made: read-only, or (with a -wal left) cannot open.
                switch error {
                case .readOnlyStore, .cannotOpen: guard StoreFile.readOnlyReason(path) != nil else { throw error }
                default: throw error
                }
                try StoreFile.checkNoPendingLog(path)
                return try openReadOnly(path: path, uri: StoreFile.uri(path, query: "immutable=1"))
            }
        } catch StoreError.emptyStore(let path, _) {
            // Asked only now, with no connection of this process open on the file.
            throw StoreError.emptyStore(path: path, beingCreated: WriterLock.isHeld(storePath: path))
        }
    }

    private static func openReadOnly(path: String, uri: String?) throws -> Store {
        let connection = try Connection(path: path, flags: SQLITE_OPEN_READONLY, uri: uri)
        // Reading commands cannot reach other files either.
        sqlite3_limit(connection.handle, SQLITE_LIMIT_ATTACHED, 0)
        let store = Store(path: path, connection: connection)
        try store.checkSchema(migrate: false)
        return store
    }

    /// Opens (creating when missing) a store for writing, applying pending migrations. A file
    /// that is refused (not SQLite, not a store, from a newer twindex) is refused before
    /// anything is written to it: the switch to WAL mode comes after the checks.
    /// `lock`, when given, lives as long as the connection and is released after it closes.
    package static func openForWriting(path: String, lock: WriterLock? = nil) throws -> Store {
        let connection = try Connection(path: path, flags: SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, lock: lock)
        let store = Store(path: path, connection: connection)
        try store.refuseForeign()
        try connection.execute("""
            PRAGMA journal_mode = WAL;
            PRAGMA synchronous = NORMAL;
            PRAGMA cache_size = -65536;
            PRAGMA wal_autocheckpoint = 4096;
            """)
        try store.checkSchema(migrate: true)
        return store
    }

    /// The schema version stored in the file.
    public func schemaVersion() throws -> Int { Int(try db.scalar("PRAGMA user_version")) }

    /// The schema versions that opening the SQLite store at `path` for writing migrates it
    /// from and to, so a caller can say so before a long migration starts; nil when the
    /// store is current, not yet made, not writable here, or no store this twindex writes
    /// (opening it says why).
    package static func pendingMigration(path: String) -> (from: Int, to: Int)? {
        guard !StoreLocation.isPostgres(path), FileManager.default.isWritableFile(atPath: path),
              FileManager.default.isWritableFile(atPath: (path as NSString).deletingLastPathComponent.isEmpty
                                                    ? "." : (path as NSString).deletingLastPathComponent),
              let connection = try? Connection(path: path, flags: SQLITE_OPEN_READONLY),
              let version = try? Int(connection.scalar("PRAGMA user_version")),
              version > 0, version < Schema.currentVersion else { return nil }
        return (version, Schema.currentVersion)
    }

    /// Throws for a file that is no store this twindex may write: not SQLite, another
    /// program's database, or a store from a newer twindex. Only reads.
    private func refuseForeign() throws {
        let version = try schemaVersion()
        if version > Schema.currentVersion {
            throw StoreError.newerSchema(path: path, found: version, supported: Schema.currentVersion)
        }
        if version == 0, try db.scalar("SELECT count(*) FROM sqlite_master") > 0 {
            throw StoreError.notATwindexStore(path: path)
        }
    }

    private func checkSchema(migrate: Bool) throws {
        try refuseForeign()
        let version = try schemaVersion()
        guard version < Schema.currentVersion else { return }
        guard migrate else {
            if version == 0 { throw StoreError.emptyStore(path: path, beingCreated: false) }
            throw StoreError.olderSchema(path: path, found: version, supported: Schema.currentVersion)
        }
        try db.execute("BEGIN IMMEDIATE")
        do {
            for v in version..<Schema.currentVersion {
                try db.execute(Schema.migrations[v])
            }
            for index in Schema.readerIndexes { try db.execute(index.sql) }
            try Summaries.moveAuthorDays(db)
            try LocalOffsets.fillIfEmpty(db)
            try db.execute("PRAGMA user_version = \(Schema.currentVersion); COMMIT")
        } catch {
            try? db.execute("ROLLBACK")
            throw error
        }
    }

    /// Runs a read query with bound arguments, calling `row` for each result row (SQLite only).
    func forEach(_ sql: String, _ args: [SQLValue] = [], _ row: (Statement) throws -> Void) throws {
        let s = try db.prepare(sql)
        try s.bind(args)
        while try s.step() { try row(s) }
    }

    func scalar(_ sql: String, _ args: [SQLValue] = []) throws -> Int64 {
        switch engine {
        case .sqlite(let connection): return try connection.scalar(sql, args)
        case .postgres(let connection): return try connection.scalar(PostgresDialect.numberPlaceholders(sql), args)
        }
    }
}

/// One result row while iterating a query (valid only inside the callback).
public struct Row {
    enum Source {
        case sqlite(Statement)
        case postgres(PGRow)
    }
    let source: Source
    /// Column `i` (from 0) as an integer (0 for NULL).
    public func int(_ i: Int) -> Int64 {
        switch source {
        case .sqlite(let s): return s.int64(Int32(i))
        case .postgres(let r): return r.int(i)
        }
    }
    /// Column `i` as a double (0 for NULL).
    public func double(_ i: Int) -> Double {
        switch source {
        case .sqlite(let s): return s.double(Int32(i))
        case .postgres(let r): return r.double(i)
        }
    }
    /// Whether column `i` is NULL.
    public func isNull(_ i: Int) -> Bool {
        switch source {
        case .sqlite(let s): return s.isNull(Int32(i))
        case .postgres(let r): return r.isNull(i)
        }
    }
    /// Column `i` as bytes (a blob; text as its UTF-8; empty for NULL).
    public func bytes(_ i: Int) -> [UInt8] {
        switch source {
        case .sqlite(let s): return s.blob(Int32(i))
        case .postgres(let r): return r.bytes(i)
        }
    }
    /// Column `i` as text (nil for NULL).
    public func string(_ i: Int) -> String? {
        switch source {
        case .sqlite(let s): return s.string(Int32(i))
        case .postgres(let r): return r.string(i)
        }
    }
}

extension Store {
    /// Iterates the rows of a read query with bound arguments (the analysers' access path).
    public func rows(_ sql: String, _ args: [SQLValue] = [], _ body: (Row) throws -> Void) throws {
        switch engine {
        case .sqlite: try forEach(sql, args) { try body(Row(source: .sqlite($0))) }
        case .postgres(let connection):
            try connection.query(PostgresDialect.numberPlaceholders(sql), args) { try body(Row(source: .postgres($0))) }
        }
    }

    /// `INDEXED BY name` when the store has that index, else nothing: steers the planner to a
    /// covering index without failing on a store whose reader indexes are still being built.
    public func indexHint(_ name: String) throws -> String {
        guard case .sqlite = engine else { return "" }
        return dialect.indexHint(name, present: try scalar("SELECT count(*) FROM sqlite_master WHERE type = 'index' AND name = ?", [.text(name)]) > 0)
    }
}

import Foundation

/// Opening a PostgreSQL store: the schema check and migrations, the read-only fence of the
/// readers, and the writer lock (a session advisory lock, held as long as the connection).
enum PGStore {
    /// The advisory lock key of the writer ("twindex" in ASCII).
    static let writerLockKey: Int64 = 0x74_77_69_6E_64_65_78

    /// The table of the store's settings (schema version, distribution column).
    static let metaTable = "CREATE TABLE twindex_meta (key text COLLATE \"C\" PRIMARY KEY, value text);"

    /// The schema version of the database at `connection` (0: not a store yet).
    static func schemaVersion(_ connection: PGConnection) throws -> Int {
        let hasMeta = try connection.scalar("SELECT count(*) FROM pg_tables WHERE schemaname = current_schema() AND tablename = 'twindex_meta'")
        guard hasMeta > 0 else { return 0 }
        return Int(try connection.scalar("SELECT value::bigint FROM twindex_meta WHERE key = 'schema_version'"))
    }

    /// Applies the pending migrations in one transaction. A database with other tables and no
    /// twindex schema is refused untouched.
    static func migrate(_ connection: PGConnection, url: String, distributeBy: String) throws {
        let version = try schemaVersion(connection)
        if version > PGSchema.migrations.count {
            throw StoreError.newerSchema(path: url, found: version, supported: PGSchema.migrations.count)
        }
        if version == 0, try connection.scalar("SELECT count(*) FROM pg_tables WHERE schemaname = current_schema()") > 0 {
            throw StoreError.notATwindexStore(path: url)
        }
        guard version < PGSchema.migrations.count else { return }
        try connection.execute("BEGIN")
        do {
            if version == 0 {
                try connection.execute(metaTable)
                try connection.command("INSERT INTO twindex_meta VALUES ('schema_version', '0'), ('distribute_by', $1)",
                                       [.text(distributeBy)])
            }
            for v in version..<PGSchema.migrations.count { try connection.execute(PGSchema.migrations[v]) }
            try connection.command("UPDATE twindex_meta SET value = $1 WHERE key = 'schema_version'",
                                   [.text(String(PGSchema.migrations.count))])
            try connection.execute("COMMIT")
        } catch {
            try? connection.execute("ROLLBACK")
            throw error
        }
    }
}

extension Store {
    /// Opens the PostgreSQL store at `url`. Readers get a connection whose every transaction
    /// is read-only; a writer takes the writer lock (`StoreError.locked` when another holds it)
    /// and migrates the schema, creating it in an empty database.
    static func openPostgres(url: String, forWriting: Bool, distributeBy: String = "author") throws -> Store {
        let connection = try PGConnection(url: url)
        // On Citus the analyses join entities to their tweets on `shard_key` (co-located), but
        // SQL a user sends (`sql`, `query`) may join distributed tables on other columns:
        // Citus runs those only as repartition joins, off by default.
        if try connection.scalar("SELECT count(*) FROM pg_extension WHERE extname = 'citus'") > 0 {
            try connection.execute("SET citus.enable_repartition_joins = on")
        }
        guard forWriting else {
            let version = try PGStore.schemaVersion(connection)
            if version == 0 { throw StoreError.emptyStore(path: url, beingCreated: false) }
            if version > PGSchema.migrations.count {
                throw StoreError.newerSchema(path: url, found: version, supported: PGSchema.migrations.count)
            }
            if version < PGSchema.migrations.count {
                throw StoreError.olderSchema(path: url, found: version, supported: PGSchema.migrations.count)
            }
            try connection.execute("SET default_transaction_read_only = on")
            return Store(path: url, engine: .postgres(connection))
        }
        // A writer killed a moment ago leaves its lock until the server notices the closed
        // connection: a second's grace before refusing.
        var attempts = 0
        while try connection.scalar("SELECT pg_try_advisory_lock($1)::int", [.integer(PGStore.writerLockKey)]) != 1 {
            attempts += 1
            guard attempts < 10 else { throw StoreError.locked(path: url) }
            usleep(100_000)
        }
        connection.holdsWriterLock = true
        try PGStore.migrate(connection, url: url, distributeBy: distributeBy)
        return Store(path: url, engine: .postgres(connection))
    }

    /// The PostgreSQL connection; `PostgresError.unsupported` on an SQLite store.
    package var postgres: PGConnection {
        get throws {
            guard case .postgres(let connection) = engine else { throw PostgresError.unsupported(path: path) }
            return connection
        }
    }
}

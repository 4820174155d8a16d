/// Making a PostgreSQL store before its first ingest (`twindex init`): the schema with its
/// distribution column chosen, and, on a server with the Citus extension, the tables
/// distributed across the cluster's workers.
///
/// ```swift
/// try PGSetup.run(url: "postgresql://me@coordinator/study", distribution: .author, shards: 32)
/// print(PGSetup.statements(distribution: .tweet, shards: 32).joined(separator: "\n"))
/// ```
public enum PGSetup {
    /// What `shard_key` holds, so each tweet lives on one shard with its entities.
    public enum Distribution: String, CaseIterable, Sendable {
        /// The author's id: an account's tweets together (joins and per-account counts stay
        /// on one worker); skewed when few accounts write most tweets.
        case author
        /// The tweet's id: even shards whatever the accounts.
        case tweet
    }

    /// The statements `run` sends, in order: with `shards`, the Citus extension first (so
    /// the schema's objects reach the workers as they are made), then the schema, then the
    /// distribution of the tables.
    public static func statements(distribution: Distribution, shards: Int?) -> [String] {
        var out: [String] = []
        if shards != nil { out.append("CREATE EXTENSION IF NOT EXISTS citus;") }
        out.append(PGStore.metaTable)
        out.append("INSERT INTO twindex_meta VALUES ('schema_version', '\(PGSchema.migrations.count)'), ('distribute_by', '\(distribution.rawValue)');")
        out += PGSchema.migrations
        if let shards { out.append(PGSchema.distribute(shards: shards)) }
        return out
    }

    /// Creates the store at `url` (an empty database, or a store whose distribution column is
    /// `distribution`), distributing its tables over `shards` shards when given. Throws
    /// `PostgresError.citusMissing` (or `.citusNotLoaded`) before anything is made when the server has no Citus,
    /// and `.distributionMismatch` for a store made with the other distribution column.
    public static func run(url: String, distribution: Distribution, shards: Int?) throws {
        let probe = try PGConnection(url: url)
        if shards != nil {
            guard try probe.scalar("SELECT count(*) FROM pg_available_extensions WHERE name = 'citus'") > 0 else {
                throw PostgresError.citusMissing(url: url)
            }
            var preloaded = ""
            try probe.query("SELECT current_setting('shared_preload_libraries')") { preloaded = $0.string(0) ?? "" }
            guard preloaded.split(separator: ",").contains(where: { $0.trimmingCharacters(in: .whitespaces) == "citus" }) else {
                throw PostgresError.citusNotLoaded(url: url)
            }
            try probe.execute("CREATE EXTENSION IF NOT EXISTS citus")
        }
        if try PGStore.schemaVersion(probe) > 0 {
            var found = ""
            try probe.query("SELECT value FROM twindex_meta WHERE key = 'distribute_by'") { found = $0.string(0) ?? "" }
            if found != distribution.rawValue {
                throw PostgresError.distributionMismatch(url: url, found: found, asked: distribution.rawValue)
            }
        }
        let store = try Store.openPostgres(url: url, forWriting: true, distributeBy: distribution.rawValue)
        guard let shards else { return }
        let db = try store.postgres
        // Distributing twice fails on Citus: a store distributed before is left as it is.
        guard try db.scalar("SELECT count(*) FROM pg_dist_partition WHERE logicalrelid = 'tweets'::regclass") == 0 else { return }
        try db.execute(PGSchema.distribute(shards: shards))
    }
}

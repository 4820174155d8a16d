import Foundation
import Store

/// The PostgreSQL server the tests may use: `TWINDEX_TEST_PG` holds its URL (scripts/dev.sh
/// test starts a throwaway cluster and sets it). Each test gets a database of its own.
public enum PostgresServer {
    /// Why a PostgreSQL test is skipped when no server is configured.
    public static let skipReason = "TWINDEX_TEST_PG is not set: no PostgreSQL server to test against (scripts/dev.sh test starts one)"

    /// The server's URL, nil when none is configured.
    public static var url: String? {
        guard let url = ProcessInfo.processInfo.environment["TWINDEX_TEST_PG"], !url.isEmpty else { return nil }
        return url
    }

    /// Why a Citus test is skipped when no cluster is configured.
    public static let citusSkipReason = "TWINDEX_TEST_CITUS is not set: no Citus coordinator to test against "
        + "(its database must list the workers: citus_set_coordinator_host and citus_add_node)"

    /// The Citus coordinator's URL (`TWINDEX_TEST_CITUS`), nil when none is configured. Its
    /// database lists the cluster's workers (`pg_dist_node`); they take the same user.
    public static var citusURL: String? {
        guard let url = ProcessInfo.processInfo.environment["TWINDEX_TEST_CITUS"], !url.isEmpty else { return nil }
        return url
    }

    /// An empty database of a fresh name on every node of the Citus cluster, with the
    /// extension in each and the workers registered with the new database's coordinator
    /// (Citus keeps its metadata per database); its URL on the coordinator, nil without a
    /// cluster. `dropCitus` takes it away.
    public static func freshCitusDatabase() throws -> String? {
        guard let coordinator = citusURL, let parts = URLComponents(string: coordinator), let host = parts.host else { return nil }
        var workers: [(host: String, port: Int)] = []
        try PGConnection(url: coordinator).query(
            "SELECT nodename, nodeport FROM pg_dist_node WHERE groupid <> 0 AND noderole = 'primary' ORDER BY nodeport") {
            workers.append(($0.string(0) ?? "", Int($0.int(1))))
        }
        let name = "twindex_citus_" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "")
        let nodes = [coordinator] + workers.map { worker -> String in
            var p = parts
            p.host = worker.host
            p.port = worker.port
            return p.string ?? coordinator
        }
        for node in nodes {
            try PGConnection(url: node).execute("CREATE DATABASE \(name)")
            try PGConnection(url: replacingDatabase(in: node, with: name)).execute("CREATE EXTENSION citus")
        }
        let url = replacingDatabase(in: coordinator, with: name)
        let db = try PGConnection(url: url)
        try db.execute("SELECT citus_set_coordinator_host('\(host)', \(parts.port ?? 5432))")
        for worker in workers { try db.execute("SELECT citus_add_node('\(worker.host)', \(worker.port))") }
        return url
    }

    /// Drops the database of `url` (made by `freshCitusDatabase`) on every node.
    public static func dropCitus(_ url: String) {
        guard let coordinator = citusURL, var parts = URLComponents(string: coordinator),
              let name = URLComponents(string: url)?.path.dropFirst() else { return }
        var workers: [(String, Int)] = []
        try? PGConnection(url: coordinator).query("SELECT nodename, nodeport FROM pg_dist_node WHERE groupid <> 0") {
            workers.append(($0.string(0) ?? "", Int($0.int(1))))
        }
        try? PGConnection(url: coordinator).execute("DROP DATABASE IF EXISTS \(name) WITH (FORCE)")
        for (host, port) in workers {
            parts.host = host
            parts.port = port
            if let node = parts.string { try? PGConnection(url: node).execute("DROP DATABASE IF EXISTS \(name) WITH (FORCE)") }
        }
    }

    /// Creates an empty database with a fresh name and returns its URL; nil without a server.
    public static func freshDatabase() throws -> String? {
        guard let url else { return nil }
        let name = "twindex_test_" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "")
        try PGConnection(url: url).execute("CREATE DATABASE \(name)")
        return replacingDatabase(in: url, with: name)
    }

    /// A fresh database holding `lines` (JSON lines, ingested from a file in a fresh scratch
    /// folder `dir`); nil without a server. `remove` takes both away.
    public static func store(holding lines: [String]) throws -> (url: String, dir: URL)? {
        guard let url = try freshDatabase() else { return nil }
        let dir = try SharedPaths.temporaryDirectory()
        let path = dir.appendingPathComponent("tweets.jsonl").path
        try (lines.joined(separator: "\n") + "\n").write(toFile: path, atomically: true, encoding: .utf8)
        try TestStores.ingest([path], into: url)
        return (url, dir)
    }

    /// Drops the database `url` and removes the folder `dir` (either may be nil).
    public static func remove(_ url: String?, _ dir: URL?) {
        if let url { drop(url) }
        if let dir { try? FileManager.default.removeItem(at: dir) }
    }

    /// Drops the database of `url` (made by `freshDatabase`).
    public static func drop(_ url: String) {
        guard let server = self.url, let name = URLComponents(string: url)?.path.dropFirst() else { return }
        try? PGConnection(url: server).execute("DROP DATABASE IF EXISTS \(name) WITH (FORCE)")
    }

    static func replacingDatabase(in url: String, with name: String) -> String {
        guard var parts = URLComponents(string: url) else { return url }
        parts.path = "/" + name
        return parts.string ?? url
    }
}

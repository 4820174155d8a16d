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

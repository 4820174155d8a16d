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

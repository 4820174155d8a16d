import Foundation

/// The real-tweet fixtures of shared/ and their expected facts.
public enum Fixtures {
    /// The tweet files (every `*.jsonl` except expected_facts.jsonl), sorted.
    public static var tweetFiles: [URL] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: SharedPaths.realTweets.path)) ?? []
        return names.filter { $0.hasSuffix(".jsonl") && $0 != "expected_facts.jsonl" }.sorted()
            .map { SharedPaths.realTweets.appendingPathComponent($0) }
    }

    public static var cutOffFile: URL { SharedPaths.realTweets.appendingPathComponent("bad-lines/v2_stream_cut_off.jsonl") }

    /// expected_facts.jsonl, one dictionary per record.
    public static func expectedFacts() throws -> [[String: Any]] {
        let text = try String(contentsOf: SharedPaths.realTweets.appendingPathComponent("expected_facts.jsonl"), encoding: .utf8)
        return try text.split(separator: "\n").map {
            try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any] ?? [:]
        }
    }

    /// The lines of a fixture file (split on `\\n` only, as the reader does).
    public static func lines(of file: String) throws -> [String] {
        let text = try String(contentsOf: SharedPaths.realTweets.appendingPathComponent(file), encoding: .utf8)
        return text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    }
}

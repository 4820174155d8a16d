import Foundation
import Generate
import Model
import Store

/// Writes a generated corpus to a file and returns its truth.
public enum GeneratedCorpus {
    public static func write(to path: String, tweets: Int, users: Int = 200, seed: UInt64 = 7,
                             profile: Profile = .civil) throws -> Truth {
        var options = CorpusGenerator.Options()
        options.tweets = tweets
        options.users = users
        options.seed = seed
        options.profile = profile
        var text = ""
        let truth = CorpusGenerator(options: options).generate { text += $0 + "\n" }
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return truth
    }

    /// Writes a generated corpus into `dir` and ingests it into a store beside it; returns its
    /// truth and the store's path.
    public static func ingested(in dir: URL, tweets: Int, users: Int, seed: UInt64) throws -> (truth: Truth, store: String) {
        let corpus = dir.appendingPathComponent("generated-\(seed).jsonl").path
        let truth = try write(to: corpus, tweets: tweets, users: users, seed: seed)
        try TestStores.ingest([corpus], into: corpus + ".db")
        return (truth, corpus + ".db")
    }

    /// A store in `dir` holding a generated corpus (civil profile), open for reading.
    public static func store(tweets: Int, users: Int, seed: UInt64, in dir: URL) throws -> Store {
        let file = dir.appendingPathComponent("generated-\(seed).jsonl").path
        try write(to: file, tweets: tweets, users: users, seed: seed)
        try TestStores.ingest([file], into: file + ".db")
        return try Store.openForReading(path: file + ".db")
    }
}

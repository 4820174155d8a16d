import Foundation
import Generate
import Model

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
}

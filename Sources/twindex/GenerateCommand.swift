import ArgumentParser
import Foundation
import Generate
import Model

struct GenerateCorpus: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "generate",
        abstract: "Write a synthetic corpus shaped like the study's, and the exact counts it must give.",
        discussion: """
            The study's 687,811 tweets cannot be redistributed; this writes v1.1 tweet JSON lines with the same shape: 1,109 accounts joining 2007-03-20..2013-02-23, office-hours and weekday rhythm in Europe/Amsterdam, Tabel 6's shares and five planted hashtag clusters; between the timelines, a stream's limit notices (cumulative track, timestamp_ms, a reconnect) and a planted 21-hour outage (see twindex completeness). --truth writes what every analysis must find in it. The same seed gives byte-identical output.

            Example:  twindex generate --tweets 20000 --out sample.jsonl --truth sample.truth.json
            """)

    @Option(help: "Number of tweets (duplicates come on top).")
    var tweets = 687_811

    @Option(help: "Number of accounts.")
    var users = 1_109

    @Option(help: "Random seed.")
    var seed: UInt64 = 1

    @Option(help: "civil (the study's shares and rhythm) or baseline (the 1% sample's).")
    var profile: Profile = .civil

    @Option(help: ArgumentHelp("Where to write the JSONL (default: standard output).", valueName: "file"))
    var out: String?

    @Option(help: ArgumentHelp("Where to write the truth (JSON).", valueName: "file"))
    var truth: String?

    @OptionGroup var output: JSONOption

    func validate() throws {
        if output.json && out == nil { throw ValidationError("--json needs --out: without it the corpus itself goes to stdout") }
        if tweets < 0 { throw ValidationError("--tweets must be 0 or more") }
        if users < 1 { throw ValidationError("--users must be at least 1") }
    }

    func run() throws {
        try reportingErrors {
            var options = CorpusGenerator.Options()
            options.tweets = tweets
            options.users = users
            options.seed = seed
            options.profile = profile
            let lines = try LineOutput(path: out)
            let result = CorpusGenerator(options: options).generate { lines.write($0) }
            try lines.close()
            if let truth {
                try (result.json.rendered() + "\n").write(toFile: truth, atomically: true, encoding: .utf8)
            }
            if output.json {
                Console.json(.object([
                    "out": .optional(out), "truth": .optional(truth), "tweets": .int(result.tweets),
                    "duplicates": .int(result.duplicates), "users": .int(result.users), "seed": seed <= 1 << 53 ? .int(Int64(seed)) : .string(String(seed)),
                    "profile": .string(profile.rawValue),
                ]))
            } else if out != nil {
                Console.err("generated \(result.tweets) tweets (+\(result.duplicates) duplicate lines) by \(result.users) accounts → \(out ?? "-")")
            }
        }
    }
}

/// Buffered line output to a file or standard output.
final class LineOutput {
    private let handle: FileHandle
    private var buffer = [UInt8]()

    init(path: String?) throws {
        if let path {
            guard FileManager.default.createFile(atPath: path, contents: nil),
                  let h = FileHandle(forWritingAtPath: path) else {
                throw ValidationError("cannot write \(path)")
            }
            handle = h
        } else {
            handle = .standardOutput
        }
        buffer.reserveCapacity(1 << 20)
    }

    func write(_ line: String) {
        buffer.append(contentsOf: line.utf8)
        buffer.append(0x0A)
        if buffer.count >= 1 << 20 { flush() }
    }

    private func flush() {
        handle.write(Data(buffer))
        buffer.removeAll(keepingCapacity: true)
    }

    func close() throws {
        flush()
        if handle !== FileHandle.standardOutput { try handle.close() }
    }
}

import ArgumentParser
import Foundation
import Analysis
import Generate
import Model
import Output

struct GenerateCorpus: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "generate",
        abstract: "Write a synthetic corpus shaped like the study's, and the exact counts it must give.",
        discussion: """
            The study's 687,811 tweets cannot be redistributed; this writes v1.1 tweet JSON lines with the same shape: 1,109 accounts joining 2007-03-20..2013-02-23, office-hours and weekday rhythm in Europe/Amsterdam, Tabel 6's shares and five planted hashtag clusters; between the timelines, a stream's limit notices (cumulative track, timestamp_ms, a reconnect) and a planted 21-hour outage (see twindex completeness). --truth writes what every analysis must find in it. The same seed gives byte-identical output.

            --profile sample1pct writes a stream shaped like Twitter's 1% sample of 2013-01-23 instead, as the Archive Team stream grab kept it: tweets in arrival order in some twenty languages and eight scripts, about one line in ten a delete notice, limit notices, native retweets with their originals, Tabel 6's published shares; --day/--days pick its UTC days. --archive tar packs it as the stream grab's monthly .tar (one YYYY/MM/DD/HH/MM.json.bz2 member per minute), --archive zip as the later .zip (.json.gz members); the truth then lists the members.

            Example:  twindex generate --tweets 20000 --out sample.jsonl --truth sample.truth.json
            Example:  twindex generate --profile sample1pct --tweets 100000 --archive tar --out day.tar --truth day.truth.json
            """)

    @Option(help: "Number of tweets (duplicates come on top).")
    var tweets = 687_811

    @Option(help: "Number of accounts.")
    var users = 1_109

    @Option(help: "Random seed.")
    var seed: UInt64 = 1

    @Option(help: "civil (the study's shares and rhythm), baseline (the 1% sample's shares and rhythm, as timelines) or sample1pct (the 1% sample's stream, as the archives hold it).")
    var profile: GenerateProfile = .civil

    @Option(help: ArgumentHelp("sample1pct: the first UTC day of the stream (default: 2013-01-23).", valueName: "YYYY-MM-DD"))
    var day: String?

    @Option(help: ArgumentHelp("sample1pct: how many UTC days the stream covers (default: 1).", valueName: "n"))
    var days: Int?

    @Option(help: ArgumentHelp("sample1pct: pack the stream as the Archive Team stream grab does: tar (YYYY/MM/DD/HH/MM.json.bz2 members) or zip (.json.gz members).", valueName: "tar|zip"))
    var archive: StreamArchiveWriter.Layout?

    @Option(help: ArgumentHelp("Where to write the JSONL (default: standard output).", valueName: "file"))
    var out: String?

    @Option(help: ArgumentHelp("Where to write the truth (JSON).", valueName: "file"))
    var truth: String?

    @OptionGroup var output: JSONOption

    func validate() throws {
        if output.json && out == nil { throw ValidationError("--json needs --out: without it the corpus itself goes to stdout") }
        if tweets < 0 { throw ValidationError("--tweets must be 0 or more") }
        if users < 1 { throw ValidationError("--users must be at least 1") }
        if profile != .sample1pct, let given = [day.map { _ in "--day" }, days.map { _ in "--days" }, archive.map { _ in "--archive" }].compactMap({ $0 }).first {
            throw ValidationError("\(given) is for --profile sample1pct (a stream in arrival order)")
        }
        if let days, days < 1 { throw ValidationError("--days must be at least 1") }
        if let day, CalendarBuckets.parseDay(day) == nil { throw ValidationError("--day \(day) is not a date; use YYYY-MM-DD") }
    }

    func run() throws {
        guard let shape = profile.timelines else { return try sampleStream() }
        try reportingErrors {
            var options = CorpusGenerator.Options()
            options.tweets = tweets
            options.users = users
            options.seed = seed
            options.profile = shape
            // The truth's file is made first: a truth that cannot be written costs no corpus.
            let truthFile = try truth.map { try ReplacementFile(path: $0) }
            let lines = try Self.lines(to: out)
            let result = try CorpusGenerator(options: options).generate { lines.write($0 + "\n"); try lines.check() }
            try lines.close()
            try truthFile?.commit(result.json.rendered() + "\n")
            if output.json {
                try Console.json(.object([
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

extension GenerateCorpus {
    /// `--profile sample1pct`: the 1% sample's stream, as JSONL or packed as an archive.
    private func sampleStream() throws {
        try reportingErrors {
            var options = SampleStreamGenerator.Options()
            options.tweets = tweets
            options.seed = seed
            options.days = days ?? 1
            if let first = day.flatMap(CalendarBuckets.parseDay) { options.firstDay = first }
            let generator = SampleStreamGenerator(options: options)
            let truthFile = try truth.map { try ReplacementFile(path: $0) }
            var result: SampleTruth
            if let archive {
                do {
                    let packer = try StreamArchiveWriter(path: out, layout: archive)
                    result = try generator.generate { try packer.add($0, receivedAt: $1) }
                    result.members = try packer.finish()
                } catch let error as ArchiveWriteError where error.code != 0 {
                    throw OutputError(path: out, code: error.code)   // worded (and a closed pipe ended) as every output
                }
            } else {
                let lines = try Self.lines(to: out)
                result = try generator.generate { line, _ in lines.write(line + "\n"); try lines.check() }
                try lines.close()
            }
            try truthFile?.commit(result.json.rendered() + "\n")
            if output.json {
                try Console.json(.object([
                    "out": .optional(out), "truth": .optional(truth), "tweets": .int(result.tweets), "lines": .int(result.lines),
                    "deletes": .int(result.deletes), "limits": .int(result.limits), "users": .int(result.users),
                    "members": .int(result.members.count), "archive": .optional(archive?.rawValue),
                    "seed": seed <= 1 << 53 ? .int(Int64(seed)) : .string(String(seed)), "profile": .string(profile.rawValue),
                ]))
            } else if out != nil {
                let packed = archive.map { " in \(result.members.count) \($0.rawValue) members" } ?? ""
                Console.err("generated \(result.lines) lines (\(result.tweets) tweets, \(result.deletes) delete and \(result.limits) limit notices) by \(result.users) accounts\(packed) → \(out ?? "-")")
            }
        }
    }
}

extension GenerateCorpus {
    /// Where the JSON lines go: the file at `path`, or standard output, in 1 MB blocks.
    static func lines(to path: String?) throws -> BufferedOutput {
        try path.map { try BufferedOutput(creating: $0) } ?? BufferedOutput(capacity: 1 << 20)
    }
}

/// What `generate --profile` writes: users' timelines with a `Profile`'s shares, or the 1% sample's stream.
enum GenerateProfile: String, ExpressibleByArgument, CaseIterable {
    case civil, baseline, sample1pct

    /// The timeline generator's profile; nil for the sample stream.
    var timelines: Profile? { Profile(rawValue: rawValue) }
}

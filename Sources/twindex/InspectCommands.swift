import ArgumentParser
import Foundation
import Ingest
import Model
import Output
import Store

struct Stats: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "What the store holds: tweets, users, period, duplicates, deletes, bad lines, runs.")

    @OptionGroup var store: StoreOptions
    @OptionGroup var zone: TimeZoneOption
    @OptionGroup var output: JSONOption

    func run() throws {
        try reportingErrors {
            let s = try Store.openForReading(path: store.path).stats()
            let tz = try zone.zone()
            if output.json {
                try Console.json(.object([
                    "tweets": .int(s.tweets), "users": .int(s.users), "first": .optional(s.first),
                    "last": .optional(s.last), "first_local": .optional(s.first.map { LocalTime.iso8601(utc: $0, in: tz) }),
                    "last_local": .optional(s.last.map { LocalTime.iso8601(utc: $0, in: tz) }), "duplicates": .int(s.duplicates), "deleted": .int(s.deleted),
                    "notices": .int(s.notices), "bad_lines": .int(s.badLines), "runs": .int(s.runs),
                ]))
            } else {
                try Console.out("""
                    store       \(store.path)
                    tweets      \(s.tweets) (unique, not deleted)
                    users       \(s.users)
                    first       \(s.first.map { LocalTime.iso8601(utc: $0, in: tz) } ?? "-")
                    last        \(s.last.map { LocalTime.iso8601(utc: $0, in: tz) } ?? "-")
                    duplicates  \(s.duplicates)
                    deleted     \(s.deleted)
                    notices     \(s.notices)
                    bad lines   \(s.badLines)
                    runs        \(s.runs)
                    """)
            }
        }
    }
}

struct BadLines: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bad-lines",
        abstract: "List every line that could not be read: file, line number, error and the line.")

    @OptionGroup var store: StoreOptions
    @OptionGroup var output: JSONOption

    func run() throws {
        try reportingErrors {
            let lines = try Store.openForReading(path: store.path).badLines()
            if output.json {
                try Console.json(.object(["rows": .array(lines.map {
                    .object(["file": .string($0.file), "line": .int($0.line), "error": .string($0.error), "text": .string($0.text)])
                })]))
                return
            }
            if lines.isEmpty { try Console.out("no bad lines") }
            for b in lines {
                let text = TerminalText.sanitized(b.text.count > 200 ? String(b.text.prefix(200)) + "…" : b.text)
                try Console.out(TerminalText.sanitized("\(b.file):\(b.line): \(b.error)") + "\n    " + text)
            }
        }
    }
}

struct Show: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Show one tweet as stored, or with --raw its original JSON line from the source file.")

    @OptionGroup var store: StoreOptions
    @OptionGroup var output: JSONOption

    @Flag(help: "Print the original line, read back from the source file.")
    var raw = false

    @OptionGroup var zone: TimeZoneOption

    @Argument(help: "The tweet id.")
    var id: String

    func run() throws {
        try reportingErrors {
            guard let tweetID = Int64(id) else { throw ValidationError("\(id) is not a tweet id (digits expected)") }
            let tz = try zone.zone()
            let db = try Store.openForReading(path: store.path)
            guard let t = try db.tweet(id: tweetID) else {
                let why = try db.isDeleted(id: tweetID) ? "it was deleted by a delete notice" : "it was never ingested"
                throw ValidationError("no tweet \(id) in \(store.path): \(why)")
            }
            if raw {
                guard let file = t.file, file != "-", let offset = t.offset else {
                    throw ValidationError("tweet \(id) came from standard input; its original line was not kept")
                }
                guard let line = try RawLine.read(path: file, member: t.member, offset: offset) else {
                    let place = t.member.map { "\(file):\($0)" } ?? file
                    throw ValidationError("\(place) no longer holds the line at byte \(offset); was it changed?")
                }
                try Console.out(line)
                return
            }
            let local = t.createdAtSeconds.map { LocalTime.iso8601($0, in: tz) }
            if output.json {
                try Console.json(.object([
                    "id": .string(t.id), "created_at": .optional(t.createdAt), "created_at_local": .optional(local),
                    "author_id": .optional(t.authorID),
                    "screen_name": .optional(t.screenName), "text": .string(t.text), "lang": .optional(t.lang),
                    "in_reply_to_status_id": .optional(t.inReplyToStatusID), "retweeted_id": .optional(t.retweetedID),
                    "quoted_id": .optional(t.quotedID), "hashtags": .array(t.hashtags.map(JSONValue.string)),
                    "mentions": .array(t.mentions.map(JSONValue.string)), "urls": .array(t.urls.map(JSONValue.string)),
                    "starts_with_at": .bool(t.startsWithAt), "file": .optional(t.file), "line": .optional(t.line),
                ]))
                return
            }
            // Data is sanitised line by line: no escape sequence of a tweet reaches the terminal.
            try Console.out([
                "id          \(t.id)",
                "created_at  \(local ?? "-")",
                "author      \(t.screenName.map { "@" + $0 } ?? "-") (\(t.authorID ?? "-"))",
                "text        \(t.text)",
                "hashtags    \(t.hashtags.map { "#" + $0 }.joined(separator: " "))",
                "mentions    \(t.mentions.map { "@" + $0 }.joined(separator: " "))",
                "urls        \(t.urls.joined(separator: " "))",
                "reply/RT/QT \(t.inReplyToStatusID ?? "-") / \(t.retweetedID ?? "-") / \(t.quotedID ?? "-")",
                "source      \(t.file ?? "-"):\(t.line.map(String.init) ?? "-")",
            ].map(TerminalText.sanitized).joined(separator: "\n"))
        }
    }
}

import ArgumentParser
import Foundation
import Load

struct FollowsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "follows",
        abstract: "Import follow edges (follower → followed) for `network --kind follow` (Figuur 2).",
        discussion: """
            FILE is a CSV or TSV edge list whose header names the columns source (the follower) and target (the followed), each a screen name (@ optional) or a numeric user id; or twarc2 following/followers output (JSON lines, pages or flattened users), where the account whose list it is comes from each line's __twarc.url. Ids resolve to screen names through the store's accounts when the network is drawn. A file imported unchanged is skipped (unless --force); lines that cannot be read are kept aside (`twindex bad-lines`) and the rest of the file is imported.

            Example:  twarc2 following 813286 > following.jsonl && twindex follows following.jsonl
            """)

    @OptionGroup var store: StoreOptions
    @OptionGroup var output: JSONOption

    @Flag(help: "Read files again even when they were imported unchanged.")
    var force = false

    @Argument(help: ArgumentHelp("Edge lists (CSV/TSV) or twarc2 following/followers output, or directories of them.", valueName: "file"))
    var inputs: [String]

    func validate() throws {
        if inputs.isEmpty { throw ValidationError("give at least one FILE") }
    }

    func run() throws {
        try reportingErrors {
            if let notice = MigrationNotice.text(path: store.path) { Console.err(notice) }
            let s = try FollowsImport.run(inputs: inputs, into: store.path, force: force)
            for problem in s.problems { Console.err("twindex: \(problem.input): \(problem.message)") }
            NULNotice.warn(s.nulReplacements) { "\($0.place):\($0.line)" }
            if output.json {
                try Console.json(.object([
                    "files": .int(s.files), "files_skipped": .int(s.filesSkipped), "lines": .int(s.lines),
                    "edges": .int(s.edges), "bad_lines": .int(s.badLines),
                    "problems": .array(s.problems.map { .object(["input": .string($0.input), "message": .string($0.message)]) }),
                    "nul_replaced": .int(s.nulReplacements.count),
                    "nul_replacements": NULNotice.json(s.nulReplacements, placeKey: "input", lineKey: "line"),
                ]))
            } else {
                try Console.out("imported \(s.edges) follow edge(s) from \(s.files) file(s) (\(s.filesSkipped) skipped unchanged), \(s.badLines) bad line(s) → \(store.path)")
            }
            if !s.problems.isEmpty { throw ExitCodeError.failure }
        }
    }
}

import Foundation
import Ingest
import Model
import Store

/// One `twindex follows` run: each file's follow edges into the store's `follows` table
/// (files imported unchanged before are skipped, bad lines quarantined with file and line
/// in `bad_lines`, as ingest does), then `network --kind follow` draws them.
///
/// ```swift
/// let summary = try FollowsImport.run(inputs: ["following.jsonl", "edges.csv"], into: "study.db")
/// print(summary.edges, summary.badLines)
/// ```
public enum FollowsImport {
    /// How a run went.
    public struct Summary: Sendable {
        /// Files read, and files skipped as imported unchanged.
        public var files = 0
        /// See `files`.
        public var filesSkipped = 0
        /// Edges stored.
        public var edges = 0
        /// Lines quarantined.
        public var badLines = 0
        /// Lines read.
        public var lines = 0
        /// Inputs that could not be read, with the reason.
        public var problems: [(input: String, message: String)] = []
        /// Edges whose names' NUL characters became U+FFFD (a PostgreSQL store).
        public var nulReplacements = NULReplacements()
    }

    /// Imports `inputs` (files; a directory stands for its files, sorted) into the store at
    /// `path`, creating it when missing; `force` reads unchanged files again.
    public static func run(inputs: [String], into path: String, force: Bool = false) throws -> Summary {
        let writer = try FollowWriter(path: path)
        var summary = Summary()
        for file in expand(inputs) {
            guard FileManager.default.isReadableFile(atPath: file) else {
                let reason = FileManager.default.fileExists(atPath: file) ? "permission denied" : "no such file"
                summary.problems.append((file, reason))
                try writer.recordUnreadable(path: file, reason: reason)
                continue
            }
            guard try writer.shouldRead(path: file, force: force) else {
                summary.filesSkipped += 1
                continue
            }
            summary.files += 1
            do {
                let contents = try FollowListReader.read(path: file)
                let replaced = try writer.write(edges: contents.edges, badLines: contents.badLines, lines: contents.lines, place: file)
                for r in replaced { summary.nulReplacements.add(r) }
                summary.edges += contents.edges.count
                summary.badLines += contents.badLines.count
                summary.lines += contents.lines
            } catch let error as IngestError {
                summary.problems.append((file, "\(error)"))
                try writer.recordUnreadable(path: file, reason: "\(error)")
            }
        }
        try writer.finishRun(status: summary.problems.isEmpty ? "ok" : "failed")
        return summary
    }

    private static func expand(_ inputs: [String]) -> [String] {
        inputs.flatMap { input -> [String] in
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: input, isDirectory: &isDirectory), isDirectory.boolValue else { return [input] }
            let names = (try? FileManager.default.contentsOfDirectory(atPath: input)) ?? []
            return names.filter { !$0.hasPrefix(".") }.sorted().map { (input as NSString).appendingPathComponent($0) }
        }
    }
}

import Foundation
import Ingest
import Model
import Store

/// One ingest run from start to end: resolve the inputs, read each into the store (skipping
/// inputs ingested unchanged, resuming interrupted ones, going on past bad ones), then bring
/// the indexes up to date and close the run. The CLI's `ingest` and `demo` and the tests all
/// go through here; they only present the summary.
///
/// ```swift
/// let summary = try StoreIngest.run(inputs: ["tweets/"], into: "study.db")
/// print(summary.counts.tweetsInserted, summary.failed)
/// ```
public enum StoreIngest {
    /// How to run an ingest.
    public struct Options: Sendable {
        /// Read inputs again even when they were ingested unchanged.
        public var force = false
        /// Stop the run (failed) once more than this many bad lines were seen in it.
        public var maxBadLines: Int?
        /// Which members of archives to read (`--member`, `--from/--to`): all tweet files by default.
        public var members = MemberSelection()
        /// Batch and line-length settings of the reading pipeline.
        package var pipeline = IngestPipeline.Options()
        /// Default options: skip unchanged inputs, no bad-line limit.
        public init() {}
    }

    /// What the caller is told while the run goes on.
    public enum Progress: Sendable {
        /// Reading inputs: bytes read so far of how many, tweets decoded.
        case reading(IngestProgress)
        /// All inputs read; the full-text and reader indexes are being built.
        case buildingIndexes
    }

    /// How a run went: what `twindex ingest` prints.
    public struct Summary: Sendable {
        /// The run's counters (files, lines, tweets, duplicates, …).
        public var counts: IngestCounts
        /// Inputs that could not be read (completely), with the reason.
        public var problems: [(input: String, message: String)]
        /// The run stopped because more than `Options.maxBadLines` lines were bad.
        public var stoppedForBadLines: Bool
        /// Wall-clock seconds of the whole run, index building included.
        public var seconds: Double
        /// Stored tweets whose NUL characters became U+FFFD (a PostgreSQL store; SQLite keeps them).
        public var nulReplacements = NULReplacements()
        /// Some input could not be read, or the run stopped for bad lines: the run is
        /// recorded as `failed`.
        public var failed: Bool { !problems.isEmpty || stoppedForBadLines }
    }

    /// Ingests `inputs` (files, directories of tweet files, `-` for standard input) into the
    /// store at `path`, creating it when missing, except when no input can be read: then
    /// `IngestError.cannotOpen` names the first and no store is made. Throws
    /// `StoreError.locked` when another ingest holds the store, and store errors that stop the
    /// run (a full disk); problems with single inputs are in the summary instead.
    public static func run(inputs: [String], into path: String, options: Options = Options(),
                           progress: (Progress) -> Void = { _ in }) throws -> Summary {
        let started = Date()
        let resolved = InputResolver.resolve(inputs)
        // Nothing readable and no store yet: fail before the store (or its lock) exists.
        if !FileManager.default.fileExists(atPath: path), let first = resolved.first,
           resolved.allSatisfy({ if case .unreadable = $0 { return true } else { return false } }),
           case .unreadable(let input, let reason) = first {
            throw IngestError.cannotOpen(path: input, reason: reason)
        }
        let writer = try makeRunWriter(path)
        var job = IngestJob(inputs: resolved)
        job.force = options.force
        job.maxBadLines = options.maxBadLines
        job.options = options.pipeline
        job.members = options.members
        let outcome = try job.run(into: writer) { progress(.reading($0)) }
        var summary = Summary(counts: writer.counts, problems: outcome.problems,
                              stoppedForBadLines: outcome.stoppedForBadLines, seconds: 0)
        progress(.buildingIndexes)
        try writer.finishRun(status: summary.failed ? "failed" : "ok")
        summary.counts = writer.counts
        summary.nulReplacements = writer.nulReplacements
        summary.seconds = Date().timeIntervalSince(started)
        return summary
    }
}

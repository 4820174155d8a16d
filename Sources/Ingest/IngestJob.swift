import Foundation
import Model

/// Progress of a whole ingest: raw (possibly compressed) bytes read of all inputs, their
/// total when every input is a file, and tweets decoded so far.
public struct IngestProgress: Sendable {
    /// Raw bytes read so far, over all inputs.
    public var bytesRead: Int64
    /// The inputs' total size; nil when one is standard input.
    public var totalBytes: Int64?
    /// Tweets decoded so far.
    public var tweets: Int
}

/// One ingest run's reading: every input in order into one target (the store), skipping
/// inputs already ingested, resuming interrupted ones, and going on past bad inputs.
/// `StoreIngest.run` (Load) drives it; use that.
package struct IngestJob {
    package var inputs: [InputResolver.Input]
    package var force = false
    /// Stop the run (failed) once more than this many bad lines were seen in it.
    package var maxBadLines: Int?
    package var options = IngestPipeline.Options()
    /// Which members of archives to read.
    package var members = MemberSelection()

    package init(inputs: [InputResolver.Input]) { self.inputs = inputs }

    /// How the run went, beyond the counts the target keeps.
    package struct Outcome: Sendable {
        /// Inputs that could not be read (completely), with the reason.
        package var problems: [(input: String, message: String)] = []
        /// The run stopped because of `maxBadLines`.
        package var stoppedForBadLines = false
        package var badLines = 0
    }

    package func run(into target: IngestTarget, progress: (IngestProgress) -> Void = { _ in }) throws -> Outcome {
        try withoutActuallyEscaping(progress) { try run(into: target, reporting: $0) }
    }

    private func run(into target: IngestTarget, reporting progress: @escaping (IngestProgress) -> Void) throws -> Outcome {
        let sizes = inputs.map { input -> Int64? in
            guard case .file(let path) = input else { return nil }
            return (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? NSNumber)?.int64Value
        }
        let total: Int64? = sizes.contains(where: { $0 == nil }) ? nil : sizes.reduce(0) { $0 + ($1 ?? 0) }
        let run = JobRun(target: target, total: total, progress: progress)
        for (index, input) in inputs.enumerated() {
            let path: String?
            switch input {
            case .unreadable(let p, let reason):
                run.outcome.problems.append((p, reason))
                try target.recordUnreadable(path: p, reason: reason)
                continue
            case .standardInput: path = nil
            case .file(let p): path = p
            }
            if try ArchiveInput.handles(path: path) {
                try readArchive(path: path, name: input.displayName, run: run)
            } else if case .read(let offset, let line) = try target.plan(path: path, force: force) {
                try read(input.displayName, run: run) { onBatch, shouldStop in
                    try IngestPipeline.run(path: path, resumeOffset: offset, resumeLine: line, sink: target,
                                           options: options, onBatch: onBatch, shouldStop: shouldStop)
                }
            }
            run.doneBytes += sizes[index] ?? 0
            if run.outcome.stoppedForBadLines { break }
        }
        return run.outcome
    }

    /// Reads a tar or zip archive member by member (each a unit of its own), or a file
    /// compressed as one stream (a unit like a plain file).
    private func readArchive(path: String?, name: String, run: JobRun) throws {
        let archive: ArchiveInput
        do {
            archive = try ArchiveInput(path: path)
        } catch let error as IngestError {
            run.outcome.problems.append((name, error.description))
            try run.target.recordUnreadable(path: path ?? "-", reason: error.description)
            return
        }
        while !run.outcome.stoppedForBadLines {
            let entry: ArchiveReader.Entry
            do {
                guard let next = try archive.next() else { return }
                entry = next
            } catch let error as IngestError {
                // The archive itself is damaged here: what follows cannot be reached.
                run.outcome.problems.append((name, error.description))
                try run.target.recordUnreadable(path: path ?? "-", reason: error.description)
                return
            }
            let plan: FilePlan
            let unit: String
            if archive.isSingleStream {
                plan = try run.target.plan(path: path, force: force)
                unit = name
            } else {
                guard entry.isRegularFile, members.accepts(entry.name) else { continue }
                let member = ArchiveMember(name: entry.name, size: entry.size, mtimeNanoseconds: entry.mtimeNanoseconds)
                plan = try run.target.plan(path: path, member: member, force: force)
                unit = "\(name):\(entry.name)"
            }
            guard case .read(let offset, let line) = plan else { continue }
            try read(unit, run: run) { onBatch, shouldStop in
                let source = try archive.memberSource()
                defer { source.finish() }
                return try IngestPipeline.run(source: source, resumeOffset: offset, resumeLine: line, sink: run.target,
                                              options: options, onBatch: onBatch, shouldStop: shouldStop)
            }
        }
    }

    /// Reads one planned unit (a file, standard input, an archive member) with `pipeline`,
    /// then records how it ended.
    private func read(_ name: String, run: JobRun,
                      pipeline: (_ onBatch: (IngestBatch) -> Void, _ shouldStop: () -> Bool) throws -> IngestPipeline.FileSummary) throws {
        let base = run.doneBytes
        do {
            let summary = try pipeline({ batch in
                run.tweets += batch.tweets.count
                run.outcome.badLines += batch.badLines.count
                run.progress(IngestProgress(bytesRead: base + batch.rawBytesRead, totalBytes: run.total, tweets: run.tweets))
            }, { maxBadLines.map { run.outcome.badLines > $0 } ?? false })
            if !summary.stopped {
                try run.target.finishFile(contentHash: summary.contentHash, error: summary.error?.description)
            }
            if let error = summary.error { run.outcome.problems.append((name, error.description)) }
        } catch let error as IngestError {
            // The unit was planned (it has its row) but could not be opened: say why there.
            run.outcome.problems.append((name, error.description))
            try run.target.finishFile(contentHash: nil, error: error.description)
        }
        if let max = maxBadLines, run.outcome.badLines > max { run.outcome.stoppedForBadLines = true }
    }
}

/// The state of one `IngestJob.run`, shared by the units it reads.
private final class JobRun {
    let target: IngestTarget
    let total: Int64?
    let progress: (IngestProgress) -> Void
    var outcome = IngestJob.Outcome()
    /// Raw bytes of the inputs before the one being read.
    var doneBytes: Int64 = 0
    var tweets = 0

    init(target: IngestTarget, total: Int64?, progress: @escaping (IngestProgress) -> Void) {
        self.target = target
        self.total = total
        self.progress = progress
    }
}

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
            guard try archive.next() != nil else { return }
        } catch let error as IngestError {
            try run.damaged(path: path, name: name, error)
            return
        }
        if !archive.isSingleStream, let plans = try run.target.memberPlans(path: path, force: force) {
            return try streamMembers(of: archive, path: path, name: name, plans: plans, run: run)
        }
        var first = true
        while !run.outcome.stoppedForBadLines {
            let entry: ArchiveReader.Entry
            do {
                guard let next = first ? archive.current : try archive.next() else { return }
                first = false
                entry = next
            } catch let error as IngestError {
                // The archive itself is damaged here: what follows cannot be reached.
                try run.damaged(path: path, name: name, error)
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
                let source = try archive.memberSource().source
                defer { source.finish() }
                return try IngestPipeline.run(source: source, resumeOffset: offset, resumeLine: line, sink: run.target,
                                              options: options, onBatch: onBatch, shouldStop: shouldStop)
            }
        }
    }

    /// Reads the members of an archive through one `ArchivePipeline`, planned ahead from
    /// `plans`: the next member is inflated and decoded while this thread writes the one before.
    private func streamMembers(of archive: ArchiveInput, path: String?, name: String, plans: MemberPlans, run: JobRun) throws {
        let pipeline = ArchivePipeline(archive: archive, members: members, plans: plans, options: options)
        defer { pipeline.finish() }
        var unit = name
        var writing = false
        while let event = pipeline.next() {
            switch event {
            case .begin(let member, let planned):
                unit = "\(name):\(member.name)"
                // Planned ahead and planned now agree but for a member of the same name met twice.
                writing = try run.target.plan(path: path, member: member, force: force) == planned && planned != .skip
            case .batch(let batch) where writing:
                try run.target.write(batch)
                run.count(batch, base: run.doneBytes)
                if let max = maxBadLines, run.outcome.badLines > max {
                    run.outcome.stoppedForBadLines = true
                    return
                }
            case .end(let hash, let error) where writing:
                try run.target.finishFile(contentHash: hash, error: error?.description)
                if let error { run.outcome.problems.append((unit, error.description)) }
            case .unreadable(let error) where writing:
                run.outcome.problems.append((unit, error.description))
                try run.target.finishFile(contentHash: nil, error: error.description)
            case .damaged(let error):
                try run.damaged(path: path, name: name, error)
            case .batch, .end, .unreadable:
                continue
            }
        }
    }

    /// Reads one planned unit (a file, standard input, an archive member) with `pipeline`,
    /// then records how it ended.
    private func read(_ name: String, run: JobRun,
                      pipeline: (_ onBatch: (IngestBatch) -> Void, _ shouldStop: () -> Bool) throws -> IngestPipeline.FileSummary) throws {
        let base = run.doneBytes
        do {
            let summary = try pipeline({ run.count($0, base: base) }, { maxBadLines.map { run.outcome.badLines > $0 } ?? false })
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

    /// Counts a batch written and reports progress (`base`: raw bytes of the inputs before).
    func count(_ batch: IngestBatch, base: Int64) {
        tweets += batch.tweets.count
        outcome.badLines += batch.badLines.count
        progress(IngestProgress(bytesRead: base + batch.rawBytesRead, totalBytes: total, tweets: tweets))
    }

    /// An archive that cannot be opened, or is damaged where reading it stopped: a problem of
    /// the run, recorded in `files`.
    func damaged(path: String?, name: String, _ error: IngestError) throws {
        outcome.problems.append((name, error.description))
        try target.recordUnreadable(path: path ?? "-", reason: error.description)
    }
}

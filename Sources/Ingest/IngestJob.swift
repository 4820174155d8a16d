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
        var outcome = Outcome()
        let sizes = inputs.map { input -> Int64? in
            guard case .file(let path) = input else { return nil }
            return (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? NSNumber)?.int64Value
        }
        let total: Int64? = sizes.contains(where: { $0 == nil }) ? nil : sizes.reduce(0) { $0 + ($1 ?? 0) }
        var doneBytes: Int64 = 0
        var tweets = 0
        for (index, input) in inputs.enumerated() {
            let path: String?
            switch input {
            case .unreadable(let p, let reason):
                outcome.problems.append((p, reason))
                try target.recordUnreadable(path: p, reason: reason)
                continue
            case .standardInput: path = nil
            case .file(let p): path = p
            }
            let plan = try target.plan(path: path, force: force)
            guard case .read(let offset, let line) = plan else {
                doneBytes += sizes[index] ?? 0
                continue
            }
            do {
                let summary = try IngestPipeline.run(
                    path: path, resumeOffset: offset, resumeLine: line, sink: target, options: options,
                    onBatch: { batch in
                        tweets += batch.tweets.count
                        outcome.badLines += batch.badLines.count
                        progress(IngestProgress(bytesRead: doneBytes + batch.rawBytesRead, totalBytes: total, tweets: tweets))
                    },
                    shouldStop: { maxBadLines.map { outcome.badLines > $0 } ?? false })
                if !summary.stopped {
                    try target.finishFile(contentHash: summary.contentHash, error: summary.error?.description)
                }
                if let error = summary.error { outcome.problems.append((input.displayName, error.description)) }
            } catch let error as IngestError {
                // The input was planned (it has its row) but could not be opened: say why there.
                outcome.problems.append((input.displayName, error.description))
                try target.finishFile(contentHash: nil, error: error.description)
            }
            doneBytes += sizes[index] ?? 0
            if let max = maxBadLines, outcome.badLines > max {
                outcome.stoppedForBadLines = true
                break
            }
        }
        return outcome
    }
}

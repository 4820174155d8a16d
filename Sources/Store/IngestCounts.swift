import Model

/// Counters of one ingest run (or one file), as the `--json` summary of `twindex ingest`
/// reports them.
public struct IngestCounts: Equatable, Sendable {
    /// Inputs read (in full, resumed or from their start).
    public var files = 0
    /// Inputs skipped as already ingested and unchanged.
    public var filesSkipped = 0
    /// Lines read, blank ones included.
    public var lines = 0
    /// Tweets stored for the first time.
    public var tweetsInserted = 0
    /// Tweets already stored (the first version is kept).
    public var duplicates = 0
    /// Tweets not stored because a delete notice for them was seen before.
    public var suppressed = 0
    /// Delete notices seen for the first time.
    public var deleted = 0
    /// Other stream notices (limits, warnings, …), counted only.
    public var notices = 0
    /// Lines that could not be read as JSON tweets (kept in `bad_lines`).
    public var badLines = 0

    /// No counts yet.
    public init() {}

    /// The counts a batch gives before any of its tweets is written: its lines, notices and
    /// bad lines.
    init(of batch: IngestBatch) {
        (lines, notices, badLines) = (batch.lines, batch.notices.count, batch.badLines.count)
    }

    /// Adds the per-batch counters of `other` (not its file counters, which the planner keeps).
    mutating func addBatch(_ other: IngestCounts) {
        lines += other.lines
        tweetsInserted += other.tweetsInserted
        duplicates += other.duplicates
        suppressed += other.suppressed
        deleted += other.deleted
        notices += other.notices
        badLines += other.badLines
    }
}

/// What one batch of input lines decoded to, with the position in the file after the
/// batch. A store writer commits a batch and its position in one transaction, so an
/// interrupted ingest resumes exactly after the last committed batch.
public struct IngestBatch: Sendable {
    /// A decoded tweet and where it was read.
    public struct Item: Sendable {
        /// The tweet.
        public var tweet: Tweet
        /// Its line in the file.
        public var position: SourcePosition
        /// An item.
        public init(tweet: Tweet, position: SourcePosition) {
            self.tweet = tweet
            self.position = position
        }
    }
    /// Tweets decoded, in file order.
    public var tweets: [Item] = []
    /// Delete notices: the tweet (and its user when given).
    public var deletes: [(tweetID: Int64, userID: Int64?)] = []
    /// Other stream notices (limits, warnings, …), in file order.
    public var notices: [StreamNotice] = []
    /// Lines that could not be read.
    public var badLines: [BadLine] = []
    /// Lines read, blank ones included.
    public var lines = 0
    /// Uncompressed bytes consumed and lines read in the file after this batch.
    public var endOffset: Int64 = 0
    /// See `endOffset`.
    public var endLine = 0
    /// Raw (possibly compressed) bytes read from the file after this batch, for progress.
    public var rawBytesRead: Int64 = 0
    /// An empty batch at the start of a file.
    public init() {}
}

/// The receiving end of an ingest: the SQLite store is one, a counter in tests another.
public protocol TweetSink: AnyObject {
    func write(_ batch: IngestBatch) throws
}

/// What to do with an input before reading it.
public enum FilePlan: Equatable, Sendable {
    /// Already ingested completely and unchanged.
    case skip
    /// Read from the start (offset 0), or resume after the last committed line.
    case read(resumeOffset: Int64, resumeLine: Int)
}

/// One member of an archive (tar, zip), as its header describes it: a unit of input of its
/// own, recorded, skipped and resumed like a file.
public struct ArchiveMember: Equatable, Sendable {
    /// The member's path inside the archive (`2013/01/23/00/00.json.bz2`).
    public var name: String
    /// Its size in the archive (compressed when the member is compressed itself).
    public var size: Int64?
    /// Its modification time, nanoseconds since 1970.
    public var mtimeNanoseconds: Int64?
    /// A member as its archive header gives it.
    public init(name: String, size: Int64?, mtimeNanoseconds: Int64?) {
        self.name = name
        self.size = size
        self.mtimeNanoseconds = mtimeNanoseconds
    }
}

/// A sink that also keeps track of inputs, so runs can skip and resume them (the store).
public protocol IngestTarget: TweetSink {
    /// Decides how to read `path` (standard input when nil).
    func plan(path: String?, force: Bool) throws -> FilePlan
    /// Decides how to read one member of the archive at `path` (standard input when nil):
    /// skipped when already read completely with the same size and time, else resumed.
    func plan(path: String?, member: ArchiveMember, force: Bool) throws -> FilePlan
    /// Marks the input being read as finished, or records why it stopped early (no hash
    /// when nothing could be read).
    func finishFile(contentHash: UInt64?, error: String?) throws
    /// Records an input that could not be opened at all.
    func recordUnreadable(path: String, reason: String) throws
    /// What the target knows of the members of the archive at `path` (nil: standard input),
    /// so that they can be planned ahead of the writer; nil when it cannot say (each member
    /// is then planned in turn, after the one before is written).
    func memberPlans(path: String?, force: Bool) throws -> MemberPlans?
}

extension IngestTarget {
    /// A target that keeps no record of members reads each one as it reads a file.
    public func plan(path: String?, member: ArchiveMember, force: Bool) throws -> FilePlan {
        try plan(path: path, force: force)
    }

    /// A target that keeps no record of members cannot plan them ahead.
    public func memberPlans(path: String?, force: Bool) throws -> MemberPlans? { nil }
}

extension IngestBatch {
    /// The time each of `notices` is placed at when it carries no `timestamp_ms`
    /// (ANALYSIS.md, "Collection completeness"): the `created_at` of the last tweet before it
    /// in the file, nil when none came before. `last` is that of the last tweet before this
    /// batch; the second result is the one after it, to carry into the next batch.
    public func noticePlacements(after last: Int64?) -> (placements: [Int64?], last: Int64?) {
        var last = last
        var next = 0
        func advance(to offset: Int64) {
            while next < tweets.count, tweets[next].position.offset < offset {
                last = tweets[next].tweet.createdAt ?? last
                next += 1
            }
        }
        let placements = notices.map { notice -> Int64? in
            advance(to: notice.position.offset)
            return last
        }
        advance(to: .max)
        return (placements, last)
    }
}

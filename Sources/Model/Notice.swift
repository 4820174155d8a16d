/// A stream message that is not a tweet.
public enum Notice: Sendable, Equatable {
    /// `{"delete": {"status": {...}}}` or a v2 compliance `"action": "delete"` line:
    /// the tweet must disappear and stay gone.
    case delete(tweetID: Int64, userID: Int64?)
    /// `limit`, `scrub_geo`, `status_withheld`, `user_withheld`, `warning`, other
    /// compliance actions: kept in the store's `notices` table, otherwise skipped. `track` is
    /// a limit notice's count of tweets withheld since the connection opened; `timestampMs` the
    /// notice's own `timestamp_ms` (milliseconds since 1970), when it has one.
    case other(kind: String, track: Int64? = nil, timestampMs: Int64? = nil)
}

/// A stream notice other than a delete, as read from its line: what the store keeps of it.
public struct StreamNotice: Sendable, Equatable {
    /// The notice's key: `limit`, `warning`, `scrub_geo`, … (`compliance:ACTION` for v2).
    public var kind: String
    /// A limit notice's cumulative count of withheld tweets (nil for other kinds).
    public var track: Int64?
    /// Its `timestamp_ms`, when present.
    public var timestampMs: Int64?
    /// Where it was read.
    public var position: SourcePosition
    /// A notice read at `position`.
    public init(kind: String, track: Int64?, timestampMs: Int64?, position: SourcePosition) {
        (self.kind, self.track, self.timestampMs, self.position) = (kind, track, timestampMs, position)
    }
}

/// A line that could not be read as a tweet or a notice.
public struct BadLine: Sendable, Equatable {
    /// Its line number (from 1) and the uncompressed byte offset of its start.
    public var line: Int, offset: Int64
    /// Why it could not be read.
    public var error: String
    /// The line's bytes (a prefix for lines over the size limit).
    public var bytes: [UInt8]
    /// A bad line.
    public init(line: Int, offset: Int64, error: String, bytes: [UInt8]) {
        (self.line, self.offset, self.error, self.bytes) = (line, offset, error, bytes)
    }
}

/// Where a decoded item came from in its source file (uncompressed byte offset).
public struct SourcePosition: Sendable, Equatable {
    /// Line number, from 1.
    public var line: Int
    /// Byte offset of the line's start.
    public var offset: Int64
    /// The line's length in bytes.
    public var length: Int
    /// A position.
    public init(line: Int, offset: Int64, length: Int) {
        self.line = line
        self.offset = offset
        self.length = length
    }
}

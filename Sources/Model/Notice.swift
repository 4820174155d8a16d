/// A stream message that is not a tweet.
public enum Notice: Sendable, Equatable {
    /// `{"delete": {"status": {...}}}` or a v2 compliance `"action": "delete"` line:
    /// the tweet must disappear and stay gone.
    case delete(tweetID: Int64, userID: Int64?)
    /// `limit`, `scrub_geo`, `status_withheld`, `user_withheld`, `warning`, other
    /// compliance actions: counted, otherwise skipped.
    case other(kind: String)
}

/// A line that could not be read as a tweet or a notice.
public struct BadLine: Sendable, Equatable {
    /// Its line number (from 1) and uncompressed byte offset.
    public var line: Int
    /// See `line`.
    public var offset: Int64
    /// Why it could not be read.
    public var error: String
    /// The line's bytes (a prefix for lines over the size limit).
    public var bytes: [UInt8]
    /// A bad line.
    public init(line: Int, offset: Int64, error: String, bytes: [UInt8]) {
        self.line = line
        self.offset = offset
        self.error = error
        self.bytes = bytes
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

/// What can stop the ingest of one input: each case says what a user needs to fix it, and
/// an error part-way through says where (`StreamPosition`) once the reader knows it.
public enum IngestError: Error, Equatable, CustomStringConvertible {
    /// The input cannot be opened (missing, unreadable, a directory).
    case cannotOpen(path: String, reason: String)
    /// Reading failed part-way (the system's reason).
    case io(String, at: StreamPosition? = nil)
    /// The gzip stream is corrupt or ends early.
    case gzip(String, at: StreamPosition? = nil)
    /// An archive or compressed stream (tar, zip, bzip2, xz, zstd) is corrupt or ends early
    /// (libarchive's reason).
    case archive(String, at: StreamPosition? = nil)

    /// The same error, placed at `position` (an error that has a place keeps it).
    public func at(_ position: StreamPosition) -> IngestError {
        switch self {
        case .cannotOpen: return self
        case .io(let reason, let p): return .io(reason, at: p ?? position)
        case .gzip(let reason, let p): return .gzip(reason, at: p ?? position)
        case .archive(let reason, let p): return .archive(reason, at: p ?? position)
        }
    }

    /// One line saying what is wrong, and where when known.
    public var description: String {
        switch self {
        case .cannotOpen(let path, let reason): return "cannot open \(path): \(reason)"
        case .io(let reason, let p): return "read error: \(reason)" + Self.place(p)
        case .gzip(let reason, let p): return reason + Self.place(p)
        case .archive(let reason, let p): return "unreadable archive or compressed data: \(reason)" + Self.place(p)
        }
    }

    private static func place(_ p: StreamPosition?) -> String {
        guard let p else { return "" }
        let file = p.fileOffset == p.offset ? "" : ", byte \(p.fileOffset) of the file"
        return " (in line \(p.line), after byte \(p.offset) of the data\(file))"
    }
}

/// Where reading an input stopped: the line it was in and how far it had come.
public struct StreamPosition: Equatable, Sendable {
    /// The line being read (1-based): the one after the last complete line.
    public var line: Int
    /// Bytes of the data (decompressed) before that line.
    public var offset: Int64
    /// Bytes of the file itself read by then (compressed bytes for a compressed file).
    public var fileOffset: Int64
}

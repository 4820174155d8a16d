/// What can stop the ingest of one input: each case says what a user needs to fix it.
public enum IngestError: Error, Equatable, CustomStringConvertible {
    /// The input cannot be opened (missing, unreadable, a directory).
    case cannotOpen(path: String, reason: String)
    /// Reading failed part-way (the system's reason).
    case io(String)
    /// The gzip stream is corrupt or ends early.
    case gzip(String)
    /// An archive or compressed stream (tar, zip, bzip2, xz, zstd) is corrupt or ends early
    /// (libarchive's reason).
    case archive(String)

    /// One line saying what is wrong.
    public var description: String {
        switch self {
        case .cannotOpen(let path, let reason): return "cannot open \(path): \(reason)"
        case .io(let reason): return "read error: \(reason)"
        case .gzip(let reason): return reason
        case .archive(let reason): return "unreadable archive or compressed data: \(reason)"
        }
    }
}

/// What can stop the ingest of one input: each case says what a user needs to fix it.
public enum IngestError: Error, Equatable, CustomStringConvertible {
    case cannotOpen(path: String, reason: String)
    case io(String)
    case gzip(String)

    /// One line saying what is wrong.
    public var description: String {
        switch self {
        case .cannotOpen(let path, let reason): return "cannot open \(path): \(reason)"
        case .io(let reason): return "read error: \(reason)"
        case .gzip(let reason): return reason
        }
    }
}

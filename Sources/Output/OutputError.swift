import Foundation

/// Writing failed: the file (nil for standard output) and the system's reason (`errno`).
/// A closed pipe (`twindex search x | head`) is `isClosedPipe`: the reader has all it wants,
/// so the CLI ends quietly; anything else (a full disk, an I/O error) is a failure, as the
/// output is not complete.
public struct OutputError: Error, Equatable, CustomStringConvertible {
    /// The file written, or nil for standard output.
    public var path: String?
    /// The system error number (`ENOSPC`, `EPIPE`, `EIO`, `ENOENT`, ...).
    public var code: Int32

    /// A failure writing `path` (nil: standard output) with `errno` `code`.
    public init(path: String?, code: Int32) {
        self.path = path
        self.code = code
    }

    /// The reader of standard output went away (`EPIPE`).
    public var isClosedPipe: Bool { path == nil && code == EPIPE }

    /// The system's wording of `code`, say "No space left on device".
    public var reason: String { String(cString: strerror(code)) }

    /// "cannot write the output: No space left on device" or "cannot write PATH: No such file or directory".
    public var description: String { "cannot write \(path ?? "the output"): \(reason)" }
}

/// Writes all of `bytes` to `fd`, retrying short writes and interrupted calls; the `errno`
/// of a failure, or nil.
func writeAll(_ fd: Int32, _ bytes: UnsafeRawBufferPointer) -> Int32? {
    guard let base = bytes.baseAddress else { return nil }
    var start = 0
    while start < bytes.count {
        let n = Foundation.write(fd, base + start, bytes.count - start)
        if n < 0 {
            if errno == EINTR { continue }
            return errno
        }
        start += n
    }
    return nil
}

import Foundation

/// Standard output (or a file) written in large blocks: a streamed result of millions of
/// rows costs a system call per 64 KB, not per row, and holds no more than that in memory.
///
/// A failed write (a full disk, a closed pipe, an I/O error) is kept: later writes are
/// dropped, and `flush` (or `check`, between rows) throws it as an `OutputError`, so no
/// command can end as if a cut-short output were complete. Nothing is written on deinit:
/// output that is not flushed is not wanted (the command failed).
///
/// ```swift
/// let out = BufferedOutput()
/// out.write("a,b\r\n")
/// try out.check()      // after each row: stops a long stream at the first failed write
/// try out.flush()      // at the end; throws if any write failed
/// ```
public final class BufferedOutput {
    private let fd: Int32
    private let path: String?
    private let capacity: Int
    private var buffer: [UInt8] = []
    private var isOpen = true
    /// The first failed write, if any.
    public private(set) var failure: OutputError?

    /// A buffer in front of `fd` (default standard output) of `capacity` bytes.
    public init(fd: Int32 = STDOUT_FILENO, capacity: Int = 1 << 16) {
        self.fd = fd
        self.path = nil
        self.capacity = capacity
        buffer.reserveCapacity(capacity)
    }

    /// A buffer in front of a new file at `path` (replacing one there), closed by `close`.
    public init(creating path: String, capacity: Int = 1 << 20) throws(OutputError) {
        fd = Foundation.open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        if fd < 0 { throw OutputError(path: path, code: errno) }
        self.path = path
        self.capacity = capacity
        buffer.reserveCapacity(capacity)
    }

    deinit {
        if path != nil, isOpen { Foundation.close(fd) }
    }

    /// Appends `text`; writes the buffer out when it is full.
    public func write(_ text: String) {
        guard failure == nil else { return }
        buffer.append(contentsOf: text.utf8)
        if buffer.count >= capacity { drain() }
    }

    /// Throws the first failed write, if there was one.
    public func check() throws(OutputError) {
        if let failure { throw failure }
    }

    /// Writes out everything buffered; throws the first failed write.
    public func flush() throws(OutputError) {
        drain()
        try check()
    }

    /// Flushes and, for a file, closes it (a failure of `close` is a failed write too: some
    /// file systems report a full disk only there).
    public func close() throws(OutputError) {
        drain()
        if path != nil, isOpen {
            isOpen = false
            if Foundation.close(fd) != 0, failure == nil { failure = OutputError(path: path, code: errno) }
        }
        try check()
    }

    private func drain() {
        if failure == nil, let code = buffer.withUnsafeBytes({ writeAll(fd, $0) }) {
            failure = OutputError(path: path, code: code)
        }
        buffer.removeAll(keepingCapacity: true)
    }
}

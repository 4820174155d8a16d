import Foundation

/// Standard output (or another file descriptor) written in large blocks: a streamed result
/// of millions of rows costs a system call per 64 KB, not per row, and holds no more than
/// that in memory.
///
/// ```swift
/// let out = BufferedOutput()
/// out.write("a,b\r\n")
/// out.flush()          // also done when the buffer fills and on deinit
/// ```
public final class BufferedOutput {
    private let fd: Int32
    private let capacity: Int
    private var buffer: [UInt8] = []

    /// A buffer in front of `fd` (default standard output) of `capacity` bytes.
    public init(fd: Int32 = STDOUT_FILENO, capacity: Int = 1 << 16) {
        self.fd = fd
        self.capacity = capacity
        buffer.reserveCapacity(capacity)
    }

    deinit { flush() }

    /// Appends `text`; writes the buffer out when it is full.
    public func write(_ text: String) {
        buffer.append(contentsOf: text.utf8)
        if buffer.count >= capacity { flush() }
    }

    /// Writes out everything buffered (retrying short writes and interrupted calls).
    public func flush() {
        var start = 0
        buffer.withUnsafeBytes { raw in
            guard let base = raw.baseAddress else { return }
            while start < raw.count {
                let n = Foundation.write(fd, base + start, raw.count - start)
                if n < 0 {
                    if errno == EINTR { continue }
                    return
                }
                start += n
            }
        }
        buffer.removeAll(keepingCapacity: true)
    }
}

import CZlib
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A stream of raw bytes: a file descriptor, possibly gzip-compressed.
protocol ByteSource: AnyObject {
    /// Fills `buffer` with up to its size; 0 means the end.
    func read(into buffer: UnsafeMutableRawBufferPointer) throws -> Int
    /// Bytes taken from the underlying file so far (compressed bytes for gzip).
    var rawBytesRead: Int64 { get }
    /// A hash of every raw byte read so far.
    var contentHash: UInt64 { get }
}

/// Reads a file descriptor, hashing what it reads.
final class DescriptorSource: ByteSource {
    private let fd: Int32
    private let ownsDescriptor: Bool
    private(set) var rawBytesRead: Int64 = 0
    private var hasher = ContentHasher()
    var contentHash: UInt64 { hasher.value }

    init(fd: Int32, ownsDescriptor: Bool) {
        self.fd = fd
        self.ownsDescriptor = ownsDescriptor
    }

    deinit { if ownsDescriptor { close(fd) } }

    private var pushback = Pushback()

    /// Standard input, shared: its first bytes may be looked at once to tell its format,
    /// and then read by whichever reader that format needs.
    nonisolated(unsafe) static let standardInput = DescriptorSource(fd: STDIN_FILENO, ownsDescriptor: false)

    /// The first bytes of the stream, left in place for the next `read`.
    func peek(_ count: Int) throws -> [UInt8] {
        try pushback.peek(count, readRaw: readRaw)
    }

    func read(into buffer: UnsafeMutableRawBufferPointer) throws -> Int {
        try pushback.take(into: buffer) ?? readRaw(into: buffer)
    }

    private func readRaw(into buffer: UnsafeMutableRawBufferPointer) throws -> Int {
        while true {
            let n = Glibc.read(fd, buffer.baseAddress, buffer.count)
            if n < 0 {
                if errno == EINTR { continue }
                throw IngestError.io(String(cString: strerror(errno)))
            }
            rawBytesRead += Int64(n)
            hasher.add(UnsafeRawBufferPointer(rebasing: buffer[0..<n]))
            return n
        }
    }
}

/// Inflates gzip (and concatenated gzip members) from another source.
final class GzipSource: ByteSource {
    private let inner: ByteSource
    private var stream = z_stream()
    private var input: UnsafeMutableRawBufferPointer
    private var finished = false
    private var memberEnded = true
    var rawBytesRead: Int64 { inner.rawBytesRead }
    var contentHash: UInt64 { inner.contentHash }

    init(inner: ByteSource) throws {
        self.inner = inner
        input = .allocate(byteCount: 1 << 20, alignment: 16)
        // 15 + 32: a zlib or gzip header, detected automatically.
        let status = inflateInit2_(&stream, 15 + 32, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size))
        guard status == Z_OK else {
            input.deallocate()
            throw IngestError.gzip("cannot initialise zlib (\(status))")
        }
    }

    deinit {
        inflateEnd(&stream)
        input.deallocate()
    }

    func read(into buffer: UnsafeMutableRawBufferPointer) throws -> Int {
        guard !finished, buffer.count > 0 else { return 0 }
        stream.next_out = buffer.baseAddress?.assumingMemoryBound(to: Bytef.self)
        stream.avail_out = uInt(buffer.count)
        while stream.avail_out > 0 {
            if stream.avail_in == 0 {
                let n = try inner.read(into: input)
                if n == 0 {
                    if !memberEnded {
                        // Hand out what was inflated first; the next read reports the truncation.
                        if stream.avail_out < uInt(buffer.count) { return buffer.count - Int(stream.avail_out) }
                        throw IngestError.gzip("truncated gzip stream: the file ends inside compressed data")
                    }
                    finished = true
                    break
                }
                stream.next_in = input.baseAddress?.assumingMemoryBound(to: Bytef.self)
                stream.avail_in = uInt(n)
            }
            if memberEnded {
                memberEnded = false
            }
            let status = inflate(&stream, Z_NO_FLUSH)
            if status == Z_STREAM_END {
                memberEnded = true
                // Another gzip member may follow (concatenated files, `cat a.gz b.gz`).
                inflateReset(&stream)
            } else if status != Z_OK && status != Z_BUF_ERROR {
                let message = stream.msg.map { String(cString: $0) } ?? "code \(status)"
                throw IngestError.gzip("corrupt gzip data: \(message)")
            }
        }
        return buffer.count - Int(stream.avail_out)
    }
}

/// Bytes read ahead to look at a stream's first bytes, handed out again before new ones.
struct Pushback {
    private var bytes: [UInt8] = []

    /// The first `count` bytes (fewer at the end of the stream), reading what is missing.
    mutating func peek(_ count: Int, readRaw: (UnsafeMutableRawBufferPointer) throws -> Int) throws -> [UInt8] {
        var more = [UInt8](repeating: 0, count: 4096)
        while bytes.count < count {
            let want = min(more.count, count - bytes.count)
            let n = try more.withUnsafeMutableBytes { try readRaw(UnsafeMutableRawBufferPointer(rebasing: $0[0..<want])) }
            if n == 0 { break }
            bytes += more[0..<n]
        }
        return Array(bytes.prefix(count))
    }

    /// Copies held-back bytes into `buffer`; nil when there are none.
    mutating func take(into buffer: UnsafeMutableRawBufferPointer) -> Int? {
        guard !bytes.isEmpty else { return nil }
        let n = min(buffer.count, bytes.count)
        buffer.copyBytes(from: bytes[0..<n])
        bytes.removeFirst(n)
        return n
    }
}

/// A fast 64-bit hash of a byte stream (eight bytes at a time), to recognise a file's content.
struct ContentHasher {
    private(set) var value: UInt64 = 0xCBF2_9CE4_8422_2325
    private var pending: UInt64 = 0
    private var pendingCount = 0

    mutating func add(_ bytes: UnsafeRawBufferPointer) {
        var i = 0
        let n = bytes.count
        while pendingCount > 0 && pendingCount < 8 && i < n {
            pending |= UInt64(bytes[i]) << (8 * UInt64(pendingCount))
            pendingCount += 1
            i += 1
        }
        if pendingCount == 8 { mix(pending); pending = 0; pendingCount = 0 }
        while i + 8 <= n {
            mix(bytes.loadUnaligned(fromByteOffset: i, as: UInt64.self))
            i += 8
        }
        while i < n {
            pending |= UInt64(bytes[i]) << (8 * UInt64(pendingCount))
            pendingCount += 1
            i += 1
        }
    }

    private mutating func mix(_ word: UInt64) {
        value = (value ^ word) &* 0x0000_0100_0000_01B3
        value ^= value >> 29
    }
}

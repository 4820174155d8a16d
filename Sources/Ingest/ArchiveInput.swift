#if canImport(Glibc)
import Glibc
#endif

/// An input read through libarchive: the members of a tar or zip archive, or one stream
/// compressed with bzip2, xz or zstd, read straight from the file, without copies on disk.
/// A member compressed on its own (a tar of `.json.bz2` minute files) is inflated as it
/// streams, by a second reader fed from the first.
final class ArchiveInput {
    /// The path as given; nil for standard input.
    let path: String?
    private let fd: Int32
    private let reader: ArchiveReader
    /// The entry whose data is next to read.
    private(set) var current: ArchiveReader.Entry?

    /// Opens `path` (standard input when nil).
    init(path: String?) throws {
        self.path = path
        let feed: ArchiveFeed
        if let path {
            fd = open(path, O_RDONLY | O_CLOEXEC)
            if fd < 0 { throw IngestError.cannotOpen(path: path, reason: String(cString: strerror(errno))) }
            feed = .descriptor(fd)
        } else {
            fd = -1
            let input = DescriptorSource.standardInput
            feed = ArchiveFeed(fill: { try input.read(into: $0) })
        }
        do {
            reader = try ArchiveReader(feed: feed, formats: .archiveOrStream)
        } catch {
            if fd >= 0 { close(fd) }
            throw error
        }
    }

    deinit { if fd >= 0 { close(fd) } }

    /// Whether the input is one compressed stream (a single unit) rather than an archive.
    var isSingleStream: Bool { reader.isSingleStream }

    /// Compressed bytes of the input read so far.
    var rawBytesRead: Int64 { reader.rawBytesRead }

    /// Moves to the next entry (skipping what is left of the current one); nil at the end.
    func next() throws -> ArchiveReader.Entry? {
        current = try reader.nextEntry()
        return current
    }

    /// Compressed bytes of members read whole into memory, all of them together
    /// (`memberSource(budget:)`): a day's minute file of the stream grab is about a MB
    /// compressed, so several fit; an hour's file can be larger than all of it together, and
    /// such a member streams from the archive instead. Memory does not grow with member size.
    static let detachedBytesLimit = 16 << 20

    /// The current entry's data, decompressed when the member is compressed itself,
    /// produced on its own thread. A member compressed on its own whose size the header
    /// gives, at most `budget.limit` bytes, comes `detached`: its compressed bytes are read
    /// now, once `budget` has room for them (`held` bytes, to release when the source is
    /// finished), so the archive may move on to the next member while this one inflates
    /// (several members inflate at once, on as many threads). Otherwise (`held` 0) call
    /// `finish()` on the source before `next()`.
    func memberSource(budget: ByteBudget? = nil) throws -> (source: ThreadedSource, detached: Bool, held: Int) {
        let member = MemberStream(reader: reader)
        guard !isSingleStream, Self.isCompressed(try member.peek(6)) else { return (ThreadedSource(inner: member), false, 0) }
        if let budget, let size = current?.size, size <= Int64(budget.limit) {
            let held = Int(size)
            budget.acquire(held)
            do {
                let bytes = try member.readAll(expected: held)
                let raw = MemoryStream(bytes: bytes, contentHash: member.contentHash, rawBytesRead: member.rawBytesRead)
                return (ThreadedSource(inner: try NestedStream(member: raw)), true, held)
            } catch {
                budget.release(held)
                throw error
            }
        }
        return (ThreadedSource(inner: try NestedStream(member: member)), false, 0)
    }

    /// Whether the first bytes of a file say it goes through libarchive: tar or zip, or
    /// bzip2, xz or zstd compression (gzip alone is read by zlib, as before; `.tar.gz` and
    /// `.tgz` names go through libarchive).
    static func handles(path: String?) throws -> Bool {
        var head = [UInt8](repeating: 0, count: 512)
        let count: Int
        if let path {
            let fd = open(path, O_RDONLY | O_CLOEXEC)
            if fd < 0 { return false }
            defer { close(fd) }
            count = max(0, head.withUnsafeMutableBytes { pread(fd, $0.baseAddress, 512, 0) })
            head = Array(head[0..<count])
            let lower = path.lowercased()
            if head.starts(with: [0x1F, 0x8B]), lower.hasSuffix(".tgz") || lower.hasSuffix(".tar.gz") { return true }
        } else {
            head = try DescriptorSource.standardInput.peek(512)
        }
        let isTar = head.count >= 262 && Array(head[257..<262]) == Array("ustar".utf8)
        let isZip = head.starts(with: [0x50, 0x4B, 0x03, 0x04]) || head.starts(with: [0x50, 0x4B, 0x05, 0x06])
        return isTar || isZip || (isCompressed(head) && !head.starts(with: [0x1F, 0x8B]))
    }

    /// gzip, bzip2, xz or zstd magic bytes.
    static func isCompressed(_ head: [UInt8]) -> Bool {
        head.starts(with: [0x1F, 0x8B]) || head.starts(with: Array("BZh".utf8))
            || head.starts(with: [0xFD, 0x37, 0x7A, 0x58, 0x5A, 0x00]) || head.starts(with: [0x28, 0xB5, 0x2F, 0xFD])
    }
}

/// The current entry's bytes as the archive holds them, hashed; the first bytes can be
/// looked at before reading.
private final class MemberStream: ByteSource {
    private let reader: ArchiveReader
    private var pushback = Pushback()
    private var hasher = ContentHasher()
    var contentHash: UInt64 { hasher.value }
    var rawBytesRead: Int64 { reader.rawBytesRead }

    init(reader: ArchiveReader) { self.reader = reader }

    func peek(_ count: Int) throws -> [UInt8] {
        try pushback.peek(count, readRaw: readRaw)
    }

    func read(into buffer: UnsafeMutableRawBufferPointer) throws -> Int {
        try pushback.take(into: buffer) ?? readRaw(into: buffer)
    }

    private func readRaw(into buffer: UnsafeMutableRawBufferPointer) throws -> Int {
        let n = try reader.read(into: buffer)
        hasher.add(UnsafeRawBufferPointer(rebasing: buffer[0..<n]))
        return n
    }

    /// Everything left of the entry (`expected` bytes, as its header says), hashed as it is
    /// read; one byte more is room to see the end without growing the buffer.
    func readAll(expected: Int) throws -> [UInt8] {
        var bytes = [UInt8](repeating: 0, count: expected + 1)
        var count = 0
        while true {
            if count == bytes.count { bytes += [UInt8](repeating: 0, count: bytes.count) }
            let n = try bytes.withUnsafeMutableBytes { try read(into: UnsafeMutableRawBufferPointer(rebasing: $0[count...])) }
            if n == 0 { break }
            count += n
        }
        bytes.removeLast(bytes.count - count)
        return bytes
    }
}

/// A member's compressed bytes read whole, with the hash and position of the archive
/// stream they were read from.
private final class MemoryStream: ByteSource {
    private let bytes: [UInt8]
    private var position = 0
    let contentHash: UInt64
    let rawBytesRead: Int64

    init(bytes: [UInt8], contentHash: UInt64, rawBytesRead: Int64) {
        self.bytes = bytes
        self.contentHash = contentHash
        self.rawBytesRead = rawBytesRead
    }

    func read(into buffer: UnsafeMutableRawBufferPointer) throws -> Int {
        let n = min(buffer.count, bytes.count - position)
        buffer.copyBytes(from: bytes[position..<(position + n)])
        position += n
        return n
    }
}

/// A member's own compression (bzip2, xz, zstd, gzip), inflated by a second reader.
private final class NestedStream: ByteSource {
    private let member: ByteSource
    private let reader: ArchiveReader
    var contentHash: UInt64 { member.contentHash }
    var rawBytesRead: Int64 { member.rawBytesRead }

    init(member: ByteSource) throws {
        self.member = member
        reader = try ArchiveReader(feed: ArchiveFeed(fill: { try member.read(into: $0) }), formats: .stream)
        _ = try reader.nextEntry()
    }

    func read(into buffer: UnsafeMutableRawBufferPointer) throws -> Int {
        try reader.read(into: buffer)
    }
}

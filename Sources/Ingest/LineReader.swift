#if canImport(Glibc)
import Glibc
#endif

/// Splits a byte stream (plain or gzip) into lines on `\n` in constant memory, tracking
/// each line's number and uncompressed byte offset. A line longer than `maxLineBytes` is
/// reported as too long with a prefix of it, and skipped without being held in memory.
/// A UTF-8 byte-order mark at the start of the stream is skipped: the first line then starts
/// at offset 3.
package final class LineReader {
    package enum Event {
        /// A line without its `\n` (and without a trailing `\r`).
        case line(UnsafeRawBufferPointer, number: Int, offset: Int64)
        case tooLong(prefix: [UInt8], number: Int, offset: Int64, length: Int64)
    }

    private let source: ByteSource
    private let maxLineBytes: Int
    private var buffer: UnsafeMutableRawBufferPointer
    var rawBytesRead: Int64 { source.rawBytesRead }
    var contentHash: UInt64 { source.contentHash }

    /// Opens `path`, or standard input when `path` is nil; gzip is recognised by its magic bytes.
    package convenience init(path: String?, maxLineBytes: Int = 16 << 20) throws {
        let fd: Int32
        if let path {
            fd = open(path, O_RDONLY | O_CLOEXEC)
            if fd < 0 { throw IngestError.cannotOpen(path: path, reason: String(cString: strerror(errno))) }
            var st = stat()
            if fstat(fd, &st) == 0, (st.st_mode & S_IFMT) == S_IFDIR {
                close(fd)
                throw IngestError.cannotOpen(path: path, reason: "is a directory")
            }
        } else {
            fd = STDIN_FILENO
        }
        let raw = path == nil ? DescriptorSource.standardInput : DescriptorSource(fd: fd, ownsDescriptor: true)
        let magic = try raw.peek(2)
        self.init(source: magic == [0x1F, 0x8B] ? try GzipSource(inner: raw) : raw, maxLineBytes: maxLineBytes)
    }

    /// Splits what `source` reads (an archive member, a decompressed stream).
    init(source: ByteSource, maxLineBytes: Int = 16 << 20) {
        self.source = source
        self.maxLineBytes = maxLineBytes
        buffer = .allocate(byteCount: 1 << 20, alignment: 64)
    }

    deinit { buffer.deallocate() }

    /// Calls `body` for every line; lines before `skipToOffset` are read but not reported.
    /// `body` returns false to stop early.
    package func forEachLine(skipToOffset: Int64 = 0, _ body: (Event) throws -> Bool) throws {
        var start = 0          // first byte of the current line in `buffer`
        var end = 0            // bytes of valid data in `buffer`
        var lineNumber = 1
        var lineOffset: Int64 = 0   // stream offset of buffer[start]
        var skipping = false   // inside a line that is too long
        var skippedPrefix: [UInt8] = []
        var skippedLength: Int64 = 0
        var startChecked = false   // the stream's first bytes were looked at for a BOM

        func emit(_ lo: Int, _ hi: Int) throws -> Bool {
            defer { lineNumber += 1 }
            guard lineOffset >= skipToOffset else { return true }
            // A line can be over the limit and still fit the buffer (a limit below its size).
            if hi - lo > maxLineBytes {
                let prefix = Array(buffer[lo..<(lo + min(hi - lo, 1 << 16))])
                return try body(.tooLong(prefix: prefix, number: lineNumber, offset: lineOffset, length: Int64(hi - lo)))
            }
            var h = hi
            if h > lo, buffer[h - 1] == UInt8(ascii: "\r") { h -= 1 }
            return try body(.line(UnsafeRawBufferPointer(rebasing: buffer[lo..<h]), number: lineNumber, offset: lineOffset))
        }

        while true {
            if end == buffer.count {
                if start > 0 {
                    // Move the partial line to the front.
                    let count = end - start
                    if count > 0 { buffer.baseAddress!.copyMemory(from: buffer.baseAddress! + start, byteCount: count) }
                    end = count
                    start = 0
                } else if buffer.count < maxLineBytes + 1 {
                    let bigger = UnsafeMutableRawBufferPointer.allocate(byteCount: min(buffer.count * 2, maxLineBytes + 1), alignment: 64)
                    bigger.copyMemory(from: UnsafeRawBufferPointer(buffer))
                    buffer.deallocate()
                    buffer = bigger
                } else {
                    // A line over the limit: keep a prefix, count the rest, drop the bytes.
                    if !skipping {
                        skipping = true
                        skippedPrefix = Array(buffer[0..<min(end, 1 << 16)])
                        skippedLength = 0
                    }
                    skippedLength += Int64(end)
                    end = 0
                }
            }
            let n = try source.read(into: UnsafeMutableRawBufferPointer(rebasing: buffer[end...]))
            if n == 0 { break }
            var scan = end
            end += n
            if !startChecked {
                let bom: [UInt8] = [0xEF, 0xBB, 0xBF]
                let seen = buffer[0..<min(end, 3)]
                if seen.elementsEqual(bom.prefix(seen.count)) {
                    if end < 3 { continue }   // a possible BOM, not complete yet
                    (start, scan, lineOffset) = (3, 3, 3)
                }
                startChecked = true
            }
            while scan < end {
                guard let hit = memchr(buffer.baseAddress! + scan, 0x0A, end - scan) else { break }
                let nl = buffer.baseAddress!.distance(to: hit)
                if skipping {
                    let length = skippedLength + Int64(nl)
                    if lineOffset >= skipToOffset {
                        guard try body(.tooLong(prefix: skippedPrefix, number: lineNumber, offset: lineOffset, length: length)) else { return }
                    }
                    lineNumber += 1
                    lineOffset += length + 1
                    skipping = false
                    skippedPrefix = []
                } else {
                    guard try emit(start, nl) else { return }
                    lineOffset += Int64(nl - start + 1)
                }
                start = nl + 1
                scan = start
            }
        }
        // A last line without a final newline.
        if skipping {
            if lineOffset >= skipToOffset {
                _ = try body(.tooLong(prefix: skippedPrefix, number: lineNumber, offset: lineOffset, length: skippedLength + Int64(end - start)))
            }
        } else if end > start {
            _ = try emit(start, end)
        }
    }
}

import CArchive
import Foundation
import Model
#if canImport(Glibc)
import Glibc
#endif

/// Packs a stream in arrival order as the Archive Team "Twitter Stream Grab" lays it out: one
/// member per UTC minute, `YYYY/MM/DD/HH/MM.json.bz2`, in a `.tar` (the monthly archives of
/// 2011 to 2019), or `YYYY/MM/DD/HH/MM.json.gz` members in a `.zip` (the later layout).
/// Written with libarchive straight to the file or standard output, nothing goes to disk but
/// the archive; members are compressed on threads of their own (`MemberCompressor`), a few
/// minutes held in memory at once. The same lines give the same bytes (members in order,
/// member times the minutes', not the clock's).
///
/// ```swift
/// let archive = try StreamArchiveWriter(path: "day.tar", layout: .tar)
/// let truth = try SampleStreamGenerator(options: .init()).generate { try archive.add($0, receivedAt: $1) }
/// let members = try archive.finish()
/// ```
public final class StreamArchiveWriter {
    /// Which archive to write.
    public enum Layout: String, CaseIterable, Sendable {
        /// A tar of bzip2-compressed minute files.
        case tar
        /// A zip of gzip-compressed minute files.
        case zip
    }

    /// libarchive's `AE_IFREG` (a macro with a cast, which Swift does not import).
    private static let regularFile: UInt32 = 0o100000
    private let path: String?
    private let layout: Layout
    private let fd: Int32
    private let outer: OpaquePointer
    private var minute: Int64?
    private var pending: [UInt8] = []
    private var names: [String] = []
    /// Members handed to `compressor`, in order, waiting for their bytes: name and minute.
    private var compressing: [(name: String, minute: Int64)] = []
    private let compressor: MemberCompressor
    private var finished = false

    /// Starts an archive at `path` (standard output when nil), replacing any file there.
    public init(path: String?, layout: Layout) throws {
        self.path = path
        self.layout = layout
        let name = path ?? "<stdout>"
        if let path {
            fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
            if fd < 0 { throw ArchiveWriteError(path: name, reason: String(cString: strerror(errno)), code: errno) }
        } else {
            fd = STDOUT_FILENO
        }
        guard let outer = archive_write_new() else {
            if path != nil { close(fd) }
            throw ArchiveWriteError(path: name, reason: "cannot initialise libarchive")
        }
        self.outer = outer
        _ = layout == .tar ? archive_write_set_format_ustar(outer) : archive_write_set_format_zip(outer)
        if archive_write_open_fd(outer, fd) != ARCHIVE_OK {
            let error = Self.failure(outer, name)
            archive_write_free(outer)
            if path != nil { close(fd) }
            throw error
        }
        compressor = MemberCompressor(threads: min(4, ProcessInfo.processInfo.activeProcessorCount)) { member, bytes in
            Result { try Self.compress(bytes, name: member, layout: layout, path: name) }
        }
    }

    deinit {
        compressor.close()
        archive_write_free(outer)
        if path != nil { close(fd) }
    }

    /// Adds one line (without newline) received in UTC second `second`; lines come in
    /// arrival order, so a minute's member is written when the next minute starts.
    public func add(_ line: String, receivedAt second: Int64) throws {
        let m = second - ((second % 60) + 60) % 60
        if let minute, m != minute { try flush() }
        minute = m
        pending.append(contentsOf: line.utf8)
        pending.append(0x0A)
    }

    /// Writes the last member and closes the archive; returns the members' names in order.
    public func finish() throws -> [String] {
        guard !finished else { return names }
        finished = true
        try flush()
        while let packed = compressor.next(wait: true) { try add(packed) }
        compressor.close()
        if archive_write_close(outer) != ARCHIVE_OK { throw Self.failure(outer, path ?? "<stdout>") }
        return names
    }

    /// Hands the member for the minute held to the compressor, and adds to the archive the
    /// members compressed by now (waiting for the oldest when as many as it takes are in flight).
    private func flush() throws {
        guard let minute, !pending.isEmpty else { return }
        let (day, seconds) = (CivilDate.day(ofEpoch: minute), ((minute % 86400) + 86400) % 86400)
        let (y, mo, d) = CivilDate.civil(day)
        func two(_ x: Int) -> String { x < 10 ? "0\(x)" : "\(x)" }
        let name = "\(y)/\(two(mo))/\(two(d))/\(two(Int(seconds / 3600)))/\(two(Int(seconds % 3600 / 60)))"
            + (layout == .tar ? ".json.bz2" : ".json.gz")
        while compressor.isFull, let packed = compressor.next(wait: true) { try add(packed) }
        compressor.submit(name: name, bytes: pending)
        compressing.append((name, minute))
        pending = []
        while let packed = compressor.next(wait: false) { try add(packed) }
    }

    /// Adds the oldest member handed to the compressor, as `packed`, to the archive.
    private func add(_ packed: MemberCompressor.Packed) throws {
        let (name, minute) = compressing.removeFirst()
        let bytes = try packed.get()
        guard let entry = archive_entry_new() else { throw ArchiveWriteError(path: path ?? "<stdout>", reason: "out of memory") }
        defer { archive_entry_free(entry) }
        archive_entry_set_pathname(entry, name)
        archive_entry_set_filetype(entry, Self.regularFile)
        archive_entry_set_perm(entry, 0o644)
        archive_entry_set_size(entry, Int64(bytes.count))
        archive_entry_set_mtime(entry, time_t(minute + 60), 0)
        try Self.check(archive_write_header(outer, entry), outer, path ?? "<stdout>")
        try Self.write(bytes, to: outer, path ?? "<stdout>")
        names.append(name)
    }

    /// One member's bytes as bzip2 (tar) or gzip (zip, without a time stamp), by a second
    /// libarchive writer in `raw` format that writes into memory (on a compressor thread).
    private static func compress(_ bytes: [UInt8], name: String, layout: Layout, path: String) throws -> [UInt8] {
        guard let inner = archive_write_new() else { throw ArchiveWriteError(path: path, reason: "out of memory") }
        defer { archive_write_free(inner) }
        let sink = MemorySink()
        if layout == .tar {
            try check(archive_write_add_filter_bzip2(inner), inner, path)
        } else {
            try check(archive_write_add_filter_gzip(inner), inner, path)
            try check(archive_write_set_filter_option(inner, "gzip", "timestamp", nil), inner, path)
        }
        try check(archive_write_set_format_raw(inner), inner, path)
        try check(archive_write_set_bytes_per_block(inner, 0), inner, path)
        let client = Unmanaged.passUnretained(sink).toOpaque()
        try check(archive_write_open(inner, client, nil, memoryWrite, nil), inner, path)
        guard let entry = archive_entry_new() else { throw ArchiveWriteError(path: path, reason: "out of memory") }
        defer { archive_entry_free(entry) }
        archive_entry_set_pathname(entry, String(name.prefix { $0 != "." }))
        archive_entry_set_filetype(entry, Self.regularFile)
        try check(archive_write_header(inner, entry), inner, path)
        try write(bytes, to: inner, path)
        try check(archive_write_close(inner), inner, path)
        return sink.bytes
    }

    private static func write(_ bytes: [UInt8], to archive: OpaquePointer, _ path: String) throws {
        try bytes.withUnsafeBytes { raw in
            var done = 0
            while done < raw.count {
                let n = archive_write_data(archive, raw.baseAddress.map { $0 + done }, raw.count - done)
                if n <= 0 { throw Self.failure(archive, path) }
                done += n
            }
        }
    }

    private static func check(_ status: Int32, _ archive: OpaquePointer, _ path: String) throws {
        if status < ARCHIVE_WARN { throw Self.failure(archive, path) }
    }

    /// libarchive's failure, in the system's words when it has an `errno` ("Write error"
    /// says less than "No space left on device").
    private static func failure(_ archive: OpaquePointer, _ path: String) -> ArchiveWriteError {
        let code = archive_errno(archive)
        if code > 0 { return ArchiveWriteError(path: path, reason: String(cString: strerror(code)), code: code) }
        return ArchiveWriteError(path: path, reason: archive_error_string(archive).map { String(cString: $0) } ?? "cannot write the archive")
    }
}

/// An archive that could not be written: where, and libarchive's or the system's reason.
public struct ArchiveWriteError: Error, Equatable, CustomStringConvertible {
    /// The archive's path (`<stdout>` for standard output).
    public var path: String
    /// Why.
    public var reason: String
    /// The system's error number when the system refused (`ENOSPC`, `EPIPE`), else 0.
    public var code: Int32 = 0
    /// `cannot write day.tar: No space left on device`.
    public var description: String { "cannot write \(path): \(reason)" }
}

/// Where the member compressor's bytes go.
private final class MemorySink {
    var bytes: [UInt8] = []
}

private func memoryWrite(_: OpaquePointer?, _ client: UnsafeMutableRawPointer?, _ buffer: UnsafeRawPointer?, _ length: Int) -> Int {
    guard let client, let buffer else { return -1 }
    let sink = Unmanaged<MemorySink>.fromOpaque(client).takeUnretainedValue()
    sink.bytes.append(contentsOf: UnsafeRawBufferPointer(start: buffer, count: length))
    return length
}

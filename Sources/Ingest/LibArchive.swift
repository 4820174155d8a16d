import CArchive
#if canImport(Glibc)
import Glibc
#endif

/// Where a libarchive reader takes its bytes from: a closure filling a buffer, with an
/// optional skip and seek (a regular file can do both, a pipe or an archive member neither).
final class ArchiveFeed {
    let buffer: UnsafeMutableRawBufferPointer
    let fill: (UnsafeMutableRawBufferPointer) throws -> Int
    let skip: ((Int64) -> Int64)?
    let seek: ((Int64, Int32) -> Int64)?
    /// The error a callback met, to report instead of libarchive's generic message.
    var error: IngestError?

    init(fill: @escaping (UnsafeMutableRawBufferPointer) throws -> Int,
         skip: ((Int64) -> Int64)? = nil, seek: ((Int64, Int32) -> Int64)? = nil) {
        buffer = .allocate(byteCount: 1 << 20, alignment: 64)
        self.fill = fill
        self.skip = skip
        self.seek = seek
    }

    /// Reads a file descriptor; skips and seeks when it is a regular file.
    static func descriptor(_ fd: Int32) -> ArchiveFeed {
        var st = stat()
        let seekable = fstat(fd, &st) == 0 && (st.st_mode & S_IFMT) == S_IFREG
        return ArchiveFeed(
            fill: { buffer in
                while true {
                    let n = Glibc.read(fd, buffer.baseAddress, buffer.count)
                    if n >= 0 { return n }
                    if errno != EINTR { throw IngestError.io(String(cString: strerror(errno))) }
                }
            },
            skip: seekable ? { request in lseek(fd, off_t(request), SEEK_CUR) < 0 ? 0 : request } : nil,
            seek: seekable ? { offset, whence in Int64(lseek(fd, off_t(offset), whence)) } : nil)
    }

    deinit { buffer.deallocate() }
}

/// Which formats a reader accepts.
enum ArchiveFormats {
    /// tar and zip archives, or one compressed stream (bzip2, xz, zstd, gzip, lzma) as a
    /// single entry.
    case archiveOrStream
    /// One compressed stream only (an archive member's own compression).
    case stream
}

/// A libarchive reader: entries one after the other, each entry's data as a byte stream.
/// Not thread-safe; one thread at a time (the decompression thread while a member streams).
final class ArchiveReader {
    /// One entry's header.
    struct Entry {
        var name: String
        var size: Int64?
        var mtimeNanoseconds: Int64?
        var isRegularFile: Bool
    }

    private let handle: OpaquePointer
    private let feed: ArchiveFeed

    init(feed: ArchiveFeed, formats: ArchiveFormats) throws {
        guard let handle = archive_read_new() else { throw IngestError.archive("cannot initialise libarchive") }
        self.handle = handle
        self.feed = feed
        for support in [archive_read_support_filter_bzip2, archive_read_support_filter_xz,
                        archive_read_support_filter_zstd, archive_read_support_filter_gzip,
                        archive_read_support_filter_lzma] {
            _ = support(handle)
        }
        if formats == .archiveOrStream {
            _ = archive_read_support_format_tar(handle)
            _ = archive_read_support_format_gnutar(handle)
            _ = archive_read_support_format_zip(handle)
        }
        _ = archive_read_support_format_raw(handle)
        let client = Unmanaged.passUnretained(feed).toOpaque()
        if feed.seek != nil { archive_read_set_seek_callback(handle, seekCallback) }
        let status = feed.skip == nil
            ? archive_read_open2(handle, client, nil, readCallback, nil, nil)
            : archive_read_open2(handle, client, nil, readCallback, skipCallback, nil)
        // On a throw the deinit frees the handle.
        if status != ARCHIVE_OK { throw failure() }
    }

    deinit { archive_read_free(handle) }

    /// Whether the input was no archive but one (compressed) stream: a single entry.
    var isSingleStream: Bool { archive_format(handle) == ARCHIVE_FORMAT_RAW }

    /// Raw bytes taken from the feed so far (compressed bytes of the whole input).
    var rawBytesRead: Int64 { archive_filter_bytes(handle, -1) }

    /// The next entry's header, or nil at the end of the archive.
    func nextEntry() throws -> Entry? {
        var entry: OpaquePointer?
        let status = archive_read_next_header(handle, &entry)
        if status == ARCHIVE_EOF { return nil }
        guard status >= ARCHIVE_WARN, let entry else { throw failure() }
        let name = archive_entry_pathname_utf8(entry) ?? archive_entry_pathname(entry)
        return Entry(
            name: name.map { String(cString: $0) } ?? "",
            size: archive_entry_size_is_set(entry) != 0 ? archive_entry_size(entry) : nil,
            mtimeNanoseconds: archive_entry_mtime_is_set(entry) != 0
                ? Int64(archive_entry_mtime(entry)) * 1_000_000_000 + Int64(archive_entry_mtime_nsec(entry)) : nil,
            isRegularFile: archive_entry_filetype(entry) == 0o100000)
    }

    /// Reads the current entry's data; 0 at its end.
    func read(into buffer: UnsafeMutableRawBufferPointer) throws -> Int {
        let n = archive_read_data(handle, buffer.baseAddress, buffer.count)
        if n < 0 { throw failure() }
        return n
    }

    private func failure() -> IngestError {
        if let error = feed.error { return error }
        let message = archive_error_string(handle).map { String(cString: $0) } ?? "unreadable data"
        return .archive(message)
    }
}

private func feed(_ client: UnsafeMutableRawPointer?) -> ArchiveFeed? {
    client.map { Unmanaged<ArchiveFeed>.fromOpaque($0).takeUnretainedValue() }
}

private func readCallback(_: OpaquePointer?, _ client: UnsafeMutableRawPointer?,
                          _ out: UnsafeMutablePointer<UnsafeRawPointer?>?) -> Int {
    guard let feed = feed(client) else { return -1 }
    do {
        let n = try feed.fill(feed.buffer)
        out?.pointee = UnsafeRawPointer(feed.buffer.baseAddress)
        return n
    } catch {
        feed.error = error as? IngestError ?? .io("\(error)")
        return -1
    }
}

private func skipCallback(_: OpaquePointer?, _ client: UnsafeMutableRawPointer?, _ request: Int64) -> Int64 {
    feed(client)?.skip?(request) ?? 0
}

private func seekCallback(_: OpaquePointer?, _ client: UnsafeMutableRawPointer?, _ offset: Int64, _ whence: Int32) -> Int64 {
    feed(client)?.seek?(offset, whence) ?? -1
}

import Foundation

/// A file written whole or not at all: the text goes to a temporary file beside `path`,
/// renamed over `path` once every byte is written. The temporary file is made when the value
/// is made, so a path that cannot be written (no such folder, no permission, a read-only
/// disk, a folder in the way) fails before a long computation rather than after it; a value
/// dropped without `commit` removes its temporary file.
///
/// ```swift
/// let page = try ReplacementFile(path: "report.html")   // fails now if it cannot be written
/// let html = render(...)                                 // the slow part
/// try page.commit(html)
/// ```
public final class ReplacementFile {
    /// The file replaced.
    public let path: String
    private var temporary: String?
    private var fd: Int32

    /// Makes the temporary file beside `path`; throws `OutputError` naming `path` and the
    /// reason when it cannot be written there.
    public init(path: String) throws(OutputError) {
        self.path = path
        var info = stat()
        if stat(path, &info) == 0, info.st_mode & S_IFMT == S_IFDIR { throw OutputError(path: path, code: EISDIR) }
        let url = URL(fileURLWithPath: path)
        var template = Array(url.deletingLastPathComponent().appendingPathComponent(".\(url.lastPathComponent).XXXXXX").path.utf8CString)
        fd = mkstemp(&template)
        if fd < 0 { throw OutputError(path: path, code: errno) }
        temporary = String(decoding: template.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        fchmod(fd, 0o644)
    }

    deinit { discard() }

    /// Writes `text` and puts the file in place of `path`.
    public func commit(_ text: String) throws(OutputError) {
        guard let temporary else { return }
        var text = text
        let failed = text.withUTF8 { writeAll(fd, UnsafeRawBufferPointer($0)) }
        if let code = failed { discard(); throw OutputError(path: path, code: code) }
        let closed = Foundation.close(fd)
        fd = -1
        if closed != 0 { let code = errno; discard(); throw OutputError(path: path, code: code) }
        if rename(temporary, path) != 0 { let code = errno; discard(); throw OutputError(path: path, code: code) }
        self.temporary = nil
    }

    /// Writes `text` to `path` whole or not at all.
    public static func write(_ text: String, to path: String) throws(OutputError) {
        try ReplacementFile(path: path).commit(text)
    }

    private func discard() {
        if fd >= 0 { Foundation.close(fd); fd = -1 }
        if let temporary { unlink(temporary); self.temporary = nil }
    }
}

import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Checks on the store's path made before SQLite opens it, so that each way a path can be
/// wrong gets its own message naming the file (and no command creates or changes a file it
/// is going to refuse).
enum StoreFile {
    /// A path that exists and could be a store: not a directory, no symbolic link loop.
    /// `allowMissing`: a missing path is fine (a writer creates it). Returns its size.
    @discardableResult
    static func check(_ path: String, allowMissing: Bool) throws -> Int64? {
        var st = stat()
        guard stat(path, &st) == 0 else {
            let code = errno
            if code == ENOENT, allowMissing, !isLink(path) { return nil }
            if code == ENOENT, isLink(path) {
                throw StoreError.cannotOpen(path: path, reason: "it is a broken symbolic link")
            }
            if code == ENOENT { throw StoreError.notFound(path: path) }
            if code == ELOOP { throw StoreError.cannotOpen(path: path, reason: "symbolic link loop (too many levels of symbolic links)") }
            throw StoreError.cannotOpen(path: path, reason: String(cString: strerror(code)))
        }
        if (st.st_mode & S_IFMT) == S_IFDIR { throw StoreError.isADirectory(path: path) }
        return Int64(st.st_size)
    }

    private static func isLink(_ path: String) -> Bool {
        var st = stat()
        return lstat(path, &st) == 0 && (st.st_mode & S_IFMT) == S_IFLNK
    }

    /// Why this process cannot write the store at `path` (the file, or its directory, which
    /// must take the `-wal` and `-shm` files), or nil when it can.
    static func readOnlyReason(_ path: String) -> String? {
        let directory = (path as NSString).deletingLastPathComponent
        let dir = directory.isEmpty ? "." : directory
        if access(path, F_OK) == 0, access(path, W_OK) != 0 {
            return errno == EROFS ? "it is on a read-only file system" : "the file is not writable"
        }
        if access(dir, W_OK) != 0 {
            return errno == EROFS ? "it is on a read-only file system" : "its directory \(dir) is not writable"
        }
        return nil
    }

    /// Refuses a read-only open that would miss committed data: an immutable open ignores the
    /// write-ahead log, so a non-empty `-wal` (left by a killed ingest) must be applied first.
    static func checkNoPendingLog(_ path: String) throws {
        var st = stat()
        if stat(path + "-wal", &st) == 0, st.st_size > 0 {
            throw StoreError.readOnlyWithLog(path: path)
        }
    }

    /// A `file:` URI for `path` with `query` (percent-encoding what URIs reserve).
    static func uri(_ path: String, query: String) -> String {
        var allowed = CharacterSet.urlPathAllowed
        allowed.remove(charactersIn: "?#%")
        let encoded = path.addingPercentEncoding(withAllowedCharacters: allowed) ?? path
        return "file:\(encoded)?\(query)"
    }
}

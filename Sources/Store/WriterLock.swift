import Foundation
import Model
#if canImport(Glibc)
import Glibc
#endif

/// One ingester per store file, whatever path names it: an exclusive `flock` on the store
/// file itself, so a symbolic link, a hard link or a relative path to the same file meets
/// the same lock. The kernel releases it when the process ends, even by `kill -9`, so a
/// crashed run never leaves a stale lock, and no lock file is left beside the store.
///
/// `flock` and SQLite's own POSIX locks do not interact on Linux, but closing any descriptor
/// of a file drops the POSIX locks the process holds on it. So the lock is owned by the
/// writing connection and closed after it (`Connection.deinit`), and a second writer in the
/// same process is refused from a table, without opening the file again.
package final class WriterLock {
    private let fd: Int32
    private let identity: FileIdentity

    /// The store files this process holds the lock of.
    private final class Held: @unchecked Sendable {
        private let lock = NSLock()
        private var files = Set<FileIdentity>()
        func insert(_ id: FileIdentity) -> Bool { lock.withLock { files.insert(id).inserted } }
        func contains(_ id: FileIdentity) -> Bool { lock.withLock { files.contains(id) } }
        func remove(_ id: FileIdentity) { _ = lock.withLock { files.remove(id) } }
    }
    private static let held = Held()

    /// Takes the lock of the store at `storePath`, creating an empty file when there is none.
    /// Refuses a directory, a path it may not write, and a store another ingest holds; in
    /// each case before anything is created or changed.
    package init(storePath: String) throws {
        try StoreFile.check(storePath, allowMissing: true)
        if let reason = StoreFile.readOnlyReason(storePath) { throw StoreError.readOnlyStore(path: storePath, reason: reason) }
        var st = stat()
        if stat(storePath, &st) == 0, Self.held.contains(FileIdentity(st)) { throw StoreError.locked(path: storePath) }
        fd = open(storePath, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        if fd < 0 {
            let code = errno
            if code == EACCES || code == EROFS || code == EPERM {
                throw StoreError.readOnlyStore(path: storePath, reason: String(cString: strerror(code)))
            }
            throw StoreError.cannotOpen(path: storePath, reason: String(cString: strerror(code)))
        }
        guard fstat(fd, &st) == 0 else {
            let reason = String(cString: strerror(errno))
            close(fd)
            throw StoreError.cannotOpen(path: storePath, reason: reason)
        }
        identity = FileIdentity(st)
        guard Self.held.insert(identity) else {
            close(fd)
            throw StoreError.locked(path: storePath)
        }
        if flock(fd, LOCK_EX | LOCK_NB) != 0 {
            Self.held.remove(identity)
            close(fd)
            throw StoreError.locked(path: storePath)
        }
    }

    deinit {
        flock(fd, LOCK_UN)
        close(fd)
        Self.held.remove(identity)
    }

    /// Whether an ingest holds the store at `storePath` now. Opens the file for a moment, so
    /// call it only where this process has no connection to it open.
    static func isHeld(storePath: String) -> Bool {
        var st = stat()
        guard stat(storePath, &st) == 0 else { return false }
        if held.contains(FileIdentity(st)) { return true }
        let fd = open(storePath, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return false }
        defer { close(fd) }
        guard flock(fd, LOCK_SH | LOCK_NB) == 0 else { return errno == EWOULDBLOCK }
        flock(fd, LOCK_UN)
        return false
    }
}

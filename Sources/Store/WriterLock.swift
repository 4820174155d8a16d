#if canImport(Glibc)
import Glibc
#endif

/// One ingester per store: an exclusive `flock` on `<store>.lock`, released by the kernel
/// when the process ends, even by `kill -9`, so a crashed run never leaves a stale lock.
final class WriterLock {
    private let fd: Int32

    init(storePath: String) throws {
        let lockPath = storePath + ".lock"
        fd = open(lockPath, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        if fd < 0 {
            throw StoreError.lockFile(path: lockPath, reason: String(cString: strerror(errno)))
        }
        if flock(fd, LOCK_EX | LOCK_NB) != 0 {
            close(fd)
            throw StoreError.locked(path: storePath)
        }
    }

    deinit {
        flock(fd, LOCK_UN)
        close(fd)
    }
}

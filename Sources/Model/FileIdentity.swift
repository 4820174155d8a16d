#if canImport(Glibc)
import Glibc
#endif

/// A file's identity, whatever path reaches it (a symbolic link, a hard link, a relative
/// path): its device and inode.
public struct FileIdentity: Hashable, Sendable {
    /// The device the file is on (`st_dev`).
    public var device: UInt64
    /// Its inode number on that device (`st_ino`).
    public var inode: UInt64

    /// The identity of what `stat` described.
    public init(_ st: stat) {
        device = UInt64(st.st_dev)
        inode = UInt64(st.st_ino)
    }
}

import Foundation

/// A folder for output files, made with the folders above it (as `mkdir -p`), whose failure
/// names the folder and the system's reason.
public enum OutputDirectory {
    /// Makes `path` and any missing parents; a folder already there is fine.
    public static func create(_ path: String) throws(OutputError) {
        var info = stat()
        if stat(path, &info) == 0 {
            if info.st_mode & S_IFMT == S_IFDIR { return }
            throw OutputError(path: path, code: ENOTDIR)
        }
        let parent = (path as NSString).deletingLastPathComponent
        if !parent.isEmpty, parent != path { try create(parent) }
        if mkdir(path, 0o755) != 0, errno != EEXIST { throw OutputError(path: path, code: errno) }
    }
}

import Foundation

/// Turns command-line inputs into the list of things to read: files as given, directories
/// as their tweet files (recursively, sorted by path), `-` as standard input.
package enum InputResolver {
    package enum Input: Equatable, Sendable {
        case standardInput
        case file(String)
        /// A path that cannot be read, with the reason.
        case unreadable(String, reason: String)

        package var displayName: String {
            switch self {
            case .standardInput: return "<stdin>"
            case .file(let p), .unreadable(let p, _): return p
            }
        }
    }

    static let extensions: Set<String> = ["jsonl", "json", "ndjson"]
    /// Compression a tweet file may have (gzip by zlib, the others by libarchive).
    static let compressions: Set<String> = ["gz", "bz2", "xz", "zst"]
    /// Archives read member by member (`.tar` optionally compressed, `.tgz`, `.zip`).
    static let archives: Set<String> = ["tar", "tgz", "zip"]

    /// Whether a directory entry is an input: a tweet file (`isTweetStream`) or an archive
    /// (`.tar`, `.tar.gz`, `.tar.bz2`, `.tar.xz`, `.tar.zst`, `.tgz`, `.zip`).
    package static func isTweetFile(_ name: String) -> Bool {
        if isTweetStream(name) { return true }
        var url = URL(fileURLWithPath: name)
        if compressions.contains(url.pathExtension.lowercased()) { url = url.deletingPathExtension() }
        return archives.contains(url.pathExtension.lowercased())
    }

    /// Whether a name is a tweet file's: `.jsonl`, `.json`, `.ndjson`, each optionally
    /// `.gz`, `.bz2`, `.xz` or `.zst`.
    package static func isTweetStream(_ name: String) -> Bool {
        var url = URL(fileURLWithPath: name)
        if compressions.contains(url.pathExtension.lowercased()) { url = url.deletingPathExtension() }
        return extensions.contains(url.pathExtension.lowercased())
    }

    package static func resolve(_ arguments: [String]) -> [Input] {
        var out: [Input] = []
        let fm = FileManager.default
        for arg in arguments {
            if arg == "-" {
                out.append(.standardInput)
                continue
            }
            var isDirectory: ObjCBool = false
            guard fm.fileExists(atPath: arg, isDirectory: &isDirectory) else {
                out.append(.unreadable(arg, reason: "no such file or directory"))
                continue
            }
            guard isDirectory.boolValue else {
                out.append(.file(arg))
                continue
            }
            guard let walker = fm.enumerator(atPath: arg) else {
                out.append(.unreadable(arg, reason: "cannot list directory"))
                continue
            }
            var found: [String] = []
            while let relative = walker.nextObject() as? String {
                let full = (arg as NSString).appendingPathComponent(relative)
                var isDir: ObjCBool = false
                if isTweetFile(relative), fm.fileExists(atPath: full, isDirectory: &isDir), !isDir.boolValue {
                    found.append(full)
                }
            }
            out.append(contentsOf: found.sorted().map { .file($0) })
        }
        return out
    }
}

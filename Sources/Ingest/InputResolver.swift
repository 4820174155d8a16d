import Foundation
import Model
#if canImport(Glibc)
import Glibc
#endif

/// Turns command-line inputs into the list of things to read: files as given, directories
/// as their tweet files (recursively, sorted by path), `-` as standard input. Symbolic links
/// to files and directories are followed; a link that leads back into a directory being
/// walked, a broken link and a directory that cannot be listed are `unreadable` inputs
/// (problems in the run's summary), never silently dropped. A file reached by two paths is
/// listed once.
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
        var walk = DirectoryWalk()
        var out: [Input] = []
        for arg in arguments {
            if arg == "-" {
                out.append(.standardInput)
            } else {
                out += walk.argument(arg)
            }
        }
        return out
    }
}

/// One resolution's walk: what it has listed, so that links cannot list a thing twice.
private struct DirectoryWalk {
    var filesListed = Set<FileIdentity>()
    var directoriesWalked = Set<FileIdentity>()

    /// One command-line argument (not `-`).
    mutating func argument(_ path: String) -> [InputResolver.Input] {
        var st = stat()
        guard stat(path, &st) == 0 else { return [.unreadable(path, reason: Self.reason(errno, path: path))] }
        guard (st.st_mode & S_IFMT) == S_IFDIR else {
            return filesListed.insert(FileIdentity(st)).inserted ? [.file(path)] : []
        }
        var found: [InputResolver.Input] = []
        walk(path, identity: FileIdentity(st), ancestors: [:], into: &found)
        return found.sorted { $0.displayName < $1.displayName }
    }

    /// Lists `directory` recursively into `found`. `ancestors` are the directories above it
    /// on this walk, by identity, with the path they were reached by.
    private mutating func walk(_ directory: String, identity: FileIdentity, ancestors: [FileIdentity: String],
                               into found: inout [InputResolver.Input]) {
        guard directoriesWalked.insert(identity).inserted else { return }
        guard let handle = opendir(directory) else {
            found.append(.unreadable(directory, reason: "cannot list this directory: \(String(cString: strerror(errno)))"))
            return
        }
        var names: [String] = []
        while let entry = readdir(handle) {
            let name = withUnsafePointer(to: entry.pointee.d_name) {
                $0.withMemoryRebound(to: CChar.self, capacity: MemoryLayout.size(ofValue: entry.pointee.d_name)) { String(cString: $0) }
            }
            if name != "." && name != ".." { names.append(name) }
        }
        closedir(handle)
        var inside = ancestors
        inside[identity] = directory
        for name in names {
            let full = (directory as NSString).appendingPathComponent(name)
            var st = stat()
            guard stat(full, &st) == 0 else {
                let code = errno
                // A broken or looping link is reported when it could have been an input:
                // a tweet file's name, or no extension (it may have pointed at a directory).
                if InputResolver.isTweetFile(name) || !name.contains(".") || code == ELOOP {
                    found.append(.unreadable(full, reason: Self.reason(code, path: full)))
                }
                continue
            }
            let id = FileIdentity(st)
            if (st.st_mode & S_IFMT) == S_IFDIR {
                if let ancestor = inside[id] {
                    found.append(.unreadable(full, reason: "symbolic link loop: leads back to \(ancestor), which is being read already; not followed"))
                } else {
                    walk(full, identity: id, ancestors: inside, into: &found)
                }
            } else if InputResolver.isTweetFile(name), filesListed.insert(id).inserted {
                found.append(.file(full))
            }
        }
    }

    /// Why `stat` failed, in words: loops and broken links named as such.
    static func reason(_ code: Int32, path: String) -> String {
        if code == ELOOP { return "symbolic link loop (too many levels of symbolic links)" }
        var link = stat()
        if code == ENOENT, lstat(path, &link) == 0, (link.st_mode & S_IFMT) == S_IFLNK {
            let target = (try? FileManager.default.destinationOfSymbolicLink(atPath: path)) ?? "?"
            return "broken symbolic link (to \(target), which does not exist)"
        }
        if code == ENOENT { return "no such file or directory" }
        return String(cString: strerror(code))
    }
}

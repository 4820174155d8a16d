/// Reads one original line back from where it was ingested, at an uncompressed offset: a
/// file (plain, gzip, bzip2, xz, zstd), or a member of an archive (`member` its name).
package enum RawLine {
    package static func read(path: String, member: String? = nil, offset: Int64) throws -> String? {
        guard try ArchiveInput.handles(path: path) else { return try read(LineReader(path: path), offset: offset) }
        let archive = try ArchiveInput(path: path)
        while let entry = try archive.next() {
            guard archive.isSingleStream || entry.name == member else { continue }
            let source = try archive.memberSource().source
            defer { source.finish() }
            return try read(LineReader(source: source), offset: offset)
        }
        return nil
    }

    private static func read(_ reader: LineReader, offset: Int64) throws -> String? {
        var found: String?
        try reader.forEachLine(skipToOffset: offset) { event in
            if case .line(let bytes, _, let at) = event, at == offset {
                found = String(decoding: bytes, as: UTF8.self)
            }
            return false
        }
        return found
    }
}

/// Reads one original line back from a source file (plain or gzip) at an uncompressed offset.
package enum RawLine {
    package static func read(path: String, offset: Int64) throws -> String? {
        let reader = try LineReader(path: path)
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

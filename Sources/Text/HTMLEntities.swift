/// Twitter sends text HTML-escaped (`&amp;`, `&lt;`, `&gt;`, and nothing else); the store
/// and the search index hold it as people wrote it.
public enum HTMLEntities {
    /// `text` with `&amp;`, `&lt;`, `&gt;` decoded.
    public static func decode(_ text: String) -> String {
        guard text.utf8.contains(UInt8(ascii: "&")) else { return text }
        var out = [UInt8]()
        let bytes = Array(text.utf8)
        out.reserveCapacity(bytes.count)
        var i = 0
        while i < bytes.count {
            if bytes[i] == UInt8(ascii: "&") {
                if match(bytes, i, "&amp;") { out.append(UInt8(ascii: "&")); i += 5; continue }
                if match(bytes, i, "&lt;") { out.append(UInt8(ascii: "<")); i += 4; continue }
                if match(bytes, i, "&gt;") { out.append(UInt8(ascii: ">")); i += 4; continue }
            }
            out.append(bytes[i])
            i += 1
        }
        return String(decoding: out, as: UTF8.self)
    }

    private static func match(_ b: [UInt8], _ i: Int, _ entity: StaticString) -> Bool {
        let n = entity.utf8CodeUnitCount
        guard i + n <= b.count else { return false }
        let p = entity.utf8Start
        for k in 0..<n where b[i + k] != p[k] { return false }
        return true
    }
}

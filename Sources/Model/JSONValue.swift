/// A JSON document built by twindex, written with sorted keys and shortest round-trip
/// numbers, so that `--json` output is byte-stable and null fields stay present.
public indirect enum JSONValue: Equatable, Sendable {
    /// `null`.
    case null
    /// `true` or `false`.
    case bool(Bool)
    /// An integer, written exactly.
    case int(Int64)
    /// A number, written in its shortest round-trip form.
    case double(Double)
    /// A string.
    case string(String)
    /// An array.
    case array([JSONValue])
    /// An object, written with sorted keys.
    case object([String: JSONValue])

    /// An integer.
    public static func int(_ v: Int) -> JSONValue { .int(Int64(v)) }
    /// The value, or `null` for nil.
    public static func optional(_ v: String?) -> JSONValue { v.map(JSONValue.string) ?? .null }
    /// The value, or `null` for nil.
    public static func optional(_ v: Double?) -> JSONValue { v.map(JSONValue.double) ?? .null }
    /// The value, or `null` for nil.
    public static func optional(_ v: Int64?) -> JSONValue { v.map(JSONValue.int) ?? .null }

    /// The document as text; `pretty` indents by two spaces.
    public func rendered(pretty: Bool = true) -> String {
        var out = ""
        write(into: &out, indent: pretty ? 0 : nil)
        return out
    }

    private func write(into out: inout String, indent: Int?) {
        switch self {
        case .null: out += "null"
        case .bool(let b): out += b ? "true" : "false"
        case .int(let i): out += String(i)
        case .double(let d):
            if d.isFinite {
                if d == d.rounded(), abs(d) < 1e15 { out += String(Int64(d)) } else { out += "\(d)" }
            } else {
                out += "null"
            }
        case .string(let s): Self.quote(s, into: &out)
        case .array(let items):
            guard !items.isEmpty else { out += "[]"; return }
            out += "["
            for (k, item) in items.enumerated() {
                if k > 0 { out += "," }
                newline(&out, indent.map { $0 + 1 })
                item.write(into: &out, indent: indent.map { $0 + 1 })
            }
            newline(&out, indent)
            out += "]"
        case .object(let members):
            guard !members.isEmpty else { out += "{}"; return }
            out += "{"
            for (k, key) in members.keys.sorted().enumerated() {
                if k > 0 { out += "," }
                newline(&out, indent.map { $0 + 1 })
                Self.quote(key, into: &out)
                out += indent == nil ? ":" : ": "
                members[key]!.write(into: &out, indent: indent.map { $0 + 1 })
            }
            newline(&out, indent)
            out += "}"
        }
    }

    private func newline(_ out: inout String, _ indent: Int?) {
        guard let indent else { return }
        out += "\n"
        for _ in 0..<indent { out += "  " }
    }

    /// Appends `s` as a JSON string. `asciiOnly` writes as Twitter's API did: every non-ASCII
    /// scalar as `\\uXXXX` (UTF-16 units, so astral ones as surrogate pairs) and `/` as `\\/`.
    public static func quote(_ s: String, into out: inout String, asciiOnly: Bool = false) {
        out += "\""
        if !asciiOnly, !needsEscapes(s) {
            out += s
            out += "\""
            return
        }
        for c in s.unicodeScalars {
            switch c {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "/" where asciiOnly: out += "\\/"
            case "\r" where !asciiOnly: out += "\\r"
            case "\t" where !asciiOnly: out += "\\t"
            case _ where c.value < 0x20 || c == "\u{2028}" || c == "\u{2029}" || (asciiOnly && c.value > 0x7E):
                for unit in String(c).utf16 {
                    let hex = String(unit, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                }
            default: out.unicodeScalars.append(c)
            }
        }
        out += "\""
    }

    /// Whether `s` holds a byte that `quote` escapes when not `asciiOnly`: a quote, a backslash,
    /// a control character, or 0xE2, the lead byte of U+2028 and U+2029 (and of other scalars,
    /// which the scalar loop then copies unchanged).
    private static func needsEscapes(_ s: String) -> Bool {
        var s = s
        return s.withUTF8 { bytes in
            bytes.contains { $0 < 0x20 || $0 == 0x22 || $0 == 0x5C || $0 == 0xE2 }
        }
    }
}

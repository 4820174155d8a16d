/// Builds one v1.1 tweet JSON line as a 2013 REST collection returns it, key by key.
struct TweetJSON {
    private(set) var text = "{"
    private var first = true

    mutating func key(_ k: String) {
        if !first { text += "," }
        first = false
        text += "\"" + k + "\":"
    }

    mutating func string(_ k: String, _ v: String?) {
        key(k)
        if let v { Self.quote(v, into: &text) } else { text += "null" }
    }

    mutating func int(_ k: String, _ v: Int64?) {
        key(k)
        text += v.map(String.init) ?? "null"
    }

    mutating func bool(_ k: String, _ v: Bool) {
        key(k)
        text += v ? "true" : "false"
    }

    mutating func raw(_ k: String, _ json: String) {
        key(k)
        text += json
    }

    mutating func close() -> String {
        text += "}"
        return text
    }

    /// JSON string escaping; non-ASCII written as `\uXXXX` (surrogate pairs), as Twitter did.
    static func quote(_ s: String, into out: inout String) {
        out += "\""
        for c in s.unicodeScalars {
            switch c {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "/": out += "\\/"
            case "\n": out += "\\n"
            case _ where c.value < 0x20 || c.value > 0x7E:
                for unit in String(c).utf16 { out += "\\u" + hex4(unit) }
            default: out.unicodeScalars.append(c)
            }
        }
        out += "\""
    }

    static func quoted(_ s: String) -> String {
        var out = ""
        quote(s, into: &out)
        return out
    }

    private static func hex4(_ v: UInt16) -> String {
        let h = String(v, radix: 16)
        return String(repeating: "0", count: 4 - h.count) + h
    }

    private static let weekdays = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]
    private static let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

    /// `Wed Jan 23 10:15:00 +0000 2013`.
    static func date(_ epoch: Int64) -> String {
        let t = LocalTime(epoch: epoch)
        let minute = Int(epoch % 3600 / 60), second = Int(epoch % 60)
        func two(_ x: Int) -> String { x < 10 ? "0\(x)" : "\(x)" }
        return "\(weekdays[t.weekday - 1]) \(months[t.month - 1]) \(two(t.day)) \(two(t.hour)):\(two(minute)):\(two(second)) +0000 \(t.year)"
    }
}

import Model

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

    /// JSON string escaping as Twitter's API wrote it (non-ASCII as `\uXXXX`).
    static func quote(_ s: String, into out: inout String) { JSONValue.quote(s, into: &out, asciiOnly: true) }

    static func quoted(_ s: String) -> String {
        var out = ""
        quote(s, into: &out)
        return out
    }

    private static let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

    /// `Wed Jan 23 10:15:00 +0000 2013`.
    static func date(_ epoch: Int64) -> String {
        let t = LocalTime(epoch: epoch)
        let minute = Int(epoch % 3600 / 60), second = Int(epoch % 60)
        func two(_ x: Int) -> String { x < 10 ? "0\(x)" : "\(x)" }
        return "\(CivilDate.weekdayNames[t.weekday - 1]) \(months[t.month - 1]) \(two(t.day)) \(two(t.hour)):\(two(minute)):\(two(second)) +0000 \(t.year)"
    }
}

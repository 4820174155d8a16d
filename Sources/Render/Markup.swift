/// The one escaper of every XML and HTML output (the report page, its SVG, GEXF, GraphML):
/// `& < > " '` become entities, and the control characters XML 1.0 forbids are dropped.
enum Markup {
    /// `s` safe as element text and as a quoted attribute value.
    static func escape(_ s: String) -> String {
        var out = ""
        for c in s.unicodeScalars {
            switch c {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&apos;"
            case _ where c.value < 0x20 && c != "\t" && c != "\n" && c != "\r": continue
            default: out.unicodeScalars.append(c)
            }
        }
        return out
    }
}

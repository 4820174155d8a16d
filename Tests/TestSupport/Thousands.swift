/// Numbers as the report and the text tables print them, written for the tests rather than
/// borrowed from Render (an oracle the code under test did not produce).
public enum Thousands {
    /// 1234567 → "1,234,567".
    public static func grouped(_ n: Int) -> String {
        let digits = Array(String(n))
        var out = ""
        for (i, d) in digits.enumerated() {
            if i > 0 && (digits.count - i) % 3 == 0 { out += "," }
            out.append(d)
        }
        return out
    }
}

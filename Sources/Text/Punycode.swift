/// The length checks twitter-text makes on a URL's host (its `idna.toAscii`): every label,
/// punycode-encoded when it is not ASCII, holds 1...63 characters, and a host that starts
/// with `xn--` holds an ASCII domain.
enum Punycode {
    /// Whether `host` passes; `asciiLength` is its length once encoded.
    static func check(_ host: ArraySlice<Unicode.Scalar>) -> (valid: Bool, asciiLength: Int) {
        var total = 0, start = host.startIndex
        var i = host.startIndex
        while true {
            // punycode.js splits on the ideographic and full-width full stops as well.
            let atEnd = i == host.endIndex
            if atEnd || host[i] == "." || host[i] == "\u{3002}" || host[i] == "\u{FF0E}" || host[i] == "\u{FF61}" {
                let label = host[start..<i]
                let n = label.allSatisfy({ $0.value < 0x7F }) ? label.count : 4 + encodedLength(label)
                guard n >= 1 && n <= 63 else { return (false, 0) }
                total += n + (atEnd ? 0 : 1)
                if atEnd { return (true, total) }
                start = i + 1
            }
            i += 1
        }
    }

    /// The length of RFC 3492's encoding of `input` (without the `xn--` prefix).
    static func encodedLength(_ input: ArraySlice<Unicode.Scalar>) -> Int {
        let base = 36, tMin = 1, tMax = 26
        let basic = input.reduce(0) { $0 + ($1.value < 0x80 ? 1 : 0) }
        var length = basic + (basic > 0 ? 1 : 0)
        var n = 0x80, delta = 0, bias = 72, handled = basic
        let points = input.lazy.map { Int($0.value) }
        while handled < input.count {
            let m = points.reduce(Int.max) { $1 >= n && $1 < $0 ? $1 : $0 }
            delta += (m - n) * (handled + 1)
            n = m
            for c in points {
                if c < n { delta += 1 }
                guard c == n else { continue }
                var q = delta, k = base
                while true {
                    let t = k <= bias ? tMin : (k >= bias + tMax ? tMax : k - bias)
                    if q < t { break }
                    length += 1
                    q = (q - t) / (base - t)
                    k += base
                }
                length += 1
                bias = adapt(delta, handled + 1, first: handled == basic)
                delta = 0
                handled += 1
            }
            delta += 1
            n += 1
        }
        return length
    }

    private static func adapt(_ delta: Int, _ count: Int, first: Bool) -> Int {
        var d = first ? delta / 700 : delta / 2
        d += d / count
        var k = 0
        while d > ((36 - 1) * 26) / 2 {
            d /= 35
            k += 36
        }
        return k + (36 * d) / (d + 38)
    }
}

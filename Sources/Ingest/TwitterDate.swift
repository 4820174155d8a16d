import Model

/// Parses the two timestamp forms tweets carry, without Foundation's slow date formatters.
enum TwitterDate {
    private static let months: [String: Int] = [
        "Jan": 1, "Feb": 2, "Mar": 3, "Apr": 4, "May": 5, "Jun": 6,
        "Jul": 7, "Aug": 8, "Sep": 9, "Oct": 10, "Nov": 11, "Dec": 12,
    ]

    /// Either v1.1 `Sat Jul 13 05:33:14 +0000 2019` or ISO 8601 `2021-04-01T15:52:31.000Z`;
    /// seconds since the epoch, UTC.
    static func parse(_ s: String) -> Int64? {
        let b = Array(s.utf8)
        if b.count >= 20, b[4] == UInt8(ascii: "-") { return parseISO(b) }
        return parseV1(b)
    }

    private static func digits(_ b: [UInt8], _ from: Int, _ count: Int) -> Int? {
        guard from + count <= b.count else { return nil }
        var v = 0
        for i in from..<(from + count) {
            let d = Int(b[i]) - 48
            guard d >= 0 && d <= 9 else { return nil }
            v = v * 10 + d
        }
        return v
    }

    private static func parseV1(_ b: [UInt8]) -> Int64? {
        // "Sat Jul 13 05:33:14 +0000 2019"
        guard b.count == 30, let month = months[String(decoding: b[4..<7], as: UTF8.self)],
              let day = digits(b, 8, 2), let h = digits(b, 11, 2), let m = digits(b, 14, 2),
              let sec = digits(b, 17, 2), let oh = digits(b, 21, 2), let om = digits(b, 23, 2),
              let year = digits(b, 26, 4) else { return nil }
        let sign: Int64 = b[20] == UInt8(ascii: "-") ? -1 : 1
        let offset = sign * Int64(oh * 3600 + om * 60)
        return epoch(year, month, day, h, m, sec).map { $0 - offset }
    }

    private static func parseISO(_ b: [UInt8]) -> Int64? {
        // "2021-04-01T15:52:31.000Z" or "...+02:00"
        guard let year = digits(b, 0, 4), let month = digits(b, 5, 2), let day = digits(b, 8, 2),
              let h = digits(b, 11, 2), let m = digits(b, 14, 2), let sec = digits(b, 17, 2) else { return nil }
        var i = 19
        if i < b.count, b[i] == UInt8(ascii: ".") {
            i += 1
            while i < b.count, b[i] >= 48, b[i] <= 57 { i += 1 }
        }
        var offset: Int64 = 0
        if i < b.count, b[i] == UInt8(ascii: "+") || b[i] == UInt8(ascii: "-") {
            guard let oh = digits(b, i + 1, 2), let om = digits(b, i + 4, 2) else { return nil }
            offset = (b[i] == UInt8(ascii: "-") ? -1 : 1) * Int64(oh * 3600 + om * 60)
        }
        return epoch(year, month, day, h, m, sec).map { $0 - offset }
    }

    /// Epoch seconds of a UTC civil date and time; nil for a date that does not exist
    /// (Feb 30, Feb 29 outside leap years, hour 24) rather than a rolled-over one.
    static func epoch(_ y: Int, _ m: Int, _ d: Int, _ h: Int, _ mi: Int, _ s: Int) -> Int64? {
        guard (1...12).contains(m), (1...daysIn(month: m, year: y)).contains(d), h < 24, mi < 60, s < 61 else { return nil }
        return CivilDate.dayNumber(year: y, month: m, day: d) * 86400 + Int64(h * 3600 + mi * 60 + s)
    }

    /// Days of a month of the proleptic Gregorian calendar.
    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }
}

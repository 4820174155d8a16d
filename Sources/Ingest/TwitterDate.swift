import Model

/// Parses the two timestamp forms tweets carry, without Foundation's slow date formatters.
/// Only real moments pass: a day the month has, hours 0–23, minutes and seconds 0–59 (Unix
/// time, which Twitter's clock is, has no leap second), an offset of at most ±14:00 with
/// minutes 0–59, and in the v1.1 form a weekday that is the date's.
enum TwitterDate {
    /// Why a timestamp is no moment.
    enum Problem: Error, Equatable, CustomStringConvertible {
        /// Neither form, or a field that is not a number.
        case form
        /// A date or time that does not exist (Feb 30, hour 24, second 60).
        case impossible
        /// An offset beyond ±14:00 or with minutes beyond 59.
        case offset(String)
        /// The weekday written is not the date's.
        case weekday(written: String, actual: String)

        /// The reason, for a bad line's message.
        var description: String {
            switch self {
            case .form, .impossible: return "is not a valid date"
            case .offset(let o): return "is not a valid date (the offset \(o) is beyond ±14:00)"
            case .weekday(let written, let actual): return "is not a valid date (the day was a \(actual), not a \(written))"
            }
        }
    }

    private static let months: [String: Int] = [
        "Jan": 1, "Feb": 2, "Mar": 3, "Apr": 4, "May": 5, "Jun": 6,
        "Jul": 7, "Aug": 8, "Sep": 9, "Oct": 10, "Nov": 11, "Dec": 12,
    ]
    /// From Sunday, as day number 0 (1970-01-01) + 4 counts.
    private static let weekdays = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"]
    private static let weekdayNames = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"]

    /// Either v1.1 `Sat Jul 13 05:33:14 +0000 2019` or ISO 8601 `2021-04-01T15:52:31.000Z`;
    /// seconds since the epoch, UTC; nil for no real moment.
    static func parse(_ s: String) -> Int64? { try? read(s).get() }

    /// `parse`, with the reason when it is no moment.
    static func read(_ s: String) -> Result<Int64, Problem> {
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

    /// Seconds east of UTC for `sign hh mm`, or the offset problem.
    private static func offset(_ sign: UInt8, _ h: Int, _ m: Int, _ b: [UInt8], _ range: Range<Int>) -> Result<Int64, Problem> {
        guard m < 60, h * 60 + m <= 14 * 60 else { return .failure(.offset(String(decoding: b[range], as: UTF8.self))) }
        return .success((sign == UInt8(ascii: "-") ? -1 : 1) * Int64(h * 3600 + m * 60))
    }

    private static func parseV1(_ b: [UInt8]) -> Result<Int64, Problem> {
        // "Sat Jul 13 05:33:14 +0000 2019"
        guard b.count == 30, let month = months[String(decoding: b[4..<7], as: UTF8.self)],
              let day = digits(b, 8, 2), let h = digits(b, 11, 2), let m = digits(b, 14, 2),
              let sec = digits(b, 17, 2), b[20] == UInt8(ascii: "+") || b[20] == UInt8(ascii: "-"),
              let oh = digits(b, 21, 2), let om = digits(b, 23, 2),
              let year = digits(b, 26, 4) else { return .failure(.form) }
        let offset: Int64
        switch self.offset(b[20], oh, om, b, 20..<25) {
        case .success(let o): offset = o
        case .failure(let p): return .failure(p)
        }
        guard let local = epoch(year, month, day, h, m, sec) else { return .failure(.impossible) }
        let written = String(decoding: b[0..<3], as: UTF8.self)
        let actual = Int(((local / 86400 + 4) % 7 + 7) % 7)
        guard written == weekdays[actual] else {
            return .failure(.weekday(written: weekdays.firstIndex(of: written).map { weekdayNames[$0] } ?? "\"\(written)\"",
                                     actual: weekdayNames[actual]))
        }
        return .success(local - offset)
    }

    private static func parseISO(_ b: [UInt8]) -> Result<Int64, Problem> {
        // "2021-04-01T15:52:31.000Z" or "...+02:00"
        guard let year = digits(b, 0, 4), let month = digits(b, 5, 2), let day = digits(b, 8, 2),
              let h = digits(b, 11, 2), let m = digits(b, 14, 2), let sec = digits(b, 17, 2) else { return .failure(.form) }
        var i = 19
        if i < b.count, b[i] == UInt8(ascii: ".") {
            i += 1
            while i < b.count, b[i] >= 48, b[i] <= 57 { i += 1 }
        }
        var offset: Int64 = 0
        if i < b.count, b[i] == UInt8(ascii: "+") || b[i] == UInt8(ascii: "-") {
            guard let oh = digits(b, i + 1, 2), let om = digits(b, i + 4, 2) else { return .failure(.form) }
            switch self.offset(b[i], oh, om, b, i..<min(b.count, i + 6)) {
            case .success(let o): offset = o
            case .failure(let p): return .failure(p)
            }
        }
        guard let local = epoch(year, month, day, h, m, sec) else { return .failure(.impossible) }
        return .success(local - offset)
    }

    /// Epoch seconds of a UTC civil date and time; nil for a date that does not exist
    /// (Feb 30, Feb 29 outside leap years, hour 24, second 60) rather than a rolled-over one.
    static func epoch(_ y: Int, _ m: Int, _ d: Int, _ h: Int, _ mi: Int, _ s: Int) -> Int64? {
        guard (1...12).contains(m), (1...daysIn(month: m, year: y)).contains(d), h < 24, mi < 60, s < 60 else { return nil }
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

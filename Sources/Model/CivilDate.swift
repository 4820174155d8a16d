/// Proleptic Gregorian calendar arithmetic on day numbers (days since 1970-01-01), after
/// Howard Hinnant's `days_from_civil` and `civil_from_days`: the one place twindex turns
/// dates into day numbers and back.
public enum CivilDate {
    /// The day number of a civil date.
    public static func dayNumber(year: Int, month: Int, day: Int) -> Int64 {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let doy = (153 * ((month + 9) % 12) + 2) / 5 + day - 1
        return Int64(era * 146_097 + yoe * 365 + yoe / 4 - yoe / 100 + doy - 719_468)
    }

    /// The civil date of a day number.
    public static func civil(_ dayNumber: Int64) -> (year: Int, month: Int, day: Int) {
        let z = dayNumber + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = Int(doy - (153 * mp + 2) / 5 + 1)
        let m = Int(mp < 10 ? mp + 3 : mp - 9)
        return (Int(yoe + era * 400) + (m <= 2 ? 1 : 0), m, d)
    }

    /// The English short weekday names by ISO weekday index (0 = Monday), as Twitter's
    /// `created_at` writes them and every table and chart labels them.
    public static let weekdayNames = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]

    /// ISO weekday of a day number: 0 = Monday ... 6 = Sunday (1970-01-01 was a Thursday).
    public static func weekdayIndex(_ dayNumber: Int64) -> Int { Int((dayNumber % 7 + 7 + 3) % 7) }

    /// The day number holding an instant given in (local or UTC) epoch seconds.
    public static func day(ofEpoch seconds: Int64) -> Int64 {
        seconds >= 0 ? seconds / 86400 : (seconds - 86399) / 86400
    }
}

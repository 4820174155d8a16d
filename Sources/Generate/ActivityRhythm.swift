import Foundation
import Model

/// When generated accounts tweet: a weight for every UTC hour of the study period, from the
/// local (time zone) hour of day, weekday, season (summer and Christmas dips) and Twitter's
/// growth, with daylight-saving time as the zone has it. Sampling inverts its cumulative sum.
struct ActivityRhythm {
    /// First UTC hour (epoch seconds) of the table.
    let start: Int64
    /// Offset from UTC, in seconds, of each hour.
    let offsets: [Int32]
    /// Cumulative weights: cumulative[h] = sum of weights of hours before h.
    let cumulative: [Double]

    var hours: Int { offsets.count }

    /// The table over `first..<end`; hours overlapping `silent` (a planted outage) get no weight.
    init(from first: Int64, to end: Int64, timeZone: TimeZone, profile: Profile, silent: Range<Int64>? = nil) {
        start = first - first % 3600
        let count = Int((end - start + 3599) / 3600)
        var offsets = [Int32](repeating: 0, count: count)
        var cumulative = [Double](repeating: 0, count: count + 1)
        var total = 0.0
        for h in 0..<count {
            let t = start + Int64(h) * 3600
            let offset = timeZone.secondsFromGMT(for: Date(timeIntervalSince1970: TimeInterval(t)))
            offsets[h] = Int32(offset)
            let local = LocalTime(epoch: t + Int64(offset))
            cumulative[h] = total
            if silent?.overlaps(t..<(t + 3600)) != true { total += profile.weight(local) }
        }
        cumulative[count] = total
        self.offsets = offsets
        self.cumulative = cumulative
    }

    func hourIndex(of epoch: Int64) -> Int { max(0, min(hours - 1, Int((epoch - start) / 3600))) }

    /// The time whose cumulative weight is `c` (binary search, uniform within the hour).
    func time(atCumulative c: Double) -> Int64 {
        var lo = 0
        var hi = hours - 1
        while lo < hi {
            let mid = (lo + hi + 1) / 2
            if cumulative[mid] <= c { lo = mid } else { hi = mid - 1 }
        }
        let width = cumulative[lo + 1] - cumulative[lo]
        let fraction = width > 0 ? min(0.999_999, max(0, (c - cumulative[lo]) / width)) : 0.5
        return start + Int64(lo) * 3600 + Int64(fraction * 3600)
    }
}

/// A civil date and time (no zone): ISO weekday 1 = Monday.
struct LocalTime {
    let year: Int, month: Int, day: Int, hour: Int, weekday: Int
    /// Days since 1970-01-01 of the date.
    let dayNumber: Int64

    init(epoch: Int64) {
        dayNumber = CivilDate.day(ofEpoch: epoch)
        hour = Int((epoch - dayNumber * 86400) / 3600)
        weekday = CivilDate.weekdayIndex(dayNumber) + 1
        (year, month, day) = CivilDate.civil(dayNumber)
    }
}

/// The two kinds of corpus the generator writes.
public enum Profile: String, CaseIterable, Sendable {
    /// Civil servants (the study's corpus): Tabel 6's shares, office hours, weekdays.
    case civil
    /// The 1% sample of all tweets (2013-01-23): its shares, evenings and weekends.
    case baseline

    /// Target shares: (hashtags, mentions, starts with @), Tabel 6.
    var shares: (hashtags: Double, mentions: Double, startsWithAt: Double) {
        switch self {
        case .civil: return (0.342, 0.614, 0.338)
        case .baseline: return (PublishedBaseline.hashtags, PublishedBaseline.mentions, PublishedBaseline.startsWithAt)
        }
    }

    func weight(_ t: LocalTime) -> Double {
        let hourly: [Double]
        let weekday: [Double]
        switch self {
        case .civil:
            hourly = [0.03, 0.02, 0.01, 0.01, 0.01, 0.02, 0.08, 0.35, 0.85, 1.0, 1.0, 0.95,
                      0.8, 0.9, 0.95, 0.9, 0.85, 0.6, 0.35, 0.3, 0.35, 0.32, 0.2, 0.08]
            weekday = [1.0, 1.0, 0.97, 0.95, 0.85, 0.22, 0.26]
        case .baseline:
            hourly = [0.45, 0.3, 0.2, 0.12, 0.1, 0.12, 0.25, 0.45, 0.6, 0.65, 0.7, 0.75,
                      0.8, 0.8, 0.8, 0.82, 0.85, 0.9, 0.95, 1.0, 1.0, 0.95, 0.8, 0.6]
            weekday = [0.95, 0.95, 0.95, 0.95, 0.95, 1.0, 1.0]
        }
        var w = hourly[t.hour] * weekday[t.weekday - 1]
        if self == .civil {
            if t.month == 7 || t.month == 8 { w *= 0.55 }
            if (t.month == 12 && t.day >= 22) || (t.month == 1 && t.day <= 2) { w *= 0.35 }
        }
        // Twitter's growth: few tweets in 2007, many by 2012.
        let years = Double(t.year - 2007) + Double(t.month - 1) / 12
        return w * (0.15 + years * years)
    }
}

import Foundation
import Model

/// Puts UTC instants into local calendar buckets (day, ISO weekday, hour) of one IANA time
/// zone, with its daylight-saving transitions: the offsets are looked up in a table of the
/// zone's transitions, so bucketing 700k tweets costs a binary search each, not a
/// Calendar call.
public struct CalendarBuckets: Sendable {
    /// The zone.
    public let timeZone: TimeZone
    /// Transition instants (UTC epoch) and the offset in force from each on.
    private let transitions: [Int64]
    private let offsets: [Int32]

    /// A table valid for instants in `range` (outside it, the nearest offset applies).
    public init(timeZone: TimeZone, covering range: ClosedRange<Int64>) {
        self.timeZone = timeZone
        let lower = range.lowerBound - 2 * 86400
        var times: [Int64] = [.min]
        var offs: [Int32] = [Int32(timeZone.secondsFromGMT(for: Date(timeIntervalSince1970: TimeInterval(lower))))]
        var cursor = Date(timeIntervalSince1970: TimeInterval(lower))
        let end = Date(timeIntervalSince1970: TimeInterval(range.upperBound + 2 * 86400))
        while let next = timeZone.nextDaylightSavingTimeTransition(after: cursor), next < end {
            times.append(Int64(next.timeIntervalSince1970))
            offs.append(Int32(timeZone.secondsFromGMT(for: next)))
            cursor = next
        }
        transitions = times
        offsets = offs
        alignsWithQuarters = offs.allSatisfy { $0 % 900 == 0 } && times.dropFirst().allSatisfy { $0 % 900 == 0 }
    }

    /// True when every offset and transition of the table is a whole quarter of an hour (all
    /// zones since 1980): then the tweets of one 15-minute UTC bucket share their local day,
    /// weekday and hour, and the store's per-quarter summaries serve this zone exactly.
    public let alignsWithQuarters: Bool

    /// The zone's offset from UTC at `epoch`, in seconds.
    @inline(__always)
    public func offset(at epoch: Int64) -> Int64 {
        var lo = 0
        var hi = transitions.count - 1
        while lo < hi {
            let mid = (lo + hi + 1) >> 1
            if transitions[mid] <= epoch { lo = mid } else { hi = mid - 1 }
        }
        return Int64(offsets[lo])
    }

    /// The stretch of time holding `epoch` in which the offset does not change: its UTC
    /// start (inclusive) and end (exclusive), and the offset.
    public func stretch(containing epoch: Int64) -> (start: Int64, end: Int64, offset: Int64) {
        var lo = 0
        var hi = transitions.count - 1
        while lo < hi {
            let mid = (lo + hi + 1) >> 1
            if transitions[mid] <= epoch { lo = mid } else { hi = mid - 1 }
        }
        return (transitions[lo], lo + 1 < transitions.count ? transitions[lo + 1] : .max, Int64(offsets[lo]))
    }

    /// Local days since 1970-01-01.
    @inline(__always)
    public func day(of epoch: Int64) -> Int64 { CivilDate.day(ofEpoch: epoch + offset(at: epoch)) }

    /// (ISO weekday 0 = Monday ... 6 = Sunday, hour 0-23), local.
    @inline(__always)
    public func weekdayAndHour(of epoch: Int64) -> (weekday: Int, hour: Int) {
        let local = epoch + offset(at: epoch)
        let days = CivilDate.day(ofEpoch: local)
        return (CivilDate.weekdayIndex(days), Int((local - days * 86400) / 3600))
    }

    /// Days since 1970-01-01 of a civil date.
    public static func dayNumber(year: Int, month: Int, day: Int) -> Int64 {
        CivilDate.dayNumber(year: year, month: month, day: day)
    }

    /// (year, month, day) of a day number.
    public static func civil(_ dayNumber: Int64) -> (year: Int, month: Int, day: Int) { CivilDate.civil(dayNumber) }

    /// `YYYY-MM-DD` of a day number.
    public static func format(_ dayNumber: Int64) -> String {
        let c = civil(dayNumber)
        return String(format: "%04d-%02d-%02d", c.year, c.month, c.day)
    }

    /// Parses `YYYY-MM-DD` into a day number.
    public static func parseDay(_ s: String) -> Int64? {
        let parts = s.split(separator: "-")
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
              let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2]),
              (1...12).contains(m), (1...31).contains(d) else { return nil }
        let n = dayNumber(year: y, month: m, day: d)
        // Reject dates like 2013-02-30 that roll over.
        guard civil(n) == (y, m, d) else { return nil }
        return n
    }

    /// The UTC instant at which local day `dayNumber` begins (DST-aware; a day that starts
    /// in a gap begins at the gap's end).
    public func startOfDay(_ dayNumber: Int64) -> Int64 {
        let naive = dayNumber * 86400
        var guess = naive - offset(at: naive)
        // Two refinements settle the offset across a transition.
        for _ in 0..<2 { guess = naive - offset(at: guess) }
        return guess
    }
}

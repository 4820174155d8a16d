import Model

/// Counts distinct (author, local period) pairs from the days of the `author_spans` summary,
/// read author by author in day order: each day says in which of the 96 quarter hours of a
/// UTC day the author tweeted (`early`: quarters 0–47, `late`: 48–95).
///
/// A UTC day that lies in one stretch of constant offset and inside the bounds falls on at
/// most two local days, split at a known quarter: two mask tests decide both. Other days
/// (a DST change, a bound inside the day) are placed quarter by quarter.
struct ActiveAuthorCounter {
    let buckets: CalendarBuckets
    let period: TimelineResult.Period
    /// UTC bounds of the analysis, `lower..<upper`.
    let lower: Int64, upper: Int64
    /// The first period's key; `counts[k - base]` is period k's count.
    let base: Int64
    private(set) var counts: [Int64]
    private var lastAuthor = Int64.min, lastKey = Int64.min
    private var stretch: (start: Int64, end: Int64, offset: Int64)

    /// A counter for quarters starting in `lower..<upper`, whose periods start on or after
    /// day `base` and end by day `lastDay`.
    init(buckets: CalendarBuckets, period: TimelineResult.Period, lower: Int64, upper: Int64,
         base: Int64, lastDay: Int64, firstEpoch: Int64) {
        (self.buckets, self.period, self.lower, self.upper, self.base) = (buckets, period, lower, upper, base)
        counts = [Int64](repeating: 0, count: Int(lastDay - base) + 2)
        stretch = buckets.stretch(containing: firstEpoch)
    }

    /// Adds one author day.
    mutating func add(author: Int64, utcDay: Int64, early: Int64, late: Int64) {
        let dayStart = utcDay * 86400, dayEnd = dayStart + 86400
        if dayStart < stretch.start || dayStart >= stretch.end { stretch = buckets.stretch(containing: dayStart) }
        guard dayStart >= lower, dayEnd <= upper, dayEnd <= stretch.end else {
            addQuarterByQuarter(author: author, dayStart: dayStart, early: early, late: late)
            return
        }
        // Quarter q falls on local day utcDay + floor((q + shift) / 96): the quarters before
        // `split` on `firstDay`, the others on the day after.
        let shift = stretch.offset / 900
        let (firstDay, split) = shift >= 0 ? (utcDay, 96 - shift) : (utcDay - 1, -shift)
        let before = split <= 48 ? early & Self.lowBits(split) != 0 : early != 0 || late & Self.lowBits(split - 48) != 0
        let after = split <= 48 ? early >> split != 0 || late != 0 : late >> (split - 48) != 0
        if before { count(author: author, localDay: firstDay) }
        if after { count(author: author, localDay: firstDay + 1) }
    }

    private mutating func addQuarterByQuarter(author: Int64, dayStart: Int64, early: Int64, late: Int64) {
        for (word, firstQuarter) in [(early, Int64(0)), (late, Int64(48))] {
            var bits = word
            while bits != 0 {
                let start = dayStart + (firstQuarter + Int64(bits.trailingZeroBitCount)) * 900
                bits &= bits - 1
                guard start >= lower && start < upper else { continue }
                if start < stretch.start || start >= stretch.end { stretch = buckets.stretch(containing: start) }
                count(author: author, localDay: CivilDate.day(ofEpoch: start + stretch.offset))
            }
        }
    }

    /// Counts the author once per period, given its local days in ascending order.
    private mutating func count(author: Int64, localDay: Int64) {
        let k = period == .day ? localDay : Timeline.periodStart(localDay, period)
        guard author != lastAuthor || k != lastKey else { return }
        counts[Int(k - base)] += 1
        (lastAuthor, lastKey) = (author, k)
    }

    /// The low `n` bits set (n in 0...64).
    private static func lowBits(_ n: Int64) -> Int64 { n >= 64 ? -1 : (1 << n) - 1 }
}

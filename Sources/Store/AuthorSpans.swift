/// The `author_spans` summary: in which of the 96 quarter hours of each UTC day an author
/// tweeted, 64 days to a row, so the active-user pass reads one row per author and 64 days
/// instead of one per author and day. A row is `(author_id, span, days, quarters)`: bit `i`
/// of `days` marks UTC day `64 * span + i` (days since 1970-01-01); `quarters` holds, per set
/// bit in ascending order, 12 bytes: the day's quarter bits, little-endian (bit `q` of the
/// 96 is the quarter starting at `day * 86400 + q * 900`). A row holds at most 64 × 12 bytes,
/// so it never spills to an overflow page.
package enum AuthorSpans {
    /// UTC days per row.
    package static let daysPerSpan: Int64 = 64

    /// The quarter bits of one UTC day: quarters 0–47 (`early`) and 48–95 (`late`).
    package struct Quarters: Equatable, Sendable {
        /// Bit q: quarter q of the day (0–47).
        package var early: Int64
        /// Bit q: quarter 48 + q of the day.
        package var late: Int64

        /// No quarter.
        package static let none = Quarters(early: 0, late: 0)

        /// Whether no bit is set.
        package var isEmpty: Bool { early == 0 && late == 0 }

        /// The bits of both.
        package static func | (a: Quarters, b: Quarters) -> Quarters { Quarters(early: a.early | b.early, late: a.late | b.late) }
    }

    /// The span of UTC day `day` and the day's place in it (`floor` division: days before
    /// 1970 are negative).
    package static func place(_ day: Int64) -> (span: Int64, index: Int) {
        let span = day >= 0 ? day / daysPerSpan : -((-day - 1) / daysPerSpan) - 1
        return (span, Int(day - span * daysPerSpan))
    }

    /// Calls `body` with each day of a row, in ascending order: the UTC day and its quarters.
    /// Bytes past the last complete record of a malformed row are ignored.
    package static func forEachDay(span: Int64, days: Int64, quarters: UnsafeRawBufferPointer,
                                   _ body: (_ day: Int64, _ quarters: Quarters) throws -> Void) rethrows {
        var bits = UInt64(bitPattern: days)
        var offset = 0
        while bits != 0, offset + 12 <= quarters.count {
            let i = Int64(bits.trailingZeroBitCount)
            bits &= bits - 1
            try body(span * daysPerSpan + i, Quarters(early: word(quarters, offset), late: word(quarters, offset + 6)))
            offset += 12
        }
    }

    /// Six little-endian bytes from `offset`, as a 48-bit value.
    private static func word(_ bytes: UnsafeRawBufferPointer, _ offset: Int) -> Int64 {
        var v: Int64 = 0
        for k in (0..<6).reversed() { v = v << 8 | Int64(bytes[offset + k]) }
        return v
    }

    /// The row's `days` and `quarters` for `entries` (day index in the span → quarters;
    /// empty quarters are left out).
    package static func encode(_ entries: [Int: Quarters]) -> (days: Int64, quarters: [UInt8]) {
        var days: UInt64 = 0
        var bytes: [UInt8] = []
        bytes.reserveCapacity(entries.count * 12)
        for index in entries.keys.sorted() {
            guard let q = entries[index], !q.isEmpty else { continue }
            days |= 1 << UInt64(index)
            for word in [q.early, q.late] {
                for k in 0..<6 { bytes.append(UInt8(truncatingIfNeeded: word >> (8 * k))) }
            }
        }
        return (Int64(bitPattern: days), bytes)
    }

    /// The row's days by their index in the span.
    package static func decode(span: Int64, days: Int64, quarters: [UInt8]) -> [Int: Quarters] {
        var entries: [Int: Quarters] = [:]
        quarters.withUnsafeBytes { raw in
            forEachDay(span: span, days: days, quarters: raw) { day, q in entries[Int(day - span * daysPerSpan)] = q }
        }
        return entries
    }
}

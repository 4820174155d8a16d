#if canImport(Glibc)
import Glibc
#endif
import Model

/// Which members of an archive an ingest reads: regular files named like tweet files
/// (`.jsonl`, `.json`, `.ndjson`, each optionally compressed), narrowed by name patterns
/// (`ingest --member`) and by the UTC day in the member's path (`ingest --from/--to`).
///
/// The day of a member comes from its path, in the layouts the big sample archives use:
/// folders `YYYY/MM/DD` (the Archive Team stream grab's `2013/01/23/00/00.json.bz2`, Gnip's
/// historical `2013/01/23/00/00_activities.json.gz`), else a date in the file name
/// (`2013-01-23`, `2013_01_23` or `20130123`), else one elsewhere in the path. A member
/// whose path carries no date is not read when a day range is given.
///
/// ```swift
/// let pick = MemberSelection(patterns: ["2013/01/23/*"], firstDay: nil, lastDay: nil)
/// pick.accepts("2013/01/23/00/00.json.bz2")   // true
/// ```
public struct MemberSelection: Sendable, Equatable {
    /// Shell patterns (`fnmatch`, `*` also matches `/`); a member is read when one of them
    /// matches its path. Empty: every member.
    public var patterns: [String]
    /// First and last UTC day to read (day numbers since 1970-01-01), inclusive; nil: open.
    public var firstDay: Int64?
    /// See `firstDay`.
    public var lastDay: Int64?

    /// Members matching one of `patterns` (all when empty) whose path's day lies in
    /// `firstDay...lastDay` (any day, dated or not, when both are nil).
    public init(patterns: [String] = [], firstDay: Int64? = nil, lastDay: Int64? = nil) {
        self.patterns = patterns
        self.firstDay = firstDay
        self.lastDay = lastDay
    }

    /// Whether to read the member called `name` (its path inside the archive).
    public func accepts(_ name: String) -> Bool {
        guard InputResolver.isTweetStream(name) else { return false }
        if !patterns.isEmpty, !patterns.contains(where: { fnmatch($0, name, 0) == 0 }) { return false }
        guard firstDay != nil || lastDay != nil else { return true }
        guard let day = Self.day(ofPath: name) else { return false }
        return day >= (firstDay ?? .min) && day <= (lastDay ?? .max)
    }

    /// The UTC day a member's path names (see the type's comment), as a day number; nil
    /// when it names none.
    public static func day(ofPath path: String) -> Int64? {
        let parts = path.split(separator: "/").map { Array($0.utf8) }
        // Folders YYYY/MM/DD (the day may be the file name's start: 2013/01/23.json).
        if parts.count >= 3 {
            for i in 0...(parts.count - 3) {
                guard parts[i].count == 4, parts[i + 1].count == 2, let year = number(parts[i], 0, 4),
                      let month = number(parts[i + 1], 0, 2), let day = number(parts[i + 2], 0, 2),
                      parts[i + 2].count == 2 || !isDigit(parts[i + 2][2]) else { continue }
                if let d = valid(year, month, day) { return d }
            }
        }
        if let last = parts.last, let d = embeddedDate(last) { return d }
        return parts.dropLast().lazy.compactMap(embeddedDate).first
    }

    /// The first `YYYY-MM-DD`, `YYYY_MM_DD` or `YYYYMMDD` in `s` that is not part of a
    /// longer run of digits and is a real date.
    private static func embeddedDate(_ s: [UInt8]) -> Int64? {
        var i = 0
        while i + 8 <= s.count {
            defer { i += 1 }
            if i > 0, isDigit(s[i - 1]) { continue }
            guard let year = number(s, i, 4) else { continue }
            var month: Int?, day: Int?, end = i + 8
            if let m = number(s, i + 4, 2), let d = number(s, i + 6, 2) {
                (month, day) = (m, d)
            } else if i + 10 <= s.count, s[i + 4] == s[i + 7], s[i + 4] == UInt8(ascii: "-") || s[i + 4] == UInt8(ascii: "_"),
                      let m = number(s, i + 5, 2), let d = number(s, i + 8, 2) {
                (month, day, end) = (m, d, i + 10)
            }
            guard let month, let day, end == s.count || !isDigit(s[end]) else { continue }
            if let d = valid(year, month, day) { return d }
        }
        return nil
    }

    private static func isDigit(_ c: UInt8) -> Bool { c >= 0x30 && c <= 0x39 }

    /// The decimal number of `count` digits at `start`, or nil.
    private static func number(_ s: [UInt8], _ start: Int, _ count: Int) -> Int? {
        guard start + count <= s.count else { return nil }
        var n = 0
        for c in s[start..<(start + count)] {
            guard isDigit(c) else { return nil }
            n = n * 10 + Int(c - 0x30)
        }
        return n
    }

    /// The day number of a date from 2006 (Twitter's first year) to 2099, or nil.
    private static func valid(_ year: Int, _ month: Int, _ day: Int) -> Int64? {
        guard (2006...2099).contains(year), (1...12).contains(month), day >= 1 else { return nil }
        let d = CivilDate.dayNumber(year: year, month: month, day: day)
        return CivilDate.civil(d) == (year, month, day) ? d : nil
    }
}

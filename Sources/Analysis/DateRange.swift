import Foundation

/// An inclusive range of local days in a time zone, as UTC bounds.
public struct DateRange: Sendable, Equatable {
    /// First and last local day (day numbers since 1970-01-01), inclusive; nil: open.
    public var from: Int64?
    /// See `from`.
    public var to: Int64?

    /// A range of day numbers (default: everything).
    public init(from: Int64? = nil, to: Int64? = nil) {
        self.from = from
        self.to = to
    }

    /// Which end of a range.
    public enum Bound: String, Sendable { case from, to }

    /// Parses `YYYY-MM-DD` days (nil: open); throws `AnalysisError.invalidDay` naming the bad
    /// value and its bound, or `.reversedRange`.
    public init(from: String?, to: String?) throws {
        func day(_ s: String?, _ bound: Bound) throws -> Int64? {
            guard let s else { return nil }
            guard let d = CalendarBuckets.parseDay(s) else { throw AnalysisError.invalidDay(s, bound: bound) }
            return d
        }
        self.from = try day(from, .from)
        self.to = try day(to, .to)
        if let from, let to, let f = self.from, let t = self.to, f > t {
            throw AnalysisError.reversedRange(from: from, to: to)
        }
    }

    /// The UTC bounds of the range in `zone`; nil where the range is open.
    public func utcBounds(in zone: TimeZone) -> (lower: Int64?, upper: Int64?) {
        let first = (from ?? to ?? 0) * 86400, last = ((to ?? from ?? 0) + 1) * 86400
        let buckets = CalendarBuckets(timeZone: zone, covering: first...max(first, last))
        return (from.map(buckets.startOfDay), to.map { buckets.startOfDay($0 + 1) })
    }

    /// True when neither end is set: every day.
    public var isOpen: Bool { from == nil && to == nil }

    /// `2013-01-23`, `2013-01-01..2013-01-31`, `from 2013-01-01`, `to 2013-01-31` or `every day`.
    public var label: String {
        switch (from.map(CalendarBuckets.format), to.map(CalendarBuckets.format)) {
        case let (f?, t?): return f == t ? f : "\(f)..\(t)"
        case let (f?, nil): return "from \(f)"
        case let (nil, t?): return "to \(t)"
        case (nil, nil): return "every day"
        }
    }

    /// `created_at >= lower AND created_at < upper` in UTC seconds.
    public func utcBounds(_ buckets: CalendarBuckets) -> (lower: Int64, upper: Int64) {
        (from.map(buckets.startOfDay) ?? .min, to.map { buckets.startOfDay($0 + 1) } ?? .max)
    }
}

/// Errors of the analysers, with the value at fault; the CLI words them with its flags.
public enum AnalysisError: Error, CustomStringConvertible, Equatable {
    /// A day that is not `YYYY-MM-DD`, and the end of the range it was given for.
    case invalidDay(String, bound: DateRange.Bound)
    /// A range whose first day is after its last.
    case reversedRange(from: String, to: String)
    /// A time-zone name that is not an IANA zone.
    case unknownTimeZone(String)
    /// The store at `path` holds no tweets (`isBaseline`: the store compared with).
    case emptyStore(path: String, isBaseline: Bool)
    /// A community-detection resolution that is not a positive finite number.
    case invalidResolution(Double)
    /// The scope (its `Scope.summary`) leaves no tweet to analyse.
    case emptyScope(String)
    /// The year asked for (`report --year`) holds no tweet in the scope.
    case emptyYear(Int)
    /// The baseline store at `path` holds no tweets in the range asked for (its label).
    case emptyBaselineRange(path: String, range: String)

    /// One line saying what is wrong.
    public var description: String {
        switch self {
        case .invalidDay(let s, let bound): return "\(s) is not a date (\(bound.rawValue)); use YYYY-MM-DD"
        case .reversedRange(let from, let to): return "the range starts (\(from)) after it ends (\(to))"
        case .unknownTimeZone(let z): return "unknown time zone \(z); use an IANA name such as Europe/Amsterdam or UTC"
        case .emptyStore(let path, let isBaseline): return "\(isBaseline ? "the baseline store " : "")\(path) holds no tweets"
        case .invalidResolution(let r): return "resolution \(r) is not a positive number"
        case .emptyScope(let scope): return "no tweets in the scope (\(scope))"
        case .emptyYear(let y): return "no tweets in \(y) in the scope"
        case .emptyBaselineRange(let path, let range): return "the baseline store \(path) holds no tweets on the days asked for (\(range))"
        }
    }

    /// The zone named `name`, or `unknownTimeZone`.
    public static func zone(_ name: String) throws -> TimeZone {
        guard let tz = TimeZone(identifier: name) else { throw AnalysisError.unknownTimeZone(name) }
        return tz
    }
}

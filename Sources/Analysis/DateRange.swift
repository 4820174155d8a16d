import Foundation

/// An inclusive range of local days (`--from`, `--to`) in a time zone, as UTC bounds.
public struct DateRange: Sendable, Equatable {
    public var from: Int64?
    public var to: Int64?

    public init(from: Int64? = nil, to: Int64? = nil) {
        self.from = from
        self.to = to
    }

    /// Parses the command-line forms; throws a message naming the bad value.
    public init(from: String?, to: String?) throws {
        func day(_ s: String?, _ flag: String) throws -> Int64? {
            guard let s else { return nil }
            guard let d = CalendarBuckets.parseDay(s) else {
                throw AnalysisError.invalidDate("\(flag) \(s) is not a date; use YYYY-MM-DD")
            }
            return d
        }
        self.from = try day(from, "--from")
        self.to = try day(to, "--to")
        if let f = self.from, let t = self.to, f > t {
            throw AnalysisError.invalidDate("--from \(from ?? "") is after --to \(to ?? "")")
        }
    }

    /// The UTC bounds of the range in `zone`; nil where the range is open.
    public func utcBounds(in zone: TimeZone) -> (lower: Int64?, upper: Int64?) {
        let first = (from ?? to ?? 0) * 86400, last = ((to ?? from ?? 0) + 1) * 86400
        let buckets = CalendarBuckets(timeZone: zone, covering: first...max(first, last))
        return (from.map(buckets.startOfDay), to.map { buckets.startOfDay($0 + 1) })
    }

    /// `created_at >= lower AND created_at < upper` in UTC seconds.
    public func utcBounds(_ buckets: CalendarBuckets) -> (lower: Int64, upper: Int64) {
        (from.map(buckets.startOfDay) ?? .min, to.map { buckets.startOfDay($0 + 1) } ?? .max)
    }
}

/// Errors of the analysers, each one clear line.
public enum AnalysisError: Error, CustomStringConvertible, Equatable {
    case invalidDate(String)
    case unknownTimeZone(String)
    case emptyStore(String)
    case invalidOption(String)

    public var description: String {
        switch self {
        case .invalidDate(let m), .emptyStore(let m), .invalidOption(let m): return m
        case .unknownTimeZone(let z): return "unknown time zone \(z); use an IANA name such as Europe/Amsterdam or UTC"
        }
    }

    /// The zone for `--tz`.
    public static func zone(_ name: String) throws -> TimeZone {
        guard let tz = TimeZone(identifier: name) else { throw AnalysisError.unknownTimeZone(name) }
        return tz
    }
}

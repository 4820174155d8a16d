import Foundation
import Model
import Store

/// Tabel 6: the shares of tweets with hashtags, with @mentions and starting with @, with
/// 95% Wilson intervals, optionally compared with a baseline (ANALYSIS.md).
public struct RatiosResult: Sendable, Equatable {
    /// One share of Tabel 6.
    public struct Row: Sendable, Equatable {
        /// `hashtags`, `mentions` or `starts_with_at`.
        public var name: String
        /// Tweets with the feature.
        public var count: Int64
        /// `count` over all tweets.
        public var share: Double
        /// The 95% Wilson interval of `share`.
        public var ci95: (Double, Double)
        /// The baseline's figure, when compared.
        public var baseline: BaselineRow?
        /// share − baseline share, in percentage points.
        public var diffPP: Double?
        /// share / baseline share.
        public var ratio: Double?
        /// Two-proportion z-test; nil when the baseline has no counts (published figures).
        public var z: Double?
        /// The two-sided p-value of `z`.
        public var p: Double?

        /// Field by field (a tuple field rules out the synthesised one).
        public static func == (a: Row, b: Row) -> Bool {
            a.name == b.name && a.count == b.count && a.share == b.share && a.ci95 == b.ci95 && a.baseline == b.baseline
                && a.diffPP == b.diffPP && a.ratio == b.ratio && a.z == b.z && a.p == b.p
        }
    }

    /// A baseline's figure for one row.
    public struct BaselineRow: Sendable, Equatable {
        /// The baseline's name.
        public var name: String
        /// Its share.
        public var share: Double
        /// Its counts (nil for published figures).
        public var count: Int64?
        /// See `count`.
        public var tweets: Int64?
    }

    /// Unique tweets counted.
    public var tweets: Int64
    /// `hashtags`, `mentions`, `starts_with_at`, in that order.
    public var rows: [Row]
    /// What the rows are compared with (nil: nothing).
    public var baselineName: String?
}

/// The three Tabel 6 counts of a store.
public struct RatioCounts: Sendable, Equatable {
    /// Unique tweets, and those with hashtags, with mentions, starting with @.
    public var tweets: Int64
    /// See `tweets`.
    public var hashtags: Int64
    /// See `tweets`.
    public var mentions: Int64
    /// See `tweets`.
    public var startsWithAt: Int64

    /// The counts of the tweets of `store` in `scope` (its days local in `timeZone`).
    public static func count(in store: Store, scope: Scope = Scope(),
                             timeZone: TimeZone = TimeZone(identifier: "UTC") ?? .current) throws -> RatioCounts {
        if scope.isEverything, try store.summariesAreCurrent() { return try Summarized.ratioCounts(in: store) }
        var c = RatioCounts(tweets: 0, hashtags: 0, mentions: 0, startsWithAt: 0)
        let filter = scope.filter(in: timeZone)
        try store.rows("""
            SELECT count(*), coalesce(sum(has_hashtags), 0), coalesce(sum(has_mentions), 0),
                   coalesce(sum(starts_with_at), 0) FROM tweets WHERE \(filter.sql)
            """, filter.arguments) { r in
            c = RatioCounts(tweets: r.int(0), hashtags: r.int(1), mentions: r.int(2), startsWithAt: r.int(3))
        }
        return c
    }

    var rows: [(String, Int64)] { [("hashtags", hashtags), ("mentions", mentions), ("starts_with_at", startsWithAt)] }
}

/// What the ratios are compared with.
public enum Baseline: Sendable {
    /// The study's published 1% sample figures (shares only).
    case published
    /// Another twindex store, counted by the same rules.
    case store(path: String)
}

/// Tabel 6's analysis.
///
/// ```swift
/// let table = try Ratios.compute(in: store, baseline: .published)
/// for row in table.rows { print(row.name, row.share, row.ci95) }
/// ```
public enum Ratios {
    /// Counts the tweets of `store` in `scope` (days local in `timeZone`) and compares with
    /// `baseline`, counted in `baselineRange` (whole by default; days local in `timeZone`),
    /// so that one month's sample serves as the baseline of any of its days. Throws
    /// `AnalysisError.emptyStore` when a store holds no tweets, `AnalysisError.emptyScope`
    /// when the scope holds none and `AnalysisError.emptyBaselineRange` when the baseline's
    /// range holds none.
    public static func compute(in store: Store, baseline: Baseline? = nil, scope: Scope = Scope(),
                               baselineRange: DateRange = DateRange(),
                               timeZone: TimeZone = TimeZone(identifier: "UTC") ?? .current) throws -> RatiosResult {
        let counts = try RatioCounts.count(in: store, scope: scope, timeZone: timeZone)
        if counts.tweets == 0, !scope.isEverything { throw AnalysisError.emptyScope(scope.summary) }
        guard counts.tweets > 0 else {
            throw AnalysisError.emptyStore(path: store.path, isBaseline: false)
        }
        var baselineCounts: RatioCounts?
        var baselineName: String?
        switch baseline {
        case .none: break
        case .published?: baselineName = PublishedBaseline.name
        case .store(let path)?:
            let other = try Store.openForReading(path: path)
            baselineCounts = try RatioCounts.count(in: other, scope: Scope(range: baselineRange), timeZone: timeZone)
            baselineName = baselineRange.isOpen ? path : "\(path) (\(baselineRange.label))"
            if baselineCounts?.tweets == 0 {
                if !baselineRange.isOpen { throw AnalysisError.emptyBaselineRange(path: path, range: baselineRange.label) }
                throw AnalysisError.emptyStore(path: path, isBaseline: true)
            }
        }
        let rows = zip(counts.rows, baselineCounts?.rows ?? counts.rows).map { mine, theirs -> RatiosResult.Row in
            let share = Double(mine.1) / Double(counts.tweets)
            var row = RatiosResult.Row(name: mine.0, count: mine.1, share: share,
                                       ci95: Statistics.wilson(count: mine.1, n: counts.tweets))
            var baseShare: Double?
            if let b = baselineCounts {
                baseShare = Double(theirs.1) / Double(b.tweets)
                row.baseline = .init(name: baselineName ?? "", share: baseShare!, count: theirs.1, tweets: b.tweets)
                if let test = Statistics.twoProportionZ(count1: mine.1, n1: counts.tweets, count2: theirs.1, n2: b.tweets) {
                    (row.z, row.p) = (test.z, test.p)
                }
            } else if baselineName != nil, let s = PublishedBaseline.shares[mine.0] {
                baseShare = s
                row.baseline = .init(name: baselineName ?? "", share: s, count: nil, tweets: nil)
            }
            if let b = baseShare {
                row.diffPP = (share - b) * 100
                row.ratio = b > 0 ? share / b : nil
            }
            return row
        }
        return RatiosResult(tweets: counts.tweets, rows: rows, baselineName: baselineName)
    }
}

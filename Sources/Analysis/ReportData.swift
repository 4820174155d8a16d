import Foundation
import Graph
import Model
import Store

/// Everything one report shows, computed by the analysers; Render only lays it out.
///
/// To add a section to the report: add its field here (computed in `gather`), then write
/// one function in Render's `ReportSections.swift` that turns the field into a
/// `ReportSection`, and list that function in `HTMLReport.sections`.
public struct ReportData: Sendable {
    /// The store the numbers come from.
    public var storePath: String
    /// The corpus summary.
    public var stats: StoreStats
    /// Tabel 6 against the baseline.
    public var ratios: RatiosResult
    /// Grafiek 11: every day of the corpus.
    public var days: TimelineResult
    /// The completeness strip above Grafiek 11: missed share per day and the gaps.
    public var completeness: CompletenessResult
    /// The year of Grafiek 12 and the activity charts.
    public var year: Int
    /// Grafiek 12: the days of `year`.
    public var yearDays: TimelineResult
    /// Weekdays, hours and the week-hour grid of `year`.
    public var yearActivity: ActivityResult
    /// The top 25 hashtags.
    public var hashtags: [HashtagRow]
    /// The ten top hashtags of each local month (the rank-flow chart).
    public var hashtagMonths: TopPerPeriod
    /// Figuur 3: the co-occurrence network and its communities.
    public var network: CooccurrenceResult
    /// Where Figuur 3 draws each node and edge of `network`.
    public var networkLayout: NetworkLayout
    /// Figuur 2: the accounts' network (by default the interaction network of the corpus's
    /// accounts with the study's filter scaled to the corpus, `studyMinDegree`).
    public var accountNetwork: AccountNetworkResult
    /// Where Figuur 2 draws each node of `accountNetwork` (nil: too many nodes to draw).
    public var accountLayout: [(x: Double, y: Double)]?
    /// The node indices of each edge of `accountNetwork`.
    public var accountEdgeEnds: [(source: Int, target: Int)]
    /// The most active accounts (by tweets) with their Tabel 6 counts.
    public var accounts: [AccountRow]

    /// What the report covers and how.
    public struct Options: Sendable {
        /// Tabel 6's comparison (nil: none).
        public var baseline: Baseline? = .published
        /// The zone of days and hours.
        public var timeZone = TimeZone(identifier: "Europe/Amsterdam") ?? TimeZone(secondsFromGMT: 0) ?? .current
        /// nil: the last full year of the data (or its only year).
        public var year: Int?
        /// The tweets every section counts (default: all); the corpus summary stays the
        /// whole store's.
        public var scope = Scope()
        /// The co-occurrence network's threshold and clustering.
        public var network = Cooccurrence.Options()
        /// Figuur 2's kind, filters and clustering; a `minDegree` of nil means the study's
        /// filter scaled to the corpus (`studyMinDegree`).
        public var accountNetwork = Options.interactionOfTheCorpus
        /// How many of the most active accounts the per-account table shows.
        public var accounts = 20
        /// The defaults of `twindex report`.
        public init() {}
    }

    /// Runs every analysis the report needs.
    ///
    /// ```swift
    /// let data = try ReportData.gather(from: Store.openForReading(path: "study.db"), options: .init())
    /// let html = HTMLReport.render(data)
    /// ```
    /// A scope without tweets is `AnalysisError.emptyScope`, and a `year` without tweets in
    /// the scope `AnalysisError.emptyYear`: no page of empty charts.
    public static func gather(from store: Store, options: Options) throws -> ReportData {
        let stats = try store.stats()
        let zone = options.timeZone, scope = options.scope
        let ratios = try Ratios.compute(in: store, baseline: options.baseline, scope: scope, timeZone: zone)
        let days = try Timeline.compute(in: store, timeZone: zone, scope: scope)
        var completeness = Completeness.Options()
        (completeness.timeZone, completeness.range) = (zone, scope.range)
        let year = options.year ?? defaultYear(days) ?? currentYear(in: zone)
        var yearScope = scope
        yearScope.range = DateRange(from: max(CalendarBuckets.dayNumber(year: year, month: 1, day: 1), scope.range.from ?? .min),
                                    to: min(CalendarBuckets.dayNumber(year: year, month: 12, day: 31), scope.range.to ?? .max))
        let yearActivity = try Activity.compute(in: store, timeZone: zone, scope: yearScope)
        if yearActivity.tweets == 0, options.year != nil { throw AnalysisError.emptyYear(year) }
        var network = options.network
        network.scope = scope
        network.timeZone = zone
        let clustered = try Cooccurrence.network(in: store, options: network)
        var accountOptions = options.accountNetwork
        accountOptions.scope = scope
        accountOptions.timeZone = zone
        if accountOptions.minDegree == nil {
            accountOptions.minDegree = studyMinDegree(tweets: stats.tweets, accounts: stats.users)
        }
        let accounts = try AccountNetwork.network(in: store, options: accountOptions)
        return ReportData(
            storePath: store.path, stats: stats,
            ratios: ratios,
            days: days, completeness: try Completeness.compute(in: store, options: completeness), year: year,
            yearDays: try Timeline.compute(in: store, timeZone: zone, scope: yearScope),
            yearActivity: yearActivity,
            hashtags: try HashtagCounts.top(in: store, limit: 25, scope: scope, timeZone: zone),
            hashtagMonths: try HashtagTrends.top(in: store, by: .month, limit: 10, scope: scope, timeZone: zone),
            network: clustered.result,
            networkLayout: NetworkLayout(clustered),
            accountNetwork: accounts.result, accountLayout: accounts.layout(maxNodes: maxDrawnAccounts),
            accountEdgeEnds: accounts.edgeEnds,
            accounts: try Accounts.compute(in: store, sort: .tweets, limit: options.accounts, scope: scope, timeZone: zone))
    }

    /// The study's Figuur 2 kept the accounts with more than 50 connections in 687,811 tweets
    /// by 1,109 accounts; a corpus with fewer (or more) tweets per account has proportionally
    /// fewer (more) neighbours per account, so the report keeps those with more than
    /// 50 × (tweets per account) / (687,811 / 1,109), rounded: 50 on a corpus of the study's size.
    public static func studyMinDegree(tweets: Int64, accounts: Int64) -> Int {
        guard accounts > 0 else { return 0 }
        let perAccount = Double(tweets) / Double(accounts), study = 687_811.0 / 1_109
        return Int((50 * perAccount / study).rounded())
    }

    /// Past this many nodes Figuur 2 is not drawn (the tables still are): use `twindex network --gexf`.
    public static let maxDrawnAccounts = 1500

    /// The last year whose 31 December the data reaches, else the last year with data;
    /// nil for a store without tweets.
    static func defaultYear(_ days: TimelineResult) -> Int? {
        guard let last = days.rows.last(where: { $0.tweets > 0 })?.date, let y = Int(last.prefix(4)) else { return nil }
        let first = days.rows.first { $0.tweets > 0 }.flatMap { Int($0.date.prefix(4)) } ?? y
        return last.hasSuffix("-12-31") || y == first ? y : y - 1
    }
}

extension ReportData.Options {
    /// The report's default account network: interactions among the corpus's accounts.
    public static var interactionOfTheCorpus: AccountNetwork.Options {
        var o = AccountNetwork.Options()
        o.kind = .interaction
        o.corpusOnly = true
        return o
    }
}

/// The year it is now in `zone` (the year an empty store's report shows).
private func currentYear(in zone: TimeZone) -> Int {
    var calendar = Calendar(identifier: .gregorian)
    calendar.timeZone = zone
    return calendar.component(.year, from: Date())
}

/// A drawing of a co-occurrence network: a seeded force layout of the graph it was
/// clustered on (the same seed as the clustering, so a seed reproduces the picture).
public struct NetworkLayout: Sendable {
    /// The position of each node of the result, by index, in roughly [-1, 1] × [-1, 1].
    public var positions: [(x: Double, y: Double)]
    /// The node indices of each edge of the result, in its order.
    public var edgeEnds: [(source: Int, target: Int)]

    /// Lays out `network`'s graph.
    public init(_ network: CooccurrenceNetwork) {
        var layout = ForceLayout.Options()
        layout.seed = network.result.seed
        positions = ForceLayout.positions(network.graph, options: layout)
        edgeEnds = network.edgeEnds
    }
}

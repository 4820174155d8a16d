import Foundation
import Model
import Text

/// Writes a synthetic corpus shaped like the study's (EMMA/DMI 2013): v1.1 tweet JSON lines
/// as a REST collection returns them (users' timelines, newest first), with the study's
/// shares, rhythm and five planted hashtag clusters, and computes its `Truth` from exactly
/// what it wrote. Deterministic per seed; memory does not grow with the number of tweets.
public struct CorpusGenerator {
    /// What to generate.
    public struct Options: Sendable {
        /// Unique tweets (the study's count by default).
        public var tweets = 687_811
        /// Accounts.
        public var users = 1_109
        /// The seed: the same options and seed give the same bytes.
        public var seed: UInt64 = 1
        /// The shares and rhythm to follow.
        public var profile = Profile.civil
        /// The zone of the rhythm.
        public var timeZone = "Europe/Amsterdam"
        /// The study period, in the time zone: 2007-03-20 to 2013-02-23 inclusive.
        public var firstDay = (2007, 3, 20)
        /// See `firstDay`.
        public var lastDay = (2013, 2, 23)
        /// Hours without a single tweet (a capture that stopped), when inside the period:
        /// from 14:00 on Saturday 27 October 2012, across midnight and the night the clocks
        /// go back, 21 hours. nil: none.
        public var outage: Outage? = Outage(start: (2012, 10, 27, 14), hours: 21)
        /// The study's corpus.
        public init() {}
    }

    /// A planted outage: its local start (year, month, day, hour) in the generator's zone and
    /// its length in hours.
    public struct Outage: Sendable {
        /// See the type.
        public var start: (year: Int, month: Int, day: Int, hour: Int)
        /// See the type.
        public var hours: Int
        /// An outage.
        public init(start: (year: Int, month: Int, day: Int, hour: Int), hours: Int) {
            self.start = start
            self.hours = hours
        }
    }

    /// What this generator writes.
    public let options: Options

    /// A generator for `options`.
    public init(options: Options) { self.options = options }

    /// Generates the corpus, handing each line (without newline) to `emit`; an error `emit`
    /// throws (say, the disk is full) ends it.
    public func generate(_ emit: (String) throws -> Void) rethrows -> Truth {
        var truth = Truth()
        truth.seed = options.seed
        truth.profile = options.profile.rawValue
        truth.timeZone = options.timeZone
        truth.clusters = Vocabulary.clusters.map { $0.map(TagNormalizer.normalize) }
        let zone = TimeZone(identifier: options.timeZone) ?? TimeZone(identifier: "UTC")!
        let start = localMidnight(options.firstDay, zone)
        let end = localMidnight(options.lastDay, zone) + 86400   // exclusive
        var notices = StreamNotices(options: options, start: start, end: end, zone: zone, accounts: options.users)
        truth.capture.outage = notices.outage
        let rhythm = ActivityRhythm(from: start, to: end, timeZone: zone, profile: options.profile, silent: notices.outage)
        var planner = SeededRandom(seed: options.seed)
        let accounts = (0..<options.users).map { Account(index: $0, start: start, end: end, rng: &planner) }
        let counts = Self.apportion(options.tweets, weights: accounts.map(\.weight))
        let groups = AccountGroups(accounts, groupCount: Vocabulary.clusters.count)
        try notices.emit(after: -1, rhythm: rhythm, truth: &truth, emit: emit)
        for (account, count) in zip(accounts, counts) where count > 0 {
            var rng = SeededRandom(seed: options.seed &* 0x2545_F491_4F6C_DD1D &+ UInt64(account.index + 1))
            truth.accountGroups[account.screenName] = account.homeCluster
            if account.isBroker { truth.brokers.append(account.screenName) }
            var writer = TimelineWriter(account: account, accounts: accounts, groups: groups, options: options, rhythm: rhythm)
            try writer.write(count: count, rng: &rng, truth: &truth, emit: emit)
            try notices.emit(after: account.index, rhythm: rhythm, truth: &truth, emit: emit)
        }
        try notices.emit(after: nil, rhythm: rhythm, truth: &truth, emit: emit)
        return truth
    }

    private func localMidnight(_ day: (Int, Int, Int), _ zone: TimeZone) -> Int64 {
        var c = DateComponents()
        (c.year, c.month, c.day) = day
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        return Int64(calendar.date(from: c)?.timeIntervalSince1970 ?? 0)
    }

    /// Splits `total` in proportion to `weights` (largest remainders), summing exactly.
    static func apportion(_ total: Int, weights: [Double]) -> [Int] {
        let sum = weights.reduce(0, +)
        guard sum > 0 else { return weights.map { _ in 0 } }
        let exact = weights.map { Double(total) * $0 / sum }
        var counts = exact.map { Int($0.rounded(.down)) }
        let order = exact.indices.sorted { (exact[$0] - Double(counts[$0]), $1) > (exact[$1] - Double(counts[$1]), $0) }
        for i in order.prefix(total - counts.reduce(0, +)) { counts[i] += 1 }
        return counts
    }
}

/// A generated civil servant's account.
struct Account {
    let index: Int
    let id: Int64
    let screenName: String
    let name: String
    let location: String
    let joined: Int64
    let weight: Double
    let homeCluster: Int
    /// A broker between the account groups (`AccountGroups`).
    var isBroker: Bool { index % 100 == 50 }

    init(index: Int, start: Int64, end: Int64, rng: inout SeededRandom) {
        self.index = index
        id = 14_000_000 + Int64(index) * 7919
        let first = Vocabulary.firstNames[index % Vocabulary.firstNames.count]
        screenName = "\(first)_\(["min", "rijk", "amb", "bzk", "ienm"][index % 5])\(index)"
        name = first.capitalized + " " + ["de Vries", "Jansen", "Bakker", "Visser", "Smit", "Meijer"][index % 6]
        location = rng.unit() < 0.75 ? Vocabulary.locations[Int(rng.next() % UInt64(Vocabulary.locations.count))] : ""
        // The first account joins on the first day; the others over the whole period.
        let span = Double(end - start - 7 * 86400)
        joined = index == 0 ? start : start + Int64(rng.unit() * rng.unit() * span)
        let activity = pow(1 - rng.unit(), -0.7)   // heavy-tailed: a few accounts tweet a lot
        // Brokers (AccountGroups) are among the more active accounts, so they are seen to broker.
        weight = max(activity, index % 100 == 50 ? 4 : 0) * Double(end - joined) / Double(end - start)
        homeCluster = Int(rng.next() % UInt64(Vocabulary.clusters.count))
    }
}

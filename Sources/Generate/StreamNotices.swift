import Foundation
import Model

/// What a stream capture adds to a generated corpus, as the streaming API sends it (ANALYSIS.md,
/// "Collection completeness"): limit notices with a cumulative `track` and `timestamp_ms`, a
/// reconnect after a planted outage (the counter starts again), one notice without a timestamp
/// before any tweet (unplaced) and one among the tweets (placed by the tweet before it).
/// The notices come between the accounts' timelines, in time order among themselves; their
/// own random numbers leave the tweets' untouched.
struct StreamNotices {
    /// One notice to write, in file order.
    struct Planned {
        var track: Int64
        /// Seconds since 1970 (nil: written without `timestamp_ms`).
        var time: Int64?
        /// `timestamp_ms`: `time` with its milliseconds.
        var milliseconds: Int64?
        /// Written after the timeline of the account with this index (-1: before every tweet).
        var afterAccount: Int
    }

    /// The outage: UTC hours without a tweet (`ActivityRhythm` gives them no weight).
    let outage: Range<Int64>?
    private var planned: [Planned]
    private var next = 0

    /// The notices of a corpus over `start..<end` written by `accounts` accounts.
    init(options: CorpusGenerator.Options, start: Int64, end: Int64, zone: TimeZone, accounts: Int) {
        var rng = SeededRandom(seed: options.seed ^ 0x5EED_0F_11_4175)
        let outage = Self.outage(options.outage, zone: zone).flatMap { $0.lowerBound >= start && $0.upperBound <= end ? $0 : nil }
        self.outage = outage
        // Limit notices over the last third of the period, none during the outage.
        let count = max(12, options.tweets / 500)
        let from = start + (end - start) * 2 / 3
        let silent = outage.map { max(0, min($0.upperBound, end) - max($0.lowerBound, from)) } ?? 0
        let times = (0..<count).map { _ -> Int64 in
            var t = from + Int64(rng.unit() * Double(end - from - silent - 1))
            if let outage, t >= outage.lowerBound { t += silent }
            return t
        }.sorted()
        let reconnect = outage?.upperBound ?? times[count / 2]
        var track: Int64 = 3
        var list = [Planned(track: track, time: nil, milliseconds: nil, afterAccount: -1)]
        var restarted = false
        // A few withheld tweets per notice, more in a bigger corpus (a busier stream).
        let step = UInt64(max(4, options.tweets / 20_000))
        for (k, t) in times.enumerated() {
            if t >= reconnect && !restarted {
                track = 0
                restarted = true
            }
            if k == count / 2 {
                track += 1 + Int64(rng.next() % step)
                list.append(Planned(track: track, time: nil, milliseconds: nil, afterAccount: 0))
            }
            track += 1 + Int64(rng.next() % step)
            list.append(Planned(track: track, time: t, milliseconds: t * 1000 + Int64(rng.next() % 1000), afterAccount: 0))
        }
        for k in 1..<list.count { list[k].afterAccount = (k - 1) * accounts / (list.count - 1) }
        planned = list
    }

    /// The outage's UTC hours: from the UTC hour holding its local start, `hours` long.
    private static func outage(_ plan: CorpusGenerator.Outage?, zone: TimeZone) -> Range<Int64>? {
        guard let plan else { return nil }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        var c = DateComponents()
        (c.year, c.month, c.day, c.hour) = plan.start
        guard let date = calendar.date(from: c) else { return nil }
        let t = Int64(date.timeIntervalSince1970)
        let first = t - ((t % 3600) + 3600) % 3600
        return first..<(first + Int64(plan.hours) * 3600)
    }

    /// Writes the notices due after the timeline of account `index` (-1: before any; nil:
    /// every one left), adding them to `truth`.
    mutating func emit(after index: Int?, rhythm: ActivityRhythm, truth: inout Truth, emit: (String) throws -> Void) rethrows {
        while next < planned.count, index.map({ planned[next].afterAccount <= $0 }) ?? true {
            let n = planned[next]
            next += 1
            let time = n.milliseconds.map { "," + #""timestamp_ms":"\#($0)""# } ?? ""
            try emit(#"{"limit":{"track":\#(n.track)\#(time)}}"#)
            truth.lines += 1
            truth.capture.limitNotice(track: n.track, at: n.time ?? truth.capture.lastTweetWritten, rhythm: rhythm)
        }
    }
}

/// The truth of a generated capture's completeness (`twindex completeness`, days in the
/// generator's zone, gaps of more than 6 hours).
public struct CaptureTruth: Sendable {
    /// Limit notices written.
    public var limitNotices = 0
    /// Of them without a time: no timestamp and no tweet before them.
    public var unplacedLimitNotices = 0
    /// Per local day (days since 1970-01-01): limit notices placed there and the tweets they
    /// say were missed.
    public var days: [Int64: (limitNotices: Int, missed: Int64)] = [:]
    /// The planted outage (UTC epoch seconds), when inside the period.
    public var outage: Range<Int64>?
    /// The UTC starts of the local hours with a tweet.
    public var tweetHours = Set<Int64>()
    /// The time of the tweet on the last line written so far.
    public var lastTweetWritten: Int64?
    /// The last limit notice's track (nil before the first).
    private var previousTrack: Int64?

    /// A truth of nothing written.
    public init() {}

    /// Notes a tweet line at `time` whose local offset is `offset` seconds.
    mutating func tweetWritten(at time: Int64, offset: Int64) {
        tweetHours.insert(time - ((time + offset) % 3600 + 3600) % 3600)
        lastTweetWritten = time
    }

    /// Notes a limit notice of `track` placed at `time` (nil: unplaced): it adds its increase
    /// over the notice before it, or its whole track after a drop or as the first.
    mutating func limitNotice(track: Int64, at time: Int64?, rhythm: ActivityRhythm) {
        let missed = previousTrack.map { track >= $0 ? track - $0 : track } ?? track
        previousTrack = track
        limitNotices += 1
        guard let time else {
            unplacedLimitNotices += 1
            return
        }
        let day = CivilDate.day(ofEpoch: time + Int64(rhythm.offsets[rhythm.hourIndex(of: time)]))
        let before = days[day] ?? (0, 0)
        days[day] = (before.limitNotices + 1, before.missed + missed)
    }

    /// Runs of more than `minGap` hours without a tweet between the first and the last tweet:
    /// (start, end, hours), end the start of the next hour with a tweet.
    public func gaps(minGap: Int = 6) -> [(start: Int64, end: Int64, hours: Int64)] {
        let hours = tweetHours.sorted()
        return zip(hours, hours.dropFirst()).compactMap { a, b in
            let n = (b - a) / 3600 - 1
            return n > minGap ? (a + 3600, b, n) : nil
        }
    }

    /// The `completeness` member of the truth file.
    var json: JSONValue {
        .object([
            "min_gap": .int(6),
            "limit_notices": .int(Int64(limitNotices)),
            "unplaced_limit_notices": .int(Int64(unplacedLimitNotices)),
            "missed": .int(days.values.reduce(0) { $0 + $1.missed }),
            "outage": outage.map { .object(["start": .string(Truth.iso($0.lowerBound)), "end": .string(Truth.iso($0.upperBound))]) } ?? .null,
            "days": .array(days.keys.sorted().map { d in
                .object(["date": .string(Truth.date(d)), "limit_notices": .int(Int64(days[d]!.limitNotices)), "missed": .int(days[d]!.missed)])
            }),
            "gaps": .array(gaps().map {
                .object(["start": .string(Truth.iso($0.start)), "end": .string(Truth.iso($0.end)), "hours": .int($0.hours)])
            }),
        ])
    }
}

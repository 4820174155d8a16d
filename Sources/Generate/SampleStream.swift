import Model

/// Writes a stream shaped like Twitter's 1% random sample of 2013 as the Archive Team
/// stream grab kept it (`twindex generate --profile sample1pct`): v1.1 streaming JSON lines in
/// the order they arrived, in some twenty languages and eight scripts, about one line in ten a
/// delete notice, now and then a limit notice, native retweets with their originals embedded,
/// replies, hashtags and mentions in Tabel 6's published shares (`PublishedBaseline`), and a
/// global day's rhythm in UTC. Deterministic per seed; memory does not grow with the stream
/// (one minute's arrival times at a time).
///
/// ```swift
/// var options = SampleStreamGenerator.Options()
/// options.tweets = 10_000
/// let truth = SampleStreamGenerator(options: options).generate { line, second in print(line) }
/// ```
public struct SampleStreamGenerator {
    /// What to generate.
    public struct Options: Sendable {
        /// Tweets in the stream (notices come on top).
        public var tweets = 100_000
        /// The seed: the same options and seed give the same bytes.
        public var seed: UInt64 = 1
        /// The first UTC day (day number since 1970-01-01): the study's baseline day, 2013-01-23.
        public var firstDay: Int64 = CivilDate.dayNumber(year: 2013, month: 1, day: 23)
        /// Whole UTC days the stream covers.
        public var days = 1
        /// One day of the sample.
        public init() {}
    }

    /// Native retweets among the tweets; replies (starting with @) follow Tabel 6.
    static let retweetShare = 0.10
    /// Delete notices per tweet, so that about one line in ten is one.
    static let deletesPerTweet = 0.111
    /// Limit notices per tweet.
    static let limitsPerTweet = 0.0005
    /// Tweets per UTC hour, relative: Asia's evening, then Europe's and the Americas' day.
    static let hourly: [Double] = [0.95, 0.9, 0.85, 0.8, 0.75, 0.7, 0.65, 0.6, 0.6, 0.65, 0.7, 0.8,
                                   0.9, 1.0, 1.05, 1.1, 1.1, 1.05, 1.0, 1.0, 1.0, 1.0, 1.0, 0.98]

    /// What this generator writes.
    public let options: Options

    /// A generator for `options`.
    public init(options: Options) { self.options = options }

    /// Generates the stream in arrival order, handing each line (without newline) and the
    /// UTC second it arrived in to `emit`.
    public func generate(_ emit: (_ line: String, _ second: Int64) throws -> Void) rethrows -> SampleTruth {
        var truth = SampleTruth()
        truth.seed = options.seed
        let minutes = max(0, options.days) * 1440
        let counts = CorpusGenerator.apportion(options.tweets, weights: (0..<minutes).map { Self.hourly[$0 / 60 % 24] })
        var writer = SampleTweetWriter(authors: max(50, options.tweets / 2), seed: options.seed)
        var seen = [UInt64](repeating: 0, count: (writer.authors + 63) / 64)
        var rng = SeededRandom(seed: options.seed &* 0x9E37_79B9_7F4A_7C15 &+ 0x5A3C)
        var limitTrack: Int64 = 0
        let start = options.firstDay * 86400
        for (minute, count) in counts.enumerated() where count > 0 {
            let base = start + Int64(minute) * 60
            let seconds = (0..<count).map { _ in base + Int64(rng.next() % 60) }.sorted()
            for t in seconds {
                let tweet = writer.tweet(at: t, rng: &rng)
                try emit(tweet.line, t)
                truth.add(tweet, at: t)
                let bit = tweet.author
                if seen[bit / 64] & (1 << UInt64(bit % 64)) == 0 {
                    seen[bit / 64] |= 1 << UInt64(bit % 64)
                    truth.users += 1
                }
                if rng.unit() < Self.deletesPerTweet {
                    try emit(writer.deleteNotice(before: start, rng: &rng), t)
                    truth.lines += 1
                    truth.deletes += 1
                    truth.hours[t - t % 3600, default: .init()].deletes += 1
                }
                if rng.unit() < Self.limitsPerTweet {
                    limitTrack += 1 + Int64(rng.next() % 400)
                    try emit(#"{"limit":{"track":\#(limitTrack)}}"#, t)
                    truth.lines += 1
                    truth.limits += 1
                }
            }
        }
        return truth
    }
}

extension SampleTruth {
    /// Counts one tweet line.
    mutating func add(_ tweet: SampleTweetWriter.Written, at t: Int64) {
        lines += 1
        tweets += 1
        first = min(first, t)
        last = max(last, t)
        if tweet.retweet { retweets += 1 }
        languages[tweet.language.code, default: 0] += 1
        scripts[tweet.language.script, default: 0] += 1
        var hour = hours[t - t % 3600, default: .init()]
        hour.tweets += 1
        if tweet.hashtags { withHashtags += 1; hour.withHashtags += 1 }
        if tweet.mentions { withMentions += 1; hour.withMentions += 1 }
        if tweet.startsWithAt { startsWithAt += 1; hour.startsWithAt += 1 }
        hours[t - t % 3600] = hour
    }
}

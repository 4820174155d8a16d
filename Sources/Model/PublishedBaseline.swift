/// The study's 1% random sample of all tweets of 2013-01-23, as published in EMMA / Digital
/// Methods Initiative, "De uitzondering op de regel" (June 2013), section 4.4, Tabel 6
/// (ANALYSIS.md). The one place these figures live: `twindex ratios --baseline published`,
/// its help text and the generator's `baseline` profile all read them here.
public enum PublishedBaseline {
    /// How a comparison names this baseline.
    public static let name = "1% sample of all tweets, 2013-01-23 (EMMA/DMI 2013, Tabel 6; published shares)"
    /// Share of tweets with hashtags.
    public static let hashtags = 0.1318
    /// Share of tweets with @mentions.
    public static let mentions = 0.5720
    /// Share of tweets starting with @.
    public static let startsWithAt = 0.4680
    /// The three shares by Tabel 6 row name (`hashtags`, `mentions`, `starts_with_at`).
    public static let shares: [String: Double] = ["hashtags": hashtags, "mentions": mentions, "starts_with_at": startsWithAt]

    /// The shares as percentages with two decimals, in Tabel 6's order ("13.18%, 57.20%, 46.80%").
    public static var percentages: String {
        [hashtags, mentions, startsWithAt].map { percent($0) }.joined(separator: ", ")
    }

    private static func percent(_ share: Double) -> String {
        let hundredths = Int((share * 10_000).rounded())
        let fraction = hundredths % 100
        return "\(hundredths / 100).\(fraction < 10 ? "0" : "")\(fraction)%"
    }
}

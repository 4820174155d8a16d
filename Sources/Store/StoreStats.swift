/// The `twindex stats` summary of a store.
public struct StoreStats: Equatable, Sendable {
    /// Unique tweets not deleted.
    public var tweets: Int64
    /// Distinct authors of those tweets.
    public var users: Int64
    /// ISO-8601 UTC of the first and last tweet (nil when none carries a time).
    public var first: String?
    /// See `first`.
    public var last: String?
    /// Tweets seen again after they were stored, over all runs.
    public var duplicates: Int64
    /// Tweets removed by delete notices.
    public var deleted: Int64
    /// Other stream notices, over all runs.
    public var notices: Int64
    /// Lines kept aside as unreadable.
    public var badLines: Int64
    /// Ingest runs recorded.
    public var runs: Int64
}


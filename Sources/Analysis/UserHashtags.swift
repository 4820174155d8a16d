import Store

/// The user–hashtag network's SQL (ANALYSIS.md "The user–hashtag network"): an edge
/// account–hashtag weighs the tweets in which that account used that hashtag; hashtags are
/// those in more than N tweets, as in Figuur 3.
enum UserHashtags {
    /// `SELECT account, tag, weight`; argument 1: N.
    static let edgeSQL = """
        SELECT lower(u.screen_name), h.tag, count(*) FROM hashtags h
        JOIN tweets t ON t.id = h.tweet_id JOIN users u ON u.id = t.author_id
        WHERE u.screen_name IS NOT NULL AND h.tag IN (SELECT tag FROM hashtags GROUP BY tag HAVING count(*) > ?)
        GROUP BY 1, 2 ORDER BY 1, 2
        """

    /// A hashtag node's label, frequency and distinct authors.
    struct TagFacts {
        var label: String
        var tweets: Int64
        var users: Int64
    }

    /// Facts of the given tags.
    static func tagFacts(in store: Store, for tags: [String]) throws -> [String: TagFacts] {
        guard !tags.isEmpty else { return [:] }
        let wanted = Set(tags)
        let labels = try HashtagCounts.labels(in: store, for: tags)
        var out: [String: TagFacts] = [:]
        try store.rows("""
            SELECT h.tag, count(*), count(DISTINCT t.author_id) FROM hashtags h JOIN tweets t ON t.id = h.tweet_id GROUP BY h.tag
            """) { r in
            guard let tag = r.string(0), wanted.contains(tag) else { return }
            out[tag] = TagFacts(label: labels[tag] ?? tag, tweets: r.int(1), users: r.int(2))
        }
        return out
    }
}

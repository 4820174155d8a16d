import Store

/// Per-account facts the networks attach to their nodes: tweets authored, and the name and
/// user id by which tweets knew each account.
enum AccountFacts {
    /// Tweets authored per account key (lower-cased latest screen name), of the tweets
    /// `scope` (a condition on `tweets t`, with its arguments) keeps.
    static func tweetsByAccount(in store: Store, scope: (sql: String, arguments: [SQLValue])) throws -> [String: Int64] {
        var out: [String: Int64] = [:]
        try store.rows("""
            SELECT lower(u.screen_name), count(*) FROM tweets t JOIN users u ON u.id = t.author_id
            WHERE u.screen_name IS NOT NULL AND (\(scope.sql)) GROUP BY 1
            """, scope.arguments) { r in out[r.string(0) ?? "", default: 0] += r.int(1) }
        return out
    }

    /// The label and user id of a node.
    struct Name {
        /// The most recent spelling of the screen name.
        var label: String
        /// The user id most recently given with it.
        var userID: String?
    }

    /// For each wanted key: the spelling seen most recently (profiles by the tweet they came
    /// with, mentions, replies, retweeted and quoted authors by their tweet's time, imported
    /// follow edges before all of them; ties to the larger spelling in code-point order) and
    /// the most recent user id given with any of them.
    static func names(in store: Store, for keys: Set<String>) throws -> [String: Name] {
        guard !keys.isEmpty else { return [:] }
        var spelling: [String: (at: Int64, name: String)] = [:]
        var ids: [String: (at: Int64, id: Int64)] = [:]
        try store.rows("""
            SELECT screen_name, profile_seen_at, id FROM users WHERE screen_name IS NOT NULL
            UNION ALL SELECT m.screen_name, t.created_at, m.user_id FROM mentions m JOIN tweets t ON t.id = m.tweet_id
            UNION ALL SELECT in_reply_to_screen_name, created_at, in_reply_to_user_id FROM tweets WHERE in_reply_to_screen_name IS NOT NULL
            UNION ALL SELECT retweeted_screen_name, created_at, retweeted_user_id FROM tweets WHERE retweeted_screen_name IS NOT NULL
            UNION ALL SELECT quoted_screen_name, created_at, quoted_user_id FROM tweets WHERE quoted_screen_name IS NOT NULL
            UNION ALL SELECT source_name, -9223372036854775807, source_id FROM follows WHERE source_name IS NOT NULL
            UNION ALL SELECT target_name, -9223372036854775807, target_id FROM follows WHERE target_name IS NOT NULL
            """) { r in
            guard let name = r.string(0) else { return }
            let key = name.lowercased()
            guard keys.contains(key) else { return }
            let at = r.int(1)
            if let seen = spelling[key], (seen.at, seen.name) >= (at, name) {} else { spelling[key] = (at, name) }
            if !r.isNull(2), (ids[key]?.at ?? .min) <= at { ids[key] = (at, r.int(2)) }
        }
        var out: [String: Name] = [:]
        for key in keys {
            out[key] = Name(label: spelling[key]?.name ?? key, userID: ids[key].map { String($0.id) })
        }
        return out
    }
}

import Store

/// Per-account facts the networks attach to their nodes: tweets authored, and the name and
/// user id by which tweets knew each account.
enum AccountFacts {
    /// The index that covers a mention's tweet (author, time, retweet mark, language).
    static let mentionIndex = Schema.networkIndex

    /// Tweets authored per account key (lower-cased latest screen name), of the tweets
    /// `scope` (a condition on `tweets t`, with its arguments) keeps. Counted per author id
    /// first (a narrow index), then summed per key: accounts that share a name share a key.
    static func tweetsByAccount(in store: Store, scope: (sql: String, arguments: [SQLValue])) throws -> [String: Int64] {
        var out: [String: Int64] = [:]
        try store.rows("""
            SELECT lower(u.screen_name), a.n FROM (
              SELECT t.author_id, count(*) AS n FROM tweets t WHERE \(scope.sql) GROUP BY t.author_id) a
            JOIN users u ON u.id = a.author_id WHERE u.screen_name IS NOT NULL
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
    /// the most recent user id given with any of them (of equal times, the later kind in the
    /// order profiles, mentions, replies, retweets, quotes, follows; then the larger id). The
    /// fold depends on no row order, so the engines may group the rows first.
    ///
    /// SQLite reads the tweets' table once (replied-to, retweeted and quoted authors together)
    /// and the mentions through the covering index, not once per kind of name: on a
    /// study-sized store the three scans took most of `network`'s time (issue 13). PostgreSQL
    /// groups them in the server: one row per spelling and id, not one per mention or tweet.
    static func names(in store: Store, for keys: Set<String>) throws -> [String: Name] {
        guard !keys.isEmpty else { return [:] }
        var names = NameFold(keys: keys)
        try store.rows("SELECT screen_name, profile_seen_at, id FROM users WHERE screen_name IS NOT NULL") { r in
            names.add(r.string(0), at: r.int(1), id: r.isNull(2) ? nil : r.int(2), kind: 0)
        }
        if store.isPostgres {
            try store.rows("""
                SELECT m.screen_name, max(t.created_at), m.user_id FROM mentions m
                JOIN tweets t ON t.shard_key = m.shard_key AND t.id = m.tweet_id GROUP BY m.screen_name, m.user_id
                """) { r in
                names.add(r.string(0), at: r.int(1), id: r.isNull(2) ? nil : r.int(2), kind: 1)
            }
            try store.rows("""
                SELECT v.name, max(t.created_at), v.id, v.kind FROM tweets t CROSS JOIN LATERAL (VALUES
                  (t.in_reply_to_screen_name, t.in_reply_to_user_id, 2), (t.retweeted_screen_name, t.retweeted_user_id, 3),
                  (t.quoted_screen_name, t.quoted_user_id, 4)) AS v (name, id, kind)
                WHERE v.name IS NOT NULL GROUP BY v.name, v.id, v.kind
                """) { r in
                names.add(r.string(0), at: r.int(1), id: r.isNull(2) ? nil : r.int(2), kind: Int(r.int(3)))
            }
        } else {
            try store.rows("""
                SELECT m.screen_name, t.created_at, m.user_id FROM mentions m JOIN tweets t \(try store.indexHint(mentionIndex)) ON t.seq = m.tweet_seq
                """) { r in
                names.add(r.string(0), at: r.int(1), id: r.isNull(2) ? nil : r.int(2), kind: 1)
            }
            try store.rows("""
                SELECT created_at, in_reply_to_screen_name, in_reply_to_user_id, retweeted_screen_name, retweeted_user_id,
                  quoted_screen_name, quoted_user_id FROM tweets
                WHERE in_reply_to_screen_name IS NOT NULL OR retweeted_screen_name IS NOT NULL OR quoted_screen_name IS NOT NULL
                """) { r in
                let at = r.int(0)
                for (kind, column) in [(2, 1), (3, 3), (4, 5)] {
                    names.add(r.string(column), at: at, id: r.isNull(column + 1) ? nil : r.int(column + 1), kind: kind)
                }
            }
        }
        try store.rows("""
            SELECT source_name, source_id FROM follows WHERE source_name IS NOT NULL
            UNION ALL SELECT target_name, target_id FROM follows WHERE target_name IS NOT NULL
            """) { r in
            names.add(r.string(0), at: .min + 1, id: r.isNull(1) ? nil : r.int(1), kind: 5)
        }
        var out: [String: Name] = [:]
        for key in keys {
            out[key] = Name(label: names.spelling[key]?.name ?? key, userID: names.ids[key].map { String($0.id) })
        }
        return out
    }
}

/// The latest spelling and user id per wanted key, folded over names in any order: a spelling
/// by (time, spelling), an id by (time, kind of name, id).
private struct NameFold {
    let keys: Set<String>
    var spelling: [String: (at: Int64, name: String)] = [:]
    var ids: [String: (at: Int64, kind: Int, id: Int64)] = [:]

    init(keys: Set<String>) { self.keys = keys }

    mutating func add(_ name: String?, at: Int64, id: Int64?, kind: Int) {
        guard let name else { return }
        let key = name.lowercased()
        guard keys.contains(key) else { return }
        if let seen = spelling[key], (seen.at, seen.name) >= (at, name) {} else { spelling[key] = (at, name) }
        if let id, ids[key].map({ ($0.at, $0.kind, $0.id) < (at, kind, id) }) ?? true { ids[key] = (at, kind, id) }
    }
}

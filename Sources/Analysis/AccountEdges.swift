import Store

/// The kinds of account network (ANALYSIS.md "Networks of accounts", "The user–hashtag
/// network").
public enum NetworkKind: String, CaseIterable, Sendable {
    /// Author → every account the tweet mentions (native retweets left out by default).
    case mention
    /// Author → the account replied to.
    case reply
    /// Author → the author of the retweeted tweet.
    case retweet
    /// Author → the author of the quoted tweet.
    case quote
    /// The union of the four above; a tweet adds 1 to a pair however many kinds link it.
    case interaction
    /// Imported follow edges, follower → followed (`twindex follows`).
    case follow
    /// Accounts and the hashtags they used (undirected, bipartite).
    case userHashtag = "user-hashtag"

    /// False only for the bipartite user–hashtag network.
    public var isDirected: Bool { self != .userHashtag }
}

/// The SQL that turns a store into weighted edges between account keys (lower-cased screen
/// names): one statement per kind, each counting a tweet once per pair.
enum AccountEdges {
    /// A screen name for an account the tweet names by id only: its latest profile.
    private static func profileName(_ idColumn: String) -> String {
        "(SELECT screen_name FROM users WHERE id = \(idColumn))"
    }

    /// The author of the stored tweet `idColumn`, when the store holds it (tweets stored before
    /// the retweeted/quoted author columns existed fall back to this).
    private static func storedAuthor(_ idColumn: String) -> String {
        "(SELECT u2.screen_name FROM tweets o JOIN users u2 ON u2.id = o.author_id WHERE o.id = \(idColumn))"
    }

    /// `SELECT tweet, src, dst` for one directed relation, over the tweets `scope` (a
    /// condition on `tweets t`) keeps. `mentionJoin` steers the mentions' join to the
    /// covering index (`Store.indexHint("tweets_id_network")`): without it SQLite reads each
    /// mentioning tweet's row from the table, in random order on a real store (issue 13).
    static func part(_ kind: NetworkKind, includeRetweets: Bool, scope: String, mentionJoin: String) -> String? {
        let from = "FROM tweets t JOIN users u ON u.id = t.author_id"
        switch kind {
        case .mention:
            return """
                SELECT m.tweet_id AS tweet, lower(u.screen_name) AS src, lower(m.screen_name) AS dst
                FROM mentions m JOIN tweets t \(mentionJoin) ON t.id = m.tweet_id JOIN users u ON u.id = t.author_id
                WHERE \(includeRetweets ? "" : "t.retweeted_id IS NULL AND ")(\(scope))
                """
        case .reply:
            return """
                SELECT t.id AS tweet, lower(u.screen_name) AS src,
                  lower(coalesce(t.in_reply_to_screen_name, \(profileName("t.in_reply_to_user_id")))) AS dst
                \(from) WHERE (t.in_reply_to_screen_name IS NOT NULL OR t.in_reply_to_user_id IS NOT NULL) AND (\(scope))
                """
        case .retweet:
            return """
                SELECT t.id AS tweet, lower(u.screen_name) AS src, lower(coalesce(t.retweeted_screen_name,
                  \(profileName("t.retweeted_user_id")), \(storedAuthor("t.retweeted_id")))) AS dst
                \(from) WHERE t.retweeted_id IS NOT NULL AND (\(scope))
                """
        case .quote:
            return """
                SELECT t.id AS tweet, lower(u.screen_name) AS src, lower(coalesce(t.quoted_screen_name,
                  \(profileName("t.quoted_user_id")), \(storedAuthor("t.quoted_id")))) AS dst
                \(from) WHERE t.quoted_id IS NOT NULL AND (\(scope))
                """
        case .interaction, .follow, .userHashtag:
            return nil
        }
    }

    /// `SELECT src, dst, weight` for an account-to-account kind, no self-loops, over the
    /// tweets in `scope` (follow edges are no tweets: the scope leaves them all), with the
    /// statement's arguments; `mentionJoin` as for `part`.
    static func statement(_ kind: NetworkKind, includeRetweets: Bool, scope: (sql: String, arguments: [SQLValue]),
                          mentionJoin: String) -> (sql: String, arguments: [SQLValue]) {
        switch kind {
        case .follow:
            // Ids resolve to screen names through the store's accounts; an id no tweet named
            // stays the node's key.
            return ("""
                SELECT src, dst, 1 FROM (
                  SELECT DISTINCT lower(coalesce(f.source_name, \(profileName("f.source_id")), CAST(f.source_id AS TEXT))) AS src,
                    lower(coalesce(f.target_name, \(profileName("f.target_id")), CAST(f.target_id AS TEXT))) AS dst
                  FROM follows f) AS pairs
                WHERE src IS NOT NULL AND dst IS NOT NULL AND src <> dst ORDER BY src, dst
                """, [])
        case .interaction:
            // UNION (not UNION ALL) keeps one row per tweet and pair, whatever the kinds.
            let parts = [NetworkKind.mention, .reply, .retweet, .quote].compactMap {
                part($0, includeRetweets: includeRetweets, scope: scope.sql, mentionJoin: mentionJoin)
            }
            return (wrap(parts.joined(separator: "\nUNION\n")), Array(repeating: scope.arguments, count: parts.count).flatMap { $0 })
        case .mention:
            // A tweet names an account once (mentions' key is tweet and name): counted per author
            // id and name first, so the names are folded and grouped once per pair, not once per
            // mention; the outer grouping merges what the inner kept apart (spellings, and
            // accounts that share a name). A sum of counts is numeric on PostgreSQL: cast back.
            return ("""
                SELECT src, dst, CAST(sum(n) AS BIGINT) FROM (
                  SELECT lower(u.screen_name) AS src, lower(x.name) AS dst, x.n AS n FROM (
                    SELECT t.author_id AS author, m.screen_name AS name, count(*) AS n
                    FROM mentions m JOIN tweets t \(mentionJoin) ON t.id = m.tweet_id
                    WHERE \(includeRetweets ? "" : "t.retweeted_id IS NULL AND ")(\(scope.sql))
                    GROUP BY t.author_id, m.screen_name) x
                  JOIN users u ON u.id = x.author) AS edges
                WHERE src IS NOT NULL AND dst IS NOT NULL AND src <> dst GROUP BY src, dst ORDER BY src, dst
                """, scope.arguments)
        default:
            return (wrap(part(kind, includeRetweets: includeRetweets, scope: scope.sql, mentionJoin: mentionJoin) ?? ""), scope.arguments)
        }
    }

    /// Counts the tweets per pair of `inner`'s `tweet, src, dst` rows.
    private static func wrap(_ inner: String) -> String {
        """
        SELECT src, dst, count(*) FROM (\(inner)) AS edges
        WHERE src IS NOT NULL AND dst IS NOT NULL AND src <> dst GROUP BY src, dst ORDER BY src, dst
        """
    }
}

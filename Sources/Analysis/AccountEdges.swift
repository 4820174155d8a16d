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

    /// The author of the stored tweet `idColumn` names (`retweeted_id` or `quoted_id`), when
    /// the store holds it: the fallback for tweets stored before the retweeted/quoted author
    /// columns existed. SQLite looks the tweet up per row (a correlated subquery, run only
    /// for the rows whose name and profile are missing); PostgreSQL joins `alias`, a row of
    /// the CTE `stored` (see `storedAuthors`), since Citus cannot plan a lookup of a tweet by
    /// an id that is not its shard's.
    private static func storedAuthor(_ idColumn: String, postgres: Bool, alias: String) -> (name: String, join: String) {
        postgres
            ? ("\(alias).screen_name", "LEFT JOIN stored \(alias) ON \(alias).id = t.\(idColumn)")
            : ("(SELECT u2.screen_name FROM tweets o JOIN users u2 ON u2.id = o.author_id WHERE o.id = t.\(idColumn))", "")
    }

    /// PostgreSQL's `WITH stored`: the authors of the stored tweets that tweets name by
    /// `idColumns` without their author's name. Materialised, so Citus runs it once (its
    /// lookups by id go to every shard) and sends the rows to the workers with the query.
    private static func storedAuthors(_ idColumns: [(id: String, name: String)]) -> String {
        let named = idColumns.map { "SELECT \($0.id) FROM tweets WHERE \($0.id) IS NOT NULL AND \($0.name) IS NULL" }
        return """
            WITH stored AS MATERIALIZED (
              SELECT o.id, u2.screen_name FROM tweets o JOIN users u2 ON u2.id = o.author_id
              WHERE o.id IN (\(named.joined(separator: " UNION ALL "))))

            """
    }

    /// `SELECT tweet, src, dst` for one directed relation, over the tweets `scope` (a
    /// condition on `tweets t`) keeps. `mentionJoin` steers the mentions' join to the
    /// covering index (`Store.indexHint(Schema.networkIndex)`): without it SQLite reads each
    /// mentioning tweet's row from the table, in random order on a real store (issue 13).
    /// On PostgreSQL (`postgres`) the retweet and quote parts need `storedAuthors`'s CTE.
    private static func part(_ kind: NetworkKind, includeRetweets: Bool, scope: String, mentionJoin: String,
                             dialect: SQLDialect, postgres: Bool) -> String? {
        let from = "FROM tweets t JOIN users u ON u.id = t.author_id"
        switch kind {
        case .mention:
            return """
                SELECT m.tweet_id AS tweet, lower(u.screen_name) AS src, lower(m.screen_name) AS dst
                FROM mentions m JOIN tweets t \(mentionJoin) ON \(dialect.sameTweet("m", "t")) JOIN users u ON u.id = t.author_id
                WHERE \(includeRetweets ? "" : "t.retweeted_id IS NULL AND ")(\(scope))
                """
        case .reply:
            return """
                SELECT t.id AS tweet, lower(u.screen_name) AS src,
                  lower(coalesce(t.in_reply_to_screen_name, \(profileName("t.in_reply_to_user_id")))) AS dst
                \(from) WHERE (t.in_reply_to_screen_name IS NOT NULL OR t.in_reply_to_user_id IS NOT NULL) AND (\(scope))
                """
        case .retweet:
            let stored = storedAuthor("retweeted_id", postgres: postgres, alias: "rs")
            return """
                SELECT t.id AS tweet, lower(u.screen_name) AS src, lower(coalesce(t.retweeted_screen_name,
                  \(profileName("t.retweeted_user_id")), \(stored.name))) AS dst
                \(from) \(stored.join) WHERE t.retweeted_id IS NOT NULL AND (\(scope))
                """
        case .quote:
            let stored = storedAuthor("quoted_id", postgres: postgres, alias: "qs")
            return """
                SELECT t.id AS tweet, lower(u.screen_name) AS src, lower(coalesce(t.quoted_screen_name,
                  \(profileName("t.quoted_user_id")), \(stored.name))) AS dst
                \(from) \(stored.join) WHERE t.quoted_id IS NOT NULL AND (\(scope))
                """
        case .interaction, .follow, .userHashtag:
            return nil
        }
    }

    /// `SELECT src, dst, weight` for an account-to-account kind, no self-loops, over the
    /// tweets in `scope` (follow edges are no tweets: the scope leaves them all), with the
    /// statement's arguments, in `store`'s dialect.
    static func statement(_ kind: NetworkKind, includeRetweets: Bool, scope: (sql: String, arguments: [SQLValue]),
                          store: Store) throws -> (sql: String, arguments: [SQLValue]) {
        let mentionJoin = try store.indexHint(AccountFacts.mentionIndex), dialect = store.dialect, postgres = store.isPostgres
        let retweeted = (id: "retweeted_id", name: "retweeted_screen_name"), quoted = (id: "quoted_id", name: "quoted_screen_name")
        func part(_ kind: NetworkKind) -> String? {
            Self.part(kind, includeRetweets: includeRetweets, scope: scope.sql, mentionJoin: mentionJoin, dialect: dialect, postgres: postgres)
        }
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
            let parts = [NetworkKind.mention, .reply, .retweet, .quote].compactMap(part)
            return ((postgres ? storedAuthors([retweeted, quoted]) : "") + wrap(parts.joined(separator: "\nUNION\n")),
                    Array(repeating: scope.arguments, count: parts.count).flatMap { $0 })
        case .mention:
            // A tweet names an account once (mentions' key is tweet and name): counted per author
            // id and name first, so the names are folded and grouped once per pair, not once per
            // mention; the outer grouping merges what the inner kept apart (spellings, and
            // accounts that share a name). A sum of counts is numeric on PostgreSQL: cast back.
            return ("""
                SELECT src, dst, CAST(sum(n) AS BIGINT) FROM (
                  SELECT lower(u.screen_name) AS src, lower(x.name) AS dst, x.n AS n FROM (
                    SELECT t.author_id AS author, m.screen_name AS name, count(*) AS n
                    FROM mentions m JOIN tweets t \(mentionJoin) ON \(dialect.sameTweet("m", "t"))
                    WHERE \(includeRetweets ? "" : "t.retweeted_id IS NULL AND ")(\(scope.sql))
                    GROUP BY t.author_id, m.screen_name) x
                  JOIN users u ON u.id = x.author) AS edges
                WHERE src IS NOT NULL AND dst IS NOT NULL AND src <> dst GROUP BY src, dst ORDER BY src, dst
                """, scope.arguments)
        case .retweet, .quote:
            let stored = postgres ? storedAuthors([kind == .retweet ? retweeted : quoted]) : ""
            return (stored + wrap(part(kind) ?? ""), scope.arguments)
        case .reply, .userHashtag:
            return (wrap(part(kind) ?? ""), scope.arguments)
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

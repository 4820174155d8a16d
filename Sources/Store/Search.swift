import CSQLite
import Model

/// A full-text search over `tweets_fts` with filters; every value the user typed is bound.
public struct SearchRequest: Sendable, Equatable {
    /// Best match first, newest or oldest first.
    public enum Sort: String, CaseIterable, Sendable { case rank, newest, oldest }

    /// FTS5 query syntax: words, "phrases", prefix*, AND/OR/NOT, NEAR(a b, 5).
    public var query: String
    /// Screen names (case-insensitive, without `@`) of the authors' latest profiles; empty
    /// for every author.
    public var users: [String] = []
    /// Tweet language codes as stored (`lang`); empty for every language.
    public var languages: [String] = []
    /// Leave native retweets out.
    public var excludeRetweets = false
    /// A normalised hashtag key (see TagNormalizer).
    public var hashtag: String?
    /// created_at >= lower and < upper (UTC seconds).
    public var lower: Int64?
    /// See `lower`.
    public var upper: Int64?
    /// At most this many hits; nil for every one.
    public var limit: Int? = 50
    /// The order of hits.
    public var sort = Sort.rank
    /// Markers put around matched terms (nil: plain text).
    public var highlight: (open: String, close: String)?

    /// A search for `query` with no filters.
    public init(query: String) { self.query = query }

    /// Field by field (a tuple field rules out the synthesised one).
    public static func == (a: SearchRequest, b: SearchRequest) -> Bool {
        a.query == b.query && a.users == b.users && a.languages == b.languages && a.excludeRetweets == b.excludeRetweets
            && a.hashtag == b.hashtag && a.lower == b.lower && a.upper == b.upper
            && a.limit == b.limit && a.sort == b.sort && a.highlight?.open == b.highlight?.open
            && a.highlight?.close == b.highlight?.close
    }
}

/// One tweet found.
public struct SearchHit: Sendable, Equatable {
    /// The tweet's id.
    public var id: Int64
    /// UTC epoch seconds.
    public var createdAt: Int64?
    /// The author's latest screen name.
    public var screenName: String?
    /// The text, with `highlight` markers when asked.
    public var text: String
}

extension Store {
    /// Runs `r` and collects its hits; throws `StoreError.invalidSearch` for a query FTS5
    /// cannot parse.
    ///
    /// ```swift
    /// var request = SearchRequest(query: "trein OR spoor")
    /// request.hashtag = "ns"
    /// let hits = try store.search(request)
    /// ```
    public func search(_ r: SearchRequest) throws -> [SearchHit] {
        var hits: [SearchHit] = []
        try search(r) { hits.append($0) }
        return hits
    }

    /// Runs `r`, handing each hit to `each` as it is read (memory flat in the number of hits).
    public func search(_ r: SearchRequest, each: (SearchHit) throws -> Void) throws {
        if case .postgres(let connection) = engine { return try PGSearch.search(r, on: connection, each: each) }
        // Only fixed SQL text is chosen here; every user value goes in as a parameter.
        let order: String
        switch r.sort {
        case .rank: order = "bm25(tweets_fts), t.id"
        case .newest: order = "t.created_at DESC, t.id DESC"
        case .oldest: order = "t.created_at ASC, t.id ASC"
        }
        let text = r.highlight == nil ? "t.text" : "highlight(tweets_fts, 0, :open, :close)"
        let s = try prepareSearch("""
            SELECT t.id, t.created_at, u.screen_name, \(text)
            FROM tweets_fts JOIN tweets t ON t.seq = tweets_fts.rowid
            LEFT JOIN users u ON u.id = t.author_id
            WHERE \(Self.searchFilter)
            ORDER BY \(order)
            LIMIT :limit
            """, r)
        s.bind(sqlite3_bind_parameter_index(s.handle, ":limit"), value: .integer(Int64(r.limit ?? -1)))
        if let h = r.highlight {
            s.bind(sqlite3_bind_parameter_index(s.handle, ":open"), value: .text(h.open))
            s.bind(sqlite3_bind_parameter_index(s.handle, ":close"), value: .text(h.close))
        }
        do {
            while try s.step() {
                try each(SearchHit(id: s.int64(0), createdAt: s.optionalInt64(1), screenName: s.string(2), text: s.string(3) ?? ""))
            }
        } catch StoreError.sqlite(_, let message, _) {
            throw StoreError.invalidSearch(query: r.query, message: message)
        }
    }

    /// How many tweets `r` matches, whatever its limit.
    public func searchCount(_ r: SearchRequest) throws -> Int {
        if case .postgres(let connection) = engine { return try PGSearch.count(r, on: connection) }
        let s = try prepareSearch("""
            SELECT count(*) FROM tweets_fts JOIN tweets t ON t.seq = tweets_fts.rowid
            WHERE \(Self.searchFilter)
            """, r)
        do {
            return try s.step() ? Int(s.int64(0)) : 0
        } catch StoreError.sqlite(_, let message, _) {
            throw StoreError.invalidSearch(query: r.query, message: message)
        }
    }

    private static let searchFilter = """
        tweets_fts MATCH :query
          AND (:users IS NULL OR t.author_id IN
               (SELECT id FROM users WHERE screen_name COLLATE NOCASE IN (SELECT value FROM json_each(:users))))
          AND (:languages IS NULL OR t.lang IN (SELECT value FROM json_each(:languages)))
          AND (:retweets OR t.retweeted_id IS NULL)
          AND (:tag IS NULL OR EXISTS (SELECT 1 FROM hashtags h WHERE h.tweet_seq = t.seq AND h.tag = :tag))
          AND (:lower IS NULL OR t.created_at >= :lower)
          AND (:upper IS NULL OR t.created_at < :upper)
        """

    /// `sql` prepared with the request's filter values bound.
    private func prepareSearch(_ sql: String, _ r: SearchRequest) throws -> Statement {
        let s = try db.prepare(sql)
        func bind(_ name: String, _ value: SQLValue) {
            let i = sqlite3_bind_parameter_index(s.handle, name)
            if i > 0 { s.bind(i, value: value) }
        }
        bind(":query", .text(r.query))
        bind(":users", Self.jsonArray(r.users))
        bind(":languages", Self.jsonArray(r.languages))
        bind(":retweets", .integer(r.excludeRetweets ? 0 : 1))
        bind(":tag", r.hashtag.map(SQLValue.text) ?? .null)
        bind(":lower", r.lower.map(SQLValue.integer) ?? .null)
        bind(":upper", r.upper.map(SQLValue.integer) ?? .null)
        return s
    }

    /// `texts` as one JSON array for `json_each` (null for none: no condition).
    private static func jsonArray(_ texts: [String]) -> SQLValue {
        texts.isEmpty ? .null : .text(JSONValue.array(texts.map(JSONValue.string)).rendered(pretty: false))
    }
}

extension Store {
    /// Stored tweets that are not in the full-text index, so `search` cannot find them: 0
    /// for a store this twindex wrote (each commit indexes its tweets); more for one an older
    /// twindex left mid-run. The next ingest indexes them first.
    public func unindexedTweetCount() throws -> Int64 {
        guard case .sqlite = engine else { return 0 }   // PostgreSQL indexes each row as it is stored
        return try scalar("SELECT count(*) FROM tweets WHERE seq > (SELECT value FROM meta WHERE key = 'fts_indexed_seq')")
    }
}

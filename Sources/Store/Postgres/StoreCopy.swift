import Foundation

/// Copies an SQLite store into a PostgreSQL store (`twindex copy`): every table the analyses
/// and later ingests read (tweets with their entities, users, delete notices, stream notices,
/// follow edges, bad lines, files and runs, `notices_since_file`), row for row, so every
/// analysis answers on the copy as on the source. The PostgreSQL store keeps no summary or
/// full-text tables: its `fts` column is computed as rows arrive.
///
/// Rows go in transactions of `batchRows` source rows, each committed with the table and key
/// reached (`twindex_meta.copy_position`), so a copy killed at any moment resumes where it
/// stopped and ends with each row once. The target must be an empty store (made by `init`,
/// with its layout, or an empty database) or an unfinished copy of the same source: the
/// source's fingerprint (`copy_source`) says which. The source's writer lock is held, so no
/// ingest changes it meanwhile.
package enum StoreCopy {
    /// How far a copy is: `rows` of `total` rows of `table` copied.
    package struct Progress: Sendable {
        /// The table being copied.
        package var table: String
        /// Its rows copied so far (those of earlier runs included).
        package var rows: Int64
        /// Its rows in the source.
        package var total: Int64
    }

    /// What a copy did.
    package struct Summary: Sendable {
        /// Rows per table in the target at the end, in copy order.
        package var tables: [(name: String, rows: Int64)] = []
        /// True when an unfinished copy was resumed.
        package var resumed = false
        /// True when the target already held the finished copy (nothing was written).
        package var alreadyDone = false
        /// Transactions committed by this run.
        package var batches = 0
        /// The rows this run copied whose NUL characters became U+FFFD: `place` is the table,
        /// `line` the row's key (a tweet's `seq`, an entity's tweet id), `fields` the columns.
        package var nulReplacements = NULReplacements()
    }

    /// One table's copy: the source query's key column first, then the values in the order of
    /// `target`'s column list.
    struct Table {
        var name: String
        /// The SQLite expression of the key the rows are read in order of (a rowid alias).
        var key: String
        /// The SQLite expressions read, in the order of `target`.
        var values: String
        /// The PostgreSQL columns written.
        var target: String
    }

    static let tweetValues = """
        seq, SHARD, id, created_at, author_id, text, lang, source, in_reply_to_status_id, in_reply_to_user_id,
        in_reply_to_screen_name, retweeted_id, quoted_id, longitude, latitude, place_id, place_name, place_country,
        has_hashtags, has_mentions, has_urls, starts_with_at, located, entities_from_text, file_id, line, "offset", length,
        retweeted_user_id, retweeted_screen_name, quoted_user_id, quoted_screen_name
        """

    /// The tables in copy order. Tweets carry their entities: each batch of tweets copies the
    /// hashtags, mentions and URLs of the same tweets (`entities`), with their `shard_key`.
    static func tables(shard: String) -> [Table] {
        let users = "id, screen_name, name, location, description, followers_count, friends_count, statuses_count, created_at, lang, verified, profile_seen_at"
        let runs = "id, started_at, finished_at, status, files, files_skipped, lines, tweets_inserted, duplicates, suppressed, deleted, notices, bad_lines"
        let files = "id, path, member, size, mtime_ns, content_hash, complete, bytes_done, lines_done, error, run_id, last_tweet_at"
        let notices = #"id, kind, timestamp_ms, track, previous_tweet_at, file_id, line, "offset", run_id"#
        return [
            Table(name: "ingest_runs", key: "id", values: runs, target: runs),
            Table(name: "files", key: "id", values: files, target: files),
            Table(name: "deleted_tweets", key: "id", values: "id, user_id, run_id", target: "id, user_id, run_id"),
            Table(name: "users", key: "id", values: users, target: users),
            Table(name: "tweets", key: "seq", values: tweetValues.replacingOccurrences(of: "SHARD", with: shard),
                  target: tweetValues.replacingOccurrences(of: "SHARD", with: "shard_key")),
            Table(name: "bad_lines", key: "id", values: #"id, file_id, line, "offset", error, text, run_id"#,
                  target: #"id, file_id, line, "offset", error, text, run_id"#),
            Table(name: "notices", key: "id", values: notices, target: notices),
            Table(name: "follows", key: "rowid", values: "source_id, source_name, target_id, target_name, file_id, line",
                  target: "source_id, source_name, target_id, target_name, file_id, line"),
        ]
    }

    /// The entity tables copied with each batch of tweets: the SQLite query of the entities of
    /// the tweets with `seq` in (?, ?], and the PostgreSQL columns.
    static func entities(shard: String) -> [(name: String, query: String, target: String)] {
        [("hashtags", "h.tag, h.spelling", "tag, spelling"), ("mentions", "h.screen_name, h.user_id", "screen_name, user_id"),
         ("urls", "h.url", "url")].map { name, values, target in
            (name, "SELECT \(shard), h.tweet_id, \(values) FROM \(name) h JOIN tweets t ON t.seq = h.tweet_seq WHERE h.tweet_seq > ? AND h.tweet_seq <= ? ORDER BY h.tweet_seq",
             "shard_key, tweet_id, \(target)")
        }
    }

    /// The identity columns set past the copied rows, so later ingests number on after them.
    static let identities = [("tweets", "seq"), ("ingest_runs", "id"), ("files", "id"), ("bad_lines", "id"), ("notices", "id")]

    /// The tables whose rows the summary counts, in copy order.
    static let counted = ["ingest_runs", "files", "deleted_tweets", "users", "tweets", "hashtags", "mentions", "urls",
                          "bad_lines", "notices", "follows"]

    /// Copies the SQLite store at `source` into the PostgreSQL store at `url`, calling
    /// `progress` after each commit.
    package static func run(from source: String, to url: String, batchRows: Int = 50_000,
                            progress: (Progress) -> Void = { _ in }) throws -> Summary {
        guard !StoreLocation.isPostgres(source) else { throw StoreCopyError.sourceNotSQLite(source: PGConnection.redacted(source)) }
        guard StoreLocation.isPostgres(url) else { throw StoreCopyError.targetNotPostgres(target: url) }
        guard try StoreFile.check(source, allowMissing: false) != 0 else {
            throw StoreError.emptyStore(path: source, beingCreated: false)
        }
        let lock: WriterLock?
        do { lock = try WriterLock(storePath: source) } catch StoreError.readOnlyStore { lock = nil }
        return try withExtendedLifetime(lock) {
            let from = try Store.openForReading(path: source)
            let db = try from.db
            let target = try Store.openPostgres(url: url, forWriting: true)
            let pg = try target.postgres
            let fingerprint = try Self.fingerprint(db, path: source)
            var summary = Summary()
            let position = try start(pg, fingerprint: fingerprint, source: source, url: url)
            if position == "done" {
                summary.alreadyDone = true
            } else {
                summary.resumed = position != nil
                let byTweet = try pg.scalar("SELECT (value = 'tweet')::int FROM twindex_meta WHERE key = 'distribute_by'") == 1
                let shard = byTweet ? "t.id" : "coalesce(t.author_id, 0)"
                var copier = Copier(db: db, pg: pg, batchRows: max(1, batchRows))
                try copier.copy(tables(shard: shard), entities: entities(shard: shard), from: position, progress: progress)
                summary.batches = copier.batches
                summary.nulReplacements = copier.nulReplacements
                try finish(db, pg)
            }
            for table in counted { summary.tables.append((table, try pg.scalar("SELECT count(*) FROM \(table)"))) }
            return summary
        }
    }

    /// What identifies the source's content: its path and the last row of each table. A
    /// changed source (an ingest since the copy began) has another fingerprint.
    static func fingerprint(_ db: Connection, path: String) throws -> String {
        let real = URL(fileURLWithPath: path).resolvingSymlinksInPath().path
        var parts = [real]
        for (table, key) in [("tweets", "seq"), ("users", "count(*)"), ("files", "max(id)"), ("ingest_runs", "max(id)"),
                             ("deleted_tweets", "count(*)"), ("bad_lines", "max(id)"), ("notices", "max(id)"),
                             ("follows", "count(*)")] {
            let expression = key == "seq" ? "coalesce(max(seq), 0)" : "coalesce(\(key), 0)"
            parts.append("\(table)=\(try db.scalar("SELECT \(expression) FROM \(table)"))")
        }
        return parts.joined(separator: " ")
    }

    /// Checks the target may take this copy and returns where to go on from: nil to begin,
    /// "done" when it is complete, else the committed position ("TABLE KEY").
    static func start(_ pg: PGConnection, fingerprint: String, source: String, url: String) throws -> String? {
        var recorded: String?, position: String?
        try pg.query("SELECT key, value FROM twindex_meta WHERE key IN ('copy_source', 'copy_position')") {
            if $0.string(0) == "copy_source" { recorded = $0.string(1) } else { position = $0.string(1) }
        }
        if let recorded {
            guard recorded == fingerprint else {
                throw StoreCopyError.otherCopy(target: PGConnection.redacted(url), recorded: recorded, source: fingerprint)
            }
            return position
        }
        var rows: [(String, Int64)] = []
        for table in ["tweets", "users", "files", "ingest_runs", "deleted_tweets", "bad_lines", "notices", "follows"] {
            let n = try pg.scalar("SELECT count(*) FROM (SELECT 1 FROM \(table) LIMIT 1) AS any_row")
            if n > 0 { rows.append((table, n)) }
        }
        guard rows.isEmpty else { throw StoreCopyError.targetNotEmpty(target: PGConnection.redacted(url), tables: rows.map(\.0)) }
        try pg.command("INSERT INTO twindex_meta VALUES ('copy_source', $1), ('copy_position', $2)",
                       [.text(fingerprint), .text("ingest_runs 0")])
        return nil
    }

    /// After the last row: the source's `notices_since_file`, the identities moved past the
    /// copied rows, and the copy marked done, in one transaction.
    static func finish(_ db: Connection, _ pg: PGConnection) throws {
        let since = try db.scalar("SELECT coalesce((SELECT value FROM meta WHERE key = 'notices_since_file'), 0)")
        try pg.execute("BEGIN")
        try pg.command("UPDATE twindex_meta SET value = $1 WHERE key = 'notices_since_file'", [.text(String(since))])
        for (table, column) in identities {
            try pg.execute("""
                SELECT setval(pg_get_serial_sequence('\(table)', '\(column)'), coalesce(max(\(column)), 0) + 1, false) FROM \(table)
                """)
        }
        try pg.command("UPDATE twindex_meta SET value = 'done' WHERE key = 'copy_position'")
        try pg.execute("COMMIT")
    }
}

/// The batch loop of `StoreCopy`.
private struct Copier {
    let db: Connection
    let pg: PGConnection
    let batchRows: Int
    var batches = 0
    var nulReplacements = NULReplacements()

    mutating func copy(_ tables: [StoreCopy.Table], entities: [(name: String, query: String, target: String)],
                       from position: String?, progress: (StoreCopy.Progress) -> Void) throws {
        let parts = (position ?? "ingest_runs 0").split(separator: " ")
        let startTable = parts.first.map(String.init) ?? "ingest_runs"
        if startTable == "finishing" { return }
        var after = parts.count > 1 ? Int64(parts[1]) ?? 0 : 0
        guard let first = tables.firstIndex(where: { $0.name == startTable }) else {
            throw StoreCopyError.badPosition(position ?? "")
        }
        for (i, table) in tables.enumerated() where i >= first {
            if i > first { after = Int64.min }
            let total = try db.scalar("SELECT count(*) FROM \(table.name)")
            var done = try db.scalar("SELECT count(*) FROM \(table.name) WHERE \(table.key) <= ?", [.integer(after)])
            let read = try db.prepare("SELECT \(table.key), \(table.values) FROM \(table.name) t WHERE \(table.key) > ? ORDER BY \(table.key) LIMIT ?")
            while true {
                try read.bind([.integer(after), .integer(Int64(batchRows))])
                var rows = PGCopyRows(), count: Int64 = 0, last = after
                while try read.step() {
                    last = read.int64(0)
                    try add(read, from: 1, to: &rows, table: table.name, key: last)
                    count += 1
                }
                read.reset()
                try pg.execute("BEGIN")
                if !rows.isEmpty { try pg.copy("COPY \(table.name) (\(table.target)) FROM STDIN", rows.bytes) }
                if table.name == "tweets", count > 0 {
                    for entity in entities {
                        let s = try db.prepare(entity.query)
                        try s.bind([.integer(after), .integer(last)])
                        var e = PGCopyRows()
                        while try s.step() { try add(s, from: 0, to: &e, table: entity.name, key: s.int64(1)) }
                        if !e.isEmpty { try pg.copy("COPY \(entity.name) (\(entity.target)) FROM STDIN", e.bytes) }
                    }
                }
                let next = count < batchRows ? (tables.indices.contains(i + 1) ? "\(tables[i + 1].name) \(Int64.min)" : "finishing")
                    : "\(table.name) \(last)"
                try pg.command("UPDATE twindex_meta SET value = $1 WHERE key = 'copy_position'", [.text(next)])
                try pg.execute("COMMIT")
                batches += 1
                done += count
                progress(StoreCopy.Progress(table: table.name, rows: done, total: total))
                after = last
                if count < batchRows { break }
            }
        }
    }

    /// Adds the columns from `first` on of the current row of `s` as one COPY row. A text
    /// with a NUL character (SQLite keeps them) goes in with U+FFFD instead, recorded with the
    /// table, row key and columns.
    private mutating func add(_ s: Statement, from first: Int32, to rows: inout PGCopyRows, table: String, key: Int64) throws {
        var columns: [String] = []
        for i in first..<s.columnCount {
            switch s.value(i) {
            case .null: rows.add(nil as Int64?)
            case .integer(let v): rows.add(v)
            case .real(let v): rows.add(v)
            case .text(let v):
                if v.utf8.contains(0) { columns.append(s.columnName(i)) }
                rows.add(v)
            case .blob(let v): rows.add(bytes: v)
            }
        }
        rows.endRow()
        if !columns.isEmpty { nulReplacements.add(NULReplacement(place: table, line: key, fields: columns)) }
    }
}

/// Why a copy was refused or stopped.
package enum StoreCopyError: Error, Equatable, CustomStringConvertible {
    /// `--from` names a PostgreSQL store.
    case sourceNotSQLite(source: String)
    /// `--to` names no PostgreSQL store.
    case targetNotPostgres(target: String)
    /// The target holds rows and no copy of this source.
    case targetNotEmpty(target: String, tables: [String])
    /// The target holds a copy of another source (or of this one before it changed).
    case otherCopy(target: String, recorded: String, source: String)
    /// The target's copy position cannot be read.
    case badPosition(String)

    /// One line saying what is wrong and what to do.
    package var description: String {
        switch self {
        case .sourceNotSQLite(let source):
            return "--from \(source) is a PostgreSQL store: copy reads an SQLite store file; to move a PostgreSQL store into SQLite, export it (`twindex export tweets --format jsonl`) or ingest the source files into the SQLite store"
        case .targetNotPostgres(let target):
            return "--to \(target) is not a postgresql:// URL: copy moves an SQLite store into PostgreSQL (to copy an SQLite store to another file, use `sqlite3 SOURCE \".backup TARGET\"`)"
        case .targetNotEmpty(let target, let tables):
            return "\(target) is not empty (\(tables.joined(separator: ", ")) hold rows) and holds no unfinished copy: copy writes only into an empty store (a new database, or one made by `twindex init`)"
        case .otherCopy(let target, let recorded, let source):
            return "\(target) holds a copy of another source, or of this one before it changed (copy of: \(recorded); now: \(source)): drop that database and copy into a new one"
        case .badPosition(let position):
            return "the target's copy position \"\(position)\" cannot be read: drop that database and copy into a new one"
        }
    }
}

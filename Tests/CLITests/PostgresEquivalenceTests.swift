import Foundation
import TestSupport
import XCTest

/// The same input ingested into SQLite and into PostgreSQL gives the same JSON from every
/// analysis ported, byte for byte (skipped without a test server, see PostgresServer), on
/// one server and on a Citus cluster.
final class PostgresEquivalenceTests: XCTestCase {
    private var dir: URL!
    private var url: String?
    private var citus: String?

    override func setUpWithError() throws {
        dir = try SharedPaths.temporaryDirectory()
    }

    override func tearDownWithError() throws {
        if let url { PostgresServer.drop(url) }
        if let citus { PostgresServer.dropCitus(citus) }
        if let dir { try? FileManager.default.removeItem(at: dir) }
    }

    /// A fresh database on the test server; skips the test without one.
    private func database() throws -> String {
        guard let made = try PostgresServer.freshDatabase() else { throw XCTSkip(PostgresServer.skipReason) }
        url = made
        return made
    }

    /// A generated corpus with the faults an ingest meets: repeated lines, a broken line, a
    /// delete notice after its tweet and one before, other notices, a mention in two cases,
    /// a repeated hashtag, text with tabs, backslashes and accents, a tweet without author,
    /// a retweet and a quote naming their tweet's author by the stored tweet only.
    private func faultyCorpus() throws -> [String] {
        let main = dir.appendingPathComponent("main.jsonl").path
        try GeneratedCorpus.write(to: main, tweets: 3000, users: 120, seed: 11)
        let lines = try String(contentsOfFile: main, encoding: .utf8).split(separator: "\n").map(String.init)
        func tweet(_ id: Int, user: Int?, text: String, hashtags: [String] = [], mentions: [String] = []) -> String {
            let tags = hashtags.map { #"{"text":"\#($0)"}"# }.joined(separator: ",")
            let names = mentions.map { #"{"screen_name":"\#($0)","id_str":"77"}"# }.joined(separator: ",")
            let author = user.map { #","user":{"id_str":"\#($0)","screen_name":"Faulty\#($0)","name":"Fé\\tü"}"# } ?? ""
            return #"{"id_str":"\#(id)","created_at":"Sun Mar 31 00:5\#(id % 10):00 +0000 2013","text":"\#(text)"\#(author),"entities":{"hashtags":[\#(tags)],"user_mentions":[\#(names)],"urls":[]}}"#
        }
        var faults = [
            tweet(9_000_001, user: 501, text: "tab\\there back\\\\slash café #Ünï #ünï @Ann @ann", hashtags: ["Ünï", "ünï"], mentions: ["Ann", "ann"]),
            tweet(9_000_002, user: nil, text: "no author #x", hashtags: ["x"]),
            #"{"delete":{"status":{"id_str":"9000002","user_id_str":"0"}}}"#,
            #"{"delete":{"status":{"id_str":"9000003","user_id_str":"502"}}}"#,
            tweet(9_000_003, user: 502, text: "deleted before it came"),
            // v2 retweet and quote of a stored tweet whose author the line does not include:
            // the networks find the author through the stored tweet (on Citus, another shard).
            #"{"data":{"id":"9000005","text":"RT #x","author_id":"503","created_at":"2013-03-31T00:55:00.000Z","referenced_tweets":[{"type":"retweeted","id":"9000001"}]},"includes":{"users":[{"id":"503","username":"Faulty503"}]}}"#,
            #"{"data":{"id":"9000006","text":"quoting","author_id":"504","created_at":"2013-03-31T00:56:00.000Z","referenced_tweets":[{"type":"quoted","id":"9000001"}]},"includes":{"users":[{"id":"504","username":"Faulty504"}]}}"#,
            #"{"limit":{"track":12}}"#,
            #"{"id_str":"9000004","text":"#,
            "not json at all",
            "",
        ]
        faults += lines.prefix(40)   // repeated lines: duplicates
        let extra = dir.appendingPathComponent("faults.jsonl").path
        try (faults.joined(separator: "\n") + "\n").write(toFile: extra, atomically: true, encoding: .utf8)
        return [main, extra]
    }

    /// Search queries of every form twindex documents, over the generator's words and the faults'.
    private let searches = [
        "vandaag", "coordinatie", "COÖRDINATIE", "\"kleine het\"", "interes*", "\"met co\"*", "vandaag AND dank",
        "vandaag OR amsterdam", "vandaag NOT dank", "amsterdam OR vandaag dank NOT kleine", "NEAR(vandaag amsterdam, 2)",
        "(vandaag OR dank) AND kleine", "tom_min70", "vandaag + dank", "cafe", "uni", "back slash", "http",
    ]

    func testEveryPortedAnalysisGivesTheSameJSON() throws {
        let url = try database()
        let inputs = try faultyCorpus()
        let file = dir.appendingPathComponent("study.db").path
        // Follow lists (an edge list with a bad line, twarc2 output) go into both stores alike.
        let edges = dir.appendingPathComponent("edges.csv").path
        try "source,target\nfaulty501,jan_min0\n501,@Ann\nno comma here\n".write(toFile: edges, atomically: true, encoding: .utf8)
        let twarc = dir.appendingPathComponent("following.jsonl").path
        try #"{"data":[{"id":"501","username":"Faulty501"},{"id":"13","username":"Carl"}],"__twarc":{"url":"https://api.twitter.com/2/users/502/following"}}"#
            .write(toFile: twarc, atomically: true, encoding: .utf8)
        var imports: [String] = []
        for store in [file, url] {
            let ingest = try CLI.run(["ingest", "--quiet", "--db", store] + inputs)
            XCTAssertEqual(ingest.status, 0, ingest.stderr)
            let follows = try CLI.run(["follows", "--json", "--db", store, edges, twarc])
            XCTAssertEqual(follows.status, 0, follows.stderr)
            imports.append(follows.stdout)
            let again = try CLI.run(["follows", "--json", "--db", store, edges, twarc]).json as? [String: Any]
            XCTAssertEqual(again?["files_skipped"] as? Int, 2, "unchanged follow lists are skipped on \(store)")
        }
        XCTAssertEqual(imports[1], imports[0])
        XCTAssertEqual((try JSONSerialization.jsonObject(with: Data(imports[0].utf8)) as? [String: Any])?["edges"] as? Int, 4)
        // The faults are there (hand-counted from faultyCorpus): 40 repeated lines (beside the
        // generator's own repeats), 2 broken lines (and the edge list's one), 1 delete notice
        // of a stored tweet (the other suppresses its tweet), 1 notice (beside the generator's
        // limit notices).
        let stats = try CLI.run(["stats", "--json", "--db", url]).json as? [String: Any]
        XCTAssertGreaterThanOrEqual(stats?["duplicates"] as? Int ?? 0, 40)
        XCTAssertEqual(stats?["bad_lines"] as? Int, 3, "two broken tweet lines, one follow-list line")
        XCTAssertEqual(stats?["deleted"] as? Int, 2)
        let limits = try inputs.flatMap { try String(contentsOfFile: $0, encoding: .utf8).split(separator: "\n") }
            .filter { $0.hasPrefix(#"{"limit":"#) }
        XCTAssertEqual(stats?["notices"] as? Int, limits.count, "the generator's limit notices (some repeated) and the fault's")
        XCTAssertTrue(limits.contains(#"{"limit":{"track":12}}"#))
        try assertSameAnswers(file, url)
    }

    /// On a Citus cluster (`TWINDEX_TEST_CITUS`, skipped without one), the faulty corpus in
    /// a store distributed by author and in one distributed by tweet (`init --distributed`)
    /// answers every analysis as the SQLite store does, byte for byte: the networks that
    /// look a retweeted or quoted tweet up by id (on another shard), `users`, the
    /// user–hashtag network and `export tweets` included.
    func testEveryAnalysisOnCitusGivesTheSameJSONForEitherDistribution() throws {
        guard PostgresServer.citusURL != nil else { throw XCTSkip(PostgresServer.citusSkipReason) }
        let inputs = try faultyCorpus()
        let file = dir.appendingPathComponent("study.db").path
        let edges = dir.appendingPathComponent("edges.csv").path
        try "source,target\nfaulty501,jan_min0\n501,@Ann\n".write(toFile: edges, atomically: true, encoding: .utf8)
        XCTAssertEqual(try CLI.run(["ingest", "--quiet", "--db", file] + inputs).status, 0)
        XCTAssertEqual(try CLI.run(["follows", "--db", file, edges]).status, 0)
        for distribution in ["author", "tweet"] {
            guard let store = try PostgresServer.freshCitusDatabase() else { throw XCTSkip(PostgresServer.citusSkipReason) }
            citus = store
            let made = try CLI.run(["init", "--db", store, "--distributed", "--distribute-by", distribution, "--shards", "4"])
            XCTAssertEqual(made.status, 0, made.stderr)
            let ingest = try CLI.run(["ingest", "--quiet", "--db", store] + inputs)
            XCTAssertEqual(ingest.status, 0, ingest.stderr)
            XCTAssertEqual(try CLI.run(["follows", "--db", store, edges]).status, 0)
            try assertSameAnswers(file, store)
            PostgresServer.dropCitus(store)
            citus = nil
        }
    }

    /// `twindex copy` of an SQLite store (the faulty corpus and a follow list) killed by
    /// SIGKILL in the middle of its tweets and run again gives a PostgreSQL store on which every
    /// analysis answers as on the source; it refuses a target holding other rows and a copy
    /// of another source, and a later ingest of the same files skips them (the files ledger
    /// came across) and numbers its run after the copied ones.
    func testCopyKilledAndResumedAnswersAsItsSource() throws {
        let url = try database()
        let inputs = try faultyCorpus()
        let file = dir.appendingPathComponent("study.db").path
        let ingest = try CLI.run(["ingest", "--quiet", "--db", file] + inputs)
        XCTAssertEqual(ingest.status, 0, ingest.stderr)
        let follows = dir.appendingPathComponent("follows.csv").path
        try "source,target\nfaulty501,jan_min0\njan_min0,@faulty501\n".write(toFile: follows, atomically: true, encoding: .utf8)
        XCTAssertEqual(try CLI.run(["follows", "--db", file, follows]).status, 0)
        // Batches of 500 rows: a run, the files, the deletes and the accounts take one commit
        // each, the tweets seven; killed after the sixth commit, two batches of tweets are in.
        let killed = try CLI.run(["copy", "--from", file, "--to", url, "--batch", "500"], environment: ["TWINDEX_COPY_KILL_AFTER": "6"])
        XCTAssertEqual(killed.status, 9, "killed by SIGKILL: \(killed.stderr)")
        let position = try CLI.run(["sql", "SELECT value FROM twindex_meta WHERE key = 'copy_position'", "--format", "csv", "--db", url])
        let thousandth = try CLI.run(["sql", "SELECT seq FROM tweets ORDER BY seq LIMIT 1 OFFSET 999", "--format", "csv", "--db", file])
        XCTAssertEqual(position.stdout.split(whereSeparator: \.isNewline).last.map(String.init),
                       thousandth.stdout.split(whereSeparator: \.isNewline).last.map { "tweets \($0)" }, "two batches of 500 tweets committed")
        // Another store's copy into this half-done target is refused.
        let other = dir.appendingPathComponent("other.db").path
        XCTAssertEqual(try CLI.run(["ingest", "--quiet", "--db", other, inputs[1]]).status, 0)
        let refused = try CLI.run(["copy", "--from", other, "--to", url])
        XCTAssertEqual(refused.status, 1)
        XCTAssertTrue(refused.stderr.contains("holds a copy of another source"), refused.stderr)
        let resumed = try CLI.run(["copy", "--json", "--from", file, "--to", url, "--batch", "500"])
        XCTAssertEqual(resumed.status, 0, resumed.stderr)
        let summary = resumed.json as? [String: Any]
        XCTAssertEqual(summary?["resumed"] as? Bool, true)
        let stats = try CLI.run(["stats", "--json", "--db", file]).json as? [String: Any]
        XCTAssertEqual((summary?["rows"] as? [String: Any])?["tweets"] as? Int, stats?["tweets"] as? Int)
        XCTAssertEqual((summary?["rows"] as? [String: Any])?["follows"] as? Int, 2)
        try assertSameAnswers(file, url)
        // Run again: nothing to do. Into a store holding rows of its own: refused.
        let again = try CLI.run(["copy", "--json", "--from", file, "--to", url]).json as? [String: Any]
        XCTAssertEqual(again?["already_done"] as? Bool, true)
        guard let busy = try PostgresServer.freshDatabase() else { return }
        defer { PostgresServer.drop(busy) }
        XCTAssertEqual(try CLI.run(["ingest", "--quiet", "--db", busy, inputs[1]]).status, 0)
        let notEmpty = try CLI.run(["copy", "--from", file, "--to", busy])
        XCTAssertEqual(notEmpty.status, 1)
        XCTAssertTrue(notEmpty.stderr.contains("is not empty (tweets, users, files, ingest_runs"), notEmpty.stderr)
        // A later ingest of the same files skips them and adds its run after the copied one.
        let later = try CLI.run(["ingest", "--json", "--db", url] + inputs).json as? [String: Any]
        XCTAssertEqual(later?["files_skipped"] as? Int, 2)
        XCTAssertEqual(later?["tweets_inserted"] as? Int, 0)
        let runs = { (store: String) in
            try CLI.run(["sql", "SELECT id FROM ingest_runs ORDER BY id", "--format", "csv", "--db", store]).stdout
                .split(whereSeparator: \.isNewline).dropFirst().compactMap { Int($0) }
        }
        let sourceRuns = try runs(file)
        XCTAssertFalse(sourceRuns.isEmpty)
        XCTAssertEqual(try runs(url), sourceRuns + [(sourceRuns.max() ?? 0) + 1], "the source's runs, then this one")
    }

    /// copy moves SQLite into PostgreSQL only, and says so.
    func testCopyRefusesOtherDirections() throws {
        let url = try database()
        let file = dir.appendingPathComponent("missing.db").path
        let toFile = try CLI.run(["copy", "--from", file, "--to", dir.appendingPathComponent("b.db").path])
        XCTAssertEqual(toFile.status, 1)
        XCTAssertTrue(toFile.stderr.contains("is not a postgresql:// URL: copy moves an SQLite store into PostgreSQL"), toFile.stderr)
        let fromPG = try CLI.run(["copy", "--from", url, "--to", url])
        XCTAssertEqual(fromPG.status, 1)
        XCTAssertTrue(fromPG.stderr.contains("is a PostgreSQL store: copy reads an SQLite store file"), fromPG.stderr)
        let missing = try CLI.run(["copy", "--from", file, "--to", url])
        XCTAssertEqual(missing.status, 1)
        XCTAssertFalse(FileManager.default.fileExists(atPath: file), "no store is made at a missing source")
    }

    /// Every ported analysis's `--json`, and the report page, on the SQLite store `file` and
    /// the PostgreSQL store `url` are the same bytes, but for the store's name.
    private func assertSameAnswers(_ file: String, _ url: String, file source: StaticString = #filePath, line: UInt = #line) throws {
        let saved = dir.appendingPathComponent("by_account.sql").path
        try """
            -- param: name text
            SELECT t.id, t.text, t.created_at FROM tweets t JOIN users u ON u.id = t.author_id
            WHERE lower(u.screen_name) = lower(:name) ORDER BY t.id
            """.write(toFile: saved, atomically: true, encoding: .utf8)
        let commands: [[String]] = [
            ["stats"], ["ratios"], ["ratios", "--baseline", "published"], ["activity"], ["activity", "--tz", "Europe/Amsterdam"],
            ["activity", "--tz", "Asia/Kathmandu", "--from", "2012-01-01", "--to", "2013-03-31"], ["hashtags"],
            ["hashtags", "--user", "faulty501"], ["cooccur", "--more-than", "3"], ["timeline"], ["users"], ["bad-lines"], ["show", "9000001"],
            ["timeline", "--by", "week", "--tz", "America/New_York", "--user", "faulty501", "--user", "jan_min0"],
            ["activity", "--lang", "nl", "--exclude-retweets"], ["cooccur", "--more-than", "2", "--from", "2012-06-01"],
            ["ratios", "--user", "jan_min0"], ["hashtags", "--exclude-retweets"],
            ["sql", "SELECT lang, count(*) AS n, sum(has_hashtags) AS tags FROM tweets GROUP BY lang ORDER BY n DESC"],
            ["query", saved, "--param", "name=JAN_MIN0"],
            ["completeness"], ["completeness", "--by", "hour", "--tz", "Asia/Kathmandu", "--min-gap", "2"],
            ["hashtags", "--by", "month", "--top", "5"], ["words", "--by", "week", "--top", "3", "--tz", "Asia/Kathmandu"], ["repeats"],
        ] + ["mention", "reply", "retweet", "quote", "interaction", "follow", "user-hashtag"].map { ["network", "--kind", $0] }
            + searches.map { ["search", $0, "--all", "--sort", "oldest"] }
            + ["tweets", "ids", "hashtags", "mentions", "urls", "users"].map { ["export", $0] }
        for command in commands {
            let sqlite = try CLI.run(command + ["--json", "--db", file])
            let postgres = try CLI.run(command + ["--json", "--db", url])
            XCTAssertEqual(sqlite.status, 0, "\(command) on SQLite: \(sqlite.stderr)")
            XCTAssertEqual(postgres.status, 0, "\(command) on PostgreSQL: \(postgres.stderr)")
            XCTAssertFalse(sqlite.stdout.isEmpty)
            XCTAssertEqual(postgres.stdout.replacingOccurrences(of: url, with: "STORE"),
                           sqlite.stdout.replacingOccurrences(of: file, with: "STORE"), "\(command)", file: source, line: line)
        }
        // The report: the same page, numbers and figures, but for the store's name.
        var pages: [String] = []
        for store in [file, url] {
            let out = dir.appendingPathComponent("report-\(pages.count).html").path
            let report = try CLI.run(["report", "--db", store, "--out", out])
            XCTAssertEqual(report.status, 0, report.stderr)
            pages.append(try String(contentsOfFile: out, encoding: .utf8).replacingOccurrences(of: store, with: "STORE"))
        }
        XCTAssertGreaterThan(pages[0].count, 10_000)
        XCTAssertEqual(pages[1], pages[0], "report", file: source, line: line)
    }

    /// Stream notices land in PostgreSQL's `notices` as in SQLite's: each with its time,
    /// track, place and the last tweet before it, and kept once over a `--force` rerun and
    /// an interrupted-free resume of a grown file.
    func testNoticesAreKeptAsInTheSQLiteStore() throws {
        let url = try database()
        let tweet = { (id: Int, time: String) in
            #"{"id_str":"\#(id)","created_at":"Mon Jan 07 \#(time) +0000 2013","text":"t","user":{"id_str":"7","screen_name":"u7"}}"#
        }
        let first = [#"{"limit":{"track":4}}"#, tweet(1, "10:00:00"), #"{"limit":{"track":9,"timestamp_ms":"1357553100000"}}"#,
                     tweet(2, "11:00:00"), #"{"limit":{"track":10}}"#, #"{"warning":{"code":"X","message":"m"}}"#]
        let input = dir.appendingPathComponent("stream.jsonl")
        let file = dir.appendingPathComponent("notices.db").path
        let query = #"SELECT line, "offset", kind, timestamp_ms, track, previous_tweet_at, CASE WHEN file_id = (SELECT max(id) FROM files) THEN 1 ELSE 0 END AS latest FROM notices ORDER BY "offset""#
        for (lines, force) in [(first, false), (first, true), (first + [tweet(3, "12:00:00"), #"{"limit":{"track":2}}"#], false)] {
            try (lines.joined(separator: "\n") + "\n").write(to: input, atomically: true, encoding: .utf8)
            for store in [file, url] {
                let ingest = try CLI.run(["ingest", "--quiet", "--db", store, input.path] + (force ? ["--force"] : []))
                XCTAssertEqual(ingest.status, 0, ingest.stderr)
            }
            let sqlite = try CLI.run(["sql", query, "--format", "csv", "--db", file])
            let postgres = try CLI.run(["sql", query, "--format", "csv", "--db", url])
            XCTAssertEqual(postgres.status, 0, postgres.stderr)
            XCTAssertEqual(postgres.stdout, sqlite.stdout)
            let rows = sqlite.stdout.split(whereSeparator: \.isNewline).dropFirst()
            XCTAssertEqual(rows.count, lines.count - lines.filter { $0.hasPrefix(#"{"id_str""#) }.count)
            XCTAssertEqual(rows.map { $0.hasSuffix(",1") }, rows.map { _ in true }, "every notice belongs to the latest read")
        }
    }
}

/// What a PostgreSQL store cannot do says why and what to do instead (no server needed).
final class PostgresRefusalCLITests: XCTestCase {
    func testDatasetteMetadataRefusesAPostgreSQLStoreSayingWhy() throws {
        let out = try CLI.run(["datasette-metadata", "--db", "postgresql://me:secret@localhost:1/study"])
        XCTAssertEqual(out.status, 64)
        XCTAssertTrue(out.stdout.isEmpty)
        XCTAssertTrue(out.stderr.contains("postgresql://me:***@localhost:1/study is a PostgreSQL store: Datasette reads SQLite files only"), out.stderr)
        XCTAssertTrue(out.stderr.contains("`twindex ingest --db study.db FILES`"), out.stderr)
        XCTAssertFalse(out.stderr.contains("secret"))
    }
}

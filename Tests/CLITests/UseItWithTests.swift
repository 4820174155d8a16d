import Foundation
import TestSupport
import XCTest

/// README's "Use it with" commands, run as written (on the bundled sample, with thresholds
/// for its size), and their files opened by the tools named there.
final class UseItWithTests: XCTestCase {
    private static var dir: URL!
    private static var db: String!

    override class func setUp() {
        dir = try? SharedPaths.temporaryDirectory()
        db = dir.appendingPathComponent("study.db").path
        _ = try? CLI.run(["ingest", "--db", db, "--quiet", SharedPaths.packageRoot.appendingPathComponent("corpus/sample.jsonl.gz").path])
    }

    override class func tearDown() { try? FileManager.default.removeItem(at: dir) }

    private func requireReferenceTools() throws {
        if let reason = ReferenceTools.unavailableReason {
            if ReferenceTools.required { XCTFail(reason) }
            throw XCTSkip(reason)
        }
    }

    /// Gephi: `cooccur --gexf --csv`; networkx reads the GEXF with a colour, size and position
    /// on every node, and the same nodes and edges as `--json` and the spreadsheet CSVs.
    func testGephiFilesCarryTheNetworkAndItsDrawing() throws {
        try requireReferenceTools()
        let out = try CLI.run(["cooccur", "--db", Self.db, "--more-than", "5", "--gexf", "figuur3.gexf", "--csv", "figuur3", "--json"],
                              directory: Self.dir)
        XCTAssertEqual(out.status, 0, out.stderr)
        let json = try XCTUnwrap(out.json as? [String: Any])
        let nodes = try XCTUnwrap(json["nodes"] as? [[String: Any]]).compactMap { $0["tag"] as? String }
        let edges = try XCTUnwrap(json["edges"] as? [[String: Any]]).map { e in
            [e["source"], e["target"]].compactMap { $0 as? String }.sorted() + ["\(e["weight"] ?? "")"]
        }
        XCTAssertGreaterThan(edges.count, 5)
        let script = """
            import csv, json, sys
            import networkx as nx
            G = nx.read_gexf(sys.argv[1])
            drawn = all({"color", "size", "position"} <= set(d.get("viz", {})) for _, d in G.nodes(data=True))
            with open(sys.argv[2], newline="") as f: csv_nodes = [r["Id"] for r in csv.DictReader(f)]
            with open(sys.argv[3], newline="") as f: csv_edges = [sorted([r["Source"], r["Target"]]) + [r["Weight"]] for r in csv.DictReader(f)]
            print(json.dumps({"nodes": list(G.nodes), "drawn": drawn, "csv_nodes": csv_nodes, "csv_edges": csv_edges,
                              "edges": [sorted([a, b]) + [str(int(d["weight"]))] for a, b, d in G.edges(data=True)]}))
            """
        let paths = ["figuur3.gexf", "figuur3-nodes.csv", "figuur3-edges.csv"].map { Self.dir.appendingPathComponent($0).path }
        let back = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(try ReferenceTools.runPython(script, arguments: paths).utf8)) as? [String: Any])
        XCTAssertEqual(back["nodes"] as? [String], nodes)
        XCTAssertEqual(back["csv_nodes"] as? [String], nodes)
        XCTAssertEqual(back["drawn"] as? Bool, true)
        let sort = { (e: [[String]]) in e.sorted { $0.lexicographicallyPrecedes($1) } }
        XCTAssertEqual(sort(back["edges"] as? [[String]] ?? []), sort(edges))
        XCTAssertEqual(sort(back["csv_edges"] as? [[String]] ?? []), sort(edges))
    }

    /// Datasette: `datasette-metadata` then a real Datasette on 127.0.0.1, asked over HTTP:
    /// the search finds a page of what the full-text index matches, the date facet's buckets
    /// are the tweets per UTC day, a tweet's row links to its account (and the account to its
    /// tweets), a hashtag's row links to its tweet (and the tweet's page to its hashtags), and
    /// Datasette serves the metadata as written.
    func testDatasetteSearchesFacetsByDateAndLinksTweetsToAccounts() throws {
        try requireReferenceTools()
        let metadata = try CLI.run(["datasette-metadata", "--db", "study.db"], directory: Self.dir)
        XCTAssertEqual(metadata.status, 0, metadata.stderr)
        try metadata.stdout.write(to: Self.dir.appendingPathComponent("metadata.json"), atomically: true, encoding: .utf8)
        let script = """
            import json, socket, sqlite3, subprocess, sys, time, urllib.request
            db, metadata = sys.argv[1:3]
            con = sqlite3.connect(db)
            seq, author = con.execute("SELECT seq, author_id FROM tweets WHERE author_id IN (SELECT id FROM users) LIMIT 1").fetchone()
            tagged_seq, tagged_id = con.execute("SELECT seq, id FROM tweets WHERE id IN (SELECT tweet_id FROM hashtags) LIMIT 1").fetchone()
            matches = con.execute("SELECT count(*) FROM tweets_fts WHERE tweets_fts MATCH 'de'").fetchone()[0]
            per_day = dict(con.execute("SELECT date(created_at, 'unixepoch'), count(*) FROM tweets GROUP BY 1"))
            with socket.socket() as s:
                s.bind(("127.0.0.1", 0)); port = s.getsockname()[1]
            server = subprocess.Popen([sys.executable, "-m", "datasette", "serve", db, "-m", metadata, "-h", "127.0.0.1",
                                       "-p", str(port)], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
            base = f"http://127.0.0.1:{port}/study"
            def given(m):  # Datasette fills in keys (license, source, …) as null as it renders tables
                return {k: given(v) for k, v in m.items() if v is not None} if isinstance(m, dict) else m
            def get(path):
                with urllib.request.urlopen(base + path, timeout=30) as r: return r.read().decode()
            try:
                for _ in range(300):
                    try: get(".json"); break
                    except OSError: time.sleep(0.1)
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/-/metadata.json", timeout=30) as r: served = json.load(r)
                search = json.loads(get("/tweets.json?_search=de&_shape=objects"))
                facet = json.loads(get("/tweets_view.json?_facet_date=created_utc&_size=0"))
                row = get(f"/tweets?seq={seq}")
                account = get(f"/users/{author}")
                hashtag = get(f"/hashtags?tweet_id={tagged_id}")
                tagged = get(f"/tweets/{tagged_seq}")
                with open(metadata) as f: written = json.load(f)
                print(json.dumps({"search": len(search["rows"]), "matches": matches, "author": author, "per_day": per_day,
                                  "buckets": [[b["value"], b["count"]] for b in facet["facet_results"]["created_utc"]["results"]],
                                  "row": row, "account": account, "metadata_served": given(served) == written,
                                  "tagged_seq": tagged_seq, "tagged_id": tagged_id, "hashtag": hashtag, "tagged": tagged}))
            finally:
                server.terminate(); server.wait(10)
            """
        let out = try ReferenceTools.runPython(script, arguments: [Self.db, Self.dir.appendingPathComponent("metadata.json").path])
        let back = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(out.utf8)) as? [String: Any])
        let matches = try XCTUnwrap(back["matches"] as? Int)
        XCTAssertGreaterThan(matches, 0)
        XCTAssertEqual(back["search"] as? Int, min(matches, 100), "a page of the rows the full-text index matches")
        let perDay = try XCTUnwrap(back["per_day"] as? [String: Int])
        let buckets = try XCTUnwrap(back["buckets"] as? [[Any]])
        XCTAssertFalse(buckets.isEmpty, "the date facet has buckets")
        for b in buckets { XCTAssertEqual(perDay["\(b[0])"], b[1] as? Int, "tweets on \(b[0])") }
        let author = try XCTUnwrap(back["author"] as? Int)
        XCTAssertTrue((back["row"] as? String ?? "").contains("href=\"/study/users/\(author)\""), "the tweet's row links to its account")
        XCTAssertTrue((back["account"] as? String ?? "").contains("href=\"/study/tweets?author=\(author)\""), "the account links to its tweets")
        let taggedSeq = try XCTUnwrap(back["tagged_seq"] as? Int)
        XCTAssertTrue((back["hashtag"] as? String ?? "").contains("href=\"/study/tweets/\(taggedSeq)\""), "a hashtag's row links to its tweet")
        XCTAssertTrue((back["tagged"] as? String ?? "").contains("href=\"/study/hashtags?tweet_seq=\(taggedSeq)\""),
                      "the tweet's page links to its hashtags")
        XCTAssertTrue((back["tagged"] as? String ?? "").contains("\(try XCTUnwrap(back["tagged_id"] as? Int))"), "the page is that tweet's")
        XCTAssertEqual(back["metadata_served"] as? Bool, true, "Datasette serves the metadata as written")
    }

    /// `export …` run from the store's folder, its stdout written to `file` there, as the
    /// README's `> file` does.
    private func export(_ arguments: [String], to file: String) throws {
        let out = try CLI.run(["export"] + arguments + ["--db", "study.db"], directory: Self.dir)
        XCTAssertEqual(out.status, 0, out.stderr)
        try out.stdout.write(to: Self.dir.appendingPathComponent(file), atomically: true, encoding: .utf8)
    }

    private func storeTweets() throws -> Int {
        let stats = try CLI.run(["stats", "--db", Self.db, "--json"])
        return try XCTUnwrap((stats.json as? [String: Any])?["tweets"] as? Int)
    }

    /// pandas: the README's `read_csv(dtype=str, keep_default_na=False)` gives a row per tweet
    /// with every id's digits and every text as Python's csv reads it, and `read_json(lines=True,
    /// dtype=False)` the hashtags with string ids. Without pandas the same file is still
    /// checked with Python's csv.
    func testPandasReadsTheTweetsAndEntityExports() throws {
        try requireReferenceTools()
        try export(["tweets"], to: "tweets.csv")
        try export(["hashtags", "--format", "jsonl"], to: "hashtags.jsonl")
        try export(["hashtags"], to: "hashtags.csv")
        let script = """
            import collections, csv, json, sys
            tweets, tags_jsonl, tags_csv = sys.argv[1:4]
            rows = list(csv.DictReader(open(tweets, newline="", encoding="utf-8")))
            out = {"csv_rows": len(rows), "csv_ids": [r["id"] for r in rows],
                   "csv_types": collections.Counter(r["tweet_type"] for r in rows)}
            try:
                import pandas as pd
            except ImportError:
                out["pandas"] = False
            else:
                t = pd.read_csv(tweets, dtype=str, keep_default_na=False)
                h = pd.read_json(tags_jsonl, lines=True, dtype=False)
                tags = list(csv.DictReader(open(tags_csv, newline="", encoding="utf-8")))
                out.update({"pandas": True, "columns": list(t.columns), "ids": list(t["id"]),
                            "texts_equal": list(t["text"]) == [r["text"] for r in rows],
                            "types": {k: int(v) for k, v in t.groupby("tweet_type").size().items()},
                            "hashtag_ids_are_text": all(isinstance(v, str) for v in h["tweet_id"]),
                            "hashtags_equal": [list(x) for x in h[["tweet_id", "tag", "spelling"]].itertuples(index=False)]
                                              == [[r["tweet_id"], r["tag"], r["spelling"]] for r in tags]})
            print(json.dumps(out))
            """
        let paths = ["tweets.csv", "hashtags.jsonl", "hashtags.csv"].map { Self.dir.appendingPathComponent($0).path }
        let back = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(try ReferenceTools.runPython(script, arguments: paths).utf8))
                                 as? [String: Any])
        let tweets = try storeTweets()
        XCTAssertEqual(back["csv_rows"] as? Int, tweets, "a row per stored tweet")
        let ids = try CLI.run(["export", "ids", "--db", Self.db]).stdout.split(separator: "\n").map(String.init)
        XCTAssertEqual(back["csv_ids"] as? [String], ids)
        guard back["pandas"] as? Bool == true else {
            print("pandas is not installed: tweets.csv checked with Python's csv only")
            return
        }
        XCTAssertEqual(back["ids"] as? [String], ids, "pandas keeps every id's digits")
        XCTAssertEqual(back["texts_equal"] as? Bool, true, "pandas reads every text as Python's csv does")
        XCTAssertEqual(back["types"] as? [String: Int], back["csv_types"] as? [String: Int])
        XCTAssertEqual((back["columns"] as? [String])?.first, "id")
        XCTAssertEqual(back["hashtag_ids_are_text"] as? Bool, true)
        XCTAssertEqual(back["hashtags_equal"] as? Bool, true)
    }

    /// R: the README's `read.csv(colClasses = "character")` counts the tweet types as Python's
    /// csv does (skipped where R is not installed: CI does not install it).
    func testRReadsTheTweetsCSV() throws {
        let rscript = ["/usr/bin/Rscript", "/usr/local/bin/Rscript"].first { FileManager.default.isExecutableFile(atPath: $0) }
        guard let rscript else { throw XCTSkip("Rscript is not installed") }
        try requireReferenceTools()
        try export(["tweets"], to: "tweets.csv")
        let r = try Subprocess.run(URL(fileURLWithPath: rscript), ["-e", """
            t <- read.csv("tweets.csv", colClasses = "character", encoding = "UTF-8"); x <- table(t$tweet_type)
            cat(paste(names(x), as.integer(x), sep = "=", collapse = " "))
            """], directory: Self.dir)
        XCTAssertEqual(r.status, 0, r.stderr)
        let python = try ReferenceTools.runPython("""
            import collections, csv, sys
            c = collections.Counter(r["tweet_type"] for r in csv.DictReader(open(sys.argv[1], newline="", encoding="utf-8")))
            print(" ".join(f"{k}={v}" for k, v in sorted(c.items())), end="")
            """, arguments: [Self.dir.appendingPathComponent("tweets.csv").path])
        XCTAssertEqual(r.stdout, python)
    }

    /// twarc users: the header is twarc's json2csv header in its order (less what the store
    /// lacks); a year's export is the tweets of that local year; ids.txt is every stored id,
    /// one per line, ready for `twarc hydrate` (which needs Twitter's API, so is not run).
    func testTwarcUsersGetItsColumnsAYearAndShareableIds() throws {
        try requireReferenceTools()
        try export(["tweets"], to: "tweets.csv")
        try export(["tweets", "--from", "2012-01-01", "--to", "2012-12-31"], to: "tweets-2012.csv")
        try export(["ids"], to: "ids.txt")
        let script = """
            import csv, datetime, json, sys, zoneinfo
            whole, year, ids = sys.argv[1:4]
            zone = zoneinfo.ZoneInfo("Europe/Amsterdam")
            rows = list(csv.DictReader(open(whole, newline="", encoding="utf-8")))
            local = lambda r: datetime.datetime.fromisoformat(r["parsed_created_at"]).astimezone(zone).year
            picked = list(csv.DictReader(open(year, newline="", encoding="utf-8")))
            lines = open(ids, encoding="utf-8").read().split("\\n")
            print(json.dumps({"header": next(csv.reader(open(whole, newline="", encoding="utf-8"))),
                              "year": [r["id"] for r in rows if local(r) == 2012], "picked": [r["id"] for r in picked],
                              "ids": lines[:-1], "ends_with_newline": lines[-1] == "",
                              "digits": all(l.isdigit() for l in lines[:-1])}))
            """
        let paths = ["tweets.csv", "tweets-2012.csv", "ids.txt"].map { Self.dir.appendingPathComponent($0).path }
        let back = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(try ReferenceTools.runPython(script, arguments: paths).utf8))
                                 as? [String: Any])
        let header = try XCTUnwrap(back["header"] as? [String])
        XCTAssertEqual(header, ExportCLITests.twarcHeader.filter { header.contains($0) }, "twarc's columns in twarc's order")
        XCTAssertEqual(Set(header), Set(ExportCLITests.twarcHeader).subtracting(ExportCLITests.absent))
        let year = try XCTUnwrap(back["year"] as? [String])
        XCTAssertGreaterThan(year.count, 1000)
        XCTAssertEqual(back["picked"] as? [String], year, "the tweets of local 2012")
        XCTAssertEqual((back["ids"] as? [String])?.count, try storeTweets())
        XCTAssertEqual(back["digits"] as? Bool, true)
        XCTAssertEqual(back["ends_with_newline"] as? Bool, true)
    }
}

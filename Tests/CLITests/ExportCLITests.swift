import Foundation
import TestSupport
import XCTest

/// `twindex export` against what the corpus's JSON says, worked out in Python from the
/// lines themselves (the oracle: twarc's json2csv rules written out in the test, Python's
/// `csv` and `json` readers), over a generated corpus plus tweets whose texts and profiles
/// carry CR, LF, quotes, commas, NUL and non-ASCII, a quote tweet and a geotagged one.
final class ExportCLITests: XCTestCase {
    private static var dir: URL!
    private static var db: String!
    private static var corpus: [String] = []

    /// twarc's v1 `json2csv` header (twarc/json2csv.py, `get_headings`), in its order.
    static let twarcHeader = [
        "id", "tweet_url", "created_at", "parsed_created_at", "user_screen_name", "text", "tweet_type", "coordinates",
        "hashtags", "media", "urls", "favorite_count", "in_reply_to_screen_name", "in_reply_to_status_id",
        "in_reply_to_user_id", "lang", "place", "possibly_sensitive", "retweet_count", "retweet_or_quote_id",
        "retweet_or_quote_screen_name", "retweet_or_quote_user_id", "source", "user_id", "user_created_at",
        "user_default_profile_image", "user_description", "user_favourites_count", "user_followers_count",
        "user_friends_count", "user_listed_count", "user_location", "user_name", "user_statuses_count",
        "user_time_zone", "user_urls", "user_verified",
    ]
    /// The twarc columns a store has no value for (the README says so too).
    static let absent: Set = ["media", "favorite_count", "possibly_sensitive", "retweet_count", "user_default_profile_image",
                              "user_favourites_count", "user_listed_count", "user_time_zone", "user_urls"]

    override class func setUp() {
        dir = try? SharedPaths.temporaryDirectory()
        let generated = dir.appendingPathComponent("generated.jsonl").path
        _ = try? GeneratedCorpus.write(to: generated, tweets: 2500, users: 120, seed: 23)
        let hostile = dir.appendingPathComponent("hostile.jsonl").path
        try? hostileLines().joined(separator: "\n").appending("\n").write(toFile: hostile, atomically: true, encoding: .utf8)
        corpus = [generated, hostile]
        db = dir.appendingPathComponent("export.db").path
        _ = try? CLI.run(["ingest", "--db", db, "--quiet"] + corpus)
    }

    override class func tearDown() { try? FileManager.default.removeItem(at: dir) }

    /// Tweets with the round-trip suite's hostile texts, each by an account whose name,
    /// location and description are hostile too; one quotes a tweet, one has coordinates
    /// and a place, and one profile is seen twice (the later one must win).
    static func hostileLines() -> [String] {
        var tweets: [[String: Any]] = CSVRoundTripCLITests.hostileTexts.enumerated().map { i, text in
            let user: [String: Any] = ["id_str": "\(77_000 + i)", "screen_name": "hostile\(i)", "name": "name, \"\(i)\"\r\n",
                                       "location": " Den Haag,\nNL ", "description": "\"quoted\"\r\nand, commas \u{0}",
                                       "followers_count": 10 + i, "friends_count": 3, "statuses_count": 99, "verified": i == 0,
                                       "created_at": "Tue Mar 03 10:00:0\(i) +0000 2009"]
            return ["id_str": "90071992547409\(20_000 + i)", "created_at": "Mon Jun 04 22:47:5\(i) +0000 2012", "text": text,
                    "lang": "nl", "source": "<a href=\"http://x.example/?a=1&amp;b=2\">Client, \"v2\"</a>", "user": user]
        }
        tweets[1]["quoted_status"] = ["id_str": "123456789012345678", "text": "q",
                                      "user": ["id_str": "4242", "screen_name": "QuotedOne"]]
        tweets[1]["quoted_status_id_str"] = "123456789012345678"
        tweets[2]["coordinates"] = ["type": "Point", "coordinates": [4.3007, 52.0705]]
        tweets[2]["place"] = ["id": "abc", "full_name": "Den Haag, Zuid-Holland", "name": "Den Haag", "country_code": "NL"]
        if var later = tweets[0]["user"] as? [String: Any] {
            later["followers_count"] = 5000
            later["screen_name"] = "hostile0_renamed"
            tweets.append(["id_str": "9007199254741999", "created_at": "Tue Jun 05 08:00:00 +0000 2012",
                           "text": "later, with \"profile\"", "user": later])
        }
        return tweets.compactMap { t in
            (try? JSONSerialization.data(withJSONObject: t, options: [.sortedKeys])).map { String(decoding: $0, as: UTF8.self) }
        }
    }

    /// Python that reads the corpus files and prints, per stored tweet id, the row twarc's
    /// json2csv rules give it (as CSV text), with the store's documented differences:
    /// entities once per tweet in normalised order, the author's latest profile, text with
    /// `&amp; &lt; &gt;` decoded. Also the entity tables' rows and the scope's tweet ids.
    private static let oracle = #"""
        import csv, datetime, json, re, sys, unicodedata, zoneinfo
        paths, scope = sys.argv[1:-1], json.loads(sys.argv[-1])
        tweets, order, profiles = {}, [], {}
        for path in paths:
            for line in open(path, encoding="utf-8"):
                t = json.loads(line)
                if "user" not in t: continue   # a stream notice (limit), no tweet
                u = t["user"]
                when = datetime.datetime.strptime(t["created_at"], "%a %b %d %H:%M:%S %z %Y")
                seen = profiles.get(u["id_str"])
                if seen is None or when >= seen[0]: profiles[u["id_str"]] = (when, u)
                if t["id_str"] not in tweets: tweets[t["id_str"]] = (t, when)
        def unescape(s): return s.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&")
        def text(t): return t.get("full_text") or t.get("extended_tweet", {}).get("full_text") or t["text"]
        def entities(t):
            x = t.get("extended_tweet")
            e = x.get("entities") if x and "full_text" in x else t.get("entities")
            if e is not None: return e
            # No entities object: read them off the text (enough for the generator's plain words).
            s = unescape(text(t))
            return {"hashtags": [{"text": m} for m in re.findall(r"(?:^|(?<=\s))#(\w+)", s)],
                    "user_mentions": [{"screen_name": m} for m in re.findall(r"(?:^|(?<=[^\w@]))@(\w{1,20})", s)],
                    "urls": [{"url": m} for m in re.findall(r"https?://\S+", s)]}
        def tags(t):
            first = {}
            for h in entities(t).get("hashtags", []):
                first.setdefault(unicodedata.normalize("NFC", h["text"]).casefold(), h["text"])
            return sorted(first.items())
        def mentions(t):
            first = {}
            for m in entities(t).get("user_mentions", []):
                first.setdefault(m["screen_name"].lower(), (m["screen_name"], m.get("id_str") or ""))
            return [first[k] for k in sorted(first)]
        def links(t): return sorted({u.get("expanded_url") or u["url"] for u in entities(t).get("urls", [])})
        def s(v): return "" if v is None else ("true" if v is True else "false" if v is False else str(v))
        def other(t):
            o = t.get("retweeted_status") or t.get("quoted_status")
            return (o["id_str"], o["user"]["screen_name"], o["user"]["id_str"]) if o else ("", "", "")
        def row(t, when):
            u = profiles[t["user"]["id_str"]][1]
            kind = ("reply" if t.get("in_reply_to_status_id") else "retweet" if "retweeted_status" in t
                    else "quote" if "quoted_status" in t else "original")
            c = t.get("coordinates")
            rq = other(t)
            return {"id": t["id_str"], "tweet_url": "https://twitter.com/%s/status/%s" % (u["screen_name"], t["id_str"]),
                    "created_at": t["created_at"], "parsed_created_at": str(when), "user_screen_name": u["screen_name"],
                    "text": unescape(text(t)), "tweet_type": kind,
                    "coordinates": "%f %f" % tuple(c["coordinates"]) if c else "",
                    "hashtags": " ".join(v for _, v in tags(t)), "urls": " ".join(links(t)),
                    "in_reply_to_screen_name": s(t.get("in_reply_to_screen_name")),
                    "in_reply_to_status_id": s(t.get("in_reply_to_status_id_str") or t.get("in_reply_to_status_id")),
                    "in_reply_to_user_id": s(t.get("in_reply_to_user_id_str") or t.get("in_reply_to_user_id")),
                    "lang": s(t.get("lang")), "place": s((t.get("place") or {}).get("full_name")),
                    "retweet_or_quote_id": rq[0], "retweet_or_quote_screen_name": rq[1], "retweet_or_quote_user_id": rq[2],
                    "source": s(t.get("source")), "user_id": u["id_str"], "user_created_at": s(u.get("created_at")),
                    "user_description": s(u.get("description")), "user_followers_count": s(u.get("followers_count")),
                    "user_friends_count": s(u.get("friends_count")), "user_location": s(u.get("location")),
                    "user_name": s(u.get("name")), "user_statuses_count": s(u.get("statuses_count")),
                    "user_verified": s(u.get("verified"))}
        ids = sorted(tweets, key=int)
        zone = zoneinfo.ZoneInfo("Europe/Amsterdam")
        def in_scope(i):
            t, when = tweets[i]
            day = when.astimezone(zone).date().isoformat()
            name = profiles[t["user"]["id_str"]][1]["screen_name"].lower()
            return (scope["from"] <= day <= scope["to"] and name in scope["users"]
                    and not (scope["exclude_retweets"] and "retweeted_status" in t))
        scoped = [i for i in ids if in_scope(i)]
        print(json.dumps({"ids": ids, "rows": [row(*tweets[i]) for i in ids], "scoped": scoped,
                          "scoped_authors": sorted({tweets[i][0]["user"]["id_str"] for i in scoped}, key=int),
                          "hashtags": [[i, k, v] for i in ids for k, v in tags(tweets[i][0])],
                          "scoped_hashtags": [[i, k, v] for i in scoped for k, v in tags(tweets[i][0])],
                          "mentions": [[i, n, m] for i in ids for n, m in mentions(tweets[i][0])],
                          "urls": [[i, l] for i in ids for l in links(tweets[i][0])],
                          "authors": sorted({t["user"]["id_str"] for t, _ in tweets.values()}, key=int)}))
        """#

    /// The scope the scope tests use: two accounts that tweet, a year, retweets left out.
    private static let scope: [String: Any] = ["from": "2011-01-01", "to": "2011-12-31", "users": ["jan_min0", "hostile0_renamed"],
                                               "exclude_retweets": true]
    private static let scopeArguments = ["--from", "2011-01-01", "--to", "2011-12-31", "--user", "JAN_MIN0",
                                         "--user", "@hostile0_renamed", "--exclude-retweets"]

    private static var truth: [String: Any]?

    private func expected() throws -> [String: Any] {
        if let t = Self.truth { return t }
        let scope = String(decoding: try JSONSerialization.data(withJSONObject: Self.scope), as: UTF8.self)
        let out = try ReferenceTools.runPython(Self.oracle, arguments: Self.corpus + [scope])
        let t = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(out.utf8)) as? [String: Any])
        Self.truth = t
        return t
    }

    private func requirePython() throws {
        if let reason = ReferenceTools.unavailableReason {
            if ReferenceTools.required { XCTFail(reason) }
            throw XCTSkip(reason)
        }
    }

    /// `rows` equal `expected`, or a failure naming the first row that differs (not all of them).
    private func assertSameRows(_ rows: [[String]], _ expected: Any?, _ what: String, line: UInt = #line) {
        let expected = expected as? [[String]] ?? []
        XCTAssertEqual(rows.count, expected.count, "\(what): rows", line: line)
        if let i = rows.indices.first(where: { $0 < expected.count && rows[$0] != expected[$0] }) {
            XCTFail("\(what): row \(i + 1) is \(rows[i]), not \(expected[i])", line: line)
        }
        XCTAssertFalse(expected.isEmpty, "\(what): the corpus has some", line: line)
    }

    /// `export ARGS` (exit 0) as records read by Python's csv module.
    private func records(_ arguments: [String]) throws -> [[String]] {
        let out = try CLI.run(["export"] + arguments + ["--db", Self.db])
        XCTAssertEqual(out.status, 0, out.stderr)
        let path = Self.dir.appendingPathComponent("out-\(UUID().uuidString).csv")
        try out.stdout.write(to: path, atomically: true, encoding: .utf8)
        let json = try ReferenceTools.runPython("""
            import csv, json, sys
            print(json.dumps(list(csv.reader(open(sys.argv[1], newline="", encoding="utf-8")))))
            """, arguments: [path.path])
        return try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [[String]])
    }

    func testTweetsHeaderIsTwarcsJson2csvHeaderLessWhatTheStoreLacks() throws {
        let out = try CLI.run(["export", "tweets", "--db", Self.db])
        XCTAssertEqual(out.status, 0, out.stderr)
        let header = try XCTUnwrap(out.stdout.components(separatedBy: "\r\n").first).components(separatedBy: ",")
        XCTAssertEqual(header, Self.twarcHeader.filter { !Self.absent.contains($0) })
        XCTAssertEqual(header.count, 28)
        let readme = try String(contentsOf: SharedPaths.packageRoot.appendingPathComponent("README.md"), encoding: .utf8)
        let section = try XCTUnwrap(readme.components(separatedBy: "## Use it with").dropFirst().first?.components(separatedBy: "\n## ").first)
        for name in Self.absent { XCTAssertTrue(section.contains("`\(name)`"), "README's Use it with names the absent column \(name)") }
    }

    /// Every tweet's row, read back by Python's csv, is the row twarc's rules give the JSON:
    /// every text (hostile ones too) byte for byte, ids exact, as many rows as tweets.
    func testTweetsCSVIsTwarcsRowOfEveryTweet() throws {
        try requirePython()
        let truth = try expected()
        let rows = try XCTUnwrap(truth["rows"] as? [[String: String]])
        let records = try records(["tweets"])
        let header = try XCTUnwrap(records.first)
        XCTAssertEqual(records.count - 1, rows.count, "a record per tweet")
        assertSameRows(records.dropFirst().map { [$0[0]] }, (truth["ids"] as? [String])?.map { [$0] }, "every id, exact, in id order")
        XCTAssertGreaterThan(rows.count, 2400)
        var mismatches: [String] = []
        for (record, row) in zip(records.dropFirst(), rows) {
            for (name, field) in zip(header, record) where row[name] != field {
                mismatches.append("\(row["id"] ?? "?") \(name): \(field.debugDescription) ≠ \((row[name] ?? "nil").debugDescription)")
            }
        }
        XCTAssertEqual(mismatches.count, 0, mismatches.prefix(8).joined(separator: "\n"))
        for type in ["original", "reply", "retweet", "quote"] {
            XCTAssertTrue(rows.contains { $0["tweet_type"] == type }, "the corpus has a \(type)")
        }
        for text in CSVRoundTripCLITests.hostileTexts {
            XCTAssertEqual(records.filter { $0[5] == text }.count, 1, "the text \(text.debugDescription) comes back once")
        }
    }

    /// JSONL: one object per tweet with the CSV's names; ids are strings with every digit.
    func testTweetsJSONLHasIdsAsStringsAndTheCSVsValues() throws {
        try requirePython()
        let rows = try XCTUnwrap(try expected()["rows"] as? [[String: String]])
        let out = try CLI.run(["export", "tweets", "--format", "jsonl", "--db", Self.db])
        XCTAssertEqual(out.status, 0, out.stderr)
        let lines = out.stdout.split(separator: "\n")
        XCTAssertEqual(lines.count, rows.count)
        let idColumns = ["id", "in_reply_to_status_id", "in_reply_to_user_id", "retweet_or_quote_id", "retweet_or_quote_user_id", "user_id"]
        for (line, row) in zip(lines, rows) {
            let object = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
            XCTAssertEqual(Set(object.keys), Set(row.keys))
            for name in idColumns {
                if let v = object[name], !(v is NSNull) { XCTAssertTrue(v is String, "\(name) is a string: \(v)") }
            }
            XCTAssertEqual(object["id"] as? String, row["id"])
            XCTAssertEqual(object["text"] as? String, row["text"])
            XCTAssertEqual((object["user_followers_count"] as? Int).map(String.init) ?? "", row["user_followers_count"])
        }
    }

    func testIdsAreOnePerLineExactly() throws {
        try requirePython()
        let out = try CLI.run(["export", "ids", "--db", Self.db])
        XCTAssertEqual(out.status, 0, out.stderr)
        let lines = out.stdout.split(separator: "\n", omittingEmptySubsequences: false).map { [String($0)] }
        assertSameRows(lines, ((try expected()["ids"] as? [String] ?? []) + [""]).map { [$0] }, "one id per line, each line ended")
    }

    /// The scope options pick the same tweets as the oracle's own reading of them (local days
    /// in Europe/Amsterdam, names ignoring case, retweets out) in every table.
    func testScopeLimitsEveryTable() throws {
        try requirePython()
        let truth = try expected()
        let scoped = try XCTUnwrap(truth["scoped"] as? [String])
        XCTAssertGreaterThan(scoped.count, 5)
        let ids = try CLI.run(["export", "ids", "--db", Self.db] + Self.scopeArguments)
        XCTAssertEqual(ids.stdout.split(separator: "\n").map(String.init), scoped)
        XCTAssertEqual(try records(["tweets"] + Self.scopeArguments).dropFirst().map { $0[0] }, scoped)
        assertSameRows(Array(try records(["hashtags"] + Self.scopeArguments).dropFirst()), truth["scoped_hashtags"], "hashtags in scope")
        XCTAssertEqual(try records(["users"] + Self.scopeArguments).dropFirst().map { $0[0] }, truth["scoped_authors"] as? [String])
    }

    /// hashtags, mentions, urls and users: the rows the JSON's entities give, in the order
    /// of tweet id then key; CSV and JSONL alike.
    func testEntityAndUserTablesAreTheJSONsEntities() throws {
        try requirePython()
        let truth = try expected()
        for (table, header) in [("hashtags", ["tweet_id", "tag", "spelling"]), ("mentions", ["tweet_id", "screen_name", "user_id"]),
                                ("urls", ["tweet_id", "url"])] {
            let records = try records([table])
            XCTAssertEqual(records.first, header)
            assertSameRows(Array(records.dropFirst()), truth[table], table)
        }
        let users = try records(["users"])
        XCTAssertEqual(users.first, ["id", "screen_name", "name", "location", "description", "followers_count", "friends_count",
                                     "statuses_count", "created_at", "lang", "verified", "profile_seen_at"])
        XCTAssertEqual(users.dropFirst().map { $0[0] }, truth["authors"] as? [String])
        let renamed = try XCTUnwrap(users.first { $0[0] == "77000" })
        XCTAssertEqual(Array(renamed[1...5]), ["hostile0_renamed", "name, \"0\"\r\n", " Den Haag,\nNL ", "\"quoted\"\r\nand, commas \u{0}", "5000"])
        XCTAssertEqual(renamed[8], "2009-03-03T10:00:00Z")
        XCTAssertEqual(renamed[10], "true")
        XCTAssertEqual(renamed[11], "2012-06-05T08:00:00Z", "the profile of the later tweet")
        let jsonl = try CLI.run(["export", "mentions", "--format", "jsonl", "--db", Self.db])
        let objects = try jsonl.stdout.split(separator: "\n").map { try XCTUnwrap(try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any]) }
        assertSameRows(objects.map { [$0["tweet_id"] as? String ?? "?", $0["screen_name"] as? String ?? "?", $0["user_id"] as? String ?? ""] },
                       truth["mentions"], "mentions as jsonl")
    }

    /// --json: one document with the rows and their total; --format and --json disagree: usage.
    func testJSONDocumentCountsItsRows() throws {
        try requirePython()
        let out = try CLI.run(["export", "urls", "--json", "--db", Self.db])
        XCTAssertEqual(out.status, 0, out.stderr)
        let doc = try XCTUnwrap(out.json as? [String: Any])
        let expected = try XCTUnwrap(try expected()["urls"] as? [[String]])
        XCTAssertEqual(doc["total"] as? Int, expected.count)
        assertSameRows((doc["rows"] as? [[String: Any]] ?? []).map { [$0["tweet_id"] as? String ?? "", $0["url"] as? String ?? ""] },
                       expected, "urls as json")
        let clash = try CLI.run(["export", "urls", "--json", "--format", "csv", "--db", Self.db])
        XCTAssertEqual(clash.status, 64)
        XCTAssertTrue(clash.stderr.contains("--json"), clash.stderr)
    }
}

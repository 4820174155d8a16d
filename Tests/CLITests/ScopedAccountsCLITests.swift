import Foundation
import TestSupport
import XCTest

/// `network` and `users` with the scope options, against counts Python makes from the
/// generated JSON lines themselves (not from the store), with zoneinfo's local days.
final class ScopedAccountsCLITests: XCTestCase {
    private static var dir: URL!
    private static var corpus: String { dir.appendingPathComponent("accounts.jsonl").path }
    private static var db: String { dir.appendingPathComponent("accounts.db").path }

    override class func setUp() {
        dir = try? SharedPaths.temporaryDirectory()
        _ = try? GeneratedCorpus.write(to: corpus, tweets: 6_000, users: 40, seed: 5)
        _ = try? CLI.run(["ingest", "--db", db, "--quiet", corpus])
    }

    override class func tearDown() { try? FileManager.default.removeItem(at: dir) }

    /// argv: corpus, first day, last day, then the scope's users (empty: all) and
    /// `exclude-retweets` or `all`. Prints one JSON object: edges of every kind, tweets per
    /// author, and per author the users row (tweets, first, last, mentions received).
    private static let oracle = #"""
        import json, re, sys
        from collections import Counter
        from datetime import datetime, timezone
        from zoneinfo import ZoneInfo
        MENTION = re.compile(r"(?:^|[^A-Za-z0-9_!#$%&*@＠])[@＠]([A-Za-z0-9_]{1,20})(?![@＠A-Za-z0-9_]|://)")
        path, first, last, users, retweets = sys.argv[1:6]
        zone = ZoneInfo("Europe/Amsterdam")
        lo = int(datetime.fromisoformat(first).replace(tzinfo=zone).timestamp())
        hi = int(datetime.fromisoformat(last).replace(tzinfo=zone).timestamp()) + 86400
        users = {u.lower() for u in users.split(",") if u}
        seen, tweets = set(), []
        for line in open(path, encoding="utf-8"):
            t = json.loads(line)
            if "id_str" not in t or t["id_str"] in seen: continue
            seen.add(t["id_str"])
            t["epoch"] = int(datetime.strptime(t["created_at"], "%a %b %d %H:%M:%S %z %Y").timestamp())
            tweets.append(t)
        def scoped(t):
            return (lo <= t["epoch"] < hi and (not users or t["user"]["screen_name"].lower() in users)
                    and not (retweets == "exclude-retweets" and t.get("retweeted_status")))
        edges = {k: Counter() for k in ["mention", "interaction"]}
        authored, rows, received = Counter(), {}, Counter()
        for t in filter(scoped, tweets):
            src = t["user"]["screen_name"].lower()
            authored[src] += 1
            row = rows.setdefault(src, {"tweets": 0, "first": t["epoch"], "last": t["epoch"]})
            row["tweets"] += 1
            row["first"], row["last"] = min(row["first"], t["epoch"]), max(row["last"], t["epoch"])
            ext = t.get("extended_tweet") if t.get("truncated") else None
            entities = ext["entities"] if ext else t.get("entities")
            text = ext["full_text"] if ext else t.get("full_text", t.get("text"))
            names = [m["screen_name"] for m in entities["user_mentions"]] if entities is not None else MENTION.findall(text)
            names = {n.lower() for n in names}
            rt, quoted = t.get("retweeted_status"), t.get("quoted_status")
            mention = set() if rt else names
            for n in mention - {src}: received[n] += 1
            interaction = set(mention)
            if t.get("in_reply_to_screen_name"): interaction.add(t["in_reply_to_screen_name"].lower())
            if rt: interaction.add(rt["user"]["screen_name"].lower())
            if quoted: interaction.add(quoted["user"]["screen_name"].lower())
            for kind, targets in [("mention", mention), ("interaction", interaction)]:
                for dst in targets - {src}: edges[kind][src + ">" + dst] += 1
        stamp = lambda e: datetime.fromtimestamp(e, timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
        local = lambda e: datetime.fromtimestamp(e, zone).isoformat()
        for name, row in rows.items():
            row.update(first_local=local(row["first"]), last_local=local(row["last"]),
                       first=stamp(row["first"]), last=stamp(row["last"]), mentions_received=received[name])
        print(json.dumps({"edges": edges, "authored": authored, "rows": rows}))
        """#

    private func oracle(from: String, to: String, users: [String] = [], excludeRetweets: Bool) throws -> [String: Any] {
        if let reason = ReferenceTools.unavailableReason {
            if ReferenceTools.required { XCTFail(reason) }
            throw XCTSkip(reason)
        }
        let out = try ReferenceTools.runPython(Self.oracle, arguments: [Self.corpus, from, to, users.joined(separator: ","),
                                                                         excludeRetweets ? "exclude-retweets" : "all"])
        return try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(out.utf8)) as? [String: Any])
    }

    /// The `--json` document of a command, checked to echo `scope`.
    private func run(_ args: [String], scope: [String], users: [String], excludeRetweets: Bool) throws -> [String: Any] {
        let out = try CLI.run(args + ["--db", Self.db, "--json"] + scope)
        XCTAssertEqual(out.status, 0, "\(args): \(out.stderr)")
        let json = try XCTUnwrap(out.json as? [String: Any], args.joined(separator: " "))
        let echoed = try XCTUnwrap(json["scope"] as? [String: Any], "\(args) does not echo its scope")
        XCTAssertEqual(echoed["users"] as? [String], users, "\(args)")
        XCTAssertEqual(echoed["exclude_retweets"] as? Bool, excludeRetweets, "\(args)")
        XCTAssertEqual(echoed["from"] as? String, scope[scope.firstIndex(of: "--from")! + 1], "\(args)")
        return json
    }

    private func edges(_ json: [String: Any]) -> [String: Int] {
        Dictionary(uniqueKeysWithValues: (json["edges"] as? [[String: Any]] ?? []).map {
            ("\($0["source"] as? String ?? "")>\($0["target"] as? String ?? "")", $0["weight"] as? Int ?? -1)
        })
    }

    private func check(network json: [String: Any], kind: String, against want: [String: Any], file: StaticString = #filePath,
                       line: UInt = #line) {
        let expected = ((want["edges"] as? [String: Any])?[kind] as? [String: Int]) ?? [:]
        XCTAssertGreaterThan(expected.count, 10, kind, file: file, line: line)
        XCTAssertEqual(edges(json), expected, kind, file: file, line: line)
        let authored = want["authored"] as? [String: Int] ?? [:]
        for node in json["nodes"] as? [[String: Any]] ?? [] {
            let key = node["account"] as? String ?? ""
            XCTAssertEqual(node["tweets"] as? Int, authored[key] ?? 0, "\(kind): tweets of \(key) in the scope", file: file, line: line)
        }
    }

    func testNetworkCountsOnlyTheTweetsOfItsDays() throws {
        let want = try oracle(from: "2011-01-01", to: "2012-06-30", excludeRetweets: true)
        let scope = ["--from", "2011-01-01", "--to", "2012-06-30", "--exclude-retweets"]
        for kind in ["mention", "interaction"] {
            check(network: try run(["network", "--kind", kind], scope: scope, users: [], excludeRetweets: true), kind: kind, against: want)
        }
        let corpusOnly = try run(["network", "--kind", "interaction", "--corpus-only"], scope: scope, users: [], excludeRetweets: true)
        let authored = Set((want["authored"] as? [String: Int] ?? [:]).keys)
        XCTAssertTrue((corpusOnly["nodes"] as? [[String: Any]] ?? []).allSatisfy { authored.contains($0["account"] as? String ?? "") },
                      "--corpus-only keeps the accounts that tweeted in the scope")
    }

    func testNetworkOfSomeAccountsHasOnlyTheirEdges() throws {
        let names = try CLI.run(["sql", "--db", Self.db, "--format", "csv",
                                 "SELECT u.screen_name FROM tweets t JOIN users u ON u.id = t.author_id GROUP BY u.id ORDER BY count(*) DESC LIMIT 3"])
            .stdout.split(separator: "\r\n").dropFirst().map(String.init)
        XCTAssertEqual(names.count, 3)
        let want = try oracle(from: "2007-01-01", to: "2013-12-31", users: names, excludeRetweets: false)
        let scope = ["--from", "2007-01-01", "--to", "2013-12-31"] + names.flatMap { ["--user", "@" + $0.uppercased()] }
        let json = try run(["network", "--kind", "interaction"], scope: scope, users: names.map { $0.uppercased() }, excludeRetweets: false)
        check(network: json, kind: "interaction", against: want)
        XCTAssertEqual(Set(edges(json).keys.map { String($0.prefix { $0 != ">" }) }), Set(names.map { $0.lowercased() }))
    }

    func testUsersCountOnlyTheScopeAndGiveLocalTimes() throws {
        let want = try XCTUnwrap(try oracle(from: "2011-01-01", to: "2012-06-30", excludeRetweets: true)["rows"] as? [String: [String: Any]])
        let scope = ["--from", "2011-01-01", "--to", "2012-06-30", "--exclude-retweets"]
        let json = try run(["users"], scope: scope, users: [], excludeRetweets: true)
        let rows = try XCTUnwrap(json["rows"] as? [[String: Any]])
        XCTAssertEqual(Set(rows.compactMap { ($0["screen_name"] as? String)?.lowercased() }), Set(want.keys))
        for row in rows {
            let name = (row["screen_name"] as? String ?? "").lowercased()
            let expected = try XCTUnwrap(want[name], name)
            for field in ["tweets", "mentions_received"] {
                XCTAssertEqual(row[field] as? Int, expected[field] as? Int, "\(name) \(field)")
            }
            for field in ["first", "last", "first_local", "last_local"] {
                XCTAssertEqual(row[field] as? String, expected[field] as? String, "\(name) \(field)")
            }
        }
        let table = try CLI.run(["users", "--db", Self.db, "--top", "1", "--tz", "America/New_York"] + scope, environment: ["COLUMNS": "250"])
        XCTAssertEqual(table.status, 0, table.stderr)
        XCTAssertNotNil(table.stdout.range(of: #"20\d\d-\d\d-\d\dT\d\d:\d\d:\d\d-0[45]:00"#, options: .regularExpression),
                        "the table shows times in --tz with the offset: \(table.stdout)")
    }

    func testIncludeAndExcludeRetweetsExcludeEachOther() throws {
        let out = try CLI.run(["network", "--db", Self.db, "--kind", "mention", "--include-retweets", "--exclude-retweets"])
        XCTAssertEqual(out.status, 64)
        XCTAssertTrue(out.stderr.contains("exclude each other"), out.stderr)
    }
}

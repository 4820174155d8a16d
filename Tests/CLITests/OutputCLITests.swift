import Foundation
import TestSupport
import XCTest

/// Everything that leaves the program, end to end: CSV read back by Python's csv, JSON ids
/// read back by Python's json, both against the store read by Python's sqlite3; paging notes,
/// terminal safety, parameter typing.
final class OutputCLITests: XCTestCase {
    private static var dir: URL!
    private static var db: String!
    /// A tweet with escape sequences, CRLF and an id beyond 2^53.
    static let hostileID = "9007199254740993123"

    override class func setUp() {
        dir = try? SharedPaths.temporaryDirectory()
        let generated = dir.appendingPathComponent("generated.jsonl").path
        _ = try? GeneratedCorpus.write(to: generated, tweets: 2_000, users: 50, seed: 4)
        let hostile = dir.appendingPathComponent("hostile.jsonl").path
        let text = #"ministerie \u001b[2J\u001b]0;pwned\u0007cleared\r\nline two, \"quoted\" \u001b[31mred"#
        let line = #"{"id_str":"\#(hostileID)","created_at":"Mon Jun 04 22:47:53 +0000 2012","text":"\#(text)","user":{"id_str":"7","screen_name":"esc"}}"#
        try? (line + "\n").write(toFile: hostile, atomically: true, encoding: .utf8)
        db = dir.appendingPathComponent("out.db").path
        _ = try? CLI.run(["ingest", "--db", db, "--quiet", generated, hostile] + Fixtures.tweetFiles.map(\.path))
    }

    override class func tearDown() { try? FileManager.default.removeItem(at: dir) }

    private func twindex(_ args: String..., environment: [String: String] = [:]) throws -> CLI.Output {
        try CLI.run(args, environment: environment)
    }

    private func save(_ text: String, _ name: String) throws -> String {
        let path = Self.dir.appendingPathComponent(name).path
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    private func skipWithoutPython() throws {
        if let reason = ReferenceTools.unavailableReason {
            if ReferenceTools.required { XCTFail(reason) }
            throw XCTSkip(reason)
        }
    }

    /// Python reads the store with sqlite3 and twindex's CSV, JSONL and JSON with csv and json.
    private static let oracle = """
        import csv, json, sqlite3, sys
        db, csv_path, jsonl_path, json_path, facts_path = sys.argv[1:6]
        con = sqlite3.connect(db)
        cols = ["id", "author_id", "in_reply_to_status_id", "text"]
        want = list(con.execute("SELECT id, author_id, in_reply_to_status_id, text FROM tweets ORDER BY id"))
        text = lambda v: "" if v is None else str(v)
        rows = list(csv.reader(open(csv_path, newline="", encoding="utf-8")))
        assert rows[0] == cols, rows[0]
        assert len(rows) - 1 == len(want), (len(rows) - 1, len(want))
        for got, w in zip(rows[1:], want):
            assert got == [text(v) for v in w], (got, w)
        raw = open(jsonl_path, "rb").read()
        assert raw.endswith(b"\\n") and b"\\n\\n" not in raw
        objects = [json.loads(line) for line in raw.decode("utf-8").split("\\n")[:-1]]
        assert len(objects) == len(want)
        for o, w in zip(objects, want):
            assert set(o) == set(cols), o
            for c, v in zip(cols, w):
                if c == "text":
                    assert o[c] == v
                else:
                    assert o[c] == (None if v is None else str(v)) and (v is None or isinstance(o[c], str)), (c, o[c], v)
        doc = json.load(open(json_path, encoding="utf-8"))
        assert doc["rows"] == objects and doc["total"] == len(want) and doc["truncated"] is False
        stored = {o["id"] for o in objects} | {str(r[0]) for r in con.execute("SELECT id FROM deleted_tweets")}
        fact_ids = [json.loads(l)["id"] for l in open(facts_path, encoding="utf-8") if '"id"' in l]
        fact_ids = [i for i in fact_ids if i]
        missing = [i for i in fact_ids if i not in stored]
        assert not missing, missing[:5]
        print(len(want), len(fact_ids))
        """

    func testCSVAndJSONOfSQLReadBackExactlyOverGeneratedAndRealTweets() throws {
        try skipWithoutPython()
        let sql = "SELECT id, author_id, in_reply_to_status_id, text FROM tweets ORDER BY id"
        var paths: [String] = []
        for format in ["csv", "jsonl", "json"] {
            let out = try twindex("sql", "--db", Self.db, sql, "--format", format)
            XCTAssertEqual(out.status, 0, out.stderr)
            paths.append(try save(out.stdout, "all.\(format)"))
        }
        let facts = SharedPaths.realTweets.appendingPathComponent("expected_facts.jsonl").path
        let result = try ReferenceTools.runPython(Self.oracle, arguments: [Self.db] + paths + [facts])
        let counts = result.split(whereSeparator: \.isWhitespace).compactMap { Int($0) }
        XCTAssertGreaterThan(counts.first ?? 0, 2_400, result)
        XCTAssertGreaterThan(counts.last ?? 0, 500, result)
    }

    func testSearchSaysHowManyMatchedAndAllStreamsEveryOne() throws {
        let page = try twindex("search", "--db", Self.db, "de", "--limit", "5", "--format", "jsonl")
        XCTAssertEqual(page.status, 0, page.stderr)
        XCTAssertEqual(page.stdout.split(separator: "\n").count, 5)
        let note = try XCTUnwrap(page.stderr.split(separator: "\n").last.map(String.init))
        let matched = try XCTUnwrap(Int(note.prefix(while: \.isNumber)))
        XCTAssertGreaterThan(matched, 5)
        XCTAssertTrue(note.hasPrefix("\(matched) matched, 5 shown"), note)
        for args in [["--all"], ["--limit", "0"]] {
            let all = try CLI.run(["search", "--db", Self.db, "de", "--format", "jsonl"] + args)
            let lines = all.stdout.split(separator: "\n", omittingEmptySubsequences: false)
            XCTAssertEqual(lines.count, matched + 1)
            XCTAssertEqual(lines.last, "")
            for line in lines.dropLast() {
                let o = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
                XCTAssertTrue(o["id"] is String)
            }
            XCTAssertTrue(all.stderr.contains("\(matched) matched, \(matched) shown"), all.stderr)
        }
        let json = try twindex("search", "--db", Self.db, "de", "--limit", "3", "--json").json as? [String: Any]
        XCTAssertEqual(json?["total"] as? Int, matched)
        XCTAssertEqual(json?["truncated"] as? Bool, true)
        XCTAssertEqual((json?["rows"] as? [Any])?.count, 3)
        let none = try twindex("search", "--db", Self.db, "zzyzxnothing", "--format", "jsonl")
        XCTAssertEqual(none.stdout, "")
        XCTAssertTrue(none.stderr.contains("0 matched, 0 shown"))
        XCTAssertEqual(try twindex("search", "--db", Self.db, "de", "--json", "--format", "csv").status, 64)
    }

    func testTimesAreLocalWithTheirOffsetAndJSONKeepsUTC() throws {
        let table = try twindex("search", "--db", Self.db, "ministerie", "--user", "esc")
        XCTAssertTrue(table.stdout.contains("2012-06-05T00:47:53+02:00"), table.stdout)
        let json = try twindex("search", "--db", Self.db, "ministerie", "--user", "esc", "--tz", "UTC", "--json").json
        let row = try XCTUnwrap(((json as? [String: Any])?["rows"] as? [[String: Any]])?.first)
        XCTAssertEqual(row["created_at"] as? String, "2012-06-04T22:47:53Z")
        XCTAssertEqual(row["created_at_local"] as? String, "2012-06-04T22:47:53+00:00")
        XCTAssertEqual(row["id"] as? String, Self.hostileID)
        let show = try twindex("show", "--db", Self.db, Self.hostileID, "--json").json as? [String: Any]
        XCTAssertEqual(show?["created_at"] as? String, "2012-06-04T22:47:53Z")
        XCTAssertEqual(show?["created_at_local"] as? String, "2012-06-05T00:47:53+02:00")
        XCTAssertEqual(show?["id"] as? String, Self.hostileID)
        XCTAssertEqual(show?["author_id"] as? String, "7")
    }

    func testTerminalOutputNeverCarriesEscapesFromTheData() throws {
        let db: String = Self.db
        for args in [["search", "--db", db, "ministerie", "--user", "esc"], ["show", "--db", db, Self.hostileID]] {
            let out = try CLI.run(args)
            XCTAssertEqual(out.status, 0, out.stderr)
            XCTAssertFalse(out.stdout.contains("\u{1B}"), out.stdout)
            XCTAssertFalse(out.stdout.contains("\u{7}"))
            XCTAssertTrue(out.stdout.contains("ministerie cleared line two"), out.stdout)
        }
        // Coloured on request, on a narrow terminal: every escape is whole and every highlight reset.
        let colour = try twindex("search", "--db", Self.db, "ministerie OR red", "--color", "always", environment: ["COLUMNS": "50"])
        let lines = colour.stdout.split(separator: "\n").map(String.init)
        XCTAssertTrue(colour.stdout.contains("\u{1B}[1;33m"), colour.stdout)
        for line in lines {
            let escapes = line.components(separatedBy: "\u{1B}").dropFirst()
            XCTAssertTrue(escapes.allSatisfy { $0.hasPrefix("[1;33m") || $0.hasPrefix("[0m") }, line)
            XCTAssertEqual(line.components(separatedBy: "\u{1B}[1;33m").count, line.components(separatedBy: "\u{1B}[0m").count, line)
        }
        XCTAssertFalse(try twindex("search", "--db", Self.db, "ministerie", "--color", "never").stdout.contains("\u{1B}"))
    }

    /// Hostile finding 3: the community lines of cooccur and network printed labels raw (an
    /// OSC set the tmux pane's title, a CSI cleared the screen).
    func testCommunityLinesOfNetworksCarryNoEscapesFromTheData() throws {
        let tag = #"evil\u001b]0;TAG\u0007"#, victim = #"victim\u001b[2J"#
        let lines = (1...3).map { i in
            ##"{"id_str":"\##(700 + i)","created_at":"Mon Jun 04 22:47:5\##(i) +0000 2012","text":"#x #y @v","##
                + #""entities":{"hashtags":[{"text":"\#(tag)"},{"text":"漢字タグ"}],"#
                + #""user_mentions":[{"screen_name":"\#(victim)","id_str":"9"}]},"user":{"id_str":"\#(i)","screen_name":"a\#(i)"}}"#
        }
        let input = try save(lines.joined(separator: "\n") + "\n", "escapes.jsonl")
        let db = Self.dir.appendingPathComponent("escapes.db").path
        XCTAssertEqual(try twindex("ingest", "--db", db, "--quiet", input).status, 0)
        for args in [["cooccur", "--db", db, "--more-than", "0"], ["network", "--db", db, "--kind", "mention"]] {
            let out = try CLI.run(args)
            XCTAssertEqual(out.status, 0, out.stderr)
            XCTAssertFalse(out.stdout.contains("\u{1B}") || out.stdout.contains("\u{7}"), "\(args[0]): \(out.stdout)")
            // The escape goes whole (an OSC up to its BEL), the rest of the label stays.
            XCTAssertTrue(out.stdout.contains(args[0] == "cooccur" ? "tags  #evil #漢字タグ\n" : "nodes  victim a1 a2 a3\n"), out.stdout)
        }
    }

    /// Hostile finding 7: `stats --json` had only the UTC first/last, though the table shows --tz.
    func testStatsJSONAddsFirstAndLastInTheZone() throws {
        let lines = ["Mon Jun 04 22:47:53 +0000 2012", "Tue Jun 05 06:00:00 +0000 2012"].enumerated().map { i, date in
            #"{"id_str":"\#(800 + i)","created_at":"\#(date)","text":"t","user":{"id_str":"5","screen_name":"k"}}"#
        }
        let db = Self.dir.appendingPathComponent("stats-tz.db").path
        XCTAssertEqual(try twindex("ingest", "--db", db, "--quiet", try save(lines.joined(separator: "\n") + "\n", "stats-tz.jsonl")).status, 0)
        let doc = try XCTUnwrap(try twindex("stats", "--db", db, "--json", "--tz", "Asia/Kathmandu").json as? [String: Any])
        XCTAssertEqual(doc["first"] as? String, "2012-06-04T22:47:53Z")
        XCTAssertEqual(doc["first_local"] as? String, "2012-06-05T04:32:53+05:45")   // +5:45, by hand
        XCTAssertEqual(doc["last"] as? String, "2012-06-05T06:00:00Z")
        XCTAssertEqual(doc["last_local"] as? String, "2012-06-05T11:45:00+05:45")
    }

    func testNoColorIsHonouredOnATerminal() throws {
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/script") else { throw XCTSkip("no script(1) for a terminal") }
        func onTerminal(_ env: String) throws -> String {
            let command = "\(env) '\(CLI.binary.path)' search --db '\(Self.db!)' ministerie --user esc"
            return try Subprocess.run(URL(fileURLWithPath: "/usr/bin/script"), ["-qec", command, "/dev/null"]).stdout
        }
        XCTAssertTrue(try onTerminal("NO_COLOR=").contains("\u{1B}[1;33m"))
        XCTAssertFalse(try onTerminal("NO_COLOR=1").contains("\u{1B}[1;33m"))
    }

    func testSQLKeepsDuplicateColumnsAndRefusesEmptyText() throws {
        let out = try twindex("sql", "--db", Self.db, "SELECT 1 AS n, 2 AS n, 9007199254740993 AS big, 5 AS small", "--format", "jsonl")
        XCTAssertEqual(out.stdout, #"{"n":1,"n_2":2,"big":"9007199254740993","small":5}"# + "\n")
        XCTAssertEqual(try twindex("sql", "--db", Self.db, "  ").status, 64)
        XCTAssertEqual(try twindex("sql", "--db", Self.db, "--", "-- a comment only").status, 64)
        XCTAssertEqual(try twindex("sql", "--db", Self.db, "PRAGMA table_info(tweets)", "--json").status, 0)
    }

    func testQueryBindsTextUnlessDeclaredAndNamesTheParametersItHas() throws {
        let file = try save("-- param: n integer\nSELECT :name AS name, typeof(:name) AS t, typeof(:n) AS tn LIMIT :n;\n", "typed.sql")
        let out = try twindex("query", "--db", Self.db, file, "--param", "name=007", "--param", "n=1", "--format", "csv")
        XCTAssertEqual(out.stdout, "name,t,tn\r\n007,text,integer\r\n", out.stderr)
        let forced = try twindex("query", "--db", Self.db, file, "--param-int", "name=007", "--param", "n=1", "--format", "csv")
        XCTAssertEqual(forced.stdout, "name,t,tn\r\n7,integer,integer\r\n", forced.stderr)
        let unknown = try twindex("query", "--db", Self.db, file, "--param", "bogus=1")
        XCTAssertEqual(unknown.status, 64)
        XCTAssertTrue(unknown.stderr.contains(":bogus") && unknown.stderr.contains(":name, :n"), unknown.stderr)
        XCTAssertEqual(try twindex("query", "--db", Self.db, file, "--param", "name=a", "--param", "n=x").status, 64)
    }
}

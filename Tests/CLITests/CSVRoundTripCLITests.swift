import Foundation
import TestSupport
import XCTest

/// Every CSV twindex writes, read back by Python's `csv` module, is its JSON output field for
/// field: `search`, `sql`, every saved query in `queries/` (run as its `-- example:` line
/// says), `users` and `timeline`, over the bundled sample, every real fixture and tweets
/// whose texts and names carry CR, LF, CRLF, quotes, commas, leading spaces, NUL, ESC and
/// non-ASCII.
final class CSVRoundTripCLITests: XCTestCase {
    private static var dir: URL!
    private static var db: String!
    /// Texts the hostile tweets carry, each once; Python checks each comes back exactly.
    static let hostileTexts = [
        "ministerie crlf\r\nline two", "ministerie lone cr\rand lone lf\nend", "ministerie \"quoted\", with, commas",
        "  ministerie leading and trailing spaces  ", "ministerie nul\u{0}inside", "ministerie \u{1B}[2J\u{1B}]0;title\u{7}escapes",
        "ministerie é e\u{301} 日本語 👩‍👩‍👧 \u{2028}sep", "\"ministerie\"", "ministerie,\r\n\"\r\n,",
    ]

    override class func setUp() {
        dir = try? SharedPaths.temporaryDirectory()
        let hostile = dir.appendingPathComponent("hostile.jsonl").path
        let lines = hostileTexts.enumerated().map { i, text -> String in
            let name = i % 2 == 0 ? "plain\(i)" : "name, \"\(i)\"\r\n"
            let tweet: [String: Any] = ["id_str": "90071992547409\(10_000 + i)", "created_at": "Mon Jun 04 22:47:53 +0000 2012",
                                        "text": text, "user": ["id_str": "\(900 + i)", "screen_name": "h\(i)", "name": name]]
            return (try? JSONSerialization.data(withJSONObject: tweet)).map { String(decoding: $0, as: UTF8.self) } ?? ""
        }
        try? (lines.joined(separator: "\n") + "\n").write(toFile: hostile, atomically: true, encoding: .utf8)
        db = dir.appendingPathComponent("roundtrip.db").path
        let sample = SharedPaths.packageRoot.appendingPathComponent("corpus/sample.jsonl.gz").path
        _ = try? CLI.run(["ingest", "--db", db, "--quiet", sample, hostile] + Fixtures.tweetFiles.map(\.path))
    }

    override class func tearDown() { try? FileManager.default.removeItem(at: dir) }

    /// Reads pairs of (CSV file, JSON file): the CSV header is the JSON's columns (or its
    /// rows' keys), a record per row, and each field is the JSON value written as text (null
    /// empty, numbers equal as numbers). Then every hostile text is a field of the first CSV.
    private static let oracle = """
        import csv, json, sys
        texts = json.load(open(sys.argv[1], encoding="utf-8"))
        pairs = sys.argv[2:]
        first = None
        for csv_path, json_path in zip(pairs[::2], pairs[1::2]):
            records = list(csv.reader(open(csv_path, newline="", encoding="utf-8")))
            doc = json.load(open(json_path, encoding="utf-8"))
            rows = doc["rows"]
            header = records[0]
            assert len(set(header)) == len(header), header
            if "columns" in doc:
                assert header == doc["columns"], (csv_path, header)
            for o in rows:
                assert set(o) == set(header), (csv_path, sorted(o), header)
            assert len(records) - 1 == len(rows), (csv_path, len(records) - 1, len(rows))
            for record, o in zip(records[1:], rows):
                assert len(record) == len(header), (csv_path, record)
                for name, field in zip(header, record):
                    v = o[name]
                    if v is None: ok = field == ""
                    elif isinstance(v, bool): ok = field == ("true" if v else "false")
                    elif isinstance(v, int): ok = field == str(v)
                    elif isinstance(v, float): ok = float(field) == v
                    else: ok = field == v
                    assert ok, (csv_path, name, field, v)
            if first is None:
                first = {f for record in records[1:] for f in record}
            print(csv_path.rsplit("/", 1)[-1], len(rows))
        missing = [t for t in texts if t not in first]
        assert not missing, missing
        """

    /// Runs `arguments` twice, with `csv` and `json` appended; saves both outputs.
    private func both(_ name: String, _ arguments: [String], csv: [String] = ["--format", "csv"],
                      json: [String] = ["--json"]) throws -> [String] {
        var paths: [String] = []
        for (suffix, extra) in [("csv", csv), ("json", json)] {
            let out = try CLI.run(arguments + ["--db", Self.db] + extra)
            XCTAssertEqual(out.status, 0, "\(name): \(out.stderr)")
            let path = Self.dir.appendingPathComponent("\(name).\(suffix)").path
            try out.stdout.write(toFile: path, atomically: true, encoding: .utf8)
            paths.append(path)
        }
        return paths
    }

    /// The `-- example: twindex query FILE --param ...` line of a saved query, as arguments.
    private func exampleArguments(_ file: URL) throws -> [String] {
        let text = try String(contentsOf: file, encoding: .utf8)
        let line = try XCTUnwrap(text.split(separator: "\n").first { $0.hasPrefix("-- example: twindex query ") }, file.path)
        let words = line.dropFirst("-- example: twindex query ".count).split(separator: " ").map(String.init)
        return ["query", file.path] + words.dropFirst()
    }

    func testEveryCSVReadsBackAsItsJSON() throws {
        if let reason = ReferenceTools.unavailableReason {
            if ReferenceTools.required { XCTFail(reason) }
            throw XCTSkip(reason)
        }
        var paths = try both("sql-tweets", ["sql", "SELECT * FROM tweets ORDER BY id"])
        paths += try both("sql-users", ["sql", "SELECT * FROM users ORDER BY id"])
        paths += try both("search", ["search", "ministerie", "--all"])
        paths += try both("search-de", ["search", "de", "--all", "--sort", "oldest"])
        let queries = try FileManager.default.contentsOfDirectory(
            at: SharedPaths.packageRoot.appendingPathComponent("queries"), includingPropertiesForKeys: nil)
            .filter { $0.pathExtension == "sql" }.sorted { $0.path < $1.path }
        XCTAssertGreaterThanOrEqual(queries.count, 5)
        for file in queries {
            paths += try both(file.deletingPathExtension().lastPathComponent, try exampleArguments(file))
        }
        paths += try both("users", ["users"], csv: ["--csv"])
        paths += try both("timeline", ["timeline", "--by", "week"], csv: ["--csv"])
        let texts = Self.dir.appendingPathComponent("texts.json").path
        try JSONSerialization.data(withJSONObject: Self.hostileTexts).write(to: URL(fileURLWithPath: texts))
        let result = try ReferenceTools.runPython(Self.oracle, arguments: [texts] + paths)
        let counts = result.split(separator: "\n").map { $0.split(separator: " ") }
        XCTAssertEqual(counts.count, paths.count / 2, result)
        XCTAssertGreaterThan(counts.first.flatMap { Int($0.last ?? "") } ?? 0, 5_000, result)
    }
}

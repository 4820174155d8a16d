import Foundation
import TestSupport
import XCTest

/// `twindex report` in a real browser: headless Chromium (Debian's `chromium`, which
/// `scripts/dev.sh test` installs) loads the page at 1400 and 400 px through the DevTools
/// protocol (Tests/Browser/report_check.py). Nothing may log an error or stick out of the
/// viewport, chart text must stay legible, and the text the browser renders for Tabel 6 and
/// the corpus table must be the numbers of `ratios --json` and `stats --json`, formatted
/// here. The screenshots stay in $TWINDEX_SCREENSHOTS when it is set.
final class ReportBrowserTests: XCTestCase {
    private static var dir: URL!
    private static var seen: [String: Any]?
    private static var failure: String?
    private static var db: String { dir.appendingPathComponent("study.db").path }
    static let widths = [1400, 400]

    /// The browser: $CHROMIUM, else `chromium` on the usual paths.
    static var chromium: String? {
        if let explicit = ProcessInfo.processInfo.environment["CHROMIUM"], !explicit.isEmpty { return explicit }
        return ["/usr/bin/chromium", "/usr/local/bin/chromium"].first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    override class func setUp() {
        dir = try? SharedPaths.temporaryDirectory()
        guard let dir, let chromium else { return }
        let corpus = dir.appendingPathComponent("study.jsonl").path
        _ = try? GeneratedCorpus.write(to: corpus, tweets: 6000, users: 300, seed: 5)
        _ = try? CLI.run(["ingest", "--db", db, "--quiet", corpus])
        let report = dir.appendingPathComponent("report.html").path
        let made = try? CLI.run(["report", "--db", db, "--year", "2012", "--out", report])
        guard made?.status == 0 else { failure = "report failed: \(made?.stderr ?? "")"; return }
        let shots = ProcessInfo.processInfo.environment["TWINDEX_SCREENSHOTS"].flatMap { $0.isEmpty ? nil : $0 } ?? dir.path
        try? FileManager.default.createDirectory(atPath: shots, withIntermediateDirectories: true)
        let script = SharedPaths.packageRoot.appendingPathComponent("Tests/Browser/report_check.py").path
        let python = ReferenceTools.python ?? URL(fileURLWithPath: "/usr/bin/python3")
        do {
            let out = try Subprocess.run(python, [script, chromium, report, shots] + widths.map(String.init))
            guard out.status == 0 else { failure = "report_check.py exited \(out.status): \(out.stderr)"; return }
            seen = try JSONSerialization.jsonObject(with: Data(out.stdout.utf8)) as? [String: Any]
        } catch {
            failure = "report_check.py: \(error)"
        }
    }

    override class func tearDown() { try? FileManager.default.removeItem(at: dir) }

    /// What the browser saw at `width`; skips where Chromium is missing (fails under CI).
    private func page(_ width: Int) throws -> [String: Any] {
        guard Self.chromium != nil else {
            let reason = "chromium is not installed (apt-get install chromium, or scripts/dev.sh test as root)"
            if ReferenceTools.required { XCTFail(reason) }
            throw XCTSkip(reason)
        }
        if let failure = Self.failure { XCTFail(failure) }
        return try XCTUnwrap(Self.seen?[String(width)] as? [String: Any], "no result for \(width) px")
    }

    private func json(_ arguments: [String]) throws -> [String: Any] {
        let out = try CLI.run(arguments + ["--db", Self.db, "--json"])
        XCTAssertEqual(out.status, 0, out.stderr)
        return try XCTUnwrap(out.json as? [String: Any])
    }

    private func grouped(_ n: Int) -> String { Thousands.grouped(n) }

    private func pct(_ x: Any?) -> String { (x as? Double).map { String(format: "%.2f%%", $0 * 100) } ?? "–" }

    func testNoConsoleErrorsAndNothingWiderThanTheViewport() throws {
        for width in Self.widths {
            let seen = try page(width)
            XCTAssertEqual(seen["consoleErrors"] as? [String], [], "\(width) px: console errors")
            XCTAssertEqual(seen["wide"] as? [String], [], "\(width) px: elements outside the viewport")
            let viewport = try XCTUnwrap(seen["viewport"] as? Int)
            XCTAssertLessThanOrEqual(viewport, width)
            XCTAssertEqual(seen["scrollWidth"] as? Int, viewport, "\(width) px: the page scrolls sideways")
        }
    }

    /// Chart text drawn at 8 CSS pixels or more at 400 px (the layout's larger fonts), the
    /// stylesheet's 11 px at full width.
    func testChartTextStaysLegible() throws {
        XCTAssertGreaterThanOrEqual(try page(400)["smallestChartText"] as? Double ?? 0, 8)
        XCTAssertGreaterThanOrEqual(try page(1400)["smallestChartText"] as? Double ?? 0, 10.5)
    }

    /// Tabel 6 as rendered: `ratios --baseline published --json`, formatted as the page
    /// promises (shares to two decimals, Wilson interval, the study's published shares).
    func testTabel6TextIsTheRatiosJSON() throws {
        let ratios = try json(["ratios", "--baseline", "published"])
        let titles = ["hashtags": "tweets with hashtags", "mentions": "tweets with @mentions", "starts_with_at": "tweets starting with @"]
        var expected = [["", "tweets", "share", "95% CI (Wilson)", "baseline", "diff (pp)", "ratio", "z", "p"]]
        for row in try XCTUnwrap(ratios["rows"] as? [[String: Any]]) {
            let name = try XCTUnwrap(row["name"] as? String)
            let ci = try XCTUnwrap(row["ci95"] as? [Double])
            func number(_ key: String, _ format: String) -> String { (row[key] as? Double).map { String(format: format, $0) } ?? "–" }
            expected.append([titles[name] ?? name, grouped(try XCTUnwrap(row["count"] as? Int)), pct(row["share"]),
                             "\(pct(ci[0])) – \(pct(ci[1]))", pct((row["baseline"] as? [String: Any])?["share"]),
                             number("diff_pp", "%+.2f"), number("ratio", "%.2f"), number("z", "%.1f"), number("p", "%.2g")])
        }
        XCTAssertEqual(expected.count, 4)
        for width in Self.widths { XCTAssertEqual(try page(width)["ratios"] as? [[String]], expected, "\(width) px") }
    }

    /// The corpus table as rendered: `stats --json`.
    func testCorpusTableTextIsTheStatsJSON() throws {
        let stats = try json(["stats"])
        func count(_ key: String) throws -> String { grouped(try XCTUnwrap(stats[key] as? Int, key)) }
        let expected = [["", ""], ["unique tweets (not deleted)", try count("tweets")], ["accounts", try count("users")],
                        ["first tweet (UTC)", try XCTUnwrap(stats["first"] as? String)],
                        ["last tweet (UTC)", try XCTUnwrap(stats["last"] as? String)],
                        ["duplicates skipped", try count("duplicates")], ["deleted by notices", try count("deleted")],
                        ["other notices", try count("notices")], ["bad lines", try count("bad_lines")], ["ingest runs", try count("runs")]]
        for width in Self.widths { XCTAssertEqual(try page(width)["summary"] as? [[String]], expected, "\(width) px") }
    }

    /// The week-hour heatmap's colour scale is labelled with the fewest and the most tweets of
    /// any hour of the week in the report's year (`activity --json`).
    func testHeatmapScaleSaysItsMinimumAndMaximum() throws {
        let activity = try json(["activity", "--from", "2012-01-01", "--to", "2012-12-31"])
        let cells = try XCTUnwrap(activity["week_hour"] as? [[Int]]).flatMap { $0 }
        XCTAssertEqual(cells.count, 7 * 24)
        let expected = [String(try XCTUnwrap(cells.min())), String(try XCTUnwrap(cells.max()))]
        XCTAssertNotEqual(expected[0], expected[1])
        for width in Self.widths { XCTAssertEqual(try page(width)["heatmapScale"] as? [String], expected, "\(width) px") }
    }
}

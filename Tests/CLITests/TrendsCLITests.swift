import Foundation
import TestSupport
import XCTest

/// `hashtags --by`, `words` and `repeats` end to end: their `--json` documents have CLI.md's
/// fields, and agree with the plain commands and the generator's truth.
final class TrendsCLITests: XCTestCase {
    private static var dir: URL!
    private static var db: String!
    private static var truth: [String: Any] = [:]

    override class func setUp() {
        dir = try? SharedPaths.temporaryDirectory()
        let corpus = dir.appendingPathComponent("trends.jsonl").path
        let truthFile = dir.appendingPathComponent("trends.truth.json").path
        _ = try? CLI.run(["generate", "--tweets", "6000", "--users", "200", "--seed", "4", "--out", corpus, "--truth", truthFile])
        truth = (try? JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: truthFile)))) as? [String: Any] ?? [:]
        db = dir.appendingPathComponent("trends.db").path
        _ = try? CLI.run(["ingest", "--db", db, "--quiet", corpus])
    }

    override class func tearDown() { try? FileManager.default.removeItem(at: dir) }

    private func json(_ args: String...) throws -> [String: Any] {
        let out = try CLI.run(args + ["--json", "--db", Self.db])
        XCTAssertEqual(out.status, 0, out.stderr)
        return try XCTUnwrap(out.json as? [String: Any], out.stdout)
    }

    func testHashtagsByMonthHasPeriodsWithRankedRows() throws {
        let doc = try json("hashtags", "--by", "month", "--top", "5")
        XCTAssertEqual(Set(doc.keys), ["by", "tz", "periods", "scope"])
        XCTAssertEqual(doc["by"] as? String, "month")
        let periods = try XCTUnwrap(doc["periods"] as? [[String: Any]])
        XCTAssertGreaterThan(periods.count, 12)
        var total = 0
        for p in periods {
            XCTAssertEqual(Set(p.keys), ["period", "rows"])
            XCTAssertTrue((p["period"] as? String)?.hasSuffix("-01") ?? false)
            let rows = try XCTUnwrap(p["rows"] as? [[String: Any]])
            XCTAssertLessThanOrEqual(rows.count, 5)
            XCTAssertEqual(rows.map { $0["rank"] as? Int ?? 0 }, Array(1..<(rows.count + 1)))
            for r in rows { XCTAssertEqual(Set(r.keys), ["tag", "label", "tweets", "rank"]) }
            total += rows.first?["tweets"] as? Int ?? 0
        }
        XCTAssertGreaterThan(total, 0)
    }

    /// One month with every tag is the plain top list of that month's scope.
    func testOneMonthsRowsAreThePlainHashtagsOfThatMonth() throws {
        let byMonth = try json("hashtags", "--by", "month", "--top", "8", "--from", "2012-03-01", "--to", "2012-03-31")
        let plain = try json("hashtags", "--top", "8", "--from", "2012-03-01", "--to", "2012-03-31")
        let month = try XCTUnwrap((byMonth["periods"] as? [[String: Any]])?.first?["rows"] as? [[String: Any]])
        let rows = try XCTUnwrap(plain["rows"] as? [[String: Any]])
        XCTAssertEqual(month.map { "\($0["tag"] ?? "")=\($0["tweets"] ?? "")" }, rows.map { "\($0["tag"] ?? "")=\($0["tweets"] ?? "")" })
    }

    func testWordsJSONWithAndWithoutPeriods() throws {
        let doc = try json("words", "--top", "7")
        XCTAssertEqual(Set(doc.keys), ["rows", "scope", "keep_stopwords"])
        let rows = try XCTUnwrap(doc["rows"] as? [[String: Any]])
        XCTAssertEqual(rows.count, 7)
        for r in rows { XCTAssertEqual(Set(r.keys), ["word", "label", "tweets"]) }
        let counts = rows.compactMap { $0["tweets"] as? Int }
        XCTAssertEqual(counts, counts.sorted(by: >))
        XCTAssertFalse(rows.contains { ["de", "het", "een", "van"].contains($0["word"] as? String ?? "") }, "stop words are out")
        let kept = try XCTUnwrap(try json("words", "--top", "3", "--keep-stopwords")["rows"] as? [[String: Any]])
        XCTAssertTrue(kept.contains { ["de", "het", "een", "van", "in", "op", "en"].contains($0["word"] as? String ?? "") })
        let weeks = try json("words", "--by", "week", "--top", "2", "--from", "2012-06-04", "--to", "2012-06-17")
        XCTAssertEqual(Set(weeks.keys), ["by", "tz", "periods", "scope", "keep_stopwords"])
        let periods = try XCTUnwrap(weeks["periods"] as? [[String: Any]])
        XCTAssertEqual(periods.map { $0["period"] as? String }, ["2012-06-04", "2012-06-11"])
        for r in periods.flatMap({ $0["rows"] as? [[String: Any]] ?? [] }) { XCTAssertEqual(Set(r.keys), ["word", "label", "tweets", "rank"]) }
    }

    func testRepeatsJSONIsTheTruthsPlantedGroups() throws {
        let doc = try json("repeats", "--top", "3")
        XCTAssertEqual(Set(doc.keys), ["rows", "scope"])
        let rows = try XCTUnwrap(doc["rows"] as? [[String: Any]])
        for r in rows { XCTAssertEqual(Set(r.keys), ["text", "tweets", "accounts"]) }
        let expected = try XCTUnwrap(Self.truth["repeats"] as? [[String: Any]])
        XCTAssertEqual(rows.map { "\($0["text"] ?? "") \($0["tweets"] ?? "") \($0["accounts"] ?? "")" },
                       expected.prefix(3).map { "\($0["text"] ?? "") \($0["tweets"] ?? "") \($0["accounts"] ?? "")" })
        let table = try CLI.run(["repeats", "--top", "1", "--db", Self.db])
        XCTAssertEqual(table.status, 0)
        XCTAssertTrue(table.stdout.contains(expected.first?["text"] as? String ?? "?"), table.stdout)
    }

    /// `--top 0` is every word (the ranking's "all"); below that is a usage error, and for
    /// `repeats` so is 0.
    func testTopOutOfRangeIsAUsageError() throws {
        for (command, top) in [("words", "-1"), ("repeats", "0")] {
            let out = try CLI.run([command, "--top", top, "--db", Self.db])
            XCTAssertEqual(out.status, 64, command)
        }
    }
}

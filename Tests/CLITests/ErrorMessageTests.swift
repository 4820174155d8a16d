import Foundation
import TestSupport
import XCTest

/// The CLI's wording of library errors (Sources/twindex/ErrorMessage.swift): each names the
/// value at fault and the flag or command that fixes it, as written out here by hand.
final class ErrorMessageTests: XCTestCase {
    private var dir: URL!

    override func setUpWithError() throws { dir = try SharedPaths.temporaryDirectory() }
    override func tearDownWithError() throws { try? FileManager.default.removeItem(at: dir) }

    /// A store holding one tweet (or none), made by the CLI itself.
    private func store(tweets: [String]) throws -> String {
        let input = dir.appendingPathComponent("in.jsonl")
        try (tweets.map { $0 + "\n" }.joined()).write(to: input, atomically: true, encoding: .utf8)
        let db = dir.appendingPathComponent("s.db").path
        let out = try CLI.run(["ingest", "--db", db, "--quiet", input.path])
        XCTAssertEqual(out.status, 0, out.stderr)
        return db
    }

    private let oneTweet = #"{"id_str":"1","created_at":"Mon Jan 07 10:00:00 +0000 2013","text":"hoi #ns","user":{"id_str":"7","screen_name":"u7"}}"#

    private func stderr(_ args: [String], status: Int32) throws -> String {
        let out = try CLI.run(args)
        XCTAssertEqual(out.status, status, "\(args): \(out.stderr)")
        return out.stderr.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    func testDayErrorsNameTheFlagAndTheValue() throws {
        let db = try store(tweets: [oneTweet])
        let bad = try stderr(["timeline", "--db", db, "--from", "2013-13-01"], status: 64)
        XCTAssertTrue(bad.contains("--from 2013-13-01 is not a date; use YYYY-MM-DD"), bad)
        let reversed = try stderr(["timeline", "--db", db, "--from", "2013-02-01", "--to", "2013-01-01"], status: 64)
        XCTAssertTrue(reversed.contains("--from 2013-02-01 is after --to 2013-01-01"), reversed)
    }

    func testAnOptionOutsideItsValuesListsThem() throws {
        let db = try store(tweets: [oneTweet])
        let by = try stderr(["timeline", "--db", db, "--by", "year"], status: 64)
        XCTAssertTrue(by.contains("'day', 'week' or 'month'"), by)
        let algorithm = try stderr(["cooccur", "--db", db, "--algorithm", "girvan"], status: 64)
        XCTAssertTrue(algorithm.contains("'leiden' and 'louvain'"), algorithm)
    }

    func testStoreErrorsSayWhichCommandOrFlagHelps() throws {
        let missing = dir.appendingPathComponent("none.db").path
        XCTAssertEqual(try stderr(["stats", "--db", missing], status: 1),
                       "twindex: error: no store at \(missing) (run `twindex ingest --db \(missing) FILES` first, or pass --db)")
        let db = try store(tweets: [oneTweet])
        XCTAssertEqual(try stderr(["sql", "--db", db, "SELECT ? + 1"], status: 1),
                       "twindex: error: positional parameters (?) cannot be given (in: SELECT ? + 1); use :name with --param name=VALUE")
        let search = try stderr(["search", "--db", db, "\"open"], status: 1)
        XCTAssertTrue(search.hasPrefix("twindex: error: invalid search query \"\"open\": "), search)
        XCTAssertTrue(search.hasSuffix("(FTS5 syntax: words, \"phrases\", prefix*, AND, OR, NOT, NEAR(a b, 10))"), search)
    }

    func testAnEmptyStoreSaysToIngestFirst() throws {
        let db = try store(tweets: [])
        XCTAssertEqual(try stderr(["ratios", "--db", db], status: 1),
                       "twindex: error: \(db) holds no tweets: nothing to compute ratios of (run `twindex ingest` first)")
    }
}

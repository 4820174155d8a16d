import Foundation
import TestSupport
import XCTest

/// Mistyped subcommands and inputs that do not exist.
final class CommandLineTests: XCTestCase {
    func testATypoedSubcommandGetsASuggestion() throws {
        for (typed, meant) in [("serch", "search"), ("stast", "stats"), ("bad-line", "bad-lines"), ("reprot", "report"),
                               ("Ingest", "ingest")] {
            let out = try CLI.run([typed, "x"])
            XCTAssertEqual(out.status, 64, typed)
            XCTAssertEqual(out.stderr, "twindex: error: unknown command '\(typed)'; did you mean '\(meant)'?\n")
        }
        let far = try CLI.run(["frobnicate"])
        XCTAssertEqual(far.status, 64)
        XCTAssertTrue(far.stderr.contains("unknown command 'frobnicate'; see 'twindex --help'"), far.stderr)
        XCTAssertEqual(try CLI.run(["help", "search"]).status, 0)
        XCTAssertEqual(try CLI.run(["--version"]).status, 0)
    }

    func testIngestOfAMissingInputMakesNoStore() throws {
        let dir = try SharedPaths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let db = dir.appendingPathComponent("new.db").path
        let out = try CLI.run(["ingest", "--db", db, dir.appendingPathComponent("missing.jsonl").path])
        XCTAssertEqual(out.status, 1)
        XCTAssertTrue(out.stderr.contains("missing.jsonl: no such file"), out.stderr)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: dir.path), [])
    }
}

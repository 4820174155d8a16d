import Foundation
import TestSupport
import XCTest

/// A writing command says before it migrates an older store (v10.db, written by the previous
/// binary), once, and not with --quiet; the store then holds what it held.
final class MigrationNoticeCLITests: XCTestCase {
    private var dir: URL!
    override func setUpWithError() throws { dir = try SharedPaths.temporaryDirectory() }
    override func tearDownWithError() throws { try? FileManager.default.removeItem(at: dir) }

    private func copyOfVersionTen(_ name: String) throws -> String {
        let copy = dir.appendingPathComponent(name).path
        try FileManager.default.copyItem(atPath: SharedPaths.packageRoot.appendingPathComponent("Tests/Fixtures/stores/v10.db").path,
                                         toPath: copy)
        return copy
    }

    func testIngestSaysItUpgradesTheStoreOnceAndNotWhenQuiet() throws {
        let path = try copyOfVersionTen("old.db")
        let first = try CLI.run(["ingest", "--db", path, "-"], stdin: Data())
        XCTAssertEqual(first.status, 0, first.stderr)
        XCTAssertTrue(first.stderr.contains("twindex: upgrading \(path) from store schema 10 to 11 (once;"), first.stderr)
        let again = try CLI.run(["ingest", "--db", path, "-"], stdin: Data())
        XCTAssertEqual(again.status, 0, again.stderr)
        XCTAssertFalse(again.stderr.contains("upgrading"), again.stderr)
        let stats = try XCTUnwrap(CLI.run(["stats", "--json", "--db", path]).json as? [String: Any])
        XCTAssertEqual(stats["tweets"] as? Int, 300, "the fixture's tweets")

        let quiet = try copyOfVersionTen("quiet.db")
        let silent = try CLI.run(["ingest", "--quiet", "--db", quiet, "-"], stdin: Data())
        XCTAssertEqual(silent.status, 0, silent.stderr)
        XCTAssertFalse(silent.stderr.contains("upgrading"), silent.stderr)
    }

    func testANewStoreIsNotAnUpgrade() throws {
        let path = dir.appendingPathComponent("new.db").path
        let run = try CLI.run(["ingest", "--db", path, "-"], stdin: Data())
        XCTAssertEqual(run.status, 0, run.stderr)
        XCTAssertFalse(run.stderr.contains("upgrading"), run.stderr)
    }

    func testAStoreThatCannotBeWrittenGetsTheErrorWithoutTheNotice() throws {
        let path = try copyOfVersionTen("readonly.db")
        chmod(dir.path, 0o755)
        chmod(path, 0o444)
        guard let run = try CLI.runUnprivileged(["ingest", "--db", path, "-"]) else {
            throw XCTSkip("cannot run as an unprivileged user here")
        }
        XCTAssertEqual(run.status, 1, run.stderr)
        XCTAssertFalse(run.stderr.contains("upgrading"), run.stderr)
        XCTAssertTrue(run.stderr.contains("read-only"), run.stderr)
    }
}

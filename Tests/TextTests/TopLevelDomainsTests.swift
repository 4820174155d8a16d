import Foundation
import TestSupport
import XCTest

/// Sources/Text/TopLevelDomains.swift is generated: it must be exactly what its generator
/// writes from twitter-text's list today.
final class TopLevelDomainsTests: XCTestCase {
    func testCommittedFileIsTheGeneratorsOutput() throws {
        let root = SharedPaths.packageRoot
        let result = try Subprocess.run(URL(fileURLWithPath: "/usr/bin/env"),
                                        ["python3", root.appendingPathComponent("scripts/generate-tlds.py").path, "--stdout"])
        XCTAssertEqual(result.status, 0, result.stderr)
        let committed = try String(contentsOf: root.appendingPathComponent("Sources/Text/TopLevelDomains.swift"), encoding: .utf8)
        XCTAssertEqual(result.stdout, committed, "run scripts/generate-tlds.py and commit the result")
    }
}

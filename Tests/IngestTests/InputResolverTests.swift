import Foundation
import TestSupport
import XCTest
@testable import Ingest

/// Issue 14, item 2: symbolic links to input files and directories are followed, loops are
/// detected and reported, and what cannot be read is a problem, never silence.
final class InputResolverTests: XCTestCase {
    private var dir: URL!
    private let fm = FileManager.default
    override func setUpWithError() throws { dir = try SharedPaths.temporaryDirectory() }
    override func tearDownWithError() throws { try? fm.removeItem(at: dir) }

    private func path(_ name: String) -> String { dir.appendingPathComponent(name).path }

    private func touch(_ name: String) throws {
        try fm.createDirectory(atPath: (path(name) as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try Data("{}\n".utf8).write(to: URL(fileURLWithPath: path(name)))
    }

    private func link(_ name: String, to target: String) throws {
        try fm.createSymbolicLink(atPath: path(name), withDestinationPath: target)
    }

    private func files(_ inputs: [InputResolver.Input]) -> [String] {
        inputs.compactMap { if case .file(let p) = $0 { return p } else { return nil } }
    }

    private func problems(_ inputs: [InputResolver.Input]) -> [String: String] {
        var out: [String: String] = [:]
        for case .unreadable(let p, let reason) in inputs { out[p] = reason }
        return out
    }

    func testHardening2ASymlinkedInputDirectoryIsFollowed() throws {
        try touch("data/a.jsonl")
        try touch("data/sub/b.jsonl.gz")
        try link("d", to: "data")                      // relative, as `ln -s data d`
        let inputs = InputResolver.resolve([path("d")])
        XCTAssertEqual(files(inputs), [path("d/a.jsonl"), path("d/sub/b.jsonl.gz")])
        XCTAssertEqual(problems(inputs), [:])
    }

    func testHardening2SymlinksInsideADirectoryAreFollowedAndAFileReachedTwiceIsListedOnce() throws {
        try touch("data/a.jsonl")
        try touch("elsewhere/x/c.jsonl")
        try link("data/b.jsonl", to: path("elsewhere/x/c.jsonl"))   // a link to a file
        try link("data/more", to: path("elsewhere"))                // a link to a directory
        try link("data/again.jsonl", to: "a.jsonl")                 // the same file by a second name
        let inputs = InputResolver.resolve([path("data")])
        XCTAssertEqual(files(inputs), [path("data/a.jsonl"), path("data/b.jsonl")])
        XCTAssertEqual(problems(inputs), [:])
    }

    func testHardening2ALinkLoopIsReportedNotFollowed() throws {
        try touch("data/a.jsonl")
        try link("data/up", to: "..")                 // back to the directory holding data
        try link("data/self", to: ".")                // back to data itself
        try link("knot", to: "knot")                  // a link to itself
        let inputs = InputResolver.resolve([path("data"), path("knot")])
        XCTAssertEqual(files(inputs), [path("data/a.jsonl")])
        let found = problems(inputs)
        XCTAssertEqual(found[path("data/self")]?.contains("symbolic link loop"), true, "\(found)")
        XCTAssertEqual(found[path("data/up/data")]?.contains("symbolic link loop: leads back to \(path("data"))"), true, "\(found)")
        XCTAssertEqual(found[path("knot")]?.contains("symbolic link loop"), true, "\(found)")
        XCTAssertEqual(found[path("knot")]?.contains("no such file"), false)
    }

    func testHardening2BrokenLinksAndMissingInputsAreProblems() throws {
        try touch("data/a.jsonl")
        try link("data/gone.jsonl", to: "/nonexistent/x.jsonl")
        try link("data/notes.txt", to: "/nonexistent/y")      // not an input by its name: ignored
        let inputs = InputResolver.resolve([path("data"), path("missing.jsonl")])
        XCTAssertEqual(files(inputs), [path("data/a.jsonl")])
        XCTAssertEqual(problems(inputs), [
            path("data/gone.jsonl"): "broken symbolic link (to /nonexistent/x.jsonl, which does not exist)",
            path("missing.jsonl"): "no such file or directory",
        ])
    }
}

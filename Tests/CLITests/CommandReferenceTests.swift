import Foundation
import TestSupport
import XCTest

/// README's command reference names every subcommand and every option each one takes, as
/// the built binary's own `twindex help` lists them (the oracle), so a flag added without
/// documentation fails here.
final class CommandReferenceTests: XCTestCase {
    /// The reference block of README.md, with `[scope]` and `[graph]` spelled out as the
    /// paragraph above it defines them; one entry per command (continuation lines joined).
    private func reference() throws -> [String: String] {
        let readme = try String(contentsOf: SharedPaths.packageRoot.appendingPathComponent("README.md"), encoding: .utf8)
        let section = try XCTUnwrap(readme.components(separatedBy: "### Command reference").dropFirst().first?
            .components(separatedBy: "\n### ").first)
        func group(_ name: String) throws -> String {
            let after = try XCTUnwrap(section.components(separatedBy: "`[\(name)]` is").dropFirst().first)
            return try XCTUnwrap(after.components(separatedBy: "`").dropFirst().first)
        }
        let scope = try group("scope"), graph = try group("graph")
        let block = try XCTUnwrap(section.components(separatedBy: "```text\n").dropFirst().first?.components(separatedBy: "```").first)
        var entries: [String: String] = [:]
        var current: String?
        for line in block.split(separator: "\n").map(String.init) {
            if line.hasPrefix("twindex ") {
                let name = String(line.dropFirst("twindex ".count).prefix { $0 != " " })
                current = name
                entries[name] = line
            } else if let current, line.hasPrefix(" ") {
                entries[current, default: ""] += " " + line
            }
        }
        return entries.mapValues { $0.replacingOccurrences(of: "[scope]", with: scope).replacingOccurrences(of: "[graph]", with: graph) }
    }

    /// The subcommands `twindex --help` lists, and the options `twindex help NAME` lists for one.
    private func subcommands() throws -> [String] {
        let help = try CLI.run(["--help"]).stdout
        let list = try XCTUnwrap(help.components(separatedBy: "SUBCOMMANDS:\n").dropFirst().first?
            .components(separatedBy: "\n\n").first)
        return list.split(separator: "\n").compactMap { line in
            guard line.hasPrefix("  "), !line.hasPrefix("   ") else { return nil }
            return line.split(separator: " ").first.map(String.init)
        }
    }

    private func options(of command: String) throws -> [String] {
        let help = try CLI.run(["help", command]).stdout
        let list = try XCTUnwrap(help.components(separatedBy: "OPTIONS:").dropFirst().first)
        return list.split(separator: "\n").compactMap { line -> String? in
            let words = line.split(separator: " ")
            guard line.hasPrefix("  "), !line.hasPrefix("   ") else { return nil }
            return words.first { $0.hasPrefix("--") }.map(String.init)
        }.filter { $0 != "--help" && $0 != "--version" }
    }

    func testEveryOptionOfEveryCommandIsInTheReference() throws {
        let reference = try reference()
        let commands = try subcommands()
        XCTAssertGreaterThanOrEqual(commands.count, 18, "\(commands)")
        for command in commands {
            let entry = try XCTUnwrap(reference[command], "README's command reference has no `twindex \(command)`")
            let words = Set(entry.split { " []|.,".contains($0) }.map(String.init))
            for option in try options(of: command) {
                XCTAssertTrue(words.contains(option), "README's `twindex \(command)` lacks \(option)")
            }
        }
        XCTAssertEqual(Set(reference.keys), Set(commands), "commands in the reference that twindex does not have")
    }
}

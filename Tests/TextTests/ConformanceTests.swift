import Foundation
import TestSupport
import XCTest
@testable import Text

/// Runs twitter-text's own conformance suite (shared/conformance/twitter-text, read in place
/// from its JSON copy) and reports a pass count per group.
final class ConformanceTests: XCTestCase {
    private static let suite: [String: [[String: Any]]] = {
        let url = SharedPaths.conformance.appendingPathComponent("json/extract.json")
        guard let data = try? Data(contentsOf: url),
              let root = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
              let tests = root["tests"] as? [String: [[String: Any]]] else { return [:] }
        return tests
    }()

    /// Runs one group; returns (passed, total) and the failures' descriptions.
    private func run(_ group: String, _ check: ([String: Any]) -> Bool) -> (Int, Int, [String]) {
        let cases = Self.suite[group] ?? []
        var failures: [String] = []
        for c in cases where !check(c) {
            failures.append("\(c["description"] ?? "?"): \(String(describing: c["text"] ?? ""))")
        }
        print("conformance \(group): \(cases.count - failures.count)/\(cases.count) passed")
        return (cases.count - failures.count, cases.count, failures)
    }

    private func assertAllPass(_ group: String, _ check: ([String: Any]) -> Bool) {
        let (passed, total, failures) = run(group, check)
        XCTAssertGreaterThan(total, 0, "group \(group) not found in the suite")
        XCTAssertEqual(passed, total, "\(group) failures:\n" + failures.joined(separator: "\n"))
    }

    private func values(_ c: [String: Any]) -> [String] { c["expected"] as? [String] ?? [] }
    private func text(_ c: [String: Any]) -> String { c["text"] as? String ?? "" }

    private func matchesIndices(_ found: [TextEntity], _ expected: Any?, key: String, slug: Bool = false) -> Bool {
        guard let exp = expected as? [[String: Any]], exp.count == found.count else { return false }
        for (e, f) in zip(exp, found) {
            guard e[key] as? String == f.value, e["indices"] as? [Int] == [f.start, f.end] else { return false }
            if slug, case .mention(let s) = f.kind, e["list_slug"] as? String != s { return false }
        }
        return true
    }

    func testSuiteIsPresent() {
        XCTAssertFalse(Self.suite.isEmpty, "shared/conformance/twitter-text/json/extract.json not found")
    }

    func testHashtags() {
        assertAllPass("hashtags") { TwitterText.hashtags(in: text($0)).map(\.value) == values($0) }
    }

    func testHashtagsFromAstral() {
        assertAllPass("hashtags_from_astral") { TwitterText.hashtags(in: text($0)).map(\.value) == values($0) }
    }

    func testHashtagsWithIndices() {
        assertAllPass("hashtags_with_indices") {
            matchesIndices(TwitterText.hashtags(in: text($0)), $0["expected"], key: "hashtag")
        }
    }

    func testMentions() {
        assertAllPass("mentions") { TwitterText.mentions(in: text($0)).map(\.value) == values($0) }
    }

    func testMentionsWithIndices() {
        assertAllPass("mentions_with_indices") {
            matchesIndices(TwitterText.mentions(in: text($0)), $0["expected"], key: "screen_name")
        }
    }

    func testMentionsOrListsWithIndices() {
        assertAllPass("mentions_or_lists_with_indices") {
            matchesIndices(TwitterText.mentionsOrLists(in: text($0)), $0["expected"], key: "screen_name", slug: true)
        }
    }

    func testReplies() {
        assertAllPass("replies") { TwitterText.replyScreenName(in: text($0)) == $0["expected"] as? String }
    }

    func testCashtags() {
        assertAllPass("cashtags") { TwitterText.cashtags(in: text($0)).map(\.value) == values($0) }
    }

    func testCashtagsWithIndices() {
        assertAllPass("cashtags_with_indices") {
            matchesIndices(TwitterText.cashtags(in: text($0)), $0["expected"], key: "cashtag")
        }
    }

    /// Every URL case of extract.yml: 91 + 10 + 2 + 5 = 108, all of them, counted exactly.
    func testURLs() {
        var passed = 0, total = 0
        for group in ["urls", "urls_with_directional_markers", "urls_with_indices", "tco_urls_with_params"] {
            let (p, t, failures) = run(group) { c in
                let found = TwitterText.urls(in: text(c))
                if let plain = c["expected"] as? [String] { return found.map(\.value) == plain }
                return matchesIndices(found, c["expected"], key: "url")
            }
            XCTAssertEqual(p, t, "\(group) failures:\n" + failures.joined(separator: "\n"))
            passed += p
            total += t
        }
        XCTAssertEqual(total, 108, "the suite's URL cases")
        XCTAssertEqual(passed, 108)
    }

    /// tlds.yml: a URL on every one of twitter-text's 1,574 TLDs (315 country, 1,259 generic).
    func testEveryTLD() throws {
        let url = SharedPaths.conformance.appendingPathComponent("json/tlds.json")
        let root = try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any]
        let groups = try XCTUnwrap(root?["tests"] as? [String: [[String: Any]]])
        var failures: [String] = []
        var total = 0
        for (_, cases) in groups {
            for c in cases {
                total += 1
                if TwitterText.urls(in: text(c)).map(\.value) != values(c) { failures.append(text(c)) }
            }
        }
        XCTAssertEqual(total, 1574)
        XCTAssertEqual(failures, [])
    }
}

/// autolink.yml's URL cases as a second oracle for extraction: twitter-text's autolinker
/// links exactly the URLs with a protocol that its extractor finds, so the linked texts
/// (entities undone) must be the URLs `TwitterText.urls` finds that start with a protocol.
final class AutolinkURLTests: XCTestCase {
    func testLinkedURLsAreTheExtractedOnes() throws {
        let url = SharedPaths.conformance.appendingPathComponent("json/autolink.json")
        let root = try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any]
        let cases = try XCTUnwrap((root?["tests"] as? [String: [[String: Any]]])?["urls"])
        let anchor = try NSRegularExpression(pattern: "<a href=\"[^\"]*\"[^>]*>(.*?)</a>")
        var failures: [String] = []
        var links = 0
        for c in cases {
            let text = c["text"] as? String ?? "", html = c["expected"] as? String ?? ""
            let linked = anchor.matches(in: html, range: NSRange(html.startIndex..., in: html)).compactMap { m in
                Range(m.range(at: 1), in: html).map {
                    String(html[$0]).replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
                        .replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&#39;", with: "'")
                        .replacingOccurrences(of: "&amp;", with: "&")
                }
            }
            links += linked.count
            let found = TwitterText.urls(in: text).map(\.value).filter { $0.lowercased().hasPrefix("http") }
            if found != linked { failures.append("\(c["description"] ?? ""): found \(found), linked \(linked)") }
        }
        XCTAssertEqual(cases.count, 78)
        print("autolink urls: \(cases.count - failures.count)/\(cases.count) cases, \(links) links")
        XCTAssertEqual(failures, [])
    }
}

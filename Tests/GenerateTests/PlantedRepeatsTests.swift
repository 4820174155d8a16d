@testable import Analysis
import Foundation
import Generate
import Model
import Store
import TestSupport
import XCTest

/// The generator plants copied messages and writes their truth; `IdenticalTexts` finds
/// exactly those groups in the ingested corpus.
final class PlantedRepeatsTests: XCTestCase {
    func testIdenticalTextsFindThePlantedGroupsExactly() throws {
        let dir = try SharedPaths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("g.jsonl").path
        let truth = try GeneratedCorpus.write(to: file, tweets: 12000, users: 300, seed: 3)
        try TestStores.ingest([file], into: file + ".db")
        let groups = try IdenticalTexts.groups(in: try Store.openForReading(path: file + ".db"), limit: nil,
                                               timeZone: TimeZone(identifier: "UTC")!)

        guard case .array(let planted) = truth.json.object?["repeats"] ?? .null else { return XCTFail("no repeats in the truth") }
        let expected = planted.compactMap { row -> RepeatedText? in
            guard let o = row.object, case .string(let text) = o["text"], case .int(let tweets) = o["tweets"],
                  case .int(let accounts) = o["accounts"] else { return nil }
            return RepeatedText(text: text, tweets: tweets, accounts: accounts)
        }
        // A few texts, each many times by several accounts; their plain form leads.
        XCTAssertGreaterThanOrEqual(expected.count, 4)
        XCTAssertGreaterThanOrEqual(expected.first?.tweets ?? 0, 20)
        XCTAssertGreaterThanOrEqual(expected.first?.accounts ?? 0, 10)
        // Every planted group is found with its counts, in the same order…
        let found = groups.filter { Set(expected.map(\.text)).contains($0.text) }
        XCTAssertEqual(found, expected)
        // …and every group that holds a planted message is a planted group (a variant with a reply
        // prefix or hashtags after it included).
        let marks = ["Week van de Ambtenaar", "kabinetsplannen voor 2013", "kantoor gesloten wegens", "jaarverslag, en geef"]
        let holding = groups.filter { g in marks.contains { g.text.contains($0) } }
        XCTAssertEqual(holding, expected)
    }
}

private extension JSONValue {
    var object: [String: JSONValue]? {
        if case .object(let o) = self { return o }
        return nil
    }
}

import Foundation
import Generate
import Ingest
import Model
import Output
import TestSupport
import XCTest

/// CSV read back by Python's `csv` module (the oracle) gives every field byte for byte.
final class CSVTests: XCTestCase {
    /// Reads CSV from stdin with Python's csv module; prints each record's fields as UTF-8 hex,
    /// space-separated, one record per line.
    private static let reader = """
        import csv, io, sys
        for row in csv.reader(io.TextIOWrapper(sys.stdin.buffer, encoding="utf-8", newline="")):
            print(" ".join(f.encode("utf-8").hex() or "-" for f in row))
        """

    private func hex(_ s: String) -> String {
        s.utf8.isEmpty ? "-" : s.utf8.map { String(format: "%02x", $0) }.joined()
    }

    /// Writes `texts` as rows (index, text, the text again between two other fields) and checks
    /// Python reads back exactly those rows.
    private func assertRoundTrip(_ texts: [String], _ what: String, file: StaticString = #filePath, line: UInt = #line) throws {
        if let reason = ReferenceTools.unavailableReason {
            if ReferenceTools.required { XCTFail(reason, file: file, line: line) }
            throw XCTSkip(reason)
        }
        var out = ""
        let csv = CSVWriter { out += $0 }
        let header = ["n", "text", "a,b", "text again"]
        csv.write(header)
        var expected = [header]
        for (i, t) in texts.enumerated() {
            let row = [String(i), t, "", t]
            csv.write(row)
            expected.append(row)
        }
        let read = try ReferenceTools.runPython(Self.reader, stdin: Data(out.utf8))
            .split(separator: "\n", omittingEmptySubsequences: false).dropLast().map(String.init)
        XCTAssertEqual(read.count, expected.count, "\(what): records read back", file: file, line: line)
        for (got, want) in zip(read, expected) where got != want.map(hex).joined(separator: " ") {
            XCTFail("\(what): \(want) read back as \(got)", file: file, line: line)
            return
        }
    }

    func testEdgeCasesRoundTrip() throws {
        let texts = ["", " ", "a\r\nb", "a\rb", "a\nb", "\r\n", "\r", "\n", "\"", "\"\"", "a,b", " leading", "trailing ",
                     "\t", "tab\tinside", "é", "e\u{301}", "日本語", "👩‍👩‍👧", "\u{1B}[31mred\u{1B}[0m", "\u{0}nul",
                     "\u{2028}sep", "\u{FEFF}bom", "=1+2", "\"quoted\", then\r\nmore\n\r"]
        try assertRoundTrip(texts, "edge cases")
    }

    func testSingleEmptyFieldIsARecord() {
        XCTAssertEqual(CSV.record([""]), "\"\"\r\n")
        XCTAssertEqual(CSV.record(["", ""]), ",\r\n")
        XCTAssertEqual(CSV.record(["a\r\nb", "x"]), "\"a\r\nb\",x\r\n")
    }

    func testEveryTextOfAGeneratedCorpusRoundTrips() throws {
        var options = CorpusGenerator.Options()
        options.tweets = 3_000
        options.users = 60
        options.seed = 12
        var texts: [String] = []
        let decoder = TweetDecoder()
        _ = CorpusGenerator(options: options).generate { line in
            texts += Self.texts(of: line, decoder)
        }
        XCTAssertGreaterThan(texts.count, 3_000)
        try assertRoundTrip(texts, "generated corpus")
    }

    func testEveryTextOfTheRealFixturesRoundTrips() throws {
        let decoder = TweetDecoder()
        var count = 0
        for url in Fixtures.tweetFiles {
            let lines = try String(contentsOf: url, encoding: .utf8).split(separator: "\n").map(String.init)
            let texts = lines.flatMap { Self.texts(of: $0, decoder) }
            count += texts.count
            try assertRoundTrip(texts, url.lastPathComponent)
        }
        XCTAssertGreaterThan(count, 500)
    }

    /// Every text a decoded line carries: tweet text, source, place, and the author's names,
    /// location and description.
    private static func texts(of line: String, _ decoder: TweetDecoder) -> [String] {
        var bytes = Array(line.utf8)
        let result = bytes.withUnsafeMutableBytes { decoder.decode(UnsafeRawBufferPointer($0)) }
        guard case .success(let decoded) = result else { return [] }
        return decoded.tweets.flatMap { t -> [String] in
            [t.text, t.source, t.placeName, t.author?.name, t.author?.screenName, t.author?.location, t.author?.description]
                .compactMap { $0 }
        }
    }
}

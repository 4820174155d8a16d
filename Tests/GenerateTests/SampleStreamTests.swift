import Foundation
import Generate
import Model
import Store
import TestSupport
import XCTest

/// The generated 1% sample (`generate --profile sample1pct`, SampleStreamGenerator) and its
/// packing as the Archive Team layout (StreamArchiveWriter): the stream's shape counted
/// again here with Foundation's JSON parser and Unicode script ranges, and the packed
/// archives read back by Python's tarfile/zipfile and by an ingest.
final class SampleStreamTests: XCTestCase {
    private func stream(tweets: Int, seed: UInt64 = 7, days: Int = 1) -> (lines: [String], seconds: [Int64], truth: SampleTruth) {
        var options = SampleStreamGenerator.Options()
        options.tweets = tweets
        options.seed = seed
        options.days = days
        var lines: [String] = [], seconds: [Int64] = []
        let truth = SampleStreamGenerator(options: options).generate { line, second in
            lines.append(line)
            seconds.append(second)
        }
        return (lines, seconds, truth)
    }

    /// The script of a text by the Unicode blocks of its letters: Japanese when it has kana,
    /// else the first of these blocks met, else Latin.
    private func script(of text: String) -> String {
        if text.unicodeScalars.contains(where: { (0x3040...0x30FF).contains($0.value) }) { return "Japanese" }
        for s in text.unicodeScalars {
            switch s.value {
            case 0x0600...0x06FF: return "Arabic"
            case 0x0400...0x04FF: return "Cyrillic"
            case 0xAC00...0xD7AF: return "Hangul"
            case 0x0E00...0x0E7F: return "Thai"
            case 0x0900...0x097F: return "Devanagari"
            case 0x4E00...0x9FFF: return "Han"
            case 0x1F300...0x1FAFF, 0x2600...0x27BF: return "Emoji"
            default: continue
            }
        }
        return "Latin"
    }

    func testTheStreamHasTheSampleShapeCountedIndependently() throws {
        let (lines, seconds, truth) = stream(tweets: 30_000)
        var tweets = 0, deletes = 0, limits = 0, retweets = 0, hashtags = 0, mentions = 0, startsWithAt = 0
        var languages: [String: Int] = [:], scripts: [String: Int] = [:], ids = Set<String>()
        for line in lines {
            let object = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any], line)
            if let delete = object["delete"] as? [String: Any] {
                XCTAssertNotNil((delete["status"] as? [String: Any])?["id_str"] as? String)
                deletes += 1
                continue
            }
            if object["limit"] != nil { limits += 1; continue }
            tweets += 1
            let text = try XCTUnwrap(object["text"] as? String)
            let entities = try XCTUnwrap(object["entities"] as? [String: Any])
            if let original = object["retweeted_status"] as? [String: Any] {
                retweets += 1
                let by = try XCTUnwrap((original["user"] as? [String: Any])?["screen_name"] as? String)
                XCTAssertEqual(text, "RT @\(by): " + (try XCTUnwrap(original["text"] as? String)))
                XCTAssertEqual(original["lang"] as? String, object["lang"] as? String)
            }
            if !((entities["hashtags"] as? [Any]) ?? []).isEmpty { hashtags += 1 }
            if !((entities["user_mentions"] as? [Any]) ?? []).isEmpty { mentions += 1 }
            if text.hasPrefix("@") {
                startsWithAt += 1
                XCTAssertNotNil(object["in_reply_to_status_id_str"] as? String, "a reply names what it answers")
            }
            languages[try XCTUnwrap(object["lang"] as? String), default: 0] += 1
            scripts[script(of: text), default: 0] += 1
            XCTAssertTrue(ids.insert(try XCTUnwrap(object["id_str"] as? String)).inserted, "ids are unique")
        }
        XCTAssertEqual(seconds, seconds.sorted(), "lines come in arrival order")
        XCTAssertEqual([truth.lines, truth.tweets, truth.deletes, truth.limits, truth.retweets],
                       [lines.count, tweets, deletes, limits, retweets])
        XCTAssertEqual([truth.withHashtags, truth.withMentions, truth.startsWithAt], [hashtags, mentions, startsWithAt])
        XCTAssertEqual(truth.languages, languages)
        XCTAssertEqual(truth.scripts, scripts)
        // The shape asked for: one line in ten a delete, a few limits, many languages and
        // scripts with English first, Tabel 6's published shares within sampling error.
        XCTAssertEqual(Double(deletes) / Double(lines.count), 0.1, accuracy: 0.01)
        XCTAssertGreaterThan(limits, 3)
        XCTAssertEqual(Double(retweets) / Double(tweets), 0.10, accuracy: 0.01)
        XCTAssertGreaterThanOrEqual(languages.count, 15)
        XCTAssertEqual(languages.max { $0.value < $1.value }?.key, "en")
        XCTAssertEqual(Set(scripts.keys), ["Latin", "Japanese", "Arabic", "Cyrillic", "Hangul", "Thai", "Han", "Devanagari", "Emoji"])
        for (share, published) in [(hashtags, PublishedBaseline.hashtags), (mentions, PublishedBaseline.mentions),
                                   (startsWithAt, PublishedBaseline.startsWithAt)] {
            XCTAssertEqual(Double(share) / Double(tweets), published, accuracy: 0.012)
        }
        XCTAssertEqual(truth.hours.count, 24)
        XCTAssertEqual(truth.hours.values.reduce(0) { $0 + $1.tweets }, tweets)
    }

    func testTheSameSeedGivesTheSameStream() {
        let a = stream(tweets: 2000, seed: 3), b = stream(tweets: 2000, seed: 3), c = stream(tweets: 2000, seed: 4)
        XCTAssertEqual(a.lines, b.lines)
        XCTAssertEqual(a.truth.json.rendered(), b.truth.json.rendered())
        XCTAssertNotEqual(a.lines, c.lines)
    }

    /// The tar and the zip hold one member per minute named as the stream grab's, whose
    /// contents (read by Python) are the stream, the same bytes when written again; ingested,
    /// they give the store of the JSONL.
    func testPackedArchivesHoldTheStreamAndIngestToTheSameStore() throws {
        let (lines, seconds, truth) = stream(tweets: 1500, days: 2)
        let missing = ReferenceTools.unavailableReason
        XCTAssertFalse(ReferenceTools.required && missing != nil, missing ?? "")
        try XCTSkipIf(missing != nil, missing)
        let dir = try SharedPaths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        func path(_ name: String) -> String { dir.appendingPathComponent(name).path }
        try (lines.joined(separator: "\n") + "\n").write(toFile: path("day.jsonl"), atomically: true, encoding: .utf8)
        var expectedNames: [String] = []
        for t in seconds {
            let (y, m, d) = CivilDate.civil(CivilDate.day(ofEpoch: t))
            let name = String(format: "%04d/%02d/%02d/%02d/%02d", y, m, d, Int(t % 86400 / 3600), Int(t % 3600 / 60))
            if expectedNames.last != name { expectedNames.append(name) }
        }
        for layout in StreamArchiveWriter.Layout.allCases {
            let archive = try StreamArchiveWriter(path: path("day.\(layout.rawValue)"), layout: layout)
            for (line, t) in zip(lines, seconds) { try archive.add(line, receivedAt: t) }
            let names = try archive.finish()
            XCTAssertEqual(names, expectedNames.map { $0 + (layout == .tar ? ".json.bz2" : ".json.gz") })
            // Members are compressed on several threads: written again, the archive is the same bytes.
            let again = try StreamArchiveWriter(path: path("again.\(layout.rawValue)"), layout: layout)
            for (line, t) in zip(lines, seconds) { try again.add(line, receivedAt: t) }
            _ = try again.finish()
            XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: path("again.\(layout.rawValue)"))),
                           try Data(contentsOf: URL(fileURLWithPath: path("day.\(layout.rawValue)"))), layout.rawValue)
        }
        XCTAssertEqual(truth.tweets, 1500)
        let read = try ReferenceTools.runPython("""
            import bz2, gzip, sys, tarfile, zipfile
            d = sys.argv[1]
            jsonl = open(d + '/day.jsonl', 'rb').read()
            with tarfile.open(d + '/day.tar') as t:
                members = t.getmembers()
                tar = b''.join(bz2.decompress(t.extractfile(m).read()) for m in members)
                names = [m.name for m in members]
                times = all(m.mtime % 60 == 0 and m.isreg() for m in members)
            with zipfile.ZipFile(d + '/day.zip') as z:
                inside = b''.join(gzip.decompress(z.read(n)) for n in z.namelist())
                same_names = [n.replace('.gz', '.bz2') for n in z.namelist()] == names
            print(tar == jsonl, inside == jsonl, same_names, times, len(names))
            """, arguments: [dir.path])
        XCTAssertEqual(read.trimmingCharacters(in: .whitespacesAndNewlines), "True True True True \(expectedNames.count)")

        try TestStores.ingest([path("day.jsonl")], into: path("jsonl.db"))
        let expected = try TestStores.fingerprint(path("jsonl.db"), lines: false)
        XCTAssertEqual(try TestStores.integer("SELECT count(*) FROM tweets", in: path("jsonl.db")), 1500)
        XCTAssertEqual(try TestStores.integer("SELECT count(*) FROM deleted_tweets", in: path("jsonl.db")), Int64(truth.deletes))
        for layout in StreamArchiveWriter.Layout.allCases {
            let db = path("\(layout.rawValue).db")
            let counts = try TestStores.ingest([path("day.\(layout.rawValue)")], into: db)
            XCTAssertEqual(counts.files, expectedNames.count, layout.rawValue)
            XCTAssertEqual(counts.lines, lines.count, layout.rawValue)
            XCTAssertEqual(try TestStores.fingerprint(db, lines: false), expected, layout.rawValue)
        }
    }
}

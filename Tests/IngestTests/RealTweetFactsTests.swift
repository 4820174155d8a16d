import Foundation
import Model
import TestSupport
import XCTest
@testable import Ingest

/// Every object of shared/fixtures/real-tweets decodes to the facts expected_facts.jsonl lists.
final class RealTweetFactsTests: XCTestCase {
    private func decodeLine(_ line: String, with decoder: TweetDecoder) -> Result<TweetDecoder.Decoded, DecodeFailure> {
        var bytes = Array(line.utf8)
        return bytes.withUnsafeMutableBytes { decoder.decode(UnsafeRawBufferPointer($0)) }
    }

    private func utcEpoch(_ iso: String) -> Int64? {
        let f = ISO8601DateFormatter()
        return f.date(from: iso).map { Int64($0.timeIntervalSince1970) }
    }

    /// The three entities Twitter escapes, undone here (`&amp;` last, so `&amp;lt;` gives `&lt;`),
    /// not by the decoder's own `HTMLEntities`.
    static func unescaped(_ text: String) -> String {
        text.replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&amp;", with: "&")
    }

    /// A hashtag's key for counting it once per tweet, written here rather than taken from
    /// `TagNormalizer`: NFC, lower case, ß as ss (enough for the fixtures' tags).
    static func folded(_ tag: String) -> String {
        tag.precomposedStringWithCanonicalMapping.lowercased().replacingOccurrences(of: "ß", with: "ss")
    }

    func testEveryFixtureObjectHasItsExpectedFacts() throws {
        let facts = try Fixtures.expectedFacts()
        XCTAssertEqual(facts.count, 551)
        let decoder = TweetDecoder()
        var linesByFile: [String: [String]] = [:]
        var checkedTweets = 0, checkedNotices = 0, fromText = 0
        for fact in facts {
            let file = fact["file"] as? String ?? ""
            let lineNumber = fact["line"] as? Int ?? 0
            if linesByFile[file] == nil { linesByFile[file] = try Fixtures.lines(of: file) }
            let line = linesByFile[file]![lineNumber - 1]
            let place = "\(file):\(lineNumber)"
            guard case .success(let decoded) = decodeLine(line, with: decoder) else {
                XCTFail("\(place) did not decode")
                continue
            }
            let kind = fact["kind"] as? String ?? ""
            if kind.hasPrefix("notice:") || kind == "v2_compliance" {
                XCTAssertEqual(decoded.tweets.count, 0, place)
                XCTAssertEqual(decoded.notices.count, 1, place)
                if kind == "notice:delete" {
                    XCTAssertEqual(decoded.notices.first, .delete(tweetID: Int64(fact["status_id"] as? String ?? "") ?? -1,
                                                                  userID: Int64(fact["user_id"] as? String ?? "")), place)
                }
                checkedNotices += 1
                continue
            }
            let index = fact["data_index"] as? Int ?? 0
            XCTAssertEqual(decoded.tweets.count, fact["data_count"] as? Int ?? 1, place)
            guard index < decoded.tweets.count else { continue }
            let tweet = decoded.tweets[index]
            XCTAssertEqual(String(tweet.id), fact["id"] as? String, place)
            XCTAssertEqual(tweet.createdAt, (fact["utc"] as? String).flatMap(utcEpoch), place)
            XCTAssertEqual(tweet.text, Self.unescaped(fact["text"] as? String ?? ""), place)
            // Counted once per tweet: the expected lists keep repeats, in order.
            var seen = Set<String>()
            let tags = (fact["eff_hashtags"] as? [String] ?? []).filter { seen.insert(Self.folded($0)).inserted }
            XCTAssertEqual(tweet.hashtags.map(\.spelling), tags, "hashtags of \(place)")
            seen = []
            let mentions = (fact["eff_mentions"] as? [String] ?? []).filter { seen.insert($0.lowercased()).inserted }
            XCTAssertEqual(tweet.mentions.map(\.screenName), mentions, "mentions of \(place)")
            XCTAssertEqual(tweet.startsWithAt, fact["starts_with_at"] as? Bool, "starts_with_at of \(place)")
            XCTAssertEqual(tweet.entitiesFromText, fact["facts_from"] as? String != "entities", place)
            let replyTo = (fact["in_reply_to_status_id"] as? String) ?? (fact["replied_to"] as? String)
            XCTAssertEqual(tweet.inReplyToStatusID.map(String.init), replyTo, "reply of \(place)")
            if tweet.entitiesFromText { fromText += 1 }
            checkedTweets += 1
        }
        print("real-tweet facts: \(checkedTweets) tweets (\(fromText) with entities from text), \(checkedNotices) notices checked")
        XCTAssertEqual(checkedTweets, 526)
        XCTAssertEqual(checkedNotices, 25)
    }

    func testCutOffFileGivesSevenTweetsAndOneBadLine() throws {
        let sink = CountingSink()
        _ = try IngestPipeline.run(path: Fixtures.cutOffFile.path, sink: sink)
        XCTAssertEqual(sink.tweets, 7)
        XCTAssertEqual(sink.badLines.map(\.line), [8])
        XCTAssertTrue(sink.badLines.first?.error.hasPrefix("invalid JSON") ?? false)
        XCTAssertEqual(sink.lines, 8)
    }
}

/// A sink that only counts: the decoder pipeline tested without a store.
final class CountingSink: TweetSink {
    var tweets = 0
    var lines = 0
    var ids: [Int64] = []
    var badLines: [BadLine] = []
    var deletes: [Int64] = []
    var notices = 0

    func write(_ batch: IngestBatch) throws {
        tweets += batch.tweets.count
        ids += batch.tweets.map(\.tweet.id)
        lines += batch.lines
        badLines += batch.badLines
        deletes += batch.deletes.map(\.tweetID)
        notices += batch.notices.count
    }
}

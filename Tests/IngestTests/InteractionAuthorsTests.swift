import Foundation
import Model
import TestSupport
import XCTest
@testable import Ingest

/// The authors the account networks link to (retweeted, quoted, replied-to), decoded from
/// every real-tweet fixture and checked against the same JSON read by JSONSerialization.
final class InteractionAuthorsTests: XCTestCase {
    private struct Expected: Equatable {
        var retweeted: [String?] = [nil, nil], quoted: [String?] = [nil, nil], replyName: String?
    }

    /// The expected authors of one tweet object, read independently of the decoder.
    private func expected(_ o: [String: Any], includes: [String: Any]) -> Expected {
        var e = Expected()
        func v1(_ key: String) -> [String?] {
            guard let user = (o[key] as? [String: Any])?["user"] as? [String: Any] else { return [nil, nil] }
            let name = user["screen_name"] as? String
            let id = user["id_str"] as? String ?? (user["id"] as? NSNumber).map { String($0.int64Value) }
            return [id, name?.isEmpty == false ? name : nil]
        }
        if o["data"] == nil, o["user"] != nil || o["id_str"] != nil {
            e.retweeted = v1("retweeted_status")
            e.quoted = v1("quoted_status")
            e.replyName = o["in_reply_to_screen_name"] as? String
            return e
        }
        let users = (includes["users"] as? [[String: Any]] ?? []).reduce(into: [String: String]()) {
            if let id = $1["id"] as? String, $0[id] == nil { $0[id] = $1["username"] as? String }
        }
        let tweets = (includes["tweets"] as? [[String: Any]] ?? []).reduce(into: [String: String]()) {
            if let id = $1["id"] as? String, $0[id] == nil, let author = $1["author_id"] as? String { $0[id] = author }
        }
        for ref in o["referenced_tweets"] as? [[String: Any]] ?? [] {
            guard let id = ref["id"] as? String, let author = tweets[id] else { continue }
            switch ref["type"] as? String {
            case "retweeted": e.retweeted = [author, users[author]]
            case "quoted": e.quoted = [author, users[author]]
            default: break
            }
        }
        e.replyName = (o["in_reply_to_user_id"] as? String).flatMap { users[$0] }
        return e
    }

    func testRetweetedQuotedAndReplyAuthorsOfEveryFixtureTweet() throws {
        let decoder = TweetDecoder()
        var found = (retweeted: 0, quoted: 0, replies: 0, v2Retweeted: 0, v2Replies: 0)
        for file in Fixtures.tweetFiles {
            for (n, line) in try Fixtures.lines(of: file.lastPathComponent).enumerated() {
                guard let root = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any] else { continue }
                var bytes = Array(line.utf8)
                guard case .success(let decoded) = bytes.withUnsafeMutableBytes({ decoder.decode(UnsafeRawBufferPointer($0)) }),
                      !decoded.tweets.isEmpty else { continue }
                let includes = root["includes"] as? [String: Any] ?? [:]
                let objects: [[String: Any]]
                if let data = root["data"] { objects = data as? [[String: Any]] ?? [data as? [String: Any] ?? [:]] } else { objects = [root] }
                XCTAssertEqual(objects.count, decoded.tweets.count)
                for (o, t) in zip(objects, decoded.tweets) {
                    let place = "\(file.lastPathComponent):\(n + 1)"
                    let e = expected(o, includes: includes)
                    XCTAssertEqual([t.retweetedUserID.map(String.init), t.retweetedScreenName], e.retweeted, "retweeted \(place)")
                    XCTAssertEqual([t.quotedUserID.map(String.init), t.quotedScreenName], e.quoted, "quoted \(place)")
                    XCTAssertEqual(t.inReplyToScreenName, e.replyName, "reply \(place)")
                    if e.retweeted[1] != nil { found.retweeted += 1; if root["data"] != nil { found.v2Retweeted += 1 } }
                    if e.quoted[1] != nil { found.quoted += 1 }
                    if e.replyName != nil { found.replies += 1; if root["data"] != nil { found.v2Replies += 1 } }
                }
            }
        }
        print("interaction authors checked: \(found)")
        XCTAssertGreaterThan(found.retweeted, 10)
        XCTAssertGreaterThan(found.quoted, 5)
        XCTAssertGreaterThan(found.replies, 5)
        XCTAssertGreaterThan(found.v2Retweeted, 5)
        XCTAssertGreaterThan(found.v2Replies, 0)
    }
}

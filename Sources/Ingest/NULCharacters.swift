import Model

/// NUL characters (U+0000, `\u0000` in JSON) in a tweet's strings. PostgreSQL's text cannot
/// hold them, and both engines must store the same tweets, so a tweet with one is a bad line
/// on either engine, its reason naming the field (ANALYSIS.md's rule for a field that cannot
/// be read). The line itself is kept whole in `bad_lines`.
enum NULCharacters {
    /// True when `line` may hold an escaped NUL: the bytes `\u0000` (JSON writes the `u` in
    /// lower case and has no other way to put a NUL in a string). A cheap test before the
    /// tweets' strings are looked at.
    static func mayOccur(in line: UnsafeRawBufferPointer) -> Bool {
        let pattern: [UInt8] = Array(#"\u0000"#.utf8)
        guard line.count >= pattern.count else { return false }
        var i = 0
        while i <= line.count - pattern.count {
            if line[i] == 92, line[i + 1] == 117, line[i + 2] == 48, line[i + 3] == 48, line[i + 4] == 48, line[i + 5] == 48 {
                return true
            }
            i += 1
        }
        return false
    }

    /// The first field of `t` (by its v1.1 JSON name) whose string holds a NUL; nil for none.
    static func field(of t: Tweet) -> String? {
        func has(_ s: String?) -> Bool { s?.utf8.contains(0) ?? false }
        let fields: [(String, Bool)] = [
            ("text", has(t.text)), ("lang", has(t.lang)), ("source", has(t.source)),
            ("in_reply_to_screen_name", has(t.inReplyToScreenName)),
            ("retweeted_status.user.screen_name", has(t.retweetedScreenName)),
            ("quoted_status.user.screen_name", has(t.quotedScreenName)),
            ("place.id", has(t.placeID)), ("place.full_name", has(t.placeName)),
            ("place.country_code", has(t.placeCountry)),
            ("entities.hashtags", t.hashtags.contains { has($0.spelling) || has($0.tag) }),
            ("entities.user_mentions", t.mentions.contains { has($0.screenName) }),
            ("entities.urls", t.urls.contains { has($0) }),
            ("user.screen_name", has(t.author?.screenName)), ("user.name", has(t.author?.name)),
            ("user.location", has(t.author?.location)), ("user.description", has(t.author?.description)),
            ("user.lang", has(t.author?.lang)),
        ]
        return fields.first { $0.1 }?.0
    }

    /// The failure for a tweet whose `field` holds a NUL.
    static func failure(id: Int64, field: String) -> DecodeFailure {
        DecodeFailure(message: "field \(field) of tweet \(id) contains a NUL character (\\u0000), which a store cannot hold (PostgreSQL text has no NUL; both engines refuse it alike)")
    }
}

import Model
import Text

/// Turns one JSON line into tweets and notices, following ANALYSIS.md's input rules:
/// v1.1 REST (`text`/`full_text`), v1.1 streaming (`extended_tweet`), v2 (`data` object or
/// array with `includes`), stream notices and v2 compliance lines.
public final class TweetDecoder {
    /// What a line held.
    public struct Decoded: Equatable {
        /// The tweets (more than one for a v2 `data` array).
        public var tweets: [Tweet] = []
        /// The notices.
        public var notices: [Notice] = []
    }

    let json: JSONDocument

    /// A decoder with its own simdjson parser; reuse it line after line.
    public init() {
        // simdjson's parser only fails to allocate when memory is exhausted.
        guard let json = JSONDocument() else { preconditionFailure("out of memory creating the JSON parser") }
        self.json = json
    }

    /// Decodes one line; the error string says why the line is no tweet and no notice.
    public func decode(_ line: UnsafeRawBufferPointer) -> Result<Decoded, DecodeFailure> {
        if let message = json.parse(line) { return .failure(DecodeFailure(message: "invalid JSON: \(message)")) }
        let root = json.root
        guard json.isObject(root) else {
            return .failure(DecodeFailure(message: "JSON is not an object (one tweet or notice per line expected)"))
        }
        var out = Decoded()
        switch decodeNotice(root) {
        case .success(let notice?):
            out.notices.append(notice)
            return .success(out)
        case .failure(let f): return .failure(f)
        case .success(nil): break
        }
        let data = json[root, "data"]
        if data >= 0 {
            let includes = V2Includes(json: json, includes: json[root, "includes"])
            let items = json.isArray(data) ? json.elements(data) : [data]
            for item in items {
                switch decodeV2(item, includes: includes) {
                case .success(let t): out.tweets.append(t)
                case .failure(let f): return .failure(f)
                }
            }
            return .success(out)
        }
        if json[root, "text"] >= 0 || json[root, "full_text"] >= 0 || json[root, "extended_tweet"] >= 0 {
            // v1.1 tweets carry a user object or an `id_str`; a bare v2 tweet object carries
            // `author_id` or `edit_history_tweet_ids`. Other objects with a text are no tweets.
            if json.isObject(json[root, "user"]) || json[root, "id_str"] >= 0 {
                return decodeV1(root).map { Decoded(tweets: [$0]) }
            }
            if json[root, "author_id"] >= 0 || json[root, "edit_history_tweet_ids"] >= 0 {
                return decodeV2(root, includes: V2Includes(json: json, includes: JSONDocument.missing)).map {
                    Decoded(tweets: [$0])
                }
            }
        }
        // A tweet but for its text: v1.1 (a user object, a date) or v2 (author_id, edit history).
        if json.isObject(json[root, "user"]) && json[root, "created_at"] >= 0 {
            return .failure(DecodeFailure(message: "field text is missing (a v1.1 tweet carries text or full_text)"))
        }
        if json[root, "id"] >= 0 && (json[root, "author_id"] >= 0 || json[root, "edit_history_tweet_ids"] >= 0) {
            return .failure(DecodeFailure(message: "field text is missing (a v2 tweet carries text)"))
        }
        return .failure(DecodeFailure(message: "JSON object is neither a tweet nor a notice"))
    }

    // MARK: - Notices

    private static let otherNoticeKeys: [StaticString] = [
        "limit", "scrub_geo", "status_withheld", "user_withheld", "warning", "disconnect", "friends", "event",
    ]

    /// The line's notice (nil: it is none); a failure names a limit notice's `track` or a
    /// notice's `timestamp_ms` that is there but no whole number of 0 or more.
    private func decodeNotice(_ root: JSONDocument.Element) -> Result<Notice?, DecodeFailure> {
        let delete = json[root, "delete"]
        if delete >= 0 {
            let status = json[delete, "status"]
            if let id = json.id(status, str: "id_str", num: "id") {
                return .success(.delete(tweetID: id, userID: json.id(status, str: "user_id_str", num: "user_id")))
            }
            return .success(.other(kind: "delete"))
        }
        for key in Self.otherNoticeKeys where json[root, key] >= 0 {
            let body = json[root, key], isLimit = key.description == "limit"
            let track: Int64?, timestampMs: Int64?
            switch (isLimit ? count(json[body, "track"], field: "limit.track") : .success(nil),
                    count(json[body, "timestamp_ms"], field: "\(key).timestamp_ms")) {
            case (.failure(let f), _), (_, .failure(let f)): return .failure(f)
            case (.success(let t), .success(let ms)): (track, timestampMs) = (t, ms)
            }
            return .success(.other(kind: key.description, track: track, timestampMs: timestampMs))
        }
        // v2 batch compliance: {"id", "action", "reason", ...} and no text.
        let action = json[root, "action"]
        if let action = json.string(action), json[root, "text"] < 0, let id = json.id(json[root, "id"]) {
            return .success(action == "delete" ? .delete(tweetID: id, userID: nil) : .other(kind: "compliance:\(action)"))
        }
        return .success(nil)
    }

    /// A notice's count or time: absent or null (nil), or a whole number of 0 or more given
    /// as a number or a decimal string (as Twitter sends `timestamp_ms`).
    private func count(_ e: JSONDocument.Element, field: String) -> Result<Int64?, DecodeFailure> {
        guard e >= 0, json.typeName(e) != "null" else { return .success(nil) }
        if let n = json.string(e).flatMap({ $0.utf8.allSatisfy { (48...57).contains($0) } ? Int64($0) : nil }) ?? json.int64(e), n >= 0 {
            return .success(n)
        }
        let shown = json.string(e).map { "\"\($0.prefix(40))\"" } ?? json.typeName(e)
        return .failure(DecodeFailure(message: "field \(field) is \(shown), not a whole number of 0 or more"))
    }

    // MARK: - v1.1

    private func decodeV1(_ o: JSONDocument.Element) -> Result<Tweet, DecodeFailure> {
        let id: Int64
        switch tweetID(json.id(o, str: "id_str", num: "id"), field: json[o, "id_str"] >= 0 ? "id_str" : "id") {
        case .success(let value): id = value
        case .failure(let f): return .failure(f)
        }
        let extended = json[o, "extended_tweet"]
        let textField: (element: JSONDocument.Element, name: String) =
            json[extended, "full_text"] >= 0 ? (json[extended, "full_text"], "extended_tweet.full_text")
            : json[o, "full_text"] >= 0 ? (json[o, "full_text"], "full_text") : (json[o, "text"], "text")
        var t: Tweet, rawText: String
        switch newTweet(o, id: id, text: textField, createdAtRequired: true) {
        case .success(let started): (t, rawText) = started
        case .failure(let f): return .failure(f)
        }
        t.inReplyToStatusID = json.id(o, str: "in_reply_to_status_id_str", num: "in_reply_to_status_id")
        t.inReplyToUserID = json.id(o, str: "in_reply_to_user_id_str", num: "in_reply_to_user_id")
        t.inReplyToScreenName = json.nonEmptyString(json[o, "in_reply_to_screen_name"])
        let retweeted = json[o, "retweeted_status"], quoted = json[o, "quoted_status"]
        t.retweetedID = json.id(retweeted, str: "id_str", num: "id")
        t.quotedID = json.id(o, str: "quoted_status_id_str", num: "quoted_status_id")
            ?? json.id(quoted, str: "id_str", num: "id")
        (t.retweetedUserID, t.retweetedScreenName) = v1Author(of: retweeted)
        (t.quotedUserID, t.quotedScreenName) = v1Author(of: quoted)
        let coords = json.elements(json[json[o, "coordinates"], "coordinates"])
        if coords.count == 2, let lon = json.double(coords[0]), let lat = json.double(coords[1]) {
            (t.longitude, t.latitude) = (lon, lat)
        } else {
            let geo = json.elements(json[json[o, "geo"], "coordinates"])
            if geo.count == 2, let lat = json.double(geo[0]), let lon = json.double(geo[1]) {
                (t.longitude, t.latitude) = (lon, lat)
            }
        }
        let place = json[o, "place"]
        if json.isObject(place) {
            t.placeID = json.nonEmptyString(json[place, "id"])
            t.placeName = json.nonEmptyString(json[place, "full_name"]) ?? json.nonEmptyString(json[place, "name"])
            t.placeCountry = json.nonEmptyString(json[place, "country_code"])
        }
        let user = json[o, "user"]
        if json.isObject(user), let uid = json.id(user, str: "id_str", num: "id") {
            var u = User(id: uid)
            u.screenName = json.nonEmptyString(json[user, "screen_name"])
            u.name = json.string(json[user, "name"])
            u.location = json.string(json[user, "location"])
            u.description = json.string(json[user, "description"])
            u.followers = json.int64(json[user, "followers_count"])
            u.friends = json.int64(json[user, "friends_count"])
            u.statuses = json.int64(json[user, "statuses_count"])
            u.createdAt = json.string(json[user, "created_at"]).flatMap(TwitterDate.parse)
            u.lang = json.nonEmptyString(json[user, "lang"])
            u.verified = json.bool(json[user, "verified"])
            t.author = u
            t.authorID = uid
            t.authorHasLocation = !(u.location ?? "").trimmingWhitespace.isEmpty
        }
        // Entities from the same level as the text.
        let entities = extended >= 0 && json[extended, "full_text"] >= 0 ? json[extended, "entities"] : json[o, "entities"]
        applyEntities(entities, to: &t, rawText: rawText, shape: .v1)
        return .success(t)
    }

    // MARK: - v2

    private func decodeV2(_ o: JSONDocument.Element, includes: V2Includes) -> Result<Tweet, DecodeFailure> {
        guard json.isObject(o) else { return .failure(DecodeFailure(message: "v2 data item is not an object")) }
        let id: Int64
        switch tweetID(json.id(json[o, "id"]), field: "id") {
        case .success(let value): id = value
        case .failure(let f): return .failure(f)
        }
        let note = json[o, "note_tweet"]
        let textField: (element: JSONDocument.Element, name: String) =
            json[note, "text"] >= 0 ? (json[note, "text"], "note_tweet.text") : (json[o, "text"], "text")
        var t: Tweet, rawText: String
        // v2 sends created_at only when asked for (tweet.fields); its absence is no error there.
        switch newTweet(o, id: id, text: textField, createdAtRequired: false) {
        case .success(let started): (t, rawText) = started
        case .failure(let f): return .failure(f)
        }
        t.authorID = json.id(json[o, "author_id"])
        t.inReplyToUserID = json.id(json[o, "in_reply_to_user_id"])
        for ref in json.elements(json[o, "referenced_tweets"]) {
            let refID = json.id(json[ref, "id"])
            switch json.string(json[ref, "type"]) {
            case "replied_to": t.inReplyToStatusID = refID
            case "retweeted": t.retweetedID = refID
            case "quoted": t.quotedID = refID
            default: break
            }
        }
        (t.retweetedUserID, t.retweetedScreenName) = includes.author(of: t.retweetedID, json)
        (t.quotedUserID, t.quotedScreenName) = includes.author(of: t.quotedID, json)
        if let replyTo = t.inReplyToUserID, let user = includes.users[replyTo] {
            t.inReplyToScreenName = json.nonEmptyString(json[user, "username"])
        }
        let geo = json[o, "geo"]
        let coords = json.elements(json[json[geo, "coordinates"], "coordinates"])
        if coords.count == 2, let lon = json.double(coords[0]), let lat = json.double(coords[1]) {
            (t.longitude, t.latitude) = (lon, lat)
        }
        if let placeID = json.nonEmptyString(json[geo, "place_id"]) {
            t.placeID = placeID
            if let place = includes.places[placeID] {
                t.placeName = json.nonEmptyString(json[place, "full_name"]) ?? json.nonEmptyString(json[place, "name"])
                t.placeCountry = json.nonEmptyString(json[place, "country_code"])
            }
        }
        if let authorID = t.authorID, let user = includes.users[authorID] {
            var u = User(id: authorID)
            u.screenName = json.nonEmptyString(json[user, "username"])
            u.name = json.string(json[user, "name"])
            u.location = json.string(json[user, "location"])
            u.description = json.string(json[user, "description"])
            let metrics = json[user, "public_metrics"]
            u.followers = json.int64(json[metrics, "followers_count"])
            u.friends = json.int64(json[metrics, "following_count"])
            u.statuses = json.int64(json[metrics, "tweet_count"])
            u.createdAt = json.string(json[user, "created_at"]).flatMap(TwitterDate.parse)
            u.verified = json.bool(json[user, "verified"])
            t.author = u
            t.authorHasLocation = !(u.location ?? "").trimmingWhitespace.isEmpty
        }
        let entities = note >= 0 && json[note, "text"] >= 0 ? json[note, "entities"] : json[o, "entities"]
        applyEntities(entities, to: &t, rawText: rawText, shape: .v2)
        return .success(t)
    }
}

extension TweetDecoder {
    /// Where v1.1 and v2 put the entity fields.
    enum EntityShape {
        case v1, v2
    }

    /// The id and screen name of the `user` of an embedded v1.1 tweet (retweeted or quoted).
    func v1Author(of embedded: JSONDocument.Element) -> (Int64?, String?) {
        let user = json[embedded, "user"]
        guard json.isObject(user) else { return (nil, nil) }
        return (json.id(user, str: "id_str", num: "id"), json.nonEmptyString(json[user, "screen_name"]))
    }

    /// What both shapes read alike: a tweet `id` with the text of `text` (a string, else a
    /// failure naming the field; the tweet gets it decoded, the raw one comes back too), its `created_at`
    /// (missing allowed unless `createdAtRequired`), `lang` and `source`.
    func newTweet(_ o: JSONDocument.Element, id: Int64, text: (element: JSONDocument.Element, name: String),
                  createdAtRequired: Bool) -> Result<(Tweet, String), DecodeFailure> {
        let rawText: String
        switch requiredString(text.element, field: text.name) {
        case .success(let value): rawText = value
        case .failure(let f): return .failure(f)
        }
        var t = Tweet(id: id, text: HTMLEntities.decode(rawText))
        if let failure = readCreatedAt(o, into: &t, required: createdAtRequired) { return .failure(failure) }
        t.lang = json.nonEmptyString(json[o, "lang"])
        t.source = json.nonEmptyString(json[o, "source"])
        return .success((t, rawText))
    }

    /// `created_at` in either form; a failure when it is not a string, names no real
    /// moment (`Thu Feb 30 …`), or is missing where the shape always carries it (`required`).
    func readCreatedAt(_ o: JSONDocument.Element, into t: inout Tweet, required: Bool) -> DecodeFailure? {
        let field = json[o, "created_at"]
        if field < 0 {
            return required ? DecodeFailure(message: "field created_at is missing") : nil
        }
        guard let created = json.string(field) else {
            return DecodeFailure(message: "field created_at is \(json.typeName(field)), not a date string")
        }
        switch TwitterDate.read(created) {
        case .success(let epoch): t.createdAt = epoch
        case .failure(let problem): return DecodeFailure(message: "field created_at \"\(created.prefix(60))\" \(problem)")
        }
        return nil
    }

    /// A tweet id: present, a decimal number of 64 bits, and positive.
    func tweetID(_ value: Int64?, field: String) -> Result<Int64, DecodeFailure> {
        guard let value else {
            return .failure(DecodeFailure(message: "field \(field): tweet has no valid id (id_str or 64-bit id)"))
        }
        guard value > 0 else { return .failure(DecodeFailure(message: "field \(field): tweet id \(value) is not positive")) }
        return .success(value)
    }

    /// A text field that must be a string (empty allowed).
    func requiredString(_ e: JSONDocument.Element, field: String) -> Result<String, DecodeFailure> {
        if e < 0 { return .failure(DecodeFailure(message: "field \(field) is missing")) }
        guard let s = json.string(e) else {
            return .failure(DecodeFailure(message: "field \(field) is \(json.typeName(e)), not a string"))
        }
        return .success(s)
    }

    /// The tweet's own entities when it has an entities object; else twitter-text on the
    /// text (ANALYSIS.md). The starts-with-@ flag is always the text rule.
    func applyEntities(_ entities: JSONDocument.Element, to t: inout Tweet, rawText: String, shape: EntityShape) {
        if json.isObject(entities) {
            let v1 = shape == .v1
            let tags = json.elements(json[entities, "hashtags"]).compactMap { json.string(json[$0, v1 ? "text" : "tag"]) }
            let mentions = json.elements(json[entities, v1 ? "user_mentions" : "mentions"]).compactMap { m -> Mention? in
                guard let name = json.string(json[m, v1 ? "screen_name" : "username"]) else { return nil }
                return Mention(screenName: name, userID: v1 ? json.id(m, str: "id_str", num: "id") : json.id(json[m, "id"]))
            }
            let urls = json.elements(json[entities, "urls"]).compactMap {
                json.nonEmptyString(json[$0, "expanded_url"]) ?? json.nonEmptyString(json[$0, "url"])
            }
            TweetFacts.setEntities(&t, hashtags: tags, mentions: mentions, urls: urls)
        } else {
            TweetFacts.extractEntities(&t, from: rawText)
        }
        t.startsWithAt = TwitterText.replyScreenName(in: rawText) != nil
    }
}

/// Why a line could not be decoded.
public struct DecodeFailure: Error, Equatable {
    /// What is wrong with the line.
    public var message: String
}

/// `includes.users`, `includes.tweets` and `includes.places` of a v2 response, by id.
private struct V2Includes {
    var users: [Int64: JSONDocument.Element] = [:]
    var tweets: [Int64: JSONDocument.Element] = [:]
    var places: [String: JSONDocument.Element] = [:]

    init(json: JSONDocument, includes: JSONDocument.Element) {
        guard includes >= 0 else { return }
        for u in json.elements(json[includes, "users"]) {
            if let id = json.id(json[u, "id"]), users[id] == nil { users[id] = u }
        }
        for t in json.elements(json[includes, "tweets"]) {
            if let id = json.id(json[t, "id"]), tweets[id] == nil { tweets[id] = t }
        }
        for p in json.elements(json[includes, "places"]) {
            if let id = json.string(json[p, "id"]), places[id] == nil { places[id] = p }
        }
    }

    /// The author (id, and username where `includes.users` has it) of the included tweet `id`.
    func author(of id: Int64?, _ json: JSONDocument) -> (Int64?, String?) {
        guard let id, let tweet = tweets[id], let authorID = json.id(json[tweet, "author_id"]) else { return (nil, nil) }
        return (authorID, users[authorID].flatMap { json.nonEmptyString(json[$0, "username"]) })
    }
}

extension String {
    var trimmingWhitespace: Substring {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }),
              let last = scalars.lastIndex(where: { !$0.properties.isWhitespace }) else { return "" }
        return Substring(scalars[first...last])
    }
}

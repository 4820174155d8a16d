import Foundation
import Model

/// Builds the lines of the generated 1% sample (`SampleStreamGenerator`): tweets by authors
/// drawn from a large pool (a few write much, most once), each in its author's language,
/// and delete notices. Tweet ids are snowflakes of the tweet's time, unique in the stream.
struct SampleTweetWriter {
    /// One tweet line and what it holds.
    struct Written {
        var line: String
        /// The author's index in the pool.
        var author: Int
        var language: SampleLanguage
        var retweet = false, hashtags = false, mentions = false, startsWithAt = false
    }

    /// Size of the author pool.
    let authors: Int
    let seed: UInt64
    /// Numbers the ids made so far (the low bits of each snowflake).
    private var counter: Int64 = 0

    init(authors: Int, seed: UInt64) {
        self.authors = authors
        self.seed = seed
    }

    private static let cumulativeWeights: [Double] = {
        var sum = 0.0
        return SampleLanguage.all.map { sum += $0.weight; return sum }
    }()

    private static let clients = [
        "web", "<a href=\"http://twitter.com/download/iphone\" rel=\"nofollow\">Twitter for iPhone</a>",
        "<a href=\"http://twitter.com/download/android\" rel=\"nofollow\">Twitter for Android</a>",
        "<a href=\"http://blackberry.com/twitter\" rel=\"nofollow\">Twitter for BlackBerry®</a>",
        "<a href=\"http://twitterfeed.com\" rel=\"nofollow\">twitterfeed</a>",
        "<a href=\"http://ubersocial.com\" rel=\"nofollow\">UberSocial for BlackBerry</a>",
    ]

    /// An author of the pool, the same every time it is drawn.
    struct Author {
        /// Its place in the pool, its user id, when it joined (epoch seconds) and its followers.
        let index: Int, id: Int64, joined: Int64, followers: Int64
        let screenName: String, name: String
        /// The language it writes in.
        let language: SampleLanguage

        init(index: Int, seed: UInt64) {
            var rng = SeededRandom(seed: seed &+ UInt64(index) &* 0xD1B5_4A32_D192_ED03)
            self.index = index
            id = 100_000_000 + Int64(index) * 37
            let r = rng.unit() * (SampleTweetWriter.cumulativeWeights.last ?? 1)
            let pick = SampleTweetWriter.cumulativeWeights.firstIndex { r < $0 } ?? 0
            language = SampleLanguage.all[pick]
            let syllables = ["sun", "mi", "ka", "lo", "ra", "ji", "to", "na", "el", "yu", "bo", "ze"]
            screenName = syllables[Int(rng.next() % 12)] + syllables[Int(rng.next() % 12)] + "_" + String(index, radix: 36)
            let word = language.words[Int(rng.next() % UInt64(language.words.count))]
            name = word + " " + String(index % 1000)
            followers = Int64(pow(1 - rng.unit(), -1.2) * 40)
            joined = 1_170_000_000 + Int64(rng.next() % 186_000_000)
        }
    }

    private func pick<T>(_ items: [T], _ rng: inout SeededRandom) -> T { items[Int(rng.next() % UInt64(items.count))] }

    private func author(_ rng: inout SeededRandom) -> Author {
        Author(index: min(authors - 1, Int(pow(rng.unit(), 1.5) * Double(authors))), seed: seed)
    }

    private mutating func snowflake(_ t: Int64, _ rng: inout SeededRandom) -> Int64 {
        counter += 1
        let ms = t * 1000 + Int64(rng.next() % 1000) - 1_288_834_974_657
        return ms << 22 | (counter & 0x3F_FFFF)
    }

    /// The next tweet, sent at `t`: a native retweet, a reply (starting with @) or a tweet
    /// of its own, in the shares of `SampleStreamGenerator` and Tabel 6.
    mutating func tweet(at t: Int64, rng: inout SeededRandom) -> Written {
        let by = author(&rng)
        var written = Written(line: "", author: by.index, language: by.language)
        let kind = rng.unit()
        let hashtags = rng.unit() < PublishedBaseline.hashtags
        var text = SampleText()
        let id = snowflake(t, &rng)
        var replyTo: Author?
        var original: (json: String, author: Author)?
        if kind < SampleStreamGenerator.retweetShare {
            let from = author(&rng)
            var body = SampleText()
            words(into: &body, from.language, hashtags: hashtags, &rng)
            written.language = from.language
            let sent = t - 10 - Int64(rng.next() % 172_800)
            let originalID = snowflake(sent, &rng)
            original = (tweetObject(id: originalID, at: sent, by: from, language: from.language, text: body,
                                    replyTo: nil, retweeted: nil, retweets: 1 + Int64(rng.next() % 500), &rng), from)
            text.mention(from, prefix: "RT ", suffix: ":")
            text.append(body)
            written.retweet = true
        } else {
            let reply = kind < SampleStreamGenerator.retweetShare + PublishedBaseline.startsWithAt
            if reply {
                let to = author(&rng)
                text.mention(to)
                replyTo = to
                written.startsWithAt = true
            }
            words(into: &text, by.language, hashtags: hashtags, &rng)
            // Mentions beyond replies and retweets, so that mentions come to Tabel 6's share.
            let others = (PublishedBaseline.mentions - PublishedBaseline.startsWithAt - SampleStreamGenerator.retweetShare)
                / (1 - PublishedBaseline.startsWithAt - SampleStreamGenerator.retweetShare)
            if !reply, rng.unit() < others { text.mention(author(&rng)) }
        }
        written.hashtags = hashtags
        written.mentions = !text.mentions.isEmpty
        written.line = tweetObject(id: id, at: t, by: by, language: written.language, text: text, replyTo: replyTo, retweeted: original,
                                   retweets: 0, &rng)
        return written
    }

    /// A delete notice for a tweet of the 30 days before `start` (not in the stream).
    mutating func deleteNotice(before start: Int64, rng: inout SeededRandom) -> String {
        let id = snowflake(start - 1 - Int64(rng.next() % (30 * 86400)), &rng)
        let user = author(&rng).id
        return #"{"delete":{"status":{"id":\#(id),"id_str":"\#(id)","user_id":\#(user),"user_id_str":"\#(user)"}}}"#
    }

    /// Words of `language` (3 to 11), then one or two hashtags when asked, and a link now and then.
    private func words(into text: inout SampleText, _ language: SampleLanguage, hashtags: Bool, _ rng: inout SeededRandom) {
        for k in 0..<(3 + Int(rng.next() % 9)) {
            text.word(pick(language.words, &rng), spaced: language.spaced || k == 0)
        }
        if hashtags {
            for _ in 0..<(rng.unit() < 0.7 ? 1 : 2) {
                let r = rng.unit()
                if r < 0.55, !language.tags.isEmpty {
                    text.hashtag(pick(language.tags, &rng))
                } else if r < 0.85 {
                    text.hashtag(pick(SampleLanguage.globalTags, &rng))
                } else {
                    text.hashtag("tag" + String(rng.next() % 20_000, radix: 36))
                }
            }
        }
        if rng.unit() < 0.15 {
            let slug = String(rng.next() % 3_000_000_000, radix: 36)
            text.link("http://t.co/\(slug)", "http://example.com/\(slug)")
        }
    }

    /// A whole v1.1 tweet object, in the key order of the 2013 streaming API (`language`: of
    /// its text, the original's for a retweet).
    private mutating func tweetObject(id: Int64, at t: Int64, by author: Author, language: SampleLanguage, text: SampleText, replyTo: Author?,
                                      retweeted: (json: String, author: Author)?, retweets: Int64,
                                      _ rng: inout SeededRandom) -> String {
        var json = TweetJSON()
        json.string("created_at", TweetJSON.date(t))
        json.int("id", id)
        json.string("id_str", String(id))
        json.string("text", text.text)
        json.string("source", pick(Self.clients, &rng))
        json.bool("truncated", false)
        let status = replyTo.map { _ in snowflake(t - 5 - Int64(rng.next() % 3600), &rng) }
        json.int("in_reply_to_status_id", status)
        json.string("in_reply_to_status_id_str", status.map(String.init))
        json.int("in_reply_to_user_id", replyTo?.id)
        json.string("in_reply_to_user_id_str", replyTo.map { String($0.id) })
        json.string("in_reply_to_screen_name", replyTo?.screenName)
        json.raw("user", userObject(author, at: t))
        if rng.unit() < 0.02 {
            let lat = String(format: "%.6f", -40 + rng.unit() * 100), lon = String(format: "%.6f", -120 + rng.unit() * 260)
            json.raw("geo", #"{"type":"Point","coordinates":[\#(lat),\#(lon)]}"#)
            json.raw("coordinates", #"{"type":"Point","coordinates":[\#(lon),\#(lat)]}"#)
            json.raw("place", #"{"id":"\#(String(rng.next() % 0xFFFF_FFFF, radix: 16))","place_type":"city","name":"Somewhere","full_name":"Somewhere, Earth","country_code":"XX","country":"Earth"}"#)
        } else {
            json.raw("geo", "null")
            json.raw("coordinates", "null")
            json.raw("place", "null")
        }
        json.raw("contributors", "null")
        if let retweeted { json.raw("retweeted_status", retweeted.json) }
        json.int("retweet_count", retweets)
        json.int("favorite_count", 0)
        json.raw("entities", text.entitiesJSON)
        json.bool("favorited", false)
        json.bool("retweeted", false)
        json.string("filter_level", "medium")
        json.string("lang", language.code)
        return json.close()
    }

    private func userObject(_ a: Author, at t: Int64) -> String {
        var u = TweetJSON()
        u.int("id", a.id)
        u.string("id_str", String(a.id))
        u.string("name", a.name)
        u.string("screen_name", a.screenName)
        u.string("location", a.index % 3 == 0 ? "" : a.language.words[a.index % a.language.words.count])
        u.raw("url", "null")
        u.string("description", a.index % 4 == 0 ? nil : a.language.words.prefix(4).joined(separator: " "))
        u.bool("protected", false)
        u.int("followers_count", a.followers)
        u.int("friends_count", a.followers / 2 + 20)
        u.int("listed_count", a.followers / 100)
        u.string("created_at", TweetJSON.date(a.joined))
        u.int("favourites_count", Int64(a.index % 700))
        u.int("statuses_count", 1 + (t - a.joined) / 20_000)
        u.string("lang", a.language.code)
        u.bool("verified", false)
        u.string("profile_image_url", "http://a0.twimg.com/profile_images/\(a.id)/p_normal.jpeg")
        return u.close()
    }
}

/// A tweet's text as it is built, with the code-point indices of its entities.
struct SampleText {
    private(set) var text = ""
    private(set) var length = 0
    private(set) var hashtags: [(text: String, start: Int, end: Int)] = []
    private(set) var mentions: [(author: SampleTweetWriter.Author, start: Int, end: Int)] = []
    private(set) var urls: [(url: String, expanded: String, start: Int, end: Int)] = []

    /// Appends `s`, after a space unless `spaced` is false or the text is empty.
    mutating func word(_ s: String, spaced: Bool = true) {
        if spaced, !text.isEmpty { text += " "; length += 1 }
        text += s
        length += s.unicodeScalars.count
    }

    mutating func hashtag(_ tag: String) {
        word("#" + tag)
        hashtags.append((tag, length - tag.unicodeScalars.count - 1, length))
    }

    mutating func mention(_ author: SampleTweetWriter.Author, prefix: String = "", suffix: String = "") {
        word(prefix + "@" + author.screenName + suffix)
        let end = length - suffix.unicodeScalars.count
        mentions.append((author, end - author.screenName.count - 1, end))
    }

    mutating func link(_ url: String, _ expanded: String) {
        word(url)
        urls.append((url, expanded, length - url.count, length))
    }

    /// Appends another text after a space, its entities moved along.
    mutating func append(_ other: SampleText) {
        word(other.text)
        let shift = length - other.length
        hashtags += other.hashtags.map { ($0.text, $0.start + shift, $0.end + shift) }
        mentions += other.mentions.map { ($0.author, $0.start + shift, $0.end + shift) }
        urls += other.urls.map { ($0.url, $0.expanded, $0.start + shift, $0.end + shift) }
    }

    var entitiesJSON: String {
        let tags = hashtags.map { #"{"text":\#(TweetJSON.quoted($0.text)),"indices":[\#($0.start),\#($0.end)]}"# }
        let users = mentions.map {
            #"{"screen_name":"\#($0.author.screenName)","name":\#(TweetJSON.quoted($0.author.name)),"id":\#($0.author.id),"id_str":"\#($0.author.id)","indices":[\#($0.start),\#($0.end)]}"#
        }
        let links = urls.map {
            #"{"url":"\#($0.url)","expanded_url":"\#($0.expanded)","display_url":"example.com\/…","indices":[\#($0.start),\#($0.end)]}"#
        }
        return #"{"hashtags":[\#(tags.joined(separator: ","))],"symbols":[],"urls":[\#(links.joined(separator: ","))],"user_mentions":[\#(users.joined(separator: ","))]}"#
    }
}

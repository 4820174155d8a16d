/// One tweet as twindex stores it: the fields the analyses and searches need, already
/// decoded from whichever JSON shape (v1.1 REST, v1.1 streaming, v2) it came in.
public struct Tweet: Sendable, Equatable {
    /// The tweet's id (`id_str`).
    public var id: Int64
    /// Seconds since 1970-01-01 UTC; nil when the source omits it (v2 default fields).
    public var createdAt: Int64?
    /// The author's user id.
    public var authorID: Int64?
    /// The tweet's full text with `&amp;`, `&lt;`, `&gt;` decoded.
    public var text: String
    /// The language code Twitter assigned (`lang`), as given.
    public var lang: String?
    /// The client the tweet was sent from (`source`), as given.
    public var source: String?
    /// The tweet this one replies to.
    public var inReplyToStatusID: Int64?
    /// The author of the tweet this one replies to.
    public var inReplyToUserID: Int64?
    /// That author's screen name.
    public var inReplyToScreenName: String?
    /// The original of a native retweet.
    public var retweetedID: Int64?
    /// The tweet this one quotes.
    public var quotedID: Int64?
    /// The author of the retweeted original (v1.1 `retweeted_status.user`; v2 the
    /// `author_id` of the `retweeted` tweet in `includes.tweets`), when the JSON gives it.
    public var retweetedUserID: Int64?
    /// That author's screen name (v2: from `includes.users`).
    public var retweetedScreenName: String?
    /// The author of the quoted tweet (v1.1 `quoted_status.user`; v2 as for retweets).
    public var quotedUserID: Int64?
    /// That author's screen name.
    public var quotedScreenName: String?
    /// Coordinates (WGS 84) when the tweet is geo-coded.
    public var longitude: Double?
    /// See `longitude`.
    public var latitude: Double?
    /// The tagged place's id, name and country, when the tweet has one.
    public var placeID: String?
    /// See `placeID`.
    public var placeName: String?
    /// See `placeID`.
    public var placeCountry: String?
    /// Distinct hashtags of the tweet (one per normalised tag, first spelling kept), in order.
    public var hashtags: [Hashtag]
    /// Distinct mentioned screen names (case-insensitively), in order.
    public var mentions: [Mention]
    /// Distinct URLs, expanded where the JSON gives the expansion, in order.
    public var urls: [String]
    /// Text rule: after leading white space the text starts with `@`/`＠` and a screen name.
    public var startsWithAt: Bool
    /// Entities were extracted from the text because the JSON carried none.
    public var entitiesFromText: Bool
    /// The author's profile location at the time of the tweet was non-empty.
    public var authorHasLocation: Bool
    /// The author's profile as embedded in the tweet.
    public var author: User?

    /// A tweet with only an id and a text; every other field empty.
    public init(id: Int64, text: String) {
        self.id = id
        self.text = text
        self.hashtags = []
        self.mentions = []
        self.urls = []
        self.startsWithAt = false
        self.entitiesFromText = false
        self.authorHasLocation = false
    }

    /// Has a location in the sense of Grafiek 11: a profile location or a place.
    public var isLocated: Bool { authorHasLocation || placeID != nil || placeName != nil }
}

/// A hashtag of a tweet: the normalised key every stage counts under and the spelling seen.
public struct Hashtag: Sendable, Equatable {
    /// The normalised key (see `TagNormalizer`).
    public var tag: String
    /// The hashtag as written, without `#`.
    public var spelling: String
    /// A hashtag with its key and spelling.
    public init(tag: String, spelling: String) {
        self.tag = tag
        self.spelling = spelling
    }
}

/// A user mention: the screen name as written and the user id when the entity had one.
public struct Mention: Sendable, Equatable {
    /// The screen name as written, without `@`.
    public var screenName: String
    /// The mentioned user's id, when the entity carried it.
    public var userID: Int64?
    /// A mention of `screenName`.
    public init(screenName: String, userID: Int64? = nil) {
        self.screenName = screenName
        self.userID = userID
    }
}

/// A user profile as embedded in a tweet (v1.1 `user`, v2 `includes.users`).
public struct User: Sendable, Equatable {
    /// The user's id.
    public var id: Int64
    /// The profile's fields as the tweet carried them (nil: absent).
    public var screenName: String?
    /// See `screenName`.
    public var name: String?
    /// See `screenName`.
    public var location: String?
    /// See `screenName`.
    public var description: String?
    /// See `screenName`.
    public var followers: Int64?
    /// See `screenName`.
    public var friends: Int64?
    /// See `screenName`.
    public var statuses: Int64?
    /// When the account was made, UTC epoch seconds.
    public var createdAt: Int64?
    /// See `screenName`.
    public var lang: String?
    /// See `screenName`.
    public var verified: Bool?
    /// A profile with only an id.
    public init(id: Int64) { self.id = id }
}

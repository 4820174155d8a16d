/// One tweet as twindex stores it: the fields the analyses and searches need, already
/// decoded from whichever JSON shape (v1.1 REST, v1.1 streaming, v2) it came in.
public struct Tweet: Sendable, Equatable {
    public var id: Int64
    /// Seconds since 1970-01-01 UTC; nil when the source omits it (v2 default fields).
    public var createdAt: Int64?
    public var authorID: Int64?
    /// The tweet's full text with `&amp;`, `&lt;`, `&gt;` decoded.
    public var text: String
    public var lang: String?
    public var source: String?
    public var inReplyToStatusID: Int64?
    public var inReplyToUserID: Int64?
    public var inReplyToScreenName: String?
    public var retweetedID: Int64?
    public var quotedID: Int64?
    public var longitude: Double?
    public var latitude: Double?
    public var placeID: String?
    public var placeName: String?
    public var placeCountry: String?
    /// Distinct hashtags of the tweet (one per normalised tag, first spelling kept), in order.
    public var hashtags: [Hashtag]
    /// Distinct mentioned screen names (case-insensitively), in order.
    public var mentions: [Mention]
    public var urls: [String]
    /// Text rule: after leading white space the text starts with `@`/`＠` and a screen name.
    public var startsWithAt: Bool
    /// Entities were extracted from the text because the JSON carried none.
    public var entitiesFromText: Bool
    /// The author's profile location at the time of the tweet was non-empty.
    public var authorHasLocation: Bool
    public var author: User?

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
    public var tag: String
    public var spelling: String
    public init(tag: String, spelling: String) {
        self.tag = tag
        self.spelling = spelling
    }
}

/// A user mention: the screen name as written and the user id when the entity had one.
public struct Mention: Sendable, Equatable {
    public var screenName: String
    public var userID: Int64?
    public init(screenName: String, userID: Int64? = nil) {
        self.screenName = screenName
        self.userID = userID
    }
}

/// A user profile as embedded in a tweet (v1.1 `user`, v2 `includes.users`).
public struct User: Sendable, Equatable {
    public var id: Int64
    public var screenName: String?
    public var name: String?
    public var location: String?
    public var description: String?
    public var followers: Int64?
    public var friends: Int64?
    public var statuses: Int64?
    public var createdAt: Int64?
    public var lang: String?
    public var verified: Bool?
    public init(id: Int64) { self.id = id }
}

/// An entity found in a text, with its range in Unicode code points (twitter-text's indices).
public struct TextEntity: Equatable, Sendable {
    /// What was found; a mention of a list carries its slug.
    public enum Kind: Equatable, Sendable {
        /// `#tag`.
        case hashtag
        /// `@name`, or `@name/list` with the list's slug (empty for a plain mention).
        case mention(listSlug: String)
        /// `$CASH`.
        case cashtag
        /// A URL.
        case url
    }
    /// What was found.
    public var kind: Kind
    /// The hashtag, screen name, cashtag or URL without its sign.
    public var value: String
    /// Code-point offsets: the entity is `start..<end`, its sign included.
    public var start: Int
    /// See `start`.
    public var end: Int
}

/// An entity found in a text, with its range in Unicode code points (twitter-text's indices).
public struct TextEntity: Equatable, Sendable {
    public enum Kind: Equatable, Sendable {
        case hashtag
        case mention(listSlug: String)
        case cashtag
        case url
    }
    public var kind: Kind
    /// The hashtag, screen name, cashtag or URL without its sign.
    public var value: String
    public var start: Int
    public var end: Int
}

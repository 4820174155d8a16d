import Model
import Text

/// The per-tweet entity rules shared by every JSON shape: one hashtag per normalised tag,
/// one mention per screen name (case-insensitively), and twitter-text extraction when the
/// JSON carries no entities.
enum TweetFacts {
    static func setEntities(_ t: inout Tweet, hashtags: [String], mentions: [Mention], urls: [String]) {
        var seenTags = Set<String>()
        t.hashtags = hashtags.compactMap { spelling in
            let tag = TagNormalizer.normalize(spelling)
            guard !tag.isEmpty, seenTags.insert(tag).inserted else { return nil }
            return Hashtag(tag: tag, spelling: spelling)
        }
        var seenNames = Set<String>()
        t.mentions = mentions.filter { seenNames.insert($0.screenName.lowercased()).inserted }
        var seenURLs = Set<String>()
        t.urls = urls.filter { seenURLs.insert($0).inserted }
    }

    static func extractEntities(_ t: inout Tweet, from text: String) {
        t.entitiesFromText = true
        setEntities(&t,
                    hashtags: TwitterText.hashtags(in: text).map(\.value),
                    mentions: TwitterText.mentions(in: text).map { Mention(screenName: $0.value) },
                    urls: TwitterText.urls(in: text).map(\.value))
    }
}

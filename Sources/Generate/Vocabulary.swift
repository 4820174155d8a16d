/// The words, accounts and hashtags generated tweets are made of.
enum Vocabulary {
    static let words = """
        vandaag morgen overleg beleid nota kamerbrief ministerie gemeente provincie burgers \
        samenwerking project team vergadering presentatie rapport onderzoek advies begroting \
        wetsvoorstel uitvoering dienstverlening informatie bijeenkomst congres workshop sessie \
        mooi goed interessant belangrijk nieuw eerste laatste grote kleine snelle \
        werken delen lezen schrijven praten denken bouwen leren vieren starten \
        trein station fiets koffie lunch kantoor thuis den haag utrecht amsterdam \
        financiële coördinatie privé reünie tentenkamp één geïnteresseerd ideeën \
        de het een en van in op met voor naar over bij door is was wordt zijn \
        dank iedereen collega's ambtenaren minister staatssecretaris kamerleden
        """.split(separator: " ").map(String.init)

    /// Five planted topic clusters, like the study's Figuur 3: (tag, spelling variants with weights).
    static let clusters: [[String]] = [
        ["ns", "fail", "sneeuw", "weekend", "schaatsen", "koffie", "café"],
        ["nieuwsuur", "buitenhof", "dwdd", "regeerakkoord", "formatie", "vvd", "pvda"],
        ["topsectoren", "duurzaamheid", "sustainability", "energie", "klimaat", "circulair"],
        ["socialmedia", "overheid", "communicatie", "burgerparticipatie", "crowdsourcing", "innovatie"],
        ["hnw", "hetnieuwewerken", "tedxbinnenhof", "ambtenaar20", "society30", "yammer", "pleio"],
    ]

    /// Spellings of a tag and how often each is written (the first is the most frequent,
    /// so it is the label). Case and Unicode (NFC/NFD) variants share the normalised key.
    static func spellings(of tag: String) -> [(String, Double)] {
        switch tag {
        case "ns": return [("NS", 0.7), ("ns", 0.2), ("Ns", 0.1)]
        case "hnw": return [("hnw", 0.6), ("HNW", 0.4)]
        case "café": return [("café", 0.6), ("cafe\u{301}", 0.25), ("CAFÉ", 0.15)]
        case "overheid": return [("overheid", 0.75), ("Overheid", 0.25)]
        case "socialmedia": return [("socialmedia", 0.6), ("SocialMedia", 0.3), ("SOCIALMEDIA", 0.1)]
        case "ambtenaar20": return [("ambtenaar20", 0.8), ("Ambtenaar20", 0.2)]
        case "dwdd": return [("dwdd", 0.7), ("DWDD", 0.3)]
        default: return [(tag, 1)]
        }
    }

    /// Accounts outside the corpus that get mentioned.
    static let outsideAccounts = [
        "rijksoverheid", "minbzk", "NOS", "nunl", "Kamerleden", "ANPnieuws", "VNG", "Ambtenaar20",
        "RTLnieuws", "Volkskrant", "NRC", "Trouw", "ProDemos", "Binnenlands_Bestuur", "KINGgemeenten",
    ]

    static let firstNames = ["jan", "piet", "marie", "anne", "kees", "els", "joost", "sanne", "bas", "eva",
                             "tom", "lisa", "mark", "ingrid", "wim", "femke", "ruud", "noor", "erik", "lotte"]

    static let locations = ["Den Haag", "Utrecht", "Amsterdam", "Rotterdam", "Zwolle", "Leiden", "Delft",
                            "Groningen", "Nederland", "Haarlem", "Arnhem", "'s-Hertogenbosch"]

    static let clients = [
        "<a href=\"http://twitter.com\" rel=\"nofollow\">Twitter Web Client</a>",
        "<a href=\"http://twitter.com/download/iphone\" rel=\"nofollow\">Twitter for iPhone</a>",
        "<a href=\"http://www.tweetdeck.com\" rel=\"nofollow\">TweetDeck</a>",
        "<a href=\"http://twitter.com/download/android\" rel=\"nofollow\">Twitter for Android</a>",
        "<a href=\"http://www.hootsuite.com\" rel=\"nofollow\">HootSuite</a>",
    ]
}

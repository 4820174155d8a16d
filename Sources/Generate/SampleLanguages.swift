/// The languages of the generated 1% sample (`SampleStreamGenerator`), with their shares of
/// tweets as the 2013 sample roughly had them, the script each is written in, and the words
/// and hashtags its tweets are made of.
struct SampleLanguage {
    /// The `lang` code Twitter gave its tweets (`und`: undetermined).
    let code: String
    /// The Unicode script of its words (`Latin`, `Arabic`, ...; `Emoji` for `und`).
    let script: String
    /// Relative share of tweets.
    let weight: Double
    /// Whether words are separated by spaces (not in Japanese, Chinese or Thai).
    let spaced: Bool
    let words: [String]
    /// Hashtags written in this language (besides the global ones).
    let tags: [String]

    init(_ code: String, _ script: String, _ weight: Double, spaced: Bool = true, _ words: String, tags: [String]) {
        self.code = code
        self.script = script
        self.weight = weight
        self.spaced = spaced
        self.words = words.split(separator: " ").map(String.init)
        self.tags = tags
    }

    static let all: [SampleLanguage] = [
        .init("en", "Latin", 0.34, "the a to and i you my is for of in it on me this that so just love day lol what good like now get time new people today happy",
              tags: ["nowplaying", "TeamFollowBack", "love", "FF", "np", "jobs", "Obama", "SuperBowl"]),
        .init("ja", "Japanese", 0.16, spaced: false, "今日は 明日も ありがとう おはよう です ました 本当に 楽しい 眠い 仕事だ ラーメン かわいい 東京へ 雪が ね よ",
              tags: ["ワンピース", "拡散希望", "相互フォロー"]),
        .init("es", "Latin", 0.11, "que de no la el en y a me lo por un es con para mi te se hoy amor feliz jajaja",
              tags: ["FelizMiercoles", "SiguemeYTeSigo"]),
        .init("pt", "Latin", 0.07, "que não de eu é o a você me uma pra com muito hoje amo bom dia kkkk", tags: ["BBB13", "sdv"]),
        .init("ar", "Arabic", 0.06, "في من على الله لا ما هذا كل يا انا اللهم صباح الخير", tags: ["عاجل", "السعودية"]),
        .init("id", "Latin", 0.06, "aku kamu yang dan di ini itu gak ada mau sama lagi udah banget", tags: ["JKT48"]),
        .init("tr", "Latin", 0.03, "bir ve bu çok ne da için ben sen güzel şey değil", tags: ["Galatasaray"]),
        .init("ru", "Cyrillic", 0.025, "я и в не что на это как ты так привет сегодня", tags: ["москва"]),
        .init("fr", "Latin", 0.025, "je de la le et les pas est à un que c'est trop ça bien", tags: ["Paris"]),
        .init("ko", "Hangul", 0.02, "나는 오늘 진짜 너무 사랑해 고마워 우리 그냥 정말", tags: ["엑소"]),
        .init("th", "Thai", 0.02, spaced: false, "ฉัน คุณ วันนี้ ไม่ รัก มาก ที่ จะ นอน", tags: ["ไทย"]),
        .init("tl", "Latin", 0.01, "ako ikaw ang na sa mo ko naman talaga", tags: ["PBB"]),
        .init("nl", "Latin", 0.01, "ik je het de een en van niet dat is maar lekker", tags: ["dtv", "sneeuw"]),
        .init("de", "Latin", 0.01, "ich und die der das nicht ist ein zu heute", tags: ["Dschungelcamp"]),
        .init("it", "Latin", 0.008, "che di non la il e un è per mi oggi", tags: ["Sanremo"]),
        .init("zh", "Han", 0.005, spaced: false, "我 你 的 是 不 了 今天 好 很 在", tags: ["微博"]),
        .init("fa", "Arabic", 0.004, "من به از که این را و است", tags: ["ایران"]),
        .init("hi", "Devanagari", 0.003, "मैं है और के में यह नहीं", tags: ["भारत"]),
        .init("und", "Emoji", 0.02, "😂 ❤️ 😍 👍 😭 🙏 ✌️ 🎉 💕 😊", tags: []),
    ]

    /// Hashtags every language uses.
    static let globalTags = ["TeamFollowBack", "RT", "FF", "followme", "instantfollowback", "Justin", "1DWorldTour"]
}

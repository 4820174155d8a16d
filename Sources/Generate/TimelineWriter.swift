import Model
import Text

/// Writes one account's timeline, newest first, and adds what it wrote to the truth.
struct TimelineWriter {
    let account: Account
    let accounts: [Account]
    let groups: AccountGroups
    let options: CorpusGenerator.Options
    let rhythm: ActivityRhythm

    /// Text under construction with the code-point indices of its entities.
    private struct Draft {
        var text = ""
        var length = 0
        var hashtags: [(spelling: String, start: Int, end: Int)] = []
        var mentions: [(name: String, id: Int64?, start: Int, end: Int)] = []
        var urls: [(url: String, expanded: String, start: Int, end: Int)] = []

        mutating func append(_ s: String) {
            if !text.isEmpty { text += " "; length += 1 }
            text += s
            length += s.unicodeScalars.count
        }

        mutating func hashtag(_ spelling: String) {
            append("#" + spelling)
            hashtags.append((spelling, length - spelling.unicodeScalars.count - 1, length))
        }

        mutating func mention(_ name: String, id: Int64?, prefix: String = "", suffix: String = "") {
            append(prefix + "@" + name + suffix)
            let end = length - suffix.unicodeScalars.count
            mentions.append((name, id, end - name.unicodeScalars.count - 1, end))
        }

        mutating func link(_ short: String, _ expanded: String) {
            append(short)
            urls.append((short, expanded, length - short.count, length))
        }
    }

    mutating func write(count: Int, rng: inout SeededRandom, truth: inout Truth, emit: (String) throws -> Void) rethrows {
        let shares = options.profile.shares
        let mentionWithoutReply = (shares.mentions - shares.startsWithAt) / (1 - shares.startsWithAt)
        let lo = rhythm.cumulative[rhythm.hourIndex(of: account.joined)]
        let hi = rhythm.cumulative[rhythm.hours]
        // Sorted uniforms, largest first (newest tweet first), in constant memory.
        var u = 1.0
        var previous = Int64.max
        var lastDay = Int64.min
        var lastLine = ""
        var lastTime = Int64.min
        truth.users += 1
        for k in 0..<count {
            u *= pow(rng.unit(), 1.0 / Double(count - k))
            var t = rhythm.time(atCumulative: lo + u * (hi - lo))
            if t >= previous { t = previous - 1 }   // one tweet per second per account
            previous = t
            let offset = Int64(rhythm.offsets[rhythm.hourIndex(of: t)])
            let local = LocalTime(epoch: t + offset)

            let startsWithAt = rng.unit() < shares.startsWithAt
            let hasMention = startsWithAt || rng.unit() < mentionWithoutReply
            let hasHashtag = rng.unit() < shares.hashtags
            let (line, facts) = tweetLine(at: t, startsWithAt: startsWithAt, hasMention: hasMention,
                                          hasHashtag: hasHashtag, rng: &rng)
            try emit(line)
            truth.capture.tweetWritten(at: t, offset: offset)
            truth.lines += 1
            truth.tweets += 1
            truth.first = min(truth.first, t)
            truth.last = max(truth.last, t)
            if hasHashtag { truth.withHashtags += 1 }
            if hasMention { truth.withMentions += 1 }
            if startsWithAt { truth.startsWithAt += 1 }
            truth.weekday[local.weekday - 1] += 1
            truth.hour[local.hour] += 1
            truth.weekHour[local.weekday - 1][local.hour] += 1
            for (tag, spelling) in facts.tags {
                truth.tags[tag, default: .init()].tweets += 1
                truth.tags[tag]!.users.insert(account.index)
                truth.tags[tag]!.spellings[TagNormalizer.nfc(spelling), default: 0] += 1
            }
            if let key = facts.repeated { truth.addRepeat(key, account: account.index) }
            var day = truth.days[local.dayNumber, default: .init()]
            day.tweets += 1
            if local.dayNumber != lastDay { day.activeUsers += 1 }
            lastDay = local.dayNumber
            if facts.located { day.located += 1 }
            if facts.geocoded { day.geocoded += 1 }
            if hasHashtag { day.withHashtags += 1 }
            if hasMention { day.withMentions += 1 }
            if facts.link { day.withLinks += 1 }
            if facts.retweet { day.retweets += 1 }
            if facts.reply { day.replies += 1 }
            truth.days[local.dayNumber] = day
            // REST pages overlap: now and then a tweet comes twice.
            if k > 0, rng.unit() < 0.003 {
                try emit(lastLine)
                truth.capture.lastTweetWritten = lastTime
                truth.lines += 1
                truth.duplicates += 1
            }
            (lastLine, lastTime) = (line, t)
        }
    }

    private struct Facts {
        var tags: [(String, String)] = []
        var located = false, geocoded = false, link = false, retweet = false, reply = false
        var repeated: String?   // the identical-text key of a planted text (RepeatedTexts)
    }

    private func words(_ n: Int, _ rng: inout SeededRandom) -> [String] {
        (0..<n).map { _ in Vocabulary.words[Int(rng.next() % UInt64(Vocabulary.words.count))] }
    }

    private func pick<T>(_ items: [T], _ rng: inout SeededRandom) -> T { items[Int(rng.next() % UInt64(items.count))] }

    /// Someone to mention: mostly colleagues in the corpus (of the account's group, see
    /// `AccountGroups`), sometimes an outside account.
    private func mentionTarget(_ rng: inout SeededRandom) -> (String, Int64?) {
        if rng.unit() < 0.6, accounts.count > 1 {
            let other = accounts[groups.colleague(of: account, draw: rng.next())]
            return (other.screenName, other.id)
        }
        return (pick(Vocabulary.outsideAccounts, &rng), nil)
    }

    private func spelling(of tag: String, _ rng: inout SeededRandom) -> String {
        let options = Vocabulary.spellings(of: tag)
        var r = rng.unit()
        for (s, p) in options {
            r -= p
            if r < 0 { return s }
        }
        return options[0].0
    }

    /// Hashtags of one tweet: one to three from a cluster (mostly the account's own), now
    /// and then a rare tag from the long tail.
    private func hashtags(_ rng: inout SeededRandom) -> [String] {
        let cluster = Vocabulary.clusters[rng.unit() < 0.8 ? account.homeCluster : Int(rng.next() % 5)]
        let n = rng.unit() < 0.55 ? 1 : (rng.unit() < 0.67 ? 2 : 3)
        var tags: [String] = []
        for k in 0..<n {
            // A second or third tag now and then comes from another cluster (bridging edges).
            let from = k > 0 && rng.unit() < 0.1 ? Vocabulary.clusters[Int(rng.next() % 5)] : cluster
            // Zipf-like within the cluster.
            let r = rng.unit()
            let rank = min(from.count - 1, Int(pow(r, 1.8) * Double(from.count)))
            tags.append(spelling(of: from[rank], &rng))
        }
        if rng.unit() < 0.12 { tags.append("dag\(rng.next() % 4000)") }
        return tags
    }

    private func tweetLine(at t: Int64, startsWithAt: Bool, hasMention: Bool, hasHashtag: Bool,
                           rng: inout SeededRandom) -> (String, Facts) {
        var facts = Facts()
        var draft = Draft()
        let id = Self.tweetID(time: t, account: account.index)
        var replyTo: (status: Int64?, user: Int64?, name: String)?
        var retweeted: (name: String, id: Int64?)?
        if startsWithAt {
            let (name, uid) = mentionTarget(&rng)
            draft.mention(name, id: uid)
            if rng.unit() < 0.85 {
                replyTo = (Self.tweetID(time: t - 60 - Int64(rng.next() % 86400), account: Int(rng.next() % 4096)), uid, name)
            }
        } else if hasMention {
            let style = rng.unit()
            let (name, uid) = mentionTarget(&rng)
            if style < 0.45 {
                draft.append("RT")
                draft.mention(name, id: uid, suffix: ":")
                retweeted = (name, uid)
            } else if style < 0.55 {
                draft.mention(name, id: uid, prefix: ".")
            } else {
                for w in words(2 + Int(rng.next() % 4), &rng) { draft.append(w) }
                draft.mention(name, id: uid)
            }
        }
        let planted = RepeatedTexts.text(for: account, &rng)
        let long = rng.unit() < 0.03
        for w in planted.map({ [$0] }) ?? words((long ? 22 : 4) + Int(rng.next() % 8), &rng) { draft.append(w) }
        if rng.unit() < 0.02 { draft.append("Q&amp;A") }
        if hasMention && rng.unit() < 0.15 {
            let (name, uid) = mentionTarget(&rng)
            if !draft.mentions.contains(where: { $0.name.lowercased() == name.lowercased() }) {
                draft.append("met")
                draft.mention(name, id: uid)
            }
        }
        if hasHashtag {
            var seen = Set<String>()
            for spelling in hashtags(&rng) {
                draft.hashtag(spelling)
                let tag = TagNormalizer.normalize(spelling)
                if seen.insert(tag).inserted { facts.tags.append((tag, spelling)) }
            }
        }
        if rng.unit() < 0.25 {
            let slug = String(rng.next() % 1_000_000_000, radix: 36)
            draft.link("http://t.co/\(slug)", "http://www.rijksoverheid.nl/nieuws/\(slug)")
            facts.link = true
        }
        facts.repeated = planted.map { _ in RepeatedTexts.key(of: draft.text, removing: draft.urls.map { $0.start..<$0.end } + (retweeted == nil ? [] : [0..<(draft.mentions[0].end + 1)])) }

        var json = TweetJSON()
        json.string("created_at", TweetJSON.date(t))
        json.int("id", id)
        json.string("id_str", String(id))
        let variant = rng.unit()
        let truncated = long && variant < 0.5
        if truncated {
            // Streaming-style: a cut text at the top, the full one in extended_tweet.
            let cut = String(String.UnicodeScalarView(draft.text.unicodeScalars.prefix(100))) + "\u{2026}"
            json.string("text", cut)
            json.bool("truncated", true)
        } else if variant > 0.95 {
            json.string("full_text", draft.text)
            json.bool("truncated", false)
        } else {
            json.string("text", draft.text)
            json.bool("truncated", false)
        }
        json.string("source", pick(Vocabulary.clients, &rng))
        json.int("in_reply_to_status_id", replyTo?.status)
        json.string("in_reply_to_status_id_str", replyTo?.status.map(String.init))
        json.int("in_reply_to_user_id", replyTo?.user)
        json.string("in_reply_to_user_id_str", replyTo?.user.map(String.init))
        json.string("in_reply_to_screen_name", replyTo?.name)
        facts.reply = replyTo?.status != nil
        json.raw("user", userJSON(at: t))
        let geo = rng.unit()
        if geo < 0.03 {
            let lat = 52.0 + rng.unit() * 0.2, lon = 4.2 + rng.unit() * 0.3
            let latS = String(format: "%.6f", lat), lonS = String(format: "%.6f", lon)
            json.raw("geo", #"{"type":"Point","coordinates":[\#(latS),\#(lonS)]}"#)
            json.raw("coordinates", #"{"type":"Point","coordinates":[\#(lonS),\#(latS)]}"#)
            facts.geocoded = true
        } else {
            json.raw("geo", "null")
            json.raw("coordinates", "null")
        }
        if geo < 0.08 {
            json.raw("place", #"{"id":"4ad12a3b2c1d0e9f","place_type":"city","name":"Den Haag","full_name":"Den Haag, Zuid-Holland","country_code":"NL","country":"Nederland"}"#)
        } else {
            json.raw("place", "null")
        }
        facts.located = geo < 0.08 || !account.location.isEmpty
        if let retweeted {
            let original = Self.tweetID(time: t - 30 - Int64(rng.next() % 7200), account: Int(rng.next() % 4096))
            var rt = TweetJSON()
            rt.string("created_at", TweetJSON.date(t - 600))
            rt.int("id", original)
            rt.string("id_str", String(original))
            rt.string("text", "origineel bericht")
            rt.raw("user", #"{"id":\#(retweeted.id ?? 1),"id_str":"\#(retweeted.id ?? 1)","screen_name":"\#(retweeted.name)"}"#)
            json.raw("retweeted_status", rt.close())
            facts.retweet = true
        }
        json.bool("is_quote_status", false)
        let entities = entitiesJSON(draft)
        // Some collections carry no entities at all: readers must extract them from the text.
        if truncated {
            let short = Draft(text: "", length: 0,
                              hashtags: draft.hashtags.filter { $0.end <= 100 },
                              mentions: draft.mentions.filter { $0.end <= 100 },
                              urls: draft.urls.filter { $0.end <= 100 })
            json.raw("entities", entitiesJSON(short))
            json.raw("extended_tweet", "{\"full_text\":" + TweetJSON.quoted(draft.text) + ",\"display_text_range\":[0,\(draft.length)],\"entities\":" + entities + "}")
        } else if rng.unit() >= 0.08 {
            json.raw("entities", entities)
        }
        json.string("lang", "nl")
        return (json.close(), facts)
    }

    private func entitiesJSON(_ d: Draft) -> String {
        let tags = d.hashtags.map { #"{"text":\#(TweetJSON.quoted($0.spelling)),"indices":[\#($0.start),\#($0.end)]}"# }
        let mentions = d.mentions.map { m -> String in
            let id = m.id.map { #","id":\#($0),"id_str":"\#($0)""# } ?? ""
            return #"{"screen_name":"\#(m.name)","name":"\#(m.name)"\#(id),"indices":[\#(m.start),\#(m.end)]}"#
        }
        let urls = d.urls.map {
            #"{"url":"\#($0.url)","expanded_url":"\#($0.expanded)","display_url":"rijksoverheid.nl\/…","indices":[\#($0.start),\#($0.end)]}"#
        }
        return #"{"hashtags":[\#(tags.joined(separator: ","))],"symbols":[],"user_mentions":[\#(mentions.joined(separator: ","))],"urls":[\#(urls.joined(separator: ","))]}"#
    }

    private func userJSON(at t: Int64) -> String {
        let months = max(0, (t - account.joined) / (30 * 86400))
        var u = TweetJSON()
        u.int("id", account.id)
        u.string("id_str", String(account.id))
        u.string("name", account.name)
        u.string("screen_name", account.screenName)
        u.string("location", account.location)
        u.string("description", "Ambtenaar bij de Rijksoverheid. Tweets op persoonlijke titel.")
        u.int("followers_count", 40 + months * 9)
        u.int("friends_count", 60 + months * 4)
        u.int("statuses_count", 1 + months * 20)
        u.string("created_at", TweetJSON.date(account.joined))
        u.string("lang", "nl")
        u.bool("verified", false)
        return u.close()
    }

    /// Ids as Twitter made them: sequential-looking before November 2010 (below 2^53),
    /// snowflake ids (time in milliseconds, shifted) after; unique per account and second.
    static func tweetID(time t: Int64, account: Int) -> Int64 {
        let snowflakeEpoch: Int64 = 1_288_834_974
        if t < snowflakeEpoch { return t << 22 | Int64(account & 0x3F_FFFF) }
        return (1 << 58) + ((t - snowflakeEpoch) * 1000) << 22 | Int64(account & 0x3F_FFFF)
    }
}

import Foundation

import Analysis
import Model

/// The `--json` documents of the analysers, exactly as CLI.md names their fields.
public enum AnalysisJSON {
    /// `twindex ratios --json`.
    public static func ratios(_ r: RatiosResult) -> JSONValue {
        .object([
            "tweets": .int(r.tweets),
            "rows": .array(r.rows.map { row in
                .object([
                    "name": .string(row.name), "count": .int(row.count), "share": .double(row.share),
                    "ci95": .array([.double(row.ci95.0), .double(row.ci95.1)]),
                    "baseline": row.baseline.map { b in
                        .object(["name": .string(b.name), "share": .double(b.share), "count": .optional(b.count),
                                 "tweets": .optional(b.tweets)])
                    } ?? .null,
                    "diff_pp": .optional(row.diffPP), "ratio": .optional(row.ratio),
                    "z": .optional(row.z), "p": .optional(row.p),
                ])
            }),
        ])
    }

    /// `twindex activity --json`.
    public static func activity(_ a: ActivityResult) -> JSONValue {
        .object([
            "tz": .string(a.timeZone),
            "from": .optional(a.range.from.map(CalendarBuckets.format)),
            "to": .optional(a.range.to.map(CalendarBuckets.format)),
            "tweets": .int(a.tweets),
            "weekday": .array(a.weekday.map(JSONValue.int)),
            "hour": .array(a.hour.map(JSONValue.int)),
            "week_hour": .array(a.weekHour.map { .array($0.map(JSONValue.int)) }),
            "weekend_share": .optional(a.weekendShare),
        ])
    }

    /// The columns of `twindex timeline` (table, CSV and JSON alike).
    public static let timelineColumns = ["date", "tweets", "active_users", "located", "geocoded", "with_hashtags",
                                         "with_mentions", "with_links", "retweets", "replies"]

    /// One row's cells, in `timelineColumns` order.
    public static func timelineCells(_ r: TimelineResult.Row) -> [JSONValue] {
        [.string(r.date), .int(r.tweets), .int(r.activeUsers), .int(r.located), .int(r.geocoded), .int(r.withHashtags),
         .int(r.withMentions), .int(r.withLinks), .int(r.retweets), .int(r.replies)]
    }

    /// `twindex timeline --json`.
    public static func timeline(_ t: TimelineResult) -> JSONValue {
        .object([
            "tz": .string(t.timeZone), "by": .string(t.period.rawValue),
            "rows": .array(t.rows.map { .object(Dictionary(uniqueKeysWithValues: zip(timelineColumns, timelineCells($0)))) }),
        ])
    }

    /// `twindex hashtags --json`; given `total` (the distinct tags in scope), also `total` and
    /// `truncated`.
    public static func hashtags(_ rows: [HashtagRow], total: Int? = nil) -> JSONValue {
        var members: [String: JSONValue] = ["rows": .array(rows.map {
            .object(["tag": .string($0.tag), "label": .string($0.label), "tweets": .int($0.tweets), "users": .int($0.users)])
        })]
        if let total { (members["total"], members["truncated"]) = (.int(Int64(total)), .bool(rows.count < total)) }
        return .object(members)
    }
}

extension AnalysisJSON {
    /// `document` (an object) with `"scope"` added: the scope the analysis ran over.
    public static func scoped(_ document: JSONValue, _ s: Scope) -> JSONValue {
        guard case .object(var members) = document else { return document }
        members["scope"] = scope(s)
        return .object(members)
    }

    /// The scope an analysis ran over, echoed in its `--json` document as `"scope"`:
    /// `{"from", "to", "users", "languages", "exclude_retweets"}` (days local, null when open).
    public static func scope(_ s: Scope) -> JSONValue {
        .object([
            "from": .optional(s.range.from.map(CalendarBuckets.format)),
            "to": .optional(s.range.to.map(CalendarBuckets.format)),
            "users": .array(s.users.map(JSONValue.string)),
            "languages": .array(s.languages.map(JSONValue.string)),
            "exclude_retweets": .bool(s.excludeRetweets),
        ])
    }
}
